/* MPS to the SCS form (mps.h): every row interval and every column's
 * bounds become zero-cone or nonnegative rows in cone order, then A column
 * by column, b, c, P, and the names of the file's variables. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

/* where an interval l <= e <= u goes: nowhere, one zero-cone row, one
 * nonnegative row (e <= u, or -e <= -l), or both nonnegative rows */
enum { K_NONE, K_ZERO, K_NONNEG_U, K_NONNEG_L, K_BOTH };

static int interval_kind(double l, double u) {
  int fl = isfinite(l), fu = isfinite(u);
  if (fl && fu) {
    if (l == u) return K_ZERO;
    /* Two nonnegative rows, not one box-cone row (docs/problem_files.md:
     * per-row equilibration, no spurious box-cone certificates). */
    return K_BOTH;
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

/* where an SCS row comes from */
typedef struct {
  scs_int idx;     /* file row, or column for a bound */
  signed char var; /* 1: a bound of column idx, 0: file row, -1: none */
  signed char sign;
} Origin;

/* The conversion's working arrays. */
typedef struct {
  size_t n, nrows;      /* columns and rows of the file */
  size_t m, nz, nl;     /* SCS rows: all, zero cone, nonnegative cone */
  int dummy;            /* no constraint at all: the one row 0 <= 1 */
  unsigned char *rkind; /* interval kind of each file row */
  unsigned char *ckind; /* and of each column's bounds */
  Origin *org;          /* where each SCS row comes from */
  size_t *csr_ptr;      /* the file's entries row by row */
  scs_int *csr_col;
  double *csr_val;
} Conv;

/* Classify the rows and bounds and count the cones' rows. */
static int classify(const Mps *p, Conv *cv) {
  for (size_t i = 0; i < cv->nrows; ++i) {
    double l, u;
    cv->rkind[i] = K_NONE;
    if (p->row_type[i] == 'N') continue;
    row_interval(p, i, &l, &u);
    cv->rkind[i] = (unsigned char)interval_kind(l, u);
  }
  for (size_t j = 0; j < cv->n; ++j)
    cv->ckind[j] = (unsigned char)interval_kind(p->lo[j], p->up[j]);
  for (int pass = 0; pass < 2; ++pass) {
    const unsigned char *kind = pass == 0 ? cv->rkind : cv->ckind;
    size_t cnt = pass == 0 ? cv->nrows : cv->n;
    for (size_t i = 0; i < cnt; ++i) {
      if (kind[i] == K_ZERO) cv->nz++;
      if (kind[i] == K_NONNEG_U || kind[i] == K_NONNEG_L) cv->nl++;
      if (kind[i] == K_BOTH) cv->nl += 2;
    }
  }
  cv->dummy = cv->nz + cv->nl == 0; /* SCS needs m >= 1 */
  if (cv->dummy) cv->nl = 1;
  cv->m = cv->nz + cv->nl;
  if (cv->m >= MPS_INT_MAX) {
    scs_text_error(p->r, "too many constraints for this build's scs_int");
    return -1;
  }
  return 0;
}

/* The SCS rows in cone order (zero, then nonnegative; file rows before
 * bounds, each in file order): their origins and b. */
static void place_rows(const Mps *p, Conv *cv, scs_float *b) {
  size_t r = 0;
  for (int cone = 0; cone < 2; ++cone) {
    if (cone == 1 && cv->dummy) { /* 0 <= 1 */
      cv->org[r] = (Origin){0, -1, 0};
      b[r++] = 1;
    }
    for (int pass = 0; pass < 2; ++pass) {
      size_t cnt = pass == 0 ? cv->nrows : cv->n;
      for (size_t i = 0; i < cnt; ++i) {
        int kind = pass == 0 ? cv->rkind[i] : cv->ckind[i];
        double l, u;
        if (kind == K_NONE) continue;
        if (pass == 0)
          row_interval(p, i, &l, &u);
        else
          l = p->lo[i], u = p->up[i];
        Origin o = {(scs_int)i, (signed char)pass, 1};
        if (cone == 0 && kind == K_ZERO) { /* e = l */
          cv->org[r] = o;
          b[r++] = (scs_float)l;
        } else if (cone == 1 && (kind == K_NONNEG_U || kind == K_BOTH)) {
          cv->org[r] = o; /* e <= u */
          b[r++] = (scs_float)u;
        }
        if (cone == 1 && (kind == K_NONNEG_L || kind == K_BOTH)) {
          o.sign = -1; /* -e <= -l */
          cv->org[r] = o;
          b[r++] = (scs_float)-l;
        }
      }
    }
  }
}

/* The file's entries (stored column by column) row by row. */
static void file_rows(const Mps *p, Conv *cv) {
  size_t *ptr = cv->csr_ptr;
  for (size_t e = 0; e < p->nnz; ++e) ptr[(size_t)p->erow[e] + 1]++;
  for (size_t i = 0; i < cv->nrows; ++i) ptr[i + 1] += ptr[i];
  for (size_t j = 0; j < cv->n; ++j)
    for (size_t e = p->colptr[j]; e < p->colptr[j + 1]; ++e) {
      size_t at = ptr[p->erow[e]]++;
      cv->csr_col[at] = (scs_int)j;
      cv->csr_val[at] = p->eval[e];
    }
  for (size_t i = cv->nrows; i > 0; --i) ptr[i] = ptr[i - 1];
  ptr[0] = 0;
}

/* A column by column, the rows in increasing order. */
static int build_a(const Mps *p, const Conv *cv, ScsMatrix *A) {
  size_t n = cv->n;
  const size_t *ptr = cv->csr_ptr;
  A->m = (scs_int)cv->m;
  A->n = (scs_int)n;
  A->p = calloc(n + 1, sizeof(scs_int));
  scs_int *pos = malloc(n * sizeof(scs_int));
  if (!A->p || !pos) {
    free(pos);
    return mps_oom(p);
  }
  size_t annz = 0;
  for (size_t rr = 0; rr < cv->m; ++rr) {
    const Origin *o = &cv->org[rr];
    if (o->var == 1) {
      A->p[o->idx + 1]++;
      annz++;
    } else if (o->var == 0) {
      for (size_t e = ptr[o->idx]; e < ptr[o->idx + 1]; ++e)
        A->p[cv->csr_col[e] + 1]++;
      annz += ptr[o->idx + 1] - ptr[o->idx];
    }
  }
  if (annz >= MPS_INT_MAX) {
    free(pos);
    scs_text_error(p->r, "too many nonzeros for this build's scs_int");
    return -1;
  }
  A->i = scs_io_alloc(annz, sizeof(scs_int));
  A->x = scs_io_alloc(annz, sizeof(scs_float));
  if (!A->i || !A->x) {
    free(pos);
    return mps_oom(p);
  }
  for (size_t j = 0; j < n; ++j) A->p[j + 1] += A->p[j];
  for (size_t j = 0; j < n; ++j) pos[j] = A->p[j];
  for (size_t rr = 0; rr < cv->m; ++rr) {
    const Origin *o = &cv->org[rr];
    if (o->var == 1) {
      scs_int at = pos[o->idx]++;
      A->i[at] = (scs_int)rr;
      A->x[at] = (scs_float)o->sign;
    } else if (o->var == 0) {
      for (size_t e = ptr[o->idx]; e < ptr[o->idx + 1]; ++e) {
        scs_int at = pos[cv->csr_col[e]]++;
        A->i[at] = (scs_int)rr;
        A->x[at] = (scs_float)(o->sign * cv->csr_val[e]);
      }
    }
  }
  free(pos);
  return 0;
}

/* Copies of the column names, or NULL when out of memory. */
static char **copy_names(const Mps *p) {
  size_t n = p->cols.count;
  char **names = calloc(n, sizeof(char *));
  for (size_t j = 0; names && j < n; ++j)
    if (!(names[j] = scs_io_strdup(names_str(&p->cols, (scs_int)j)))) {
      while (j > 0) free(names[--j]);
      free(names);
      names = NULL;
    }
  return names;
}

static void free_matrix(ScsMatrix *M) {
  if (!M) return;
  free(M->x);
  free(M->i);
  free(M->p);
  free(M);
}

static void conv_free(Conv *cv) {
  free(cv->rkind);
  free(cv->ckind);
  free(cv->org);
  free(cv->csr_ptr);
  free(cv->csr_col);
  free(cv->csr_val);
}

/* The objective, the name, and the way back to the file's variables. */
static void describe(const Mps *p, ScsProblem *prob, ScsProblemMap *map,
                     char **names) {
  size_t n = p->cols.count;
  if (p->prob_name[0])
    snprintf(prob->name, sizeof(prob->name), "%s", p->prob_name);
  prob->objective_sign = p->maximize ? -1 : 1;
  prob->objective_offset = p->obj_rhs != 0 ? (scs_float)-p->obj_rhs : 0;
  prob->n_file_vars = (scs_int)n;
  map->n_scalar = (scs_int)n;
  map->var_names = names;
}

int scs_mps_convert(Mps *p, ScsProblem *prob, ScsProblemMap *map) {
  size_t n = p->cols.count;
  if (n == 0) {
    scs_text_error(p->r, "the problem has no columns");
    return -1;
  }
  Conv cv = {.n = n, .nrows = p->rows.count};
  cv.rkind = scs_io_alloc(cv.nrows, 1);
  cv.ckind = scs_io_alloc(n, 1);
  cv.csr_ptr = calloc(cv.nrows + 1, sizeof(size_t));
  cv.csr_col = scs_io_alloc(p->nnz, sizeof(scs_int));
  cv.csr_val = scs_io_alloc(p->nnz, sizeof(double));
  ScsData *d = calloc(1, sizeof(*d));
  ScsCone *k = calloc(1, sizeof(*k));
  ScsMatrix *A = calloc(1, sizeof(*A)), *P = NULL;
  char **names = NULL;
  int rc = -1;
  if (!cv.rkind || !cv.ckind || !cv.csr_ptr || !cv.csr_col || !cv.csr_val ||
      !d || !k || !A) {
    mps_oom(p);
    goto done;
  }
  if (classify(p, &cv)) goto done;
  cv.org = malloc(cv.m * sizeof(Origin));
  d->b = malloc(cv.m * sizeof(scs_float));
  d->c = malloc(n * sizeof(scs_float));
  if (!cv.org || !d->b || !d->c) {
    mps_oom(p);
    goto done;
  }
  place_rows(p, &cv, d->b);
  file_rows(p, &cv);
  if (build_a(p, &cv, A) || scs_mps_build_p(p, &P)) goto done;
  double csign = p->maximize ? -1.0 : 1.0;
  for (size_t j = 0; j < n; ++j) d->c[j] = (scs_float)(csign * p->c[j]);
  if (!(names = copy_names(p))) {
    mps_oom(p);
    goto done;
  }
  /* hand everything over */
  d->m = (scs_int)cv.m;
  d->n = (scs_int)n;
  d->A = A;
  d->P = P;
  k->z = (scs_int)cv.nz;
  k->l = (scs_int)cv.nl;
  prob->data = d;
  prob->cone = k;
  describe(p, prob, map, names);
  d = NULL, k = NULL, A = NULL, P = NULL;
  rc = 0;
done:
  free_matrix(A);
  free_matrix(P);
  if (d) {
    free(d->b);
    free(d->c);
    free(d);
  }
  free(k);
  conv_free(&cv);
  return rc;
}
