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
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
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

#if SCS_DLONG
#define CBF_SCS_INT_MAX ((int64_t)INT64_MAX)
#else
#define CBF_SCS_INT_MAX ((int64_t)2147483647)
#endif

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

static const char *const SECTION_NAME[S_COUNT] = {
    "VER",    "POWCONES", "POW*CONES", "OBJSENSE",  "PSDVAR",    "VAR",
    "INT",    "PSDCON",   "CON",       "OBJFCOORD", "OBJACOORD", "OBJBCOORD",
    "FCOORD", "ACOORD",   "BCOORD",    "HCOORD",    "DCOORD",    "CHANGE"};

#define BIT(s) (1u << (s))
/* sections that must have been given before each section */
static const unsigned PREREQ[S_COUNT] = {
    [S_INT] = BIT(S_VAR),
    [S_OBJFCOORD] = BIT(S_PSDVAR),
    [S_OBJACOORD] = BIT(S_VAR),
    [S_FCOORD] = BIT(S_PSDVAR) | BIT(S_CON),
    [S_ACOORD] = BIT(S_VAR) | BIT(S_CON),
    [S_BCOORD] = BIT(S_CON),
    [S_HCOORD] = BIT(S_PSDCON) | BIT(S_VAR),
    [S_DCOORD] = BIT(S_PSDCON),
};

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

/* ---- errors and lines ---------------------------------------------------- */

static void error_at(const Cbf *c, long line, const char *fmt, ...)
    SCS_PRINTF_LIKE(3, 4);
static void error_at(const Cbf *c, long line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_set_error("%s:%ld: %s", scs_text_file_name(c->r), line, msg);
}

static long cur_line(const Cbf *c) { return scs_text_line_number(c->r); }

static Section find_section(const char *tok) {
  if (tok[0] < 'A' || tok[0] > 'Z') return S_COUNT;
  for (int s = 0; s < S_COUNT; ++s)
    if (strcmp(tok, SECTION_NAME[s]) == 0) return (Section)s;
  return S_COUNT;
}

/* The next line that is neither blank nor a comment, split into tokens:
 * 1, or 0 at the end of the file, or -1 on a read error (error set). */
static int next_line(Cbf *c) {
  char *line;
  while ((line = scs_text_next_line(c->r)) != NULL) {
    while (*line == ' ' || *line == '\t') ++line;
    if (*line == '\0' || *line == '#') continue;
    c->ntok = scs_text_split(line, c->tok, CBF_MAX_TOKENS);
    return 1;
  }
  return scs_text_failed(c->r) ? -1 : 0;
}

/* The next data line of section s. `want` < 0: a header line described by
 * `what`; else line `have` of `want` `what`. The end of the file and a
 * section keyword are errors. */
static int need_line(Cbf *c, Section s, int64_t have, int64_t want,
                     const char *what) {
  int rc = next_line(c);
  if (rc < 0) return -1;
  if (rc > 0 && find_section(c->tok[0]) == S_COUNT) return 0;
  char expected[160];
  if (want < 0)
    snprintf(expected, sizeof(expected), "%s", what);
  else
    snprintf(expected, sizeof(expected), "%lld %s, found %lld", LL(want), what,
             LL(have));
  if (rc == 0)
    error_at(c, cur_line(c), "unexpected end of file in %s: expected %s",
             SECTION_NAME[s], expected);
  else
    error_at(c, cur_line(c), "%s: expected %s before the keyword %s",
             SECTION_NAME[s], expected, c->tok[0]);
  return -1;
}

static int expect_fields(Cbf *c, Section s, int n, const char *layout) {
  if (c->ntok == n) return 0;
  error_at(c, cur_line(c), "%s: expected %d field%s (%s), got %d",
           SECTION_NAME[s], n, n == 1 ? "" : "s", layout, c->ntok);
  return -1;
}

/* Token t as an integer in [lo, hi]. */
static int get_int(Cbf *c, Section s, int t, int64_t lo, int64_t hi,
                   const char *what, int64_t *out) {
  long long v;
  if (scs_text_parse_long(c->tok[t], &v) != 0) {
    error_at(c, cur_line(c), "%s: %s \"%.40s\" is not an integer",
             SECTION_NAME[s], what, c->tok[t]);
    return -1;
  }
  if (v < lo) {
    if (lo == 0)
      error_at(c, cur_line(c), "%s: %s %lld is negative", SECTION_NAME[s], what,
               v);
    else
      error_at(c, cur_line(c), "%s: %s %lld is less than %lld", SECTION_NAME[s],
               what, v, LL(lo));
    return -1;
  }
  if (v > hi) {
    error_at(c, cur_line(c), "%s: %s %lld is too large (at most %lld)",
             SECTION_NAME[s], what, v, LL(hi));
    return -1;
  }
  *out = v;
  return 0;
}

/* An index into a table of n entries. */
static int get_index(Cbf *c, Section s, int t, int64_t n, const char *what,
                     int64_t *out) {
  long long v;
  if (scs_text_parse_long(c->tok[t], &v) != 0) {
    error_at(c, cur_line(c), "%s: %s \"%.40s\" is not an integer",
             SECTION_NAME[s], what, c->tok[t]);
    return -1;
  }
  if (v < 0 || v >= n) {
    error_at(c, cur_line(c), "%s: %s %lld is out of range [0, %lld)",
             SECTION_NAME[s], what, v, LL(n));
    return -1;
  }
  *out = v;
  return 0;
}

static int get_double(Cbf *c, Section s, int t, const char *what, double *out) {
  double v;
  if (scs_text_parse_double(c->tok[t], &v) != 0 || !isfinite(v)) {
    error_at(c, cur_line(c),
             "%s: %s \"%.40s\" is not a finite decimal number",
             SECTION_NAME[s], what, c->tok[t]);
    return -1;
  }
  *out = v;
  return 0;
}

static int out_of_memory(Cbf *c) {
  error_at(c, cur_line(c), "out of memory");
  return -1;
}

/* Room for one more element of size `size` in *arr (n used, *cap room). */
static int grow(Cbf *c, void **arr, size_t n, size_t *cap, size_t size) {
  if (n < *cap) return 0;
  size_t nc = *cap ? *cap * 2 : 16;
  if (nc > SIZE_MAX / size) return out_of_memory(c);
  void *na = realloc(*arr, nc * size);
  if (!na) return out_of_memory(c);
  *arr = na;
  *cap = nc;
  return 0;
}

/* a * b, saturated at INT64_MAX (a, b >= 0) */
static int64_t mul_sat(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > INT64_MAX / b ? INT64_MAX : a * b;
}

static int64_t tri(int64_t k) { return k * (k + 1) / 2; }

/* ---- structure sections -------------------------------------------------- */

static int read_ver(Cbf *c) {
  int64_t v;
  if (need_line(c, S_VER, -1, -1, "the version number") ||
      expect_fields(c, S_VER, 1, "the version number") ||
      get_int(c, S_VER, 0, INT64_MIN, INT64_MAX, "version", &v))
    return -1;
  if (v < 1 || v > 3) {
    error_at(c, cur_line(c),
             "unsupported CBF version %lld (versions 1 to 3 are supported)",
             LL(v));
    return -1;
  }
  return 0;
}

static int read_objsense(Cbf *c) {
  if (need_line(c, S_OBJSENSE, -1, -1, "MIN or MAX") ||
      expect_fields(c, S_OBJSENSE, 1, "MIN or MAX"))
    return -1;
  if (strcmp(c->tok[0], "MIN") == 0) {
    c->maximize = 0;
  } else if (strcmp(c->tok[0], "MAX") == 0) {
    c->maximize = 1;
  } else {
    error_at(c, cur_line(c), "OBJSENSE: expected MIN or MAX, got \"%.40s\"",
             c->tok[0]);
    return -1;
  }
  return 0;
}

/* POWCONES / POW*CONES: "K P", then per cone its parameter count and one
 * parameter a line. */
static int read_powcones(Cbf *c, int dual) {
  Section s = dual ? S_DPOWCONES : S_POWCONES;
  const char *layout = "number of cones and of parameters";
  int64_t k, p, total = 0;
  if (need_line(c, s, -1, -1, layout) || expect_fields(c, s, 2, layout) ||
      get_int(c, s, 0, 0, CBF_MAX_DIM, "number of cones", &k) ||
      get_int(c, s, 1, 0, INT64_MAX, "number of parameters", &p))
    return -1;
  for (int64_t i = 0; i < k; ++i) {
    int64_t np;
    if (need_line(c, s, i, k, "cones") ||
        expect_fields(c, s, 1, "number of parameters of a cone") ||
        get_int(c, s, 0, 1, INT64_MAX, "number of parameters", &np))
      return -1;
    if (np > p - total) {
      error_at(c, cur_line(c),
               "%s: the cones have more parameters than the %lld of the "
               "header",
               SECTION_NAME[s], LL(p));
      return -1;
    }
    total += np;
    PowParams pp = {np, 0, 0};
    for (int64_t t = 0; t < np; ++t) {
      double a;
      if (need_line(c, s, t, np, "parameters of the cone") ||
          expect_fields(c, s, 1, "one parameter") ||
          get_double(c, s, 0, "parameter", &a))
        return -1;
      if (!(a > 0)) {
        error_at(c, cur_line(c), "%s: parameter %g must be positive",
                 SECTION_NAME[s], a);
        return -1;
      }
      if (t == 0) pp.a1 = a;
      if (t == 1) pp.a2 = a;
    }
    if (grow(c, (void **)&c->pow[dual], (size_t)c->npow[dual], &c->powcap[dual],
             sizeof(PowParams)))
      return -1;
    c->pow[dual][c->npow[dual]++] = pp;
  }
  if (total != p) {
    error_at(c, cur_line(c),
             "%s: the cones have %lld parameters, the header says %lld",
             SECTION_NAME[s], LL(total), LL(p));
    return -1;
  }
  return 0;
}

/* "@k:POW" or "@k:POW*" */
static int parse_pow_cone(Cbf *c, Section s, const char *name, int64_t dim,
                          Cone *cone) {
  const char *q = name + 1;
  int64_t idx = 0;
  if (*q < '0' || *q > '9') goto unknown;
  for (; *q >= '0' && *q <= '9'; ++q) {
    if (idx > (INT64_MAX - 9) / 10) goto unknown;
    idx = idx * 10 + (*q - '0');
  }
  if (*q != ':') goto unknown;
  ++q;
  int dual;
  if (strcmp(q, "POW") == 0)
    dual = 0;
  else if (strcmp(q, "POW*") == 0)
    dual = 1;
  else
    goto unknown;
  Section table = dual ? S_DPOWCONES : S_POWCONES;
  if (!c->seen[table]) {
    error_at(c, cur_line(c),
             "%s: cone %.40s refers to %s, which must come before %s",
             SECTION_NAME[s], name, SECTION_NAME[table], SECTION_NAME[s]);
    return -1;
  }
  if (idx >= c->npow[dual]) {
    error_at(c, cur_line(c),
             "%s: cone %.40s: index %lld is out of range [0, %lld) of %s",
             SECTION_NAME[s], name, LL(idx), LL(c->npow[dual]),
             SECTION_NAME[table]);
    return -1;
  }
  const PowParams *pp = &c->pow[dual][idx];
  if (pp->nparam != 2 || dim != 3) {
    error_at(c, cur_line(c),
             "%s: cone %.40s of dimension %lld with %lld parameters: only "
             "3-dimensional power cones with 2 parameters are supported",
             SECTION_NAME[s], name, LL(dim), LL(pp->nparam));
    return -1;
  }
  double a = pp->a1 / (pp->a1 + pp->a2);
  cone->kind = dual ? K_POWD : K_POW;
  cone->p = dual ? -a : a;
  return 0;
unknown:
  error_at(c, cur_line(c), "%s: unknown cone \"%.40s\"", SECTION_NAME[s], name);
  return -1;
}

static int parse_cone(Cbf *c, Section s, const char *name, int64_t dim,
                      Cone *cone) {
  static const struct {
    const char *name;
    ConeKind kind;
  } simple[] = {{"F", K_F}, {"L+", K_LPOS}, {"L-", K_LNEG}, {"L=", K_LEQ},
                {"Q", K_Q}, {"QR", K_QR},   {"EXP", K_EXP}, {"EXP*", K_EXPD}};
  cone->dim = dim;
  cone->p = 0;
  if (name[0] == '@') return parse_pow_cone(c, s, name, dim, cone);
  for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); ++i) {
    if (strcmp(name, simple[i].name) != 0) continue;
    cone->kind = simple[i].kind;
    if (cone->kind == K_QR && dim < 2) {
      error_at(c, cur_line(c),
               "%s: a QR cone needs dimension 2 or more, got %lld",
               SECTION_NAME[s], LL(dim));
      return -1;
    }
    if ((cone->kind == K_EXP || cone->kind == K_EXPD) && dim != 3) {
      error_at(c, cur_line(c), "%s: an %s cone has dimension 3, got %lld",
               SECTION_NAME[s], name, LL(dim));
      return -1;
    }
    return 0;
  }
  error_at(c, cur_line(c), "%s: unknown cone \"%.40s\"", SECTION_NAME[s], name);
  return -1;
}

/* VAR / CON: "n k", then k lines "CONE dim" covering the n scalars. */
static int read_cones(Cbf *c, int con) {
  Section s = con ? S_CON : S_VAR;
  const char *layout =
      con ? "number of rows and of cones" : "number of variables and of cones";
  int64_t n, k, covered = 0;
  if (need_line(c, s, -1, -1, layout) || expect_fields(c, s, 2, layout) ||
      get_int(c, s, 0, 0, CBF_MAX_DIM,
              con ? "number of rows" : "number of variables", &n) ||
      get_int(c, s, 1, 0, n, "number of cones", &k))
    return -1;
  long header = cur_line(c);
  if (k == 0 && n > 0) {
    error_at(c, cur_line(c), "%s: %lld %s but no cones", SECTION_NAME[s], LL(n),
             con ? "rows" : "variables");
    return -1;
  }
  for (int64_t i = 0; i < k; ++i) {
    int64_t dim;
    Cone cone;
    if (need_line(c, s, i, k, "cones") ||
        expect_fields(c, s, 2, "cone name and dimension") ||
        get_int(c, s, 1, 1, INT64_MAX, "cone dimension", &dim))
      return -1;
    if (dim > n - covered) {
      error_at(c, cur_line(c),
               "%s: the cones cover more than the %lld %s of the header",
               SECTION_NAME[s], LL(n), con ? "rows" : "variables");
      return -1;
    }
    if (parse_cone(c, s, c->tok[0], dim, &cone)) return -1;
    if (grow(c, (void **)&c->cones[con], (size_t)c->ncones[con],
             &c->conecap[con], sizeof(Cone)))
      return -1;
    c->cones[con][c->ncones[con]++] = cone;
    covered += dim;
  }
  if (covered != n) {
    error_at(c, cur_line(c), "%s: the cones cover %lld of the %lld %s",
             SECTION_NAME[s], LL(covered), LL(n), con ? "rows" : "variables");
    return -1;
  }
  c->dim[con] = n;
  c->dimline[con] = header;
  return 0;
}

/* PSDVAR / PSDCON: "N", then N orders. */
static int read_psd(Cbf *c, int con) {
  Section s = con ? S_PSDCON : S_PSDVAR;
  int64_t n;
  if (need_line(c, s, -1, -1, "the number of matrices") ||
      expect_fields(c, s, 1, "number of matrices") ||
      get_int(c, s, 0, 0, CBF_MAX_DIM, "number of matrices", &n))
    return -1;
  for (int64_t i = 0; i < n; ++i) {
    int64_t k;
    if (need_line(c, s, i, n, "matrix orders") ||
        expect_fields(c, s, 1, "matrix order") ||
        get_int(c, s, 0, 1, CBF_MAX_DIM, "matrix order", &k))
      return -1;
    if (tri(k) > CBF_MAX_DIM - c->psdtotal[con]) {
      error_at(c, cur_line(c),
               "%s: matrices too large (more than %lld entries in all)",
               SECTION_NAME[s], LL(CBF_MAX_DIM));
      return -1;
    }
    if (grow(c, (void **)&c->psd[con], (size_t)c->npsd[con], &c->psdcap[con],
             sizeof(Psd)))
      return -1;
    c->psd[con][c->npsd[con]++] = (Psd){k, c->psdtotal[con], cur_line(c)};
    c->psdtotal[con] += tri(k);
  }
  return 0;
}

static int read_int(Cbf *c) {
  int64_t k;
  if (need_line(c, S_INT, -1, -1, "the number of integer variables") ||
      expect_fields(c, S_INT, 1, "number of integer variables") ||
      get_int(c, S_INT, 0, 0, c->dim[0], "number of integer variables", &k))
    return -1;
  if (k > 0) {
    error_at(c, cur_line(c),
             "integer variables are not supported (INT lists %lld)", LL(k));
    return -1;
  }
  return 0;
}

/* ---- coordinate sections ------------------------------------------------- */

/* Entry (k, l) of PSD matrix `which` of list `con` (0 PSDVAR, 1 PSDCON)
 * from tokens t, t+1: its position in the concatenated lower triangles
 * (SCS's column-major layout) and the factor for SCS's scaling. */
static int get_psd_pos(Cbf *c, Section s, int con, int64_t which, int t,
                       int64_t *pos, double *scale) {
  int64_t n = c->psd[con][which].order, k, l;
  if (get_index(c, s, t, n, "matrix row", &k) ||
      get_index(c, s, t + 1, n, "matrix column", &l))
    return -1;
  if (k < l) { /* the upper triangle stands for the same symmetric pair */
    int64_t tmp = k;
    k = l;
    l = tmp;
  }
  *pos = c->psd[con][which].start + l * n - l * (l - 1) / 2 + (k - l);
  *scale = k == l ? 1.0 : CBF_SQRT2;
  return 0;
}

static int push_entry(Cbf *c, Section s, int64_t k1, int64_t k2, double v) {
  Entries *es = &c->sec[s];
  if (grow(c, (void **)&es->e, es->n, &es->cap, sizeof(Entry))) return -1;
  es->e[es->n++] = (Entry){k1, k2, v, cur_line(c)};
  return 0;
}

static int read_objbcoord(Cbf *c) {
  if (need_line(c, S_OBJBCOORD, -1, -1, "the objective constant") ||
      expect_fields(c, S_OBJBCOORD, 1, "the objective constant") ||
      get_double(c, S_OBJBCOORD, 0, "value", &c->objb))
    return -1;
  return 0;
}

static int read_coords(Cbf *c, Section s) {
  int64_t nvar = c->dim[0], ncon = c->dim[1];
  int64_t nf = c->psdtotal[0], nh = c->psdtotal[1];
  int64_t positions = 0;
  int fields = 0;
  const char *layout = "";
  switch (s) {
    case S_OBJFCOORD:
      positions = nf, fields = 4, layout = "j k l value";
      break;
    case S_OBJACOORD:
      positions = nvar, fields = 2, layout = "j value";
      break;
    case S_FCOORD:
      positions = mul_sat(ncon, nf), fields = 5, layout = "i j k l value";
      break;
    case S_ACOORD:
      positions = mul_sat(ncon, nvar), fields = 3, layout = "i j value";
      break;
    case S_BCOORD:
      positions = ncon, fields = 2, layout = "i value";
      break;
    case S_HCOORD:
      positions = mul_sat(nh, nvar), fields = 5, layout = "i j k l value";
      break;
    case S_DCOORD:
      positions = nh, fields = 4, layout = "i k l value";
      break;
    default:
      return -1;
  }
  int64_t count;
  if (need_line(c, s, -1, -1, "the number of entries") ||
      expect_fields(c, s, 1, "number of entries") ||
      get_int(c, s, 0, 0, INT64_MAX, "number of entries", &count))
    return -1;
  if (count > positions) {
    error_at(c, cur_line(c),
             "%s: %lld entries, but there are only %lld positions",
             SECTION_NAME[s], LL(count), LL(positions));
    return -1;
  }
  for (int64_t e = 0; e < count; ++e) {
    int64_t i = 0, j = 0, pos = 0;
    double v, scale = 1.0;
    if (need_line(c, s, e, count, "entries") ||
        expect_fields(c, s, fields, layout) ||
        get_double(c, s, fields - 1, "value", &v))
      return -1;
    int rc = 0;
    switch (s) {
      case S_OBJFCOORD:
        rc = get_index(c, s, 0, c->npsd[0], "PSD variable", &j) ||
             get_psd_pos(c, s, 0, j, 1, &pos, &scale) ||
             push_entry(c, s, 0, pos, v * scale);
        break;
      case S_OBJACOORD:
        rc = get_index(c, s, 0, nvar, "variable", &j) ||
             push_entry(c, s, 0, j, v);
        break;
      case S_FCOORD:
        rc = get_index(c, s, 0, ncon, "constraint", &i) ||
             get_index(c, s, 1, c->npsd[0], "PSD variable", &j) ||
             get_psd_pos(c, s, 0, j, 2, &pos, &scale) ||
             push_entry(c, s, i, pos, v * scale);
        break;
      case S_ACOORD:
        rc = get_index(c, s, 0, ncon, "constraint", &i) ||
             get_index(c, s, 1, nvar, "variable", &j) ||
             push_entry(c, s, i, j, v);
        break;
      case S_BCOORD:
        rc = get_index(c, s, 0, ncon, "constraint", &i) ||
             push_entry(c, s, 0, i, v);
        break;
      case S_HCOORD:
        rc = get_index(c, s, 0, c->npsd[1], "PSD constraint", &i) ||
             get_index(c, s, 1, nvar, "variable", &j) ||
             get_psd_pos(c, s, 1, i, 2, &pos, &scale) ||
             push_entry(c, s, pos, j, v * scale);
        break;
      case S_DCOORD:
        rc = get_index(c, s, 0, c->npsd[1], "PSD constraint", &i) ||
             get_psd_pos(c, s, 1, i, 1, &pos, &scale) ||
             push_entry(c, s, 0, pos, v * scale);
        break;
      default:
        break;
    }
    if (rc) return -1;
  }
  return 0;
}

/* ---- duplicate entries --------------------------------------------------- */

static int cmp_entry(const void *pa, const void *pb) {
  const Entry *a = pa, *b = pb;
  if (a->k1 != b->k1) return a->k1 < b->k1 ? -1 : 1;
  if (a->k2 != b->k2) return a->k2 < b->k2 ? -1 : 1;
  return (a->line > b->line) - (a->line < b->line);
}

/* PSD matrix and (row, column) of a position in the concatenation */
static void psd_decode(const Cbf *c, int con, int64_t pos, int64_t *which,
                       int64_t *k, int64_t *l) {
  int64_t lo = 0, hi = c->npsd[con] - 1;
  while (lo < hi) { /* last matrix starting at or before pos */
    int64_t mid = lo + (hi - lo + 1) / 2;
    if (c->psd[con][mid].start <= pos)
      lo = mid;
    else
      hi = mid - 1;
  }
  int64_t n = c->psd[con][lo].order, rem = pos - c->psd[con][lo].start;
  int64_t col = 0;
  while (rem >= n - col) rem -= n - col++;
  *which = lo;
  *l = col;
  *k = col + rem;
}

static void describe(const Cbf *c, Section s, const Entry *e, char *buf,
                     size_t len) {
  int64_t w, k, l;
  switch (s) {
    case S_OBJFCOORD:
      psd_decode(c, 0, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld)", LL(w), LL(k), LL(l));
      break;
    case S_FCOORD:
      psd_decode(c, 0, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld, %lld)", LL(e->k1), LL(w), LL(k),
               LL(l));
      break;
    case S_HCOORD:
      psd_decode(c, 1, e->k1, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld, %lld)", LL(w), LL(e->k2), LL(k),
               LL(l));
      break;
    case S_DCOORD:
      psd_decode(c, 1, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld)", LL(w), LL(k), LL(l));
      break;
    case S_ACOORD:
      snprintf(buf, len, "(%lld, %lld)", LL(e->k1), LL(e->k2));
      break;
    default:
      snprintf(buf, len, "%lld", LL(e->k2));
      break;
  }
}

/* Sort section s by position; a position given twice is an error at the
 * earliest line that repeats one. */
static int check_duplicates(Cbf *c, Section s) {
  Entries *es = &c->sec[s];
  if (es->n < 2) return 0;
  qsort(es->e, es->n, sizeof(Entry), cmp_entry);
  const Entry *first = NULL, *again = NULL;
  for (size_t t = 1; t < es->n; ++t) {
    const Entry *a = &es->e[t - 1], *b = &es->e[t];
    if (a->k1 == b->k1 && a->k2 == b->k2 && (!again || b->line < again->line))
      first = a, again = b;
  }
  if (!again) return 0;
  /* the first occurrence of that position */
  const Entry *orig = first;
  while (orig > es->e && orig[-1].k1 == again->k1 && orig[-1].k2 == again->k2)
    --orig;
  char where[128];
  describe(c, s, again, where, sizeof(where));
  error_at(c, again->line,
           "duplicate entry: %s %s was already given on line %ld",
           SECTION_NAME[s], where, orig->line);
  return -1;
}

/* ---- assembly ------------------------------------------------------------ */

/* SCS rows of one CBF scalar (variable or constraint row): s_r[t] gets
 * w[t] times it (r[t] < 0: unused). */
typedef struct {
  scs_int r[2];
  double w[2];
} RowMap;

typedef struct {
  int64_t z, l, q, ep, ed, pw; /* next row of each family */
  int64_t qi, pi;              /* next SOC cone, next power cone */
} Cursor;

static void map_cones(const Cone *cones, int64_t ncones, RowMap *map,
                      Cursor *cur, scs_int *q, scs_float *p) {
  int64_t e = 0;
  for (int64_t i = 0; i < ncones; ++i) {
    const Cone *cn = &cones[i];
    for (int64_t t = 0; t < cn->dim; ++t, ++e) {
      RowMap *m = &map[e];
      m->r[0] = m->r[1] = -1;
      m->w[0] = 1.0;
      m->w[1] = 0.0;
      switch (cn->kind) {
        case K_F:
          break;
        case K_LEQ:
          m->r[0] = (scs_int)cur->z++;
          break;
        case K_LPOS:
          m->r[0] = (scs_int)cur->l++;
          break;
        case K_LNEG:
          m->r[0] = (scs_int)cur->l++;
          m->w[0] = -1.0;
          break;
        case K_Q:
          m->r[0] = (scs_int)(cur->q + t);
          break;
        case K_QR:
          /* t = (x1 + x2)/sqrt2, u = (x1 - x2)/sqrt2, then x3 ... */
          if (t < 2) {
            m->r[0] = (scs_int)cur->q;
            m->w[0] = CBF_INV_SQRT2;
            m->r[1] = (scs_int)(cur->q + 1);
            m->w[1] = t == 0 ? CBF_INV_SQRT2 : -CBF_INV_SQRT2;
          } else {
            m->r[0] = (scs_int)(cur->q + t);
          }
          break;
        case K_EXP: /* CBF (t, s, r): t >= s exp(r/s) is SCS (r, s, t) */
          m->r[0] = (scs_int)(cur->ep + 2 - t);
          break;
        case K_EXPD:
          m->r[0] = (scs_int)(cur->ed + 2 - t);
          break;
        case K_POW:
        case K_POWD:
          m->r[0] = (scs_int)(cur->pw + t);
          break;
      }
    }
    switch (cn->kind) {
      case K_Q:
      case K_QR:
        q[cur->qi++] = (scs_int)cn->dim;
        cur->q += cn->dim;
        break;
      case K_EXP:
        cur->ep += 3;
        break;
      case K_EXPD:
        cur->ed += 3;
        break;
      case K_POW:
      case K_POWD:
        p[cur->pi++] = (scs_float)cn->p;
        cur->pw += 3;
        break;
      default:
        break;
    }
  }
}

typedef struct {
  scs_int r;
  double v;
} RowVal;

/* Triplets in two passes: counting per column, then filling. */
typedef struct {
  int fill;
  int64_t *cnt;  /* n + 1: counts, then column starts */
  int64_t *next; /* n: next free slot of each column (filling) */
  RowVal *rv;
} Build;

static void emit(Build *b, int64_t row, int64_t col, double v) {
  if (!b->fill)
    b->cnt[col + 1]++;
  else
    b->rv[b->next[col]++] = (RowVal){(scs_int)row, v};
}

typedef struct {
  int64_t nvar, off_s, off_psdcon;
  const RowMap *vmap, *cmap;
} Layout;

static void emit_all(const Cbf *c, const Layout *lay, Build *b) {
  /* variables in cones: s = x_j */
  for (int64_t j = 0; j < lay->nvar; ++j)
    for (int t = 0; t < 2; ++t)
      if (lay->vmap[j].r[t] >= 0)
        emit(b, lay->vmap[j].r[t], j, -lay->vmap[j].w[t]);
  /* PSD variables: s = svec(X), row off_s + t for column nvar + t */
  for (int64_t t = 0; t < c->psdtotal[0]; ++t)
    emit(b, lay->off_s + t, lay->nvar + t, -1.0);
  /* scalar constraint rows: s = w g */
  const Entries *a = &c->sec[S_ACOORD];
  for (size_t e = 0; e < a->n; ++e) {
    const RowMap *m = &lay->cmap[a->e[e].k1];
    for (int t = 0; t < 2; ++t)
      if (m->r[t] >= 0) emit(b, m->r[t], a->e[e].k2, -m->w[t] * a->e[e].v);
  }
  const Entries *f = &c->sec[S_FCOORD];
  for (size_t e = 0; e < f->n; ++e) {
    const RowMap *m = &lay->cmap[f->e[e].k1];
    for (int t = 0; t < 2; ++t)
      if (m->r[t] >= 0)
        emit(b, m->r[t], lay->nvar + f->e[e].k2, -m->w[t] * f->e[e].v);
  }
  /* PSD constraints: s = svec(sum_j x_j H_j + D) */
  const Entries *h = &c->sec[S_HCOORD];
  for (size_t e = 0; e < h->n; ++e)
    emit(b, lay->off_psdcon + h->e[e].k1, h->e[e].k2, -h->e[e].v);
}

static int cmp_rowval(const void *pa, const void *pb) {
  const RowVal *a = pa, *b = pb;
  return (a->r > b->r) - (a->r < b->r);
}

static int assemble(Cbf *c, ScsProblem *prob) {
  long last = cur_line(c);
  int64_t nvar = c->dim[0], ncon = c->dim[1];
  int64_t n = nvar + c->psdtotal[0];
  if (n < 1) {
    error_at(c, last, "the problem has no variables");
    return -1;
  }
  /* rows of each family */
  int64_t nz = 0, nl = 0, nq = 0, qrows = 0, nep = 0, ned = 0, np = 0;
  for (int con = 0; con < 2; ++con)
    for (int64_t i = 0; i < c->ncones[con]; ++i) {
      const Cone *cn = &c->cones[con][i];
      switch (cn->kind) {
        case K_LEQ:
          nz += cn->dim;
          break;
        case K_LPOS:
        case K_LNEG:
          nl += cn->dim;
          break;
        case K_Q:
        case K_QR:
          nq++, qrows += cn->dim;
          break;
        case K_EXP:
          nep++;
          break;
        case K_EXPD:
          ned++;
          break;
        case K_POW:
        case K_POWD:
          np++;
          break;
        default:
          break;
      }
    }
  int64_t ns = c->npsd[0] + c->npsd[1];
  int64_t off_q = nz + nl, off_s = off_q + qrows;
  int64_t off_ep = off_s + c->psdtotal[0] + c->psdtotal[1];
  int64_t off_ed = off_ep + 3 * nep, off_p = off_ed + 3 * ned;
  int64_t m = off_p + 3 * np;
  if (m < 1) {
    error_at(c, last,
             "the problem has no constraints (SCS needs at least one "
             "constrained variable or constraint row)");
    return -1;
  }
  /* every size is below 4 * CBF_MAX_DIM, which fits any scs_int */

  ScsData *d = calloc(1, sizeof(*d));
  ScsCone *k = calloc(1, sizeof(*k));
  prob->data = d;
  prob->cone = k;
  if (!d || !k) return out_of_memory(c);
  d->m = (scs_int)m;
  d->n = (scs_int)n;
  k->z = (scs_int)nz;
  k->l = (scs_int)nl;
  k->qsize = (scs_int)nq;
  k->ssize = (scs_int)ns;
  k->ep = (scs_int)nep;
  k->ed = (scs_int)ned;
  k->psize = (scs_int)np;
  if ((nq && !(k->q = malloc(sizeof(scs_int) * (size_t)nq))) ||
      (ns && !(k->s = malloc(sizeof(scs_int) * (size_t)ns))) ||
      (np && !(k->p = malloc(sizeof(scs_float) * (size_t)np))))
    return out_of_memory(c);
  for (int con = 0, t = 0; con < 2; ++con)
    for (int64_t i = 0; i < c->npsd[con]; ++i)
      k->s[t++] = (scs_int)c->psd[con][i].order;

  /* rows of every CBF scalar */
  RowMap *vmap = malloc(sizeof(RowMap) * (size_t)(nvar ? nvar : 1));
  RowMap *cmap = malloc(sizeof(RowMap) * (size_t)(ncon ? ncon : 1));
  Build b = {0, calloc((size_t)n + 1, sizeof(int64_t)),
             malloc(sizeof(int64_t) * (size_t)n), NULL};
  d->b = calloc((size_t)m, sizeof(scs_float));
  d->c = calloc((size_t)n, sizeof(scs_float));
  d->A = calloc(1, sizeof(ScsMatrix));
  int rc = -1;
  if (!vmap || !cmap || !b.cnt || !b.next || !d->b || !d->c || !d->A) {
    out_of_memory(c);
    goto done;
  }
  Cursor cur = {0, nz, off_q, off_ep, off_ed, off_p, 0, 0};
  map_cones(c->cones[0], c->ncones[0], vmap, &cur, k->q, k->p);
  map_cones(c->cones[1], c->ncones[1], cmap, &cur, k->q, k->p);
  Layout lay = {nvar, off_s, off_s + c->psdtotal[0], vmap, cmap};

  /* A: count, check the size, fill, then sort and merge each column */
  emit_all(c, &lay, &b);
  int64_t nnz = 0;
  for (int64_t j = 0; j < n; ++j) {
    nnz += b.cnt[j + 1];
    b.cnt[j + 1] = nnz;
  }
  if (nnz > CBF_SCS_INT_MAX) {
    error_at(c, last,
             "the constraint matrix has %lld entries, too many for "
             "this build's %d-byte integers",
             LL(nnz), (int)sizeof(scs_int));
    goto done;
  }
  size_t cap = (size_t)(nnz ? nnz : 1);
  b.rv = malloc(sizeof(RowVal) * cap);
  ScsMatrix *A = d->A;
  A->m = d->m;
  A->n = d->n;
  A->p = malloc(sizeof(scs_int) * ((size_t)n + 1));
  A->i = malloc(sizeof(scs_int) * cap);
  A->x = malloc(sizeof(scs_float) * cap);
  if (!b.rv || !A->p || !A->i || !A->x) {
    out_of_memory(c);
    goto done;
  }
  memcpy(b.next, b.cnt, sizeof(int64_t) * (size_t)n);
  b.fill = 1;
  emit_all(c, &lay, &b);
  int64_t out = 0;
  A->p[0] = 0;
  for (int64_t j = 0; j < n; ++j) {
    RowVal *col = b.rv + b.cnt[j];
    size_t len = (size_t)(b.cnt[j + 1] - b.cnt[j]);
    int sorted = 1;
    for (size_t t = 1; t < len && sorted; ++t) sorted = col[t - 1].r < col[t].r;
    if (!sorted) qsort(col, len, sizeof(RowVal), cmp_rowval);
    for (size_t t = 0; t < len; ++t) {
      if (out > A->p[j] && A->i[out - 1] == col[t].r) {
        /* rotated cones add two CBF rows into one SCS row */
        A->x[out - 1] = (scs_float)((double)A->x[out - 1] + col[t].v);
      } else {
        A->i[out] = col[t].r;
        A->x[out] = (scs_float)col[t].v;
        ++out;
      }
    }
    A->p[j + 1] = (scs_int)out;
  }

  /* b */
  const Entries *be = &c->sec[S_BCOORD];
  for (size_t e = 0; e < be->n; ++e) {
    const RowMap *mp = &cmap[be->e[e].k2];
    for (int t = 0; t < 2; ++t)
      if (mp->r[t] >= 0)
        d->b[mp->r[t]] =
            (scs_float)((double)d->b[mp->r[t]] + mp->w[t] * be->e[e].v);
  }
  const Entries *de = &c->sec[S_DCOORD];
  for (size_t e = 0; e < de->n; ++e)
    d->b[lay.off_psdcon + de->e[e].k2] = (scs_float)de->e[e].v;

  /* c */
  double sign = c->maximize ? -1.0 : 1.0;
  const Entries *oa = &c->sec[S_OBJACOORD], *of = &c->sec[S_OBJFCOORD];
  for (size_t e = 0; e < oa->n; ++e)
    d->c[oa->e[e].k2] = (scs_float)(sign * oa->e[e].v);
  for (size_t e = 0; e < of->n; ++e)
    d->c[nvar + of->e[e].k2] = (scs_float)(sign * of->e[e].v);
  prob->objective_sign = sign;
  prob->objective_offset = c->objb;

  /* the way back to the file's variables */
  ScsProblemMap *map = prob->map;
  map->n_scalar = (scs_int)nvar;
  map->n_psd = (scs_int)c->npsd[0];
  if (c->npsd[0] > 0) {
    map->psd_dim = malloc(sizeof(scs_int) * (size_t)c->npsd[0]);
    map->psd_start = malloc(sizeof(scs_int) * (size_t)c->npsd[0]);
    if (!map->psd_dim || !map->psd_start) {
      out_of_memory(c);
      goto done;
    }
    for (int64_t v = 0; v < c->npsd[0]; ++v) {
      map->psd_dim[v] = (scs_int)c->psd[0][v].order;
      map->psd_start[v] = (scs_int)(nvar + c->psd[0][v].start);
    }
  }
  prob->n_file_vars = (scs_int)n;
  rc = 0;
done:
  free(vmap);
  free(cmap);
  free(b.cnt);
  free(b.next);
  free(b.rv);
  return rc;
}

/* ---- the backing rule ---------------------------------------------------- */

/* The declared sizes against the file's bytes (CBF_FREE_SCALARS). The
 * error names the line of the largest single declaration. */
static int check_backing(Cbf *c) {
  int64_t implied = c->dim[0] + c->dim[1] + c->psdtotal[0] + c->psdtotal[1];
  unsigned long long bytes = scs_text_bytes_read(c->r);
  int64_t allowed = CBF_FREE_SCALARS;
  if (bytes < (unsigned long long)(INT64_MAX / CBF_SCALARS_PER_BYTE / 2))
    allowed += CBF_SCALARS_PER_BYTE * (int64_t)bytes;
  else
    allowed = INT64_MAX;
  if (implied <= allowed) return 0;
  /* the largest declaration */
  Section s = S_VAR;
  int64_t most = -1, order = 0;
  long line = 0;
  for (int con = 0; con < 2; ++con) {
    if (c->dim[con] > most) {
      most = c->dim[con], line = c->dimline[con], order = 0;
      s = con ? S_CON : S_VAR;
    }
    for (int64_t i = 0; i < c->npsd[con]; ++i)
      if (tri(c->psd[con][i].order) > most) {
        most = tri(c->psd[con][i].order), line = c->psd[con][i].line;
        order = c->psd[con][i].order;
        s = con ? S_PSDCON : S_PSDVAR;
      }
  }
  char what[96];
  if (order > 0)
    snprintf(what, sizeof(what), "a matrix of order %lld (%lld scalars)",
             LL(order), LL(most));
  else
    snprintf(what, sizeof(what), "%lld %s", LL(most),
             s == S_CON ? "rows" : "variables");
  error_at(c, line,
           "%s: %s is more than this %llu-byte file can back: the "
           "declarations imply %lld scalars, at most %lld + %lld per byte "
           "= %lld are allowed (docs/problem_files.md)",
           SECTION_NAME[s], what, bytes, LL(implied), LL(CBF_FREE_SCALARS),
           LL(CBF_SCALARS_PER_BYTE), LL(allowed));
  return -1;
}

/* ---- driver -------------------------------------------------------------- */

static int read_file(Cbf *c) {
  for (;;) {
    int rc = next_line(c);
    if (rc < 0) return -1;
    if (rc == 0) break;
    Section s = find_section(c->tok[0]);
    if (!c->seen[S_VER] && (s != S_VER || c->ntok != 1)) {
      error_at(c, cur_line(c),
               "expected VER first (not a CBF file?), got \"%.40s\"",
               c->tok[0]);
      return -1;
    }
    if (s == S_COUNT || c->ntok != 1) {
      if (s == S_COUNT &&
          strspn(c->tok[0], "ABCDEFGHIJKLMNOPQRSTUVWXYZ*") != strlen(c->tok[0]))
        error_at(c, cur_line(c),
                 "expected a section keyword, got \"%.40s\" (more lines "
                 "than %s announces?)",
                 c->tok[0], SECTION_NAME[c->last]);
      else if (s == S_COUNT)
        error_at(c, cur_line(c), "unknown keyword \"%.40s\"", c->tok[0]);
      else
        error_at(c, cur_line(c), "the keyword %s stands alone on its line",
                 SECTION_NAME[s]);
      return -1;
    }
    if (c->seen[s]) {
      error_at(c, cur_line(c), "section %s given twice (first on line %ld)",
               SECTION_NAME[s], c->seen[s]);
      return -1;
    }
    for (int p = 0; p < S_COUNT; ++p)
      if ((PREREQ[s] & BIT(p)) && !c->seen[p]) {
        error_at(c, cur_line(c), "section %s before %s (%s must come first)",
                 SECTION_NAME[s], SECTION_NAME[p], SECTION_NAME[p]);
        return -1;
      }
    c->seen[s] = cur_line(c);
    c->last = s;
    switch (s) {
      case S_VER:
        rc = read_ver(c);
        break;
      case S_POWCONES:
      case S_DPOWCONES:
        rc = read_powcones(c, s == S_DPOWCONES);
        break;
      case S_OBJSENSE:
        rc = read_objsense(c);
        break;
      case S_PSDVAR:
      case S_PSDCON:
        rc = read_psd(c, s == S_PSDCON);
        break;
      case S_VAR:
      case S_CON:
        rc = read_cones(c, s == S_CON);
        break;
      case S_INT:
        rc = read_int(c);
        break;
      case S_OBJBCOORD:
        rc = read_objbcoord(c);
        break;
      case S_CHANGE:
        /* a hotstart sequence: the problem is what came before */
        return 0;
      default:
        rc = read_coords(c, s);
        break;
    }
    if (rc) return -1;
  }
  if (!c->seen[S_VER]) {
    error_at(c, cur_line(c), "empty file: no VER (not a CBF file?)");
    return -1;
  }
  return 0;
}

int scs_read_cbf(const char *path, ScsProblem *prob) {
  Cbf c;
  memset(&c, 0, sizeof(c));
  c.r = scs_text_open(path);
  if (!c.r) return -1;
  int rc = read_file(&c);
  if (rc == 0) rc = check_backing(&c);
  for (int s = 0; s < S_COUNT && rc == 0; ++s) rc = check_duplicates(&c, s);
  if (rc == 0) rc = assemble(&c, prob);
  for (int t = 0; t < 2; ++t) {
    free(c.pow[t]);
    free(c.cones[t]);
    free(c.psd[t]);
  }
  for (int s = 0; s < S_COUNT; ++s) free(c.sec[s].e);
  scs_text_close(c.r);
  return rc;
}
