/* MPS section header lines: which section, whether it may come here, and
 * the values some headers carry (NAME, OBJSENSE, OBJNAME, QSECTION). Also
 * the OBJSENSE / OBJNAME value given on a line of its own (mps.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

const char *const scs_mps_sec_names[SEC_COUNT] = {
    "(none)", "NAME",   "OBJSENSE", "OBJNAME", "ROWS",  "COLUMNS",
    "RHS",    "RANGES", "BOUNDS",   "QUADOBJ", "ENDATA"};

/* order of the sections (SEC_QUAD may come anywhere after COLUMNS) */
static const int SEC_RANK[SEC_COUNT] = {0, 1, 2, 2, 3, 4, 5, 6, 7, -1, 9};

static const char *UNSUPPORTED[] = {
    "QCMATRIX", "CSECTION", "SOS",       "SETS",     "INDICATORS",
    "GENCONS",  "PWLOBJ",   "PWLNAM",    "PWLCON",   "LAZYCONS",
    "USERCUTS", "BRANCH",   "SCENARIOS"};

/* The section a header names; SEC_NONE after the error. */
static int identify(const Mps *p, const char *name) {
  int sec = SEC_NONE;
  for (int s = SEC_NAME; s < SEC_COUNT; ++s)
    if (mps_ieq(name, scs_mps_sec_names[s])) sec = s;
  if (mps_ieq(name, "QMATRIX") || mps_ieq(name, "QSECTION")) sec = SEC_QUAD;
  if (sec != SEC_NONE) return sec;
  for (size_t u = 0; u < sizeof(UNSUPPORTED) / sizeof(UNSUPPORTED[0]); ++u)
    if (mps_ieq(name, UNSUPPORTED[u])) {
      scs_text_error(p->r, "section %s is not supported", UNSUPPORTED[u]);
      return SEC_NONE;
    }
  scs_text_error(p->r,
                 "unknown section '%.60s' (data lines must begin with a "
                 "blank)",
                 name);
  return SEC_NONE;
}

/* May section sec (header name) start here? */
static int check_order(const Mps *p, int sec, const char *name) {
  if (p->value_pending) {
    scs_text_error(p->r, "%s section without a value",
                   scs_mps_sec_names[p->section]);
    return -1;
  }
  if (p->seen[sec]) {
    scs_text_error(p->r, "a second %s section",
                   sec == SEC_QUAD ? "quadratic objective"
                                   : scs_mps_sec_names[sec]);
    return -1;
  }
  if (sec == SEC_QUAD) {
    if (!p->seen[SEC_COLUMNS]) {
      scs_text_error(p->r, "%s section before COLUMNS", name);
      return -1;
    }
  } else if (SEC_RANK[sec] < p->rank) {
    scs_text_error(p->r,
                   "%s section out of order (the order is NAME, OBJSENSE, "
                   "ROWS, COLUMNS, RHS, RANGES, BOUNDS, ENDATA)",
                   scs_mps_sec_names[sec]);
    return -1;
  } else if (sec >= SEC_COLUMNS && !p->seen[SEC_ROWS]) {
    scs_text_error(p->r, "%s section before ROWS (ROWS missing)",
                   scs_mps_sec_names[sec]);
    return -1;
  } else if (sec > SEC_COLUMNS && !p->seen[SEC_COLUMNS]) {
    scs_text_error(p->r, "%s section before COLUMNS (COLUMNS missing)",
                   scs_mps_sec_names[sec]);
    return -1;
  }
  return 0;
}

static int set_objsense(Mps *p, const char *value) {
  if (mps_ieq(value, "MAX") || mps_ieq(value, "MAXIMIZE")) {
    p->maximize = 1;
  } else if (!mps_ieq(value, "MIN") && !mps_ieq(value, "MINIMIZE")) {
    scs_text_error(p->r, "unknown OBJSENSE '%.60s' (expected MIN or MAX)",
                   value);
    return -1;
  }
  return 0;
}

/* COLUMNS starts: the rows are complete. */
static int finish_rows(Mps *p) {
  /* colptr[0] exists even without columns */
  if (!p->colptr) {
    size_t cap = 0;
    if (scs_io_grow((void **)&p->colptr, &cap, 1, sizeof(size_t)))
      return mps_oom(p);
    p->colptr[0] = 0;
  }
  if (p->objname && p->obj_row < 0) {
    scs_text_error(p->r, "OBJNAME '%.60s' is not an N row", p->objname);
    return -1;
  }
  if (p->rows.count > 0 &&
      !(p->row_mark = calloc(p->rows.count, sizeof(scs_int))))
    return mps_oom(p);
  return 0;
}

/* QUADOBJ, QSECTION [row] or QMATRIX. */
static int quad_header(Mps *p, char **tok, int ntok) {
  p->q_kind = mps_ieq(tok[0], "QMATRIX") ? Q_BOTH : Q_ONE_TRIANGLE;
  p->q_section = mps_ieq(tok[0], "QMATRIX")    ? "QMATRIX"
                 : mps_ieq(tok[0], "QSECTION") ? "QSECTION"
                                               : "QUADOBJ";
  if (ntok <= 1) return 0;
  /* "QSECTION row": quadratic terms of that row */
  if (!mps_ieq(tok[0], "QSECTION")) {
    scs_text_error(p->r, "unexpected text after %s", tok[0]);
    return -1;
  }
  scs_int i = scs_mps_names_find(&p->rows, tok[1]);
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
  return 0;
}

/* What the header of the section just started holds. */
static int header_values(Mps *p, int sec, char **tok, int ntok) {
  switch (sec) {
  case SEC_NAME:
    if (ntok > 1) snprintf(p->prob_name, sizeof(p->prob_name), "%s", tok[1]);
    return 0;
  case SEC_OBJSENSE:
    if (ntok == 1) p->value_pending = 1;
    return ntok == 1 ? 0 : set_objsense(p, tok[1]);
  case SEC_OBJNAME:
    if (ntok == 1) {
      p->value_pending = 1;
    } else if (!(p->objname = scs_io_strdup(tok[1]))) {
      return mps_oom(p);
    }
    return 0;
  case SEC_COLUMNS:
    return finish_rows(p);
  case SEC_QUAD:
    return quad_header(p, tok, ntok);
  default:
    return 0;
  }
}

int scs_mps_section_header(Mps *p, char *line) {
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  int sec = identify(p, tok[0]);
  if (sec == SEC_NONE || check_order(p, sec, tok[0])) return -1;
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
  return header_values(p, sec, tok, ntok);
}

/* OBJSENSE / OBJNAME value on its own line. */
int scs_mps_value_line(Mps *p, char *line) {
  char *tok[MAX_TOKENS];
  int ntok = scs_text_split(line, tok, MAX_TOKENS);
  if (!p->value_pending) {
    scs_text_error(p->r, "%s has a value already",
                   scs_mps_sec_names[p->section]);
    return -1;
  }
  if (ntok != 1) {
    scs_text_error(p->r, "%d fields in an %s line (expected 1)", ntok,
                   scs_mps_sec_names[p->section]);
    return -1;
  }
  p->value_pending = 0;
  if (p->section == SEC_OBJSENSE) return set_objsense(p, tok[0]);
  if (!(p->objname = scs_io_strdup(tok[0]))) return mps_oom(p);
  return 0;
}
