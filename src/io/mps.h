/*
 * MPS / QPS reader: free and fixed MPS (QPS included), converted to the SCS
 * form. docs/problem_files.md ("MPS and QPS") describes the accepted files
 * and the conversion; in short:
 *
 *   - x is the file's columns in file order; the first N row is the
 *     objective (its RHS is the negated objective constant), QUADOBJ /
 *     QSECTION (one triangle) or QMATRIX (both triangles) give Q with the
 *     objective 1/2 x'Qx;
 *   - every row and every variable bound is an interval l <= e <= u on an
 *     expression e (a'x or x_j): l == u is a zero-cone row, a single finite
 *     side a nonnegative row, two finite sides two nonnegative rows, no
 *     finite side nothing;
 *   - A is assembled in cone order: zero rows (file rows, then fixed
 *     variables), then nonnegative rows (rows, then bounds); within each
 *     family the file's order.
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
 *
 * The parts, one job each:
 *   mps_read.c     the entry point: lines to section headers or data lines
 *   mps_sections.c section header lines (order, NAME, OBJSENSE, QSECTION...)
 *   mps_fields.c   the two readings (free, fixed) of a data line
 *   mps_rows.c     ROWS, COLUMNS, RHS, RANGES and quadratic lines
 *   mps_bounds.c   BOUNDS lines
 *   mps_names.c    the name tables
 *   mps_quad.c     P from the quadratic entries
 *   mps_convert.c  the SCS form: rows in cone order, A, b, c
 */
#ifndef SCS_IO_MPS_H
#define SCS_IO_MPS_H

#include <ctype.h>
#include <stdint.h>

#include "io/problem.h"
#include "io/text_reader.h"

#define MPS_INF 1e20 /* |v| >= MPS_INF means infinity */
#define MAX_TOKENS 16
#define ERR_LEN 320

/* the largest count an scs_int holds */
#define MPS_INT_MAX ((size_t)SCS_IO_INT_MAX)

static inline int mps_ieq(const char *a, const char *b) {
  for (; *a && *b; ++a, ++b)
    if (toupper((unsigned char)*a) != toupper((unsigned char)*b)) return 0;
  return *a == *b;
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

static inline const char *names_str(const Names *t, scs_int k) {
  return t->chars + t->off[k];
}
/* The index of name s, or -1. */
scs_int scs_mps_names_find(const Names *t, const char *s);
/* Add a name known to be absent; its index, or -1 when out of memory or
 * past what scs_int holds. */
scs_int scs_mps_names_add(Names *t, const char *s);
void scs_mps_names_free(Names *t);

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

/* section names, "QUADOBJ" for SEC_QUAD (mps_sections.c) */
extern const char *const scs_mps_sec_names[SEC_COUNT];

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

static inline int mps_oom(const Mps *p) {
  scs_text_error(p->r, "out of memory");
  return -1;
}

/* mps_sections.c: a section header line (not blank, no leading blank). */
int scs_mps_section_header(Mps *p, char *line);
/* mps_sections.c: the OBJSENSE / OBJNAME value on a line of its own. */
int scs_mps_value_line(Mps *p, char *line);
/* mps_fields.c: read the data line of the current section (len chars,
 * split in place) into q, checked against the names declared so far. */
int scs_mps_parse_line(Mps *p, char *line, size_t len, Parsed *q);
/* mps_rows.c: apply a data line of each section */
int scs_mps_add_row(Mps *p, const Parsed *q);
int scs_mps_apply_columns(Mps *p, const Parsed *q);
int scs_mps_apply_rhs(Mps *p, const Parsed *q);
int scs_mps_apply_ranges(Mps *p, const Parsed *q);
int scs_mps_apply_quad(Mps *p, const Parsed *q);
/* The first set name of RHS (0) / RANGES (1) / BOUNDS (2) is the one used. */
int scs_mps_check_set(Mps *p, int which, const char *set);
/* mps_bounds.c */
int scs_mps_apply_bounds(Mps *p, const Parsed *q);
/* mps_quad.c: P (upper triangle CSC) from the quadratic entries; *P NULL
 * when there are none. */
int scs_mps_build_p(Mps *p, ScsMatrix **P);
/* mps_convert.c: the SCS form of the file read into p. */
int scs_mps_convert(Mps *p, ScsProblem *prob, ScsProblemMap *map);

#endif
