/*
 * MPS / QPS reader: free and fixed MPS (QPS included), converted to the SCS
 * form. docs/problem_files.md ("MPS and QPS") describes the accepted files and the
 * conversion; in short:
 *
 *   - x is the file's columns in file order; the first N row is the
 *     objective (its RHS is the negated objective constant), QUADOBJ /
 *     QSECTION (one triangle) or QMATRIX (both triangles) give Q with the
 *     objective 1/2 x'Qx;
 *   - every row and every variable bound is an interval l <= e <= u on an
 *     expression e (a'x or x_j): l == u is a zero-cone row, a single finite
 *     side a nonnegative row, two finite sides two nonnegative rows (or,
 *     with MPS_USE_BOX_CONE, one box-cone row after the box cone's t row),
 *     no finite side nothing;
 *   - A is assembled in cone order: zero rows (file rows, then fixed
 *     variables), nonnegative rows (rows, then bounds), box if used (t,
 *     rows, bounds); within each family the file's order.
 *
 * Fixed or free fields: every data line is first split at blanks (free
 * MPS). A line whose split does not fit its section (wrong field count, a
 * non-number where a number goes, an undeclared name) is tried with the
 * fixed-format columns 2-3, 5-12, 15-22, 25-36, 40-47, 50-61, which allow
 * blanks inside names; if that reading works the rest of the file is read
 * as fixed format first (free split as the fallback). Errors are reported
 * for the reading of the file's current mode.
 *
 * Memory: names live in one character arena with open-addressing hash
 * tables of indices; matrix entries in growing arrays (no per-entry
 * allocation). Everything is released on every error path.
 */
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "io/problem.h"
#include "io/text_reader.h"

#define MPS_INF 1e20 /* |v| >= MPS_INF means infinity */
#define MAX_TOKENS 16
#define ERR_LEN 320

/* the largest count an scs_int holds */
#define MPS_INT_MAX \
  ((sizeof(scs_int) == 4) ? (size_t)INT_MAX : (size_t)LLONG_MAX)

/* ---- small helpers ------------------------------------------------------ */

static int ieq(const char *a, const char *b) {
  for (; *a && *b; ++a, ++b)
    if (toupper((unsigned char)*a) != toupper((unsigned char)*b)) return 0;
  return *a == *b;
}

/* Grow *arr (elements of size elem) to hold at least need elements. */
static int grow(void **arr, size_t *cap, size_t need, size_t elem) {
  if (need <= *cap) return 0;
  size_t nc = *cap ? *cap : 16;
  while (nc < need) {
    if (nc > SIZE_MAX / 2 / elem) return -1;
    nc *= 2;
  }
  void *na = realloc(*arr, nc * elem);
  if (!na) return -1;
  *arr = na;
  *cap = nc;
  return 0;
}

/* ---- names: an arena and an open-addressing hash table ------------------ */

/* a slot keeps the hash next to the index: one cache miss per probe */
typedef struct {
  uint64_t h;
  scs_int k;
} Slot;

typedef struct {
  char *chars; /* NUL-terminated names back to back */
  size_t chars_len, chars_cap;
  size_t *off;    /* name k starts at chars + off[k] */
  uint64_t *hash; /* hash of name k */
  size_t count, cap;
  Slot *slots;   /* k = -1: empty */
  size_t nslots; /* power of two, at least twice count */
} Names;

static uint64_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h ^ (h >> 29);
}

static const char *names_str(const Names *t, scs_int k) {
  return t->chars + t->off[k];
}

static scs_int names_find_h(const Names *t, const char *s, uint64_t h) {
  if (!t->nslots) return -1;
  size_t mask = t->nslots - 1;
  for (size_t pos = (size_t)h & mask;; pos = (pos + 1) & mask) {
    const Slot *sl = &t->slots[pos];
    if (sl->k < 0) return -1;
    if (sl->h == h && strcmp(names_str(t, sl->k), s) == 0) return sl->k;
  }
}

static scs_int names_find(const Names *t, const char *s) {
  return names_find_h(t, s, name_hash(s));
}

static int names_rehash(Names *t, size_t nslots) {
  Slot *ns = malloc(nslots * sizeof(*ns));
  if (!ns) return -1;
  for (size_t i = 0; i < nslots; ++i) ns[i].k = -1;
  size_t mask = nslots - 1;
  for (size_t k = 0; k < t->count; ++k) {
    size_t pos = (size_t)t->hash[k] & mask;
    while (ns[pos].k >= 0) pos = (pos + 1) & mask;
    ns[pos].h = t->hash[k];
    ns[pos].k = (scs_int)k;
  }
  free(t->slots);
  t->slots = ns;
  t->nslots = nslots;
  return 0;
}

/* Add a name known to be absent; its index, or -1 when out of memory or
 * past what scs_int holds. */
static scs_int names_add(Names *t, const char *s) {
  uint64_t h = name_hash(s);
  size_t len = strlen(s) + 1;
  if (t->count + 1 >= MPS_INT_MAX) return -1;
  if ((t->count + 1) * 2 > t->nslots &&
      names_rehash(t, t->nslots ? t->nslots * 2 : 64) != 0)
    return -1;
  if (t->count == t->cap) {
    size_t c1 = t->cap, c2 = t->cap;
    if (grow((void **)&t->off, &c1, t->count + 1, sizeof(*t->off)) ||
        grow((void **)&t->hash, &c2, t->count + 1, sizeof(*t->hash)))
      return -1;
    t->cap = SCS_MIN(c1, c2);
  }
  if (grow((void **)&t->chars, &t->chars_cap, t->chars_len + len, 1))
    return -1;
  memcpy(t->chars + t->chars_len, s, len);
  t->off[t->count] = t->chars_len;
  t->hash[t->count] = h;
  t->chars_len += len;
  size_t mask = t->nslots - 1, pos = (size_t)h & mask;
  while (t->slots[pos].k >= 0) pos = (pos + 1) & mask;
  t->slots[pos].h = h;
  t->slots[pos].k = (scs_int)t->count;
  return (scs_int)t->count++;
}

static void names_free(Names *t) {
  free(t->chars);
  free(t->off);
  free(t->hash);
  free(t->slots);
}

/* ---- the reader's state -------------------------------------------------- */

enum {
  SEC_NONE,
  SEC_NAME,
  SEC_OBJSENSE,
  SEC_OBJNAME,
  SEC_ROWS,
  SEC_COLUMNS,
  SEC_RHS,
  SEC_RANGES,
  SEC_BOUNDS,
  SEC_QUAD,
  SEC_END,
  SEC_COUNT
};

static const char *SEC_NAMES[SEC_COUNT] = {
    "(none)", "NAME",   "OBJSENSE", "OBJNAME", "ROWS",  "COLUMNS",
    "RHS",    "RANGES", "BOUNDS",   "QUADOBJ", "ENDATA"};

/* order of the sections (SEC_QUAD may come anywhere after COLUMNS) */
static const int SEC_RANK[SEC_COUNT] = {0, 1, 2, 2, 3, 4, 5, 6, 7, -1, 9};

/* row flags */
#define ROW_HAS_RHS 1
#define ROW_HAS_RANGE 2

/* column flags: bound types seen, and "a lower bound was given" */
#define B_UP 1
#define B_LO 2
#define B_FX 4
#define B_FR 8
#define B_MI 16
#define B_PL 32
#define B_LOWER_GIVEN 64

/* quadratic section kinds */
#define Q_ONE_TRIANGLE 1 /* QUADOBJ, QSECTION */
#define Q_BOTH 2         /* QMATRIX */

typedef struct {
  scs_int i, j; /* i <= j */
  double v;
  long line;
  int lower; /* listed as (larger index, smaller index) */
} QEntry;

typedef struct {
  ScsTextReader *r;
  int section;
  int fixed;             /* read fields by columns first */
  int seen[SEC_COUNT];   /* sections met */
  int rank;              /* rank of the last ordered section */
  int value_pending;     /* OBJSENSE / OBJNAME header without its value */
  /* rows */
  Names rows;
  char *row_type; /* 'N', 'E', 'L', 'G' */
  double *rhs, *range;
  unsigned char *row_flags;
  size_t row_cap;
  scs_int obj_row; /* -1: none yet */
  char *objname;   /* OBJNAME, or NULL */
  double obj_rhs;
  scs_int *row_mark; /* 1 + last column with an entry in the row */
  /* columns */
  Names cols;
  double *c, *lo, *up;
  unsigned char *col_flags;
  size_t *colptr; /* start of column j's entries; colptr[n] = nnz */
  size_t col_cap;
  /* entries of A (N rows left out), column by column */
  scs_int *erow;
  double *eval;
  size_t nnz, nnz_cap;
  /* quadratic objective */
  QEntry *q;
  size_t nq, q_cap;
  int q_kind;
  const char *q_section; /* its name as written */
  /* RHS, RANGES, BOUNDS set names (the first one met), or NULL */
  char *set_name[3];
  int maximize;
  char prob_name[256];
  /* a copy of the data line (the free split changes the line), and the
   * line padded to 63 columns for the fixed-column reading */
  char *work;
  size_t work_cap;
  char fix[64];
} Mps;

/* Fields of a data line in the fixed-format numbering: 1 code (cols 2-3),
 * 2 name (5-12), 3 name (15-22), 4 number (25-36), 5 name (40-47),
 * 6 number (50-61). NULL: the field is blank or absent. */
typedef struct {
  const char *f[7];
} Fields;

/* A data line resolved against the names declared so far. */
typedef struct {
  int npairs;
  scs_int row[2];
  double val[2];
  const char *set; /* "" when blank */
  const char *name; /* COLUMNS: the column; ROWS: the row */
  scs_int col;      /* COLUMNS: existing column or -1; BOUNDS, QUAD: column */
  scs_int col2;     /* QUAD: second column */
  char type;        /* ROWS: 'N', 'E', 'L', 'G' */
  int btype;        /* BOUNDS: B_UP ... or a code below */
  int has_val;
} Parsed;

#define BT_BV 1000
#define BT_INT 1001 /* LI, UI */
#define BT_SC 1002

static void mps_free(Mps *p) {
  names_free(&p->rows);
  free(p->row_type);
  free(p->rhs);
  free(p->range);
  free(p->row_flags);
  free(p->objname);
  free(p->row_mark);
  names_free(&p->cols);
  free(p->c);
  free(p->lo);
  free(p->up);
  free(p->col_flags);
  free(p->colptr);
  free(p->erow);
  free(p->eval);
  free(p->q);
  for (int s = 0; s < 3; ++s) free(p->set_name[s]);
  free(p->work);
}

/* "file:line: message" for a given line (post-parse checks). */
static void err_at(const Mps *p, long line, const char *fmt, ...)
    SCS_PRINTF_LIKE(3, 4);
static void err_at(const Mps *p, long line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_set_error("%s:%ld: %s", scs_text_file_name(p->r), line, msg);
}

static int oom(const Mps *p) {
  scs_text_error(p->r, "out of memory");
  return -1;
}

/* ---- names and numbers of a line ---------------------------------------- */

static int is_value_bound(const char *t) {
  /* bound types that need a value (BV's is optional) */
  return ieq(t, "UP") || ieq(t, "LO") || ieq(t, "FX") || ieq(t, "LI") ||
         ieq(t, "UI") || ieq(t, "SC");
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
  *out = names_find(&p->rows, name);
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
  *out = names_find(&p->cols, name);
  if (*out < 0) {
    snprintf(err, ERR_LEN, "unknown column '%.60s'", name);
    return -1;
  }
  return 0;
}

/* ---- the two readings of a data line ------------------------------------- */

static const char *sec_name(const Mps *p) {
  return p->section == SEC_QUAD ? p->q_section : SEC_NAMES[p->section];
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
               (names_find(&p->cols, tok[2]) < 0 &&
                names_find(&p->cols, tok[1]) >= 0)) {
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
    if (f[1] || (!f[5]) != (!f[6]) || !f[4]) {
      snprintf(err, ERR_LEN, "malformed %s line", SEC_NAMES[p->section]);
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
        q->col = names_find(&p->cols, f[2]);
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
  case SEC_BOUNDS: {
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
      if (ieq(f[1], TYPES[t].name)) q->btype = TYPES[t].code;
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

/* ---- applying a line ----------------------------------------------------- */

static int add_row(Mps *p, const Parsed *q) {
  if (names_find(&p->rows, q->name) >= 0) {
    scs_text_error(p->r, "row '%.60s' declared twice", q->name);
    return -1;
  }
  size_t k = p->rows.count;
  if (k == p->row_cap) {
    size_t c1 = p->row_cap, c2 = c1, c3 = c1, c4 = c1;
    if (grow((void **)&p->row_type, &c1, k + 1, 1) ||
        grow((void **)&p->rhs, &c2, k + 1, sizeof(double)) ||
        grow((void **)&p->range, &c3, k + 1, sizeof(double)) ||
        grow((void **)&p->row_flags, &c4, k + 1, 1))
      return oom(p);
    p->row_cap = SCS_MIN(SCS_MIN(c1, c2), SCS_MIN(c3, c4));
  }
  if (names_add(&p->rows, q->name) < 0) return oom(p);
  p->row_type[k] = q->type;
  p->rhs[k] = 0;
  p->range[k] = 0;
  p->row_flags[k] = 0;
  if (q->type == 'N' && p->obj_row < 0 &&
      (!p->objname || strcmp(p->objname, q->name) == 0))
    p->obj_row = (scs_int)k;
  return 0;
}

static scs_int add_col(Mps *p, const char *name) {
  size_t k = p->cols.count;
  if (k + 1 >= p->col_cap) {
    size_t c[5] = {p->col_cap, p->col_cap, p->col_cap, p->col_cap,
                   p->col_cap};
    if (grow((void **)&p->c, &c[0], k + 2, sizeof(double)) ||
        grow((void **)&p->lo, &c[1], k + 2, sizeof(double)) ||
        grow((void **)&p->up, &c[2], k + 2, sizeof(double)) ||
        grow((void **)&p->col_flags, &c[3], k + 2, 1) ||
        grow((void **)&p->colptr, &c[4], k + 2, sizeof(size_t)))
      return -1;
    size_t mn = c[0];
    for (int t = 1; t < 5; ++t) mn = SCS_MIN(mn, c[t]);
    p->col_cap = mn;
  }
  if (names_add(&p->cols, name) < 0) return -1;
  p->c[k] = 0;
  p->lo[k] = 0;
  p->up[k] = INFINITY;
  p->col_flags[k] = 0;
  p->colptr[k] = p->nnz;
  return (scs_int)k;
}

static int apply_columns(Mps *p, const Parsed *q) {
  scs_int j = q->col;
  if (j >= 0 && j != (scs_int)p->cols.count - 1) {
    scs_text_error(p->r,
                   "column '%.60s' declared twice (the entries of a column "
                   "must be contiguous)",
                   q->name);
    return -1;
  }
  if (j < 0 && (j = add_col(p, q->name)) < 0) return oom(p);
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_mark[i] == j + 1) {
      scs_text_error(p->r, "duplicate entry for column '%.60s' in row '%.60s'",
                     q->name, rn);
      return -1;
    }
    p->row_mark[i] = j + 1;
    if (fabs(v) >= MPS_INF) {
      scs_text_error(p->r,
                     "coefficient %g of column '%.60s' in row '%.60s' is "
                     "infinite (|v| >= 1e20)",
                     v, q->name, rn);
      return -1;
    }
    if (i == p->obj_row) {
      p->c[j] = v;
    } else if (p->row_type[i] != 'N') {
      if (p->nnz + 1 >= MPS_INT_MAX) {
        scs_text_error(p->r, "too many nonzeros for this build's scs_int");
        return -1;
      }
      size_t c1 = p->nnz_cap, c2 = p->nnz_cap;
      if (grow((void **)&p->erow, &c1, p->nnz + 1, sizeof(scs_int)) ||
          grow((void **)&p->eval, &c2, p->nnz + 1, sizeof(double)))
        return oom(p);
      p->nnz_cap = SCS_MIN(c1, c2);
      p->erow[p->nnz] = i;
      p->eval[p->nnz] = v;
      p->nnz++;
    }
  }
  return 0;
}

/* The first set name of RHS / RANGES / BOUNDS is the one used; a second
 * set is an error rather than silently ignored. */
static int check_set(Mps *p, int which, const char *set) {
  if (!p->set_name[which]) {
    size_t len = strlen(set) + 1;
    p->set_name[which] = malloc(len);
    if (!p->set_name[which]) return oom(p);
    memcpy(p->set_name[which], set, len);
    return 0;
  }
  if (strcmp(p->set_name[which], set) != 0) {
    scs_text_error(p->r,
                   "a second %s set '%.60s' (the first is '%.60s'); only one "
                   "set is supported",
                   SEC_NAMES[p->section], set, p->set_name[which]);
    return -1;
  }
  return 0;
}

static int apply_rhs(Mps *p, const Parsed *q) {
  if (check_set(p, 0, q->set)) return -1;
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_flags[i] & ROW_HAS_RHS) {
      scs_text_error(p->r, "duplicate RHS entry for row '%.60s'", rn);
      return -1;
    }
    p->row_flags[i] |= ROW_HAS_RHS;
    char t = p->row_type[i];
    if (i == p->obj_row) {
      if (fabs(v) >= MPS_INF) {
        scs_text_error(p->r, "infinite objective constant (RHS of '%.60s')",
                       rn);
        return -1;
      }
      p->obj_rhs = v;
    } else if (t != 'N') {
      if (v >= MPS_INF) v = INFINITY;
      if (v <= -MPS_INF) v = -INFINITY;
      if (isinf(v) &&
          (t == 'E' || (t == 'L' && v < 0) || (t == 'G' && v > 0))) {
        scs_text_error(p->r,
                       "%c row '%.60s' has the right-hand side %sinfinity",
                       t, rn, v < 0 ? "-" : "+");
        return -1;
      }
      p->rhs[i] = v;
    }
  }
  return 0;
}

static int apply_ranges(Mps *p, const Parsed *q) {
  if (check_set(p, 1, q->set)) return -1;
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_flags[i] & ROW_HAS_RANGE) {
      scs_text_error(p->r, "duplicate RANGES entry for row '%.60s'", rn);
      return -1;
    }
    p->row_flags[i] |= ROW_HAS_RANGE;
    if (p->row_type[i] == 'N') continue; /* ranges of N rows mean nothing */
    if (isinf(p->rhs[i])) {
      scs_text_error(p->r, "range on row '%.60s', whose right-hand side is "
                           "infinite", rn);
      return -1;
    }
    if (v >= MPS_INF) v = INFINITY;
    if (v <= -MPS_INF) v = -INFINITY;
    p->range[i] = v;
  }
  return 0;
}

static int apply_bounds(Mps *p, const Parsed *q) {
  if (check_set(p, 2, q->set)) return -1;
  scs_int j = q->col;
  const char *cn = names_str(&p->cols, j);
  if (q->btype == BT_BV || q->btype == BT_INT) {
    scs_text_error(p->r,
                   "integer variables are not supported (%s bound on column "
                   "'%.60s')",
                   q->btype == BT_BV ? "BV" : "LI/UI", cn);
    return -1;
  }
  if (q->btype == BT_SC) {
    scs_text_error(p->r,
                   "semi-continuous variables are not supported (SC bound on "
                   "column '%.60s')",
                   cn);
    return -1;
  }
  static const char *BNAME[] = {"UP", "LO", "FX", "FR", "MI", "PL"};
  const char *bn = "?";
  for (int t = 0; t < 6; ++t)
    if (q->btype == (1 << t)) bn = BNAME[t];
  if (p->col_flags[j] & q->btype) {
    scs_text_error(p->r, "duplicate %s bound for column '%.60s'", bn, cn);
    return -1;
  }
  p->col_flags[j] |= (unsigned char)q->btype;
  double v = q->val[0];
  int inf = q->has_val && fabs(v) >= MPS_INF;
  switch (q->btype) {
  case B_UP:
    if (inf && v < 0) {
      scs_text_error(p->r, "upper bound -infinity for column '%.60s'", cn);
      return -1;
    }
    p->up[j] = inf ? INFINITY : v;
    /* the classic rule: a negative upper bound without a lower bound makes
     * the lower bound -infinity */
    if (v < 0 && !(p->col_flags[j] & B_LOWER_GIVEN)) p->lo[j] = -INFINITY;
    break;
  case B_LO:
    if (inf && v > 0) {
      scs_text_error(p->r, "lower bound +infinity for column '%.60s'", cn);
      return -1;
    }
    p->lo[j] = inf ? -INFINITY : v;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_FX:
    if (inf) {
      scs_text_error(p->r, "column '%.60s' fixed at an infinite value", cn);
      return -1;
    }
    p->lo[j] = p->up[j] = v;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_FR:
    p->lo[j] = -INFINITY;
    p->up[j] = INFINITY;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_MI:
    p->lo[j] = -INFINITY;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_PL:
    p->up[j] = INFINITY;
    break;
  default:
    break;
  }
  return 0;
}

static int apply_quad(Mps *p, const Parsed *q) {
  double v = q->val[0];
  if (fabs(v) >= MPS_INF) {
    scs_text_error(p->r, "infinite %s coefficient %g", p->q_section, v);
    return -1;
  }
  if (grow((void **)&p->q, &p->q_cap, p->nq + 1, sizeof(QEntry)))
    return oom(p);
  if (p->nq + 1 >= MPS_INT_MAX) {
    scs_text_error(p->r, "too many %s entries for this build's scs_int",
                   p->q_section);
    return -1;
  }
  QEntry *e = &p->q[p->nq++];
  e->i = SCS_MIN(q->col, q->col2);
  e->j = SCS_MAX(q->col, q->col2);
  e->v = v;
  e->line = scs_text_line_number(p->r);
  e->lower = q->col > q->col2;
  return 0;
}

/* ---- sections ------------------------------------------------------------ */

/* COLUMNS starts: the rows are complete. */
static int finish_rows(Mps *p) {
  if (p->objname && p->obj_row < 0) {
    scs_text_error(p->r, "OBJNAME '%.60s' is not an N row", p->objname);
    return -1;
  }
  if (p->rows.count > 0 &&
      !(p->row_mark = calloc(p->rows.count, sizeof(scs_int))))
    return oom(p);
  return 0;
}

static const char *UNSUPPORTED[] = {
    "QCMATRIX", "CSECTION", "SOS",       "SETS",     "INDICATORS",
    "GENCONS",  "PWLOBJ",   "PWLNAM",    "PWLCON",   "LAZYCONS",
    "USERCUTS", "BRANCH",   "SCENARIOS"};

static int section_header(Mps *p, char *line) {
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  int sec = SEC_NONE;
  for (int s = SEC_NAME; s < SEC_COUNT; ++s)
    if (ieq(tok[0], SEC_NAMES[s])) sec = s;
  if (ieq(tok[0], "QMATRIX") || ieq(tok[0], "QSECTION")) sec = SEC_QUAD;
  if (sec == SEC_NONE) {
    for (size_t u = 0; u < sizeof(UNSUPPORTED) / sizeof(UNSUPPORTED[0]); ++u)
      if (ieq(tok[0], UNSUPPORTED[u])) {
        scs_text_error(p->r, "section %s is not supported", UNSUPPORTED[u]);
        return -1;
      }
    scs_text_error(p->r,
                   "unknown section '%.60s' (data lines must begin with a "
                   "blank)",
                   tok[0]);
    return -1;
  }
  if (p->value_pending) {
    scs_text_error(p->r, "%s section without a value",
                   SEC_NAMES[p->section]);
    return -1;
  }
  if (p->seen[sec]) {
    scs_text_error(p->r, "a second %s section",
                   sec == SEC_QUAD ? "quadratic objective" : SEC_NAMES[sec]);
    return -1;
  }
  /* order */
  if (sec == SEC_QUAD) {
    if (!p->seen[SEC_COLUMNS]) {
      scs_text_error(p->r, "%s section before COLUMNS", tok[0]);
      return -1;
    }
  } else if (SEC_RANK[sec] < p->rank) {
    scs_text_error(p->r,
                   "%s section out of order (the order is NAME, OBJSENSE, "
                   "ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA)",
                   SEC_NAMES[sec]);
    return -1;
  } else if (sec >= SEC_COLUMNS && !p->seen[SEC_ROWS]) {
    scs_text_error(p->r, "%s section before ROWS (ROWS missing)",
                   SEC_NAMES[sec]);
    return -1;
  } else if (sec > SEC_COLUMNS && !p->seen[SEC_COLUMNS]) {
    scs_text_error(p->r, "%s section before COLUMNS (COLUMNS missing)",
                   SEC_NAMES[sec]);
    return -1;
  }
  /* what the sections' header lines hold */
  int max_tok = 1;
  if (sec == SEC_NAME) max_tok = MAX_TOKENS + 1000; /* any title */
  if (sec == SEC_OBJSENSE || sec == SEC_OBJNAME || sec == SEC_QUAD) max_tok = 2;
  if (ntok > max_tok) {
    scs_text_error(p->r, "unexpected text after %s", tok[0]);
    return -1;
  }
  /* leaving COLUMNS: close the last column */
  if (p->section == SEC_COLUMNS) p->colptr[p->cols.count] = p->nnz;
  p->seen[sec] = 1;
  if (sec != SEC_QUAD) p->rank = SEC_RANK[sec];
  p->section = sec;
  switch (sec) {
  case SEC_NAME:
    if (ntok > 1)
      snprintf(p->prob_name, sizeof(p->prob_name), "%s", tok[1]);
    break;
  case SEC_OBJSENSE:
    if (ntok == 1) {
      p->value_pending = 1;
    } else if (ieq(tok[1], "MAX") || ieq(tok[1], "MAXIMIZE")) {
      p->maximize = 1;
    } else if (!ieq(tok[1], "MIN") && !ieq(tok[1], "MINIMIZE")) {
      scs_text_error(p->r, "unknown OBJSENSE '%.60s' (expected MIN or MAX)",
                     tok[1]);
      return -1;
    }
    break;
  case SEC_OBJNAME:
    if (ntok == 1) {
      p->value_pending = 1;
    } else {
      size_t len = strlen(tok[1]) + 1;
      if (!(p->objname = malloc(len))) return oom(p);
      memcpy(p->objname, tok[1], len);
    }
    break;
  case SEC_COLUMNS:
    /* colptr[0] exists even without columns */
    if (!p->colptr) {
      size_t cap = 0;
      if (grow((void **)&p->colptr, &cap, 1, sizeof(size_t))) return oom(p);
      p->colptr[0] = 0;
    }
    return finish_rows(p);
  case SEC_QUAD:
    p->q_kind = ieq(tok[0], "QMATRIX") ? Q_BOTH : Q_ONE_TRIANGLE;
    p->q_section = ieq(tok[0], "QMATRIX")    ? "QMATRIX"
                   : ieq(tok[0], "QSECTION") ? "QSECTION"
                                             : "QUADOBJ";
    if (ntok > 1) {
      /* "QSECTION row": quadratic terms of that row */
      if (!ieq(tok[0], "QSECTION")) {
        scs_text_error(p->r, "unexpected text after %s", tok[0]);
        return -1;
      }
      scs_int i = names_find(&p->rows, tok[1]);
      if (i < 0) {
        scs_text_error(p->r, "unknown row '%.60s'", tok[1]);
        return -1;
      }
      if (i != p->obj_row) {
        scs_text_error(p->r,
                       "quadratic constraints are not supported (QSECTION "
                       "of row '%.60s')",
                       tok[1]);
        return -1;
      }
    }
    break;
  default:
    break;
  }
  return 0;
}

/* OBJSENSE / OBJNAME value on its own line. */
static int value_line(Mps *p, char *line) {
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  if (!p->value_pending) {
    scs_text_error(p->r, "%s has a value already", SEC_NAMES[p->section]);
    return -1;
  }
  if (ntok != 1) {
    scs_text_error(p->r, "%d fields in an %s line (expected 1)", ntok,
                   SEC_NAMES[p->section]);
    return -1;
  }
  p->value_pending = 0;
  if (p->section == SEC_OBJSENSE) {
    if (ieq(tok[0], "MAX") || ieq(tok[0], "MAXIMIZE")) {
      p->maximize = 1;
    } else if (!ieq(tok[0], "MIN") && !ieq(tok[0], "MINIMIZE")) {
      scs_text_error(p->r, "unknown OBJSENSE '%.60s' (expected MIN or MAX)",
                     tok[0]);
      return -1;
    }
    return 0;
  }
  size_t len = strlen(tok[0]) + 1;
  if (!(p->objname = malloc(len))) return oom(p);
  memcpy(p->objname, tok[0], len);
  return 0;
}

static int data_line(Mps *p, char *line, size_t len) {
  switch (p->section) {
  case SEC_NONE:
    scs_text_error(p->r, "data line before the first section");
    return -1;
  case SEC_NAME:
    scs_text_error(p->r, "unexpected data line in the NAME section");
    return -1;
  case SEC_OBJSENSE:
  case SEC_OBJNAME:
    return value_line(p, line);
  default:
    break;
  }
  /* keep the line for the fixed-column reading, then split it */
  if (grow((void **)&p->work, &p->work_cap, len + 1, 1)) return oom(p);
  char *orig = p->work;
  memcpy(orig, line, len + 1);
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  int rc;
  if (p->section == SEC_COLUMNS && ntok >= 3 && ntok <= MAX_TOKENS &&
      ieq(tok[1], "'MARKER'")) {
    if (ieq(tok[2], "'INTORG'") || ieq(tok[2], "'INTEND'"))
      scs_text_error(p->r, "integer variables are not supported (MARKER %s)",
                     tok[2]);
    else
      scs_text_error(p->r, "unsupported MARKER type %.60s", tok[2]);
    return -1;
  }
  Fields F;
  Parsed q;
  char err1[ERR_LEN], err2[ERR_LEN];
  int ok;
  if (!p->fixed) {
    ok = ntok <= MAX_TOKENS && free_fields(p, tok, ntok, &F, err1) == 0 &&
         interpret(p, &F, &q, err1) == 0;
    if (ntok > MAX_TOKENS) field_count_error(p, ntok, err1);
    if (!ok && fixed_fields(p, orig, len, &F, err2) == 0 &&
        interpret(p, &F, &q, err2) == 0) {
      ok = 1;
      p->fixed = 1; /* blanks inside names: read by columns from now on */
    }
  } else {
    ok = fixed_fields(p, orig, len, &F, err1) == 0 &&
         interpret(p, &F, &q, err1) == 0;
    if (!ok && ntok <= MAX_TOKENS && free_fields(p, tok, ntok, &F, err2) == 0 &&
        interpret(p, &F, &q, err2) == 0)
      ok = 1;
  }
  if (!ok) {
    scs_text_error(p->r, "%s", err1);
    rc = -1;
  } else {
    switch (p->section) {
    case SEC_ROWS: rc = add_row(p, &q); break;
    case SEC_COLUMNS: rc = apply_columns(p, &q); break;
    case SEC_RHS: rc = apply_rhs(p, &q); break;
    case SEC_RANGES: rc = apply_ranges(p, &q); break;
    case SEC_BOUNDS: rc = apply_bounds(p, &q); break;
    case SEC_QUAD: rc = apply_quad(p, &q); break;
    default: rc = -1; break;
    }
  }
  return rc;
}

/* ---- conversion to the SCS form ------------------------------------------ */

/* where an interval l <= e <= u goes */
enum { K_NONE, K_ZERO, K_NONNEG_U, K_NONNEG_L, K_BOX, K_BOTH };

/* Two-sided constraints as box-cone rows (1) or nonnegative pairs (0). */
#define MPS_USE_BOX_CONE 0

static int interval_kind(double l, double u) {
  int fl = isfinite(l), fu = isfinite(u);
  if (fl && fu) {
    if (l == u) return K_ZERO;
    /* Two nonnegative rows, not one box-cone row (docs/problem_files.md:
     * per-row equilibration, no spurious box-cone certificates). */
    return MPS_USE_BOX_CONE && l < u ? K_BOX : K_BOTH;
  }
  if (fu) return K_NONNEG_U;
  if (fl) return K_NONNEG_L;
  return K_NONE;
}

static void row_interval(const Mps *p, size_t i, double *l, double *u) {
  double r = p->rhs[i], R = p->range[i];
  int ranged = (p->row_flags[i] & ROW_HAS_RANGE) != 0;
  switch (p->row_type[i]) {
  case 'E':
    *l = *u = r;
    if (ranged && R > 0) *u = r + R;
    if (ranged && R < 0) *l = r + R;
    break;
  case 'L':
    *u = r;
    *l = ranged ? r - fabs(R) : -INFINITY;
    break;
  default: /* 'G' */
    *l = r;
    *u = ranged ? r + fabs(R) : INFINITY;
    break;
  }
}

/* Order QEntries by (j, i), keeping the file order of equal pairs: two
 * stable counting sorts. */
static int sort_q(Mps *p, size_t n) {
  size_t nq = p->nq;
  QEntry *tmp = malloc(SCS_MAX(nq, (size_t)1) * sizeof(QEntry));
  size_t *cnt = calloc(n + 1, sizeof(size_t));
  if (!tmp || !cnt) {
    free(tmp);
    free(cnt);
    return -1;
  }
  for (int pass = 0; pass < 2; ++pass) {
    QEntry *src = pass == 0 ? p->q : tmp, *dst = pass == 0 ? tmp : p->q;
    memset(cnt, 0, (n + 1) * sizeof(size_t));
    for (size_t k = 0; k < nq; ++k)
      cnt[(size_t)(pass == 0 ? src[k].i : src[k].j) + 1]++;
    for (size_t c = 0; c < n; ++c) cnt[c + 1] += cnt[c];
    for (size_t k = 0; k < nq; ++k)
      dst[cnt[(size_t)(pass == 0 ? src[k].i : src[k].j)]++] = src[k];
  }
  free(tmp);
  free(cnt);
  return 0;
}

/* Build P (upper triangle CSC) from the quadratic entries; *P NULL when
 * there are none. */
static int build_p(Mps *p, ScsMatrix **Pout) {
  size_t n = p->cols.count;
  *Pout = NULL;
  if (p->nq == 0) return 0;
  if (sort_q(p, n)) return oom(p);
  const char *sec = p->q_section;
  /* merge each (i, j) group into one entry, checking the file's rules */
  size_t out = 0;
  for (size_t g = 0; g < p->nq;) {
    size_t h = g + 1;
    while (h < p->nq && p->q[h].i == p->q[g].i && p->q[h].j == p->q[g].j) ++h;
    const QEntry *e = &p->q[g];
    const char *a = names_str(&p->cols, e->i), *b = names_str(&p->cols, e->j);
    if (p->q_kind == Q_ONE_TRIANGLE || e->i == e->j) {
      if (h - g > 1) {
        err_at(p, p->q[g + 1].line,
               "duplicate %s entry for (%.60s, %.60s) (first given at line "
               "%ld)",
               sec, a, b, e->line);
        return -1;
      }
    } else {
      /* QMATRIX: exactly (i, j) and (j, i), with equal values */
      size_t nup = 0, nlo = 0;
      for (size_t k = g; k < h; ++k) {
        size_t *cnt = p->q[k].lower ? &nlo : &nup;
        if (++*cnt > 1) {
          err_at(p, p->q[k].line, "duplicate QMATRIX entry for (%.60s, %.60s)",
                 p->q[k].lower ? b : a, p->q[k].lower ? a : b);
          return -1;
        }
      }
      if (h - g == 1) {
        err_at(p, e->line,
               "QMATRIX entry (%.60s, %.60s) without its symmetric entry "
               "(%.60s, %.60s) (QMATRIX lists both triangles)",
               e->lower ? b : a, e->lower ? a : b, e->lower ? a : b,
               e->lower ? b : a);
        return -1;
      }
      const QEntry *f = &p->q[g + 1];
      double tol = 1e-12 * SCS_MAX(fabs(e->v), fabs(f->v));
      if (fabs(e->v - f->v) > tol) {
        err_at(p, SCS_MAX(e->line, f->line),
               "QMATRIX is not symmetric: (%.60s, %.60s) = %g but (%.60s, "
               "%.60s) = %g",
               a, b, e->lower ? f->v : e->v, b, a, e->lower ? e->v : f->v);
        return -1;
      }
    }
    p->q[out++] = *e;
    g = h;
  }
  ScsMatrix *P = calloc(1, sizeof(*P));
  if (!P) return oom(p);
  *Pout = P;
  P->m = P->n = (scs_int)n;
  P->p = calloc(n + 1, sizeof(scs_int));
  P->i = malloc(out * sizeof(scs_int));
  P->x = malloc(out * sizeof(scs_float));
  if (!P->p || !P->i || !P->x) return oom(p);
  double sign = p->maximize ? -1.0 : 1.0;
  for (size_t k = 0; k < out; ++k) {
    P->p[p->q[k].j + 1]++;
    P->i[k] = p->q[k].i;
    P->x[k] = (scs_float)(sign * p->q[k].v);
  }
  for (size_t j = 0; j < n; ++j) P->p[j + 1] += P->p[j];
  return 0;
}

static void free_matrix(ScsMatrix *M) {
  if (!M) return;
  free(M->x);
  free(M->i);
  free(M->p);
  free(M);
}

/* where an SCS row comes from */
typedef struct {
  scs_int idx; /* file row, or column for a bound */
  signed char var; /* 1: a bound of column idx, 0: file row, -1: none */
  signed char sign;
} Origin;

static int convert(Mps *p, ScsProblem *prob) {
  size_t n = p->cols.count, nrows = p->rows.count;
  if (n == 0) {
    scs_text_error(p->r, "the problem has no columns");
    return -1;
  }
  int rc = -1;
  unsigned char *rkind = malloc(SCS_MAX(nrows, (size_t)1));
  unsigned char *ckind = malloc(n);
  size_t *csr_ptr = calloc(nrows + 1, sizeof(size_t));
  scs_int *csr_col = malloc(SCS_MAX(p->nnz, (size_t)1) * sizeof(scs_int));
  double *csr_val = malloc(SCS_MAX(p->nnz, (size_t)1) * sizeof(double));
  Origin *org = NULL;
  scs_int *pos = NULL;
  ScsData *d = calloc(1, sizeof(*d));
  ScsCone *k = calloc(1, sizeof(*k));
  ScsMatrix *A = calloc(1, sizeof(*A));
  ScsMatrix *P = NULL;
  char **names = calloc(n, sizeof(char *));
  if (!rkind || !ckind || !csr_ptr || !csr_col || !csr_val || !d || !k ||
      !A || !names) {
    oom(p);
    goto done;
  }
  /* classify rows and bounds, count the cones */
  size_t nz = 0, nl = 0, nbox = 0;
  for (size_t i = 0; i < nrows; ++i) {
    double l, u;
    rkind[i] = K_NONE;
    if (p->row_type[i] == 'N') continue;
    row_interval(p, i, &l, &u);
    rkind[i] = (unsigned char)interval_kind(l, u);
  }
  for (size_t j = 0; j < n; ++j)
    ckind[j] = (unsigned char)interval_kind(p->lo[j], p->up[j]);
  for (int pass = 0; pass < 2; ++pass) {
    const unsigned char *kind = pass == 0 ? rkind : ckind;
    size_t cnt = pass == 0 ? nrows : n;
    for (size_t i = 0; i < cnt; ++i) {
      switch (kind[i]) {
      case K_ZERO: nz++; break;
      case K_NONNEG_U:
      case K_NONNEG_L: nl++; break;
      case K_BOTH: nl += 2; break;
      case K_BOX: nbox++; break;
      default: break;
      }
    }
  }
  size_t bsize = nbox ? nbox + 1 : 0;
  int dummy = nz + nl + bsize == 0; /* SCS needs m >= 1 */
  if (dummy) nl = 1;
  size_t m = nz + nl + bsize;
  if (m >= MPS_INT_MAX) {
    scs_text_error(p->r, "too many constraints for this build's scs_int");
    goto done;
  }
  org = malloc(m * sizeof(Origin));
  d->b = malloc(m * sizeof(scs_float));
  d->c = malloc(n * sizeof(scs_float));
  if (bsize) {
    k->bl = malloc(nbox * sizeof(scs_float));
    k->bu = malloc(nbox * sizeof(scs_float));
  }
  if (!org || !d->b || !d->c || (bsize && (!k->bl || !k->bu))) {
    oom(p);
    goto done;
  }
  /* the rows of A in cone order */
  size_t r = 0, nb = 0;
  for (int cone = 0; cone < 3; ++cone) {
    if (cone == 2 && bsize) { /* the box cone's t row: t = 1 */
      org[r] = (Origin){0, -1, 0};
      d->b[r++] = 1;
    }
    if (cone == 1 && dummy) { /* 0 <= 1 */
      org[r] = (Origin){0, -1, 0};
      d->b[r++] = 1;
    }
    for (int pass = 0; pass < 2; ++pass) {
      size_t cnt = pass == 0 ? nrows : n;
      for (size_t i = 0; i < cnt; ++i) {
        int kind = pass == 0 ? rkind[i] : ckind[i];
        double l, u;
        if (pass == 0) {
          if (kind == K_NONE) continue;
          row_interval(p, i, &l, &u);
        } else {
          l = p->lo[i], u = p->up[i];
        }
        Origin o = {(scs_int)i, (signed char)pass, 1};
        if (cone == 0 && kind == K_ZERO) { /* e = l */
          org[r] = o;
          d->b[r++] = (scs_float)l;
        } else if (cone == 1 && (kind == K_NONNEG_U || kind == K_BOTH)) {
          org[r] = o; /* e <= u */
          d->b[r++] = (scs_float)u;
        }
        if (cone == 1 && (kind == K_NONNEG_L || kind == K_BOTH)) {
          o.sign = -1; /* -e <= -l */
          org[r] = o;
          d->b[r++] = (scs_float)-l;
        } else if (cone == 2 && kind == K_BOX) {
          o.sign = -1; /* s = 0 - (-e) = e in [l, u] */
          org[r] = o;
          d->b[r++] = 0;
          k->bl[nb] = (scs_float)l;
          k->bu[nb++] = (scs_float)u;
        }
      }
    }
  }
  /* the file's entries row by row (CSR), then A column by column with the
   * rows in increasing order */
  for (size_t e = 0; e < p->nnz; ++e) csr_ptr[(size_t)p->erow[e] + 1]++;
  for (size_t i = 0; i < nrows; ++i) csr_ptr[i + 1] += csr_ptr[i];
  for (size_t j = 0; j < n; ++j)
    for (size_t e = p->colptr[j]; e < p->colptr[j + 1]; ++e) {
      size_t at = csr_ptr[p->erow[e]]++;
      csr_col[at] = (scs_int)j;
      csr_val[at] = p->eval[e];
    }
  for (size_t i = nrows; i > 0; --i) csr_ptr[i] = csr_ptr[i - 1];
  csr_ptr[0] = 0;
  A->m = (scs_int)m;
  A->n = (scs_int)n;
  A->p = calloc(n + 1, sizeof(scs_int));
  pos = malloc(n * sizeof(scs_int));
  if (!A->p || !pos) {
    oom(p);
    goto done;
  }
  size_t annz = 0;
  for (size_t rr = 0; rr < m; ++rr) {
    const Origin *o = &org[rr];
    if (o->var == 1) {
      A->p[o->idx + 1]++;
      annz++;
    } else if (o->var == 0) {
      for (size_t e = csr_ptr[o->idx]; e < csr_ptr[o->idx + 1]; ++e)
        A->p[csr_col[e] + 1]++;
      annz += csr_ptr[o->idx + 1] - csr_ptr[o->idx];
    }
  }
  if (annz >= MPS_INT_MAX) {
    scs_text_error(p->r, "too many nonzeros for this build's scs_int");
    goto done;
  }
  A->i = malloc(SCS_MAX(annz, (size_t)1) * sizeof(scs_int));
  A->x = malloc(SCS_MAX(annz, (size_t)1) * sizeof(scs_float));
  if (!A->i || !A->x) {
    oom(p);
    goto done;
  }
  for (size_t j = 0; j < n; ++j) A->p[j + 1] += A->p[j];
  for (size_t j = 0; j < n; ++j) pos[j] = A->p[j];
  for (size_t rr = 0; rr < m; ++rr) {
    const Origin *o = &org[rr];
    if (o->var == 1) {
      scs_int at = pos[o->idx]++;
      A->i[at] = (scs_int)rr;
      A->x[at] = (scs_float)o->sign;
    } else if (o->var == 0) {
      for (size_t e = csr_ptr[o->idx]; e < csr_ptr[o->idx + 1]; ++e) {
        scs_int at = pos[csr_col[e]]++;
        A->i[at] = (scs_int)rr;
        A->x[at] = (scs_float)(o->sign * csr_val[e]);
      }
    }
  }
  if (build_p(p, &P)) goto done;
  double csign = p->maximize ? -1.0 : 1.0;
  for (size_t j = 0; j < n; ++j) d->c[j] = (scs_float)(csign * p->c[j]);
  for (size_t j = 0; j < n; ++j) {
    const char *s = names_str(&p->cols, (scs_int)j);
    size_t len = strlen(s) + 1;
    if (!(names[j] = malloc(len))) {
      oom(p);
      goto done;
    }
    memcpy(names[j], s, len);
  }
  /* hand everything over */
  d->m = (scs_int)m;
  d->n = (scs_int)n;
  d->A = A;
  d->P = P;
  k->z = (scs_int)nz;
  k->l = (scs_int)nl;
  k->bsize = (scs_int)bsize;
  prob->data = d;
  prob->cone = k;
  if (p->prob_name[0])
    snprintf(prob->name, sizeof(prob->name), "%s", p->prob_name);
  prob->objective_sign = p->maximize ? -1 : 1;
  prob->objective_offset = p->obj_rhs != 0 ? (scs_float)-p->obj_rhs : 0;
  prob->n_file_vars = (scs_int)n;
  prob->map->n_scalar = (scs_int)n;
  prob->map->var_names = names;
  d = NULL, k = NULL, A = NULL, P = NULL, names = NULL;
  rc = 0;
done:
  if (names)
    for (size_t j = 0; j < n; ++j) free(names[j]);
  free(names);
  free_matrix(A);
  free_matrix(P);
  if (d) {
    free(d->b);
    free(d->c);
    free(d);
  }
  if (k) {
    free(k->bl);
    free(k->bu);
    free(k);
  }
  free(rkind);
  free(ckind);
  free(csr_ptr);
  free(csr_col);
  free(csr_val);
  free(org);
  free(pos);
  return rc;
}

/* ---- entry point --------------------------------------------------------- */

static int is_blank(const char *s) {
  for (; *s; ++s)
    if (*s != ' ' && *s != '\t') return 0;
  return 1;
}

int scs_read_mps(const char *path, ScsProblem *prob) {
  Mps p;
  memset(&p, 0, sizeof(p));
  p.obj_row = -1;
  p.r = scs_text_open(path);
  if (!p.r) return -1;
  int rc = -1;
  for (;;) {
    char *line = scs_text_next_line(p.r);
    if (!line) {
      if (!scs_text_failed(p.r))
        scs_text_error(p.r, "unexpected end of file, expected ENDATA");
      goto done;
    }
    if (line[0] == '*' || is_blank(line)) continue;
    if (line[0] != ' ' && line[0] != '\t') {
      if (section_header(&p, line)) goto done;
      if (p.section == SEC_END) break;
    } else if (data_line(&p, line, strlen(line))) {
      goto done;
    }
  }
  rc = convert(&p, prob);
done:
  mps_free(&p);
  scs_text_close(p.r);
  return rc;
}
