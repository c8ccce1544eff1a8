/* MPS data lines: the free reading (fields split at blanks) and the fixed
 * one (fields by columns), checked against the section and the names
 * declared so far (mps.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

static int is_value_bound(const char *t) {
  /* bound types that need a value (BV's is optional) */
  return mps_ieq(t, "UP") || mps_ieq(t, "LO") || mps_ieq(t, "FX") ||
         mps_ieq(t, "LI") || mps_ieq(t, "UI") || mps_ieq(t, "SC");
}

static int parse_number(const char *tok, double *v, char *err) {
  if (!tok) {
    snprintf(err, ERR_LEN, "missing number");
    return -1;
  }
  if (scs_text_parse_double(tok, v) != 0) {
    /* what C's strtod would take: overflow, or hex, inf, infinity, nan */
    char *end;
    (void)strtod(tok, &end);
    const char *t = tok + (*tok == '+' || *tok == '-');
    int decimal = ((*t >= '0' && *t <= '9') || *t == '.') &&
                  !(t[0] == '0' && (t[1] == 'x' || t[1] == 'X'));
    if (end != tok && *end == '\0' && decimal)
      snprintf(err, ERR_LEN, "'%.60s' is out of range", tok);
    else if (end != tok && *end == '\0')
      snprintf(err, ERR_LEN,
               "'%.60s' is not a decimal number (hex, inf and nan are "
               "refused; |v| >= 1e20 means infinity)",
               tok);
    else
      snprintf(err, ERR_LEN, "'%.60s' is not a number", tok);
    return -1;
  }
  return 0;
}

static int find_row(const Mps *p, const char *name, scs_int *out, char *err) {
  if (!name) {
    snprintf(err, ERR_LEN, "missing row name");
    return -1;
  }
  *out = scs_mps_names_find(&p->rows, name);
  if (*out < 0) {
    snprintf(err, ERR_LEN, "unknown row '%.60s'", name);
    return -1;
  }
  return 0;
}

static int find_col(const Mps *p, const char *name, scs_int *out, char *err) {
  if (!name) {
    snprintf(err, ERR_LEN, "missing column name");
    return -1;
  }
  *out = scs_mps_names_find(&p->cols, name);
  if (*out < 0) {
    snprintf(err, ERR_LEN, "unknown column '%.60s'", name);
    return -1;
  }
  return 0;
}

/* ---- the two readings of a data line ------------------------------------- */

static const char *sec_name(const Mps *p) {
  return p->section == SEC_QUAD ? p->q_section : scs_mps_sec_names[p->section];
}

static int field_count_error(const Mps *p, int ntok, char *err) {
  static const char *expected[SEC_COUNT] = {
      "", "", "", "", "2", "3 or 5", "2 to 5", "2 to 5", "2 to 4", "3", ""};
  snprintf(err, ERR_LEN, "%d fields in a %s line (expected %s)", ntok,
           sec_name(p), expected[p->section]);
  return -1;
}

/* Free MPS: fields separated by blanks, no blanks in names. */
static int free_fields(const Mps *p, char **tok, int ntok, Fields *F,
                       char *err) {
  memset(F, 0, sizeof(*F));
  switch (p->section) {
  case SEC_ROWS:
    if (ntok != 2) return field_count_error(p, ntok, err);
    F->f[1] = tok[0];
    F->f[2] = tok[1];
    return 0;
  case SEC_COLUMNS:
  case SEC_QUAD:
    if (ntok != 3 && !(ntok == 5 && p->section == SEC_COLUMNS))
      return field_count_error(p, ntok, err);
    for (int k = 0; k < ntok; ++k) F->f[2 + k] = tok[k];
    return 0;
  case SEC_RHS:
  case SEC_RANGES: {
    if (ntok < 2 || ntok > 5) return field_count_error(p, ntok, err);
    /* name-value pairs, after a set name when the count is odd */
    int off = ntok % 2;
    if (off) F->f[2] = tok[0];
    for (int k = off; k < ntok; ++k) F->f[3 + k - off] = tok[k];
    return 0;
  }
  case SEC_BOUNDS:
    if (ntok < 2 || ntok > 4) return field_count_error(p, ntok, err);
    F->f[1] = tok[0];
    if (ntok == 4) {
      F->f[2] = tok[1], F->f[3] = tok[2], F->f[4] = tok[3];
    } else if (ntok == 2) {
      F->f[3] = tok[1]; /* a type without value, no set name */
    } else if (is_value_bound(tok[0]) ||
               (scs_mps_names_find(&p->cols, tok[2]) < 0 &&
                scs_mps_names_find(&p->cols, tok[1]) >= 0)) {
      F->f[3] = tok[1], F->f[4] = tok[2]; /* no set name */
    } else {
      F->f[2] = tok[1], F->f[3] = tok[2]; /* a type without value */
    }
    return 0;
  default:
    return field_count_error(p, ntok, err);
  }
}

/* Fixed MPS: fields by columns. line is the original line (len chars). */
static int fixed_fields(Mps *p, const char *line, size_t len, Fields *F,
                        char *err) {
  static const int first[7] = {0, 2, 5, 15, 25, 40, 50};
  static const int last[7] = {0, 3, 12, 22, 36, 47, 61};
  memset(F, 0, sizeof(*F));
  while (len > 0 && line[len - 1] == ' ') --len;
  if (len > 61) {
    snprintf(err, ERR_LEN, "not a fixed-format line (text past column 61)");
    return -1;
  }
  char *w = p->fix;
  memset(w, ' ', 63);
  memcpy(w, line, len);
  w[63] = '\0';
  for (int c = 1; c <= 61; ++c) {
    char ch = w[c - 1];
    int in_field = 0;
    for (int k = 1; k <= 6; ++k)
      if (c >= first[k] && c <= last[k]) in_field = 1;
    if (ch == '\t' || (!in_field && ch != ' ')) {
      snprintf(err, ERR_LEN, "not a fixed-format line (text in column %d)",
               c);
      return -1;
    }
  }
  /* trim each field; a NUL after a field's last character lands inside
   * the field or on the blank column after it */
  for (int k = 1; k <= 6; ++k) {
    int a = first[k] - 1, b = last[k] - 1;
    while (a <= b && w[a] == ' ') ++a;
    while (b >= a && w[b] == ' ') --b;
    if (a > b) continue;
    w[b + 1] = '\0';
    F->f[k] = w + a;
  }
  return 0;
}

/* Check the fields of a line against its section and resolve names and
 * numbers, without changing anything. */

/* COLUMNS, RHS, RANGES: one or two (row, value) pairs. */
static int interpret_pairs(const Mps *p, const char *const *f, Parsed *q,
                           char *err) {
  if (f[1] || (!f[5]) != (!f[6]) || !f[4]) {
    snprintf(err, ERR_LEN, "malformed %s line", scs_mps_sec_names[p->section]);
    return -1;
  }
  if (p->section == SEC_COLUMNS) {
    if (!f[2]) {
      snprintf(err, ERR_LEN, "missing column name");
      return -1;
    }
    q->name = f[2];
    scs_int cur = (scs_int)p->cols.count - 1;
    if (cur >= 0 && strcmp(names_str(&p->cols, cur), f[2]) == 0)
      q->col = cur;
    else
      q->col = scs_mps_names_find(&p->cols, f[2]);
  } else {
    q->set = f[2] ? f[2] : "";
  }
  q->npairs = f[5] ? 2 : 1;
  for (int k = 0; k < q->npairs; ++k) {
    if (find_row(p, f[3 + 2 * k], &q->row[k], err) ||
        parse_number(f[4 + 2 * k], &q->val[k], err))
      return -1;
  }
  return 0;
}

static int interpret_bounds(const Mps *p, const char *const *f, Parsed *q,
                            char *err) {
  if (!f[1] || f[5] || f[6]) {
    snprintf(err, ERR_LEN, "malformed BOUNDS line");
    return -1;
  }
  static const struct {
    const char *name;
    int code;
  } TYPES[] = {{"UP", B_UP}, {"LO", B_LO},   {"FX", B_FX},
               {"FR", B_FR}, {"MI", B_MI},   {"PL", B_PL},
               {"BV", BT_BV}, {"LI", BT_INT}, {"UI", BT_INT},
               {"SC", BT_SC}};
  q->btype = 0;
  for (size_t t = 0; t < sizeof(TYPES) / sizeof(TYPES[0]); ++t)
    if (mps_ieq(f[1], TYPES[t].name)) q->btype = TYPES[t].code;
  if (!q->btype) {
    snprintf(err, ERR_LEN, "unknown bound type '%.20s'", f[1]);
    return -1;
  }
  q->set = f[2] ? f[2] : "";
  if (find_col(p, f[3], &q->col, err)) return -1;
  if (f[4]) {
    if (parse_number(f[4], &q->val[0], err)) return -1;
    q->has_val = 1;
  } else if (is_value_bound(f[1])) {
    snprintf(err, ERR_LEN, "%s bound without a value", f[1]);
    return -1;
  }
  return 0;
}

/* Check the fields of a line against its section and resolve names and
 * numbers, without changing anything. */
static int interpret(const Mps *p, const Fields *F, Parsed *q, char *err) {
  memset(q, 0, sizeof(*q));
  const char *const *f = F->f;
  switch (p->section) {
  case SEC_ROWS:
    if (!f[1] || !f[2] || f[3] || f[4] || f[5] || f[6]) {
      snprintf(err, ERR_LEN, "a ROWS line is a row type and a row name");
      return -1;
    }
    if (strlen(f[1]) != 1 || !strchr("NELGnelg", f[1][0])) {
      snprintf(err, ERR_LEN, "unknown row type '%.20s' (expected N, E, L or G)",
               f[1]);
      return -1;
    }
    q->type = (char)toupper((unsigned char)f[1][0]);
    q->name = f[2];
    return 0;
  case SEC_COLUMNS:
  case SEC_RHS:
  case SEC_RANGES:
    return interpret_pairs(p, f, q, err);
  case SEC_BOUNDS:
    return interpret_bounds(p, f, q, err);
  case SEC_QUAD:
    if (f[1] || f[5] || f[6]) {
      snprintf(err, ERR_LEN, "malformed %s line", p->q_section);
      return -1;
    }
    if (find_col(p, f[2], &q->col, err) || find_col(p, f[3], &q->col2, err) ||
        parse_number(f[4], &q->val[0], err))
      return -1;
    return 0;
  default:
    snprintf(err, ERR_LEN, "unexpected data line");
    return -1;
  }
}

int scs_mps_parse_line(Mps *p, char *line, size_t len, Parsed *q) {
  /* keep the line for the fixed-column reading, then split it */
  if (scs_io_grow((void **)&p->work, &p->work_cap, len + 1, 1))
    return mps_oom(p);
  char *orig = p->work;
  memcpy(orig, line, len + 1);
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  if (p->section == SEC_COLUMNS && ntok >= 3 && ntok <= MAX_TOKENS &&
      mps_ieq(tok[1], "'MARKER'")) {
    if (mps_ieq(tok[2], "'INTORG'") || mps_ieq(tok[2], "'INTEND'"))
      scs_text_error(p->r, "integer variables are not supported (MARKER %s)",
                     tok[2]);
    else
      scs_text_error(p->r, "unsupported MARKER type %.60s", tok[2]);
    return -1;
  }
  Fields F;
  char err1[ERR_LEN], err2[ERR_LEN];
  int ok;
  if (!p->fixed) {
    ok = ntok <= MAX_TOKENS && free_fields(p, tok, ntok, &F, err1) == 0 &&
         interpret(p, &F, q, err1) == 0;
    if (ntok > MAX_TOKENS) field_count_error(p, ntok, err1);
    if (!ok && fixed_fields(p, orig, len, &F, err2) == 0 &&
        interpret(p, &F, q, err2) == 0) {
      ok = 1;
      p->fixed = 1; /* blanks inside names: read by columns from now on */
    }
  } else {
    ok = fixed_fields(p, orig, len, &F, err1) == 0 &&
         interpret(p, &F, q, err1) == 0;
    if (!ok && ntok <= MAX_TOKENS && free_fields(p, tok, ntok, &F, err2) == 0 &&
        interpret(p, &F, q, err2) == 0)
      ok = 1;
  }
  if (!ok) {
    scs_text_error(p->r, "%s", err1);
    return -1;
  }
  return 0;
}
