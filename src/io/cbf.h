/*
 * CBF (Conic Benchmark Format, versions 1 to 3) reader.
 *
 * The file is read section by section into CBF-level lists: the cones over
 * the scalar variables (VAR) and over the scalar constraint rows (CON), the
 * orders of the PSD variables and PSD constraints, and the coordinate lists
 * with the line of every entry. Nothing is sized by a count the file gives
 * before the lines that back it have been read, so a short file with huge
 * counts fails at the first missing line instead of allocating. The sizes
 * no line backs one by one (VAR, CON, PSD orders) must be backed by the
 * file's length (check_backing) before the problem is assembled.
 *
 * The SCS problem is assembled at the end, in SCS's cone row order:
 *
 *   zero      L= variables, then L= constraint rows
 *   nonneg    L+ / L- variables, then L+ / L- rows (L- negated)
 *   SOC       Q / QR variable cones, then Q / QR constraint cones
 *   PSD       PSDVAR blocks (in file order), then PSDCON blocks
 *   exp       EXP variable triples, then EXP rows (each triple reversed)
 *   dual exp  EXP* likewise
 *   power     POW / POW* variable triples, then rows
 *
 * A CBF scalar row g = a'x + b in a cone becomes s = g (A row -a, b), a
 * variable x_j in a cone becomes s = x_j (A entry -1, b 0). Rotated cones
 * mix two rows: (t, u) = ((g1 + g2)/sqrt2, (g1 - g2)/sqrt2). Free variables
 * and free rows (F) give no SCS rows. docs/problem_files.md has the details.
 *
 * The parts, one job each:
 *   cbf_read.c      the entry point: the sections in order, then the checks
 *                   and the assembly
 *   cbf_lines.c     lines, fields, numbers and errors
 *   cbf_structure.c VER, OBJSENSE, POWCONES, VAR, CON, PSDVAR, PSDCON, INT
 *   cbf_coords.c    the coordinate sections (OBJACOORD, ACOORD, ...)
 *   cbf_checks.c    duplicate entries and the backing rule
 *   cbf_assemble.c  the SCS problem in cone row order
 */
#ifndef SCS_IO_CBF_H
#define SCS_IO_CBF_H

#include <stdint.h>

#include "io/problem.h"
#include "io/text_reader.h"

/* Largest number of scalar variables, of constraint rows, and of entries
 * of all PSD variables (or of all PSD constraints) together: a hard cap on
 * each declared size, whatever the file's length. */
#define CBF_MAX_DIM ((int64_t)1 << 26)
/* The backing rule (docs/problem_files.md, "Limits"): VAR, CON, PSDVAR and
 * PSDCON declare sizes that no line backs one by one (a PSD matrix of
 * order k is k(k+1)/2 scalars, each an SCS variable or row). The scalars
 * they imply together may not exceed CBF_FREE_SCALARS plus
 * CBF_SCALARS_PER_BYTE per byte of the file's text (decompressed, up to
 * its end or CHANGE), so memory and time stay proportional to the file. */
#define CBF_FREE_SCALARS ((int64_t)1 << 16)
#define CBF_SCALARS_PER_BYTE ((int64_t)128)
#define CBF_MAX_TOKENS 8
#define CBF_SQRT2 1.41421356237309504880
#define CBF_INV_SQRT2 0.70710678118654752440
#define LL(v) ((long long)(v))

/* the largest scs_int */
#define CBF_SCS_INT_MAX SCS_IO_INT_MAX

/* ---- sections and cones -------------------------------------------------- */

typedef enum {
  S_VER,
  S_POWCONES,
  S_DPOWCONES,
  S_OBJSENSE,
  S_PSDVAR,
  S_VAR,
  S_INT,
  S_PSDCON,
  S_CON,
  S_OBJFCOORD,
  S_OBJACOORD,
  S_OBJBCOORD,
  S_FCOORD,
  S_ACOORD,
  S_BCOORD,
  S_HCOORD,
  S_DCOORD,
  S_CHANGE,
  S_COUNT
} Section;

/* the section keywords ("VER", "POWCONES", ...), cbf_read.c */
extern const char *const scs_cbf_section_name[S_COUNT];
static inline const char *cbf_name(Section s) {
  return scs_cbf_section_name[s];
}

typedef enum {
  K_F,
  K_LPOS,
  K_LNEG,
  K_LEQ,
  K_Q,
  K_QR,
  K_EXP,
  K_EXPD,
  K_POW,
  K_POWD
} ConeKind;

typedef struct {
  ConeKind kind;
  int64_t dim;
  double p; /* SCS power cone parameter (negative: dual) */
} Cone;

typedef struct {
  int64_t nparam;
  double a1, a2; /* the first two parameters */
} PowParams;

typedef struct {
  int64_t order, start;
  long line; /* where the order is declared */
} Psd;

/* a coordinate entry: a (k1, k2) position, its value and its line */
typedef struct {
  int64_t k1, k2;
  double v;
  long line;
} Entry;

typedef struct {
  Entry *e;
  size_t n, cap;
} Entries;

typedef struct {
  ScsTextReader *r;
  char *tok[CBF_MAX_TOKENS];
  int ntok;
  long seen[S_COUNT]; /* line of each section keyword, 0 if absent */
  Section last;       /* the section read last */
  int maximize;
  /* POWCONES [0] and POW*CONES [1] */
  PowParams *pow[2];
  int64_t npow[2];
  size_t powcap[2];
  /* VAR [0] and CON [1]: cones and the number of scalars they cover */
  Cone *cones[2];
  int64_t ncones[2];
  size_t conecap[2];
  int64_t dim[2];
  long dimline[2]; /* line of the "n k" header */
  /* PSDVAR [0] and PSDCON [1]: orders, first entry of each in the
   * concatenation of their lower triangles, and that total */
  Psd *psd[2];
  int64_t npsd[2];
  size_t psdcap[2];
  int64_t psdtotal[2];
  /* coordinates, keyed (k1, k2):
   * OBJACOORD (0, j), OBJFCOORD (0, PSD column), ACOORD (i, j),
   * FCOORD (i, PSD column), BCOORD (0, i), HCOORD (PSDCON row, j),
   * DCOORD (0, PSDCON row); PSD columns and rows count from the first
   * PSD variable / constraint, off-diagonal values are already times
   * sqrt2 */
  Entries sec[S_COUNT];
  double objb;
} Cbf;

/* ---- cbf_lines.c: errors and lines ------------------------------------- */

/* Set the error to "<file>:<line>: <message>". */
void scs_cbf_error_at(const Cbf *c, long line, const char *fmt, ...)
    SCS_IO_PRINTF_LIKE(3, 4);
int scs_cbf_out_of_memory(Cbf *c);

static inline long cur_line(const Cbf *c) {
  return scs_text_line_number(c->r);
}

static inline int64_t tri(int64_t k) { return k * (k + 1) / 2; }

/* The section named tok, or S_COUNT. */
Section scs_cbf_find_section(const char *tok);
/* The next line that is neither blank nor a comment, split into tokens:
 * 1, or 0 at the end of the file, or -1 on a read error (error set). */
int scs_cbf_next_line(Cbf *c);
/* The next data line of section s. `want` < 0: a header line described by
 * `what`; else line `have` of `want` `what`. The end of the file and a
 * section keyword are errors. */
int scs_cbf_need_line(Cbf *c, Section s, int64_t have, int64_t want,
                      const char *what);
int scs_cbf_expect_fields(Cbf *c, Section s, int n, const char *layout);
/* Token t as an integer in [lo, hi]. */
int scs_cbf_get_int(Cbf *c, Section s, int t, int64_t lo, int64_t hi,
                    const char *what, int64_t *out);
/* An index into a table of n entries. */
int scs_cbf_get_index(Cbf *c, Section s, int t, int64_t n, const char *what,
                      int64_t *out);
int scs_cbf_get_double(Cbf *c, Section s, int t, const char *what,
                       double *out);
/* Room for one more element of size `size` in *arr (n used, *cap room). */
int scs_cbf_grow(Cbf *c, void **arr, size_t n, size_t *cap, size_t size);

/* ---- the sections: structure (cbf_structure.c), coordinates
 * (cbf_coords.c) ---- */

int scs_cbf_read_ver(Cbf *c);
int scs_cbf_read_objsense(Cbf *c);
int scs_cbf_read_powcones(Cbf *c, int dual);
int scs_cbf_read_cones(Cbf *c, int con);
int scs_cbf_read_psd(Cbf *c, int con);
int scs_cbf_read_int(Cbf *c);
int scs_cbf_read_objbcoord(Cbf *c);
int scs_cbf_read_coords(Cbf *c, Section s);

/* ---- after the last section (cbf_checks.c, cbf_assemble.c) ---- */

/* The declared sizes against the file's bytes (CBF_FREE_SCALARS). */
int scs_cbf_check_backing(Cbf *c);
/* Sort section s by position; a position given twice is an error. */
int scs_cbf_check_duplicates(Cbf *c, Section s);
/* The SCS problem (data, cone, objective, map) of the file read into c. */
int scs_cbf_assemble(Cbf *c, ScsProblem *prob, ScsProblemMap *map);

#endif
