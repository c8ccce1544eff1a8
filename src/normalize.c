/* Equilibration of [P A'; A 0]: 25 Ruiz passes (infinity norms) and one
 * 2-norm pass, as SCS does, with cone-block-constant row factors; then a
 * balance of D b against E c and one scalar sigma for both. */
#include "normalize.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"

#define NUM_RUIZ_PASSES 25
/* Each pass can shrink a norm by at most MAX_NORM, so 25 passes reduce an
 * entry by at most 1e100 (1e-2 on its row and column each): larger data
 * stayed huge and overflowed the KKT factorization. Passes continue while
 * some norm is still above MAX_NORM (never on data below ~1e100). */
#define MAX_RUIZ_PASSES 400
#define NUM_L2_PASSES 1 /* more is not stable (SCS) */
#define MIN_NORM 1e-4 /* a row or column below this is left unscaled */
#define MAX_NORM 1e4
/* bound on the D b / E c balancing factor, so D and E stay far from
 * under- and overflow */
#if SCS_SFLOAT
#define MAX_BALANCE 1e15
#else
#define MAX_BALANCE 1e150
#endif

ScsScaling *scs_scaling_alloc(scs_int m, scs_int n) {
  ScsScaling *s = scs_calloc_array(1, sizeof(*s));
  if (!s) return NULL;
  s->m = m;
  s->n = n;
  s->sigma = 1;
  s->D = scs_malloc_array((size_t)m, sizeof(scs_float));
  s->E = scs_malloc_array((size_t)n, sizeof(scs_float));
  if (!s->D || !s->E) {
    scs_scaling_free(s);
    return NULL;
  }
  for (scs_int i = 0; i < m; ++i) s->D[i] = 1;
  for (scs_int j = 0; j < n; ++j) s->E[j] = 1;
  return s;
}

void scs_scaling_free(ScsScaling *s) {
  if (!s) return;
  scs_free(s->D);
  scs_free(s->E);
  scs_free(s);
}

/* 1 / sqrt(norm), with norms clamped as in SCS: tiny rows are not blown up. */
static scs_float ruiz_factor(scs_float norm) {
  if (norm < MIN_NORM) return 1;
  if (norm > MAX_NORM) norm = MAX_NORM;
  return 1 / sqrt(norm);
}

/* Infinity norms of the rows of [A 0] and of the columns of [P; A]
 * (P symmetric, upper triangle stored, so each entry counts for its row
 * and its column). */
static void block_norms(const ScsMatrix *A, const ScsMatrix *P,
                        scs_float *row_nrm, scs_float *col_nrm) {
  memset(row_nrm, 0, (size_t)A->m * sizeof(scs_float));
  memset(col_nrm, 0, (size_t)A->n * sizeof(scs_float));
  for (scs_int j = 0; j < A->n; ++j) {
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) {
      scs_float v = fabs(A->x[k]);
      row_nrm[A->i[k]] = SCS_MAX(row_nrm[A->i[k]], v);
      col_nrm[j] = SCS_MAX(col_nrm[j], v);
    }
  }
  if (!P) return;
  for (scs_int j = 0; j < P->n; ++j) {
    for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k) {
      scs_float v = fabs(P->x[k]);
      col_nrm[j] = SCS_MAX(col_nrm[j], v);
      col_nrm[P->i[k]] = SCS_MAX(col_nrm[P->i[k]], v);
    }
  }
}

/* 2-norms of the same rows and columns. */
static void block_norms_2(const ScsMatrix *A, const ScsMatrix *P,
                          scs_float *row_nrm, scs_float *col_nrm) {
  memset(row_nrm, 0, (size_t)A->m * sizeof(scs_float));
  memset(col_nrm, 0, (size_t)A->n * sizeof(scs_float));
  for (scs_int j = 0; j < A->n; ++j) {
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) {
      scs_float v = A->x[k] * A->x[k];
      row_nrm[A->i[k]] += v;
      col_nrm[j] += v;
    }
  }
  if (P) {
    for (scs_int j = 0; j < P->n; ++j) {
      for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k) {
        scs_float v = P->x[k] * P->x[k];
        col_nrm[j] += v;
        if (P->i[k] != j) col_nrm[P->i[k]] += v;
      }
    }
  }
  for (scs_int i = 0; i < A->m; ++i) row_nrm[i] = sqrt(row_nrm[i]);
  for (scs_int j = 0; j < A->n; ++j) col_nrm[j] = sqrt(col_nrm[j]);
}

/* Inside a non-separable cone every row gets one value, so D stays a
 * multiple of the identity there: the block's largest norm (Ruiz passes) or
 * its mean (the 2-norm pass), as SCS does. */
static void equalize_blocks(scs_float *row_nrm, const scs_int *starts,
                            const scs_int *ends, scs_int nblocks, int mean) {
  for (scs_int b = 0; b < nblocks; ++b) {
    scs_float v = 0;
    for (scs_int i = starts[b]; i < ends[b]; ++i)
      v = mean ? v + row_nrm[i] : SCS_MAX(v, row_nrm[i]);
    if (mean) v /= (scs_float)(ends[b] - starts[b]);
    for (scs_int i = starts[b]; i < ends[b]; ++i) row_nrm[i] = v;
  }
}

static void scale_matrices(ScsMatrix *A, ScsMatrix *P, const scs_float *d,
                           const scs_float *e) {
  for (scs_int j = 0; j < A->n; ++j)
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) A->x[k] *= d[A->i[k]] * e[j];
  if (!P) return;
  for (scs_int j = 0; j < P->n; ++j)
    for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k) P->x[k] *= e[P->i[k]] * e[j];
}

/* Turn norms into factors; 1 if some norm was capped at MAX_NORM. */
static int factors(scs_float *nrm, scs_int len) {
  int capped = 0;
  for (scs_int i = 0; i < len; ++i) {
    capped |= nrm[i] > MAX_NORM;
    nrm[i] = ruiz_factor(nrm[i]);
  }
  return capped;
}

int scs_equilibrate(ScsScaling *s, ScsMatrix *A, ScsMatrix *P,
                    const ScsConeWork *cones) {
  scs_int m = A->m, n = A->n;
  scs_float *row = scs_malloc_array((size_t)m, sizeof(scs_float));
  scs_float *col = scs_malloc_array((size_t)n, sizeof(scs_float));
  scs_int *starts = scs_malloc_array((size_t)m, sizeof(scs_int));
  scs_int *ends = scs_malloc_array((size_t)m, sizeof(scs_int));
  if (!row || !col || !starts || !ends) {
    scs_free(row), scs_free(col), scs_free(starts), scs_free(ends);
    scs_set_error("out of memory equilibrating the problem (m = %lld, "
                  "n = %lld)", (long long)m, (long long)n);
    return -1;
  }
  s->has_p = 0;
  for (scs_int k = 0; P && k < P->p[P->n]; ++k) s->has_p |= P->x[k] != 0;
  scs_int nblocks = scs_cone_blocks(cones, starts, ends);
  int capped = 1;
  for (int pass = 0;
       pass < NUM_RUIZ_PASSES || (capped && pass < MAX_RUIZ_PASSES); ++pass) {
    block_norms(A, P, row, col);
    equalize_blocks(row, starts, ends, nblocks, 0);
    capped = factors(row, m) | factors(col, n);
    scale_matrices(A, P, row, col);
    for (scs_int i = 0; i < m; ++i) s->D[i] *= row[i];
    for (scs_int j = 0; j < n; ++j) s->E[j] *= col[j];
  }
  for (int pass = 0; pass < NUM_L2_PASSES; ++pass) {
    block_norms_2(A, P, row, col);
    equalize_blocks(row, starts, ends, nblocks, 1);
    factors(row, m);
    factors(col, n);
    scale_matrices(A, P, row, col);
    for (scs_int i = 0; i < m; ++i) s->D[i] *= row[i];
    for (scs_int j = 0; j < n; ++j) s->E[j] *= col[j];
  }
  scs_free(row), scs_free(col), scs_free(starts), scs_free(ends);
  return 0;
}

/*
 * D A E is unchanged by D <- t D, E <- E / t, which scales b^ by t and c^ by
 * 1/t. Ruiz splits a common factor of A evenly between D and E, so with A
 * and b scaled by a (c fixed) ||D b|| / ||E c|| grows like a, and with c
 * scaled by g it falls like 1/g; one sigma cannot undo that, and the
 * embedding then weighs the objective (or the constraints) by a factor as
 * small as 1e-100 (docs/exit_flags.md, "Badly scaled data"). When the two
 * norms are more than BALANCE_TRIGGER apart, choose t so that they end
 * BALANCE_TARGET apart, the larger one still the larger; closer than the
 * trigger the data keep SCS's scaling exactly. Balancing only down to
 * BALANCE_TARGET, not to equal norms, keeps moderately unbalanced LPs
 * nearer SCS's scaling: on the netlib LPs it balances (ratios 2e4 to 3e7)
 * it solved maros-r7 and ganges at eps 1e-4 that equal norms did not,
 * and lost none (bench/results/README.md). Not with a nonzero P, whose
 * E P E would change. Returns 1 if it balanced.
 */
#define BALANCE_TRIGGER 1e4
#define BALANCE_TARGET 1e2

static int balance_b_c(ScsScaling *s, scs_float *b, scs_float *c) {
  scs_float nb = scs_vec_norm_inf(b, s->m), nc = scs_vec_norm_inf(c, s->n);
  if (s->has_p || !(nb > 0) || !(nc > 0)) return 0;
  if (nb <= BALANCE_TRIGGER * nc && nc <= BALANCE_TRIGGER * nb) return 0;
  /* t^2 nb / nc = BALANCE_TARGET, or its inverse; square roots first, so
   * nc / nb cannot overflow */
  scs_float t = sqrt(nc) / sqrt(nb);
  t = nb > nc ? t * sqrt(BALANCE_TARGET) : t / sqrt(BALANCE_TARGET);
  t = SCS_MIN(SCS_MAX(t, 1 / MAX_BALANCE), MAX_BALANCE);
  for (scs_int i = 0; i < s->m; ++i) {
    s->D[i] *= t;
    b[i] *= t;
  }
  for (scs_int j = 0; j < s->n; ++j) {
    s->E[j] /= t;
    c[j] /= t;
  }
  return 1;
}

void scs_normalize_b_c(ScsScaling *s, scs_float *b, scs_float *c) {
  for (scs_int i = 0; i < s->m; ++i) b[i] *= s->D[i];
  for (scs_int j = 0; j < s->n; ++j) c[j] *= s->E[j];
  int balanced = balance_b_c(s, b, c);
  scs_float nm = SCS_MAX(scs_vec_norm_inf(b, s->m), scs_vec_norm_inf(c, s->n));
  if (nm < MIN_NORM) nm = 1;
  /* SCS caps nm at 1e4; after a balance that cap would leave b^ and c^ up
   * to ~1e96 (A and b of 1e100) and force tau down to 1e-96 */
  if (nm > MAX_NORM && !balanced) nm = MAX_NORM;
  s->sigma = 1 / nm;
  scs_vec_scale(b, s->m, s->sigma);
  scs_vec_scale(c, s->n, s->sigma);
}

void scs_normalize_b(const ScsScaling *s, scs_float *b) {
  for (scs_int i = 0; i < s->m; ++i) b[i] *= s->sigma * s->D[i];
}

void scs_normalize_c(const ScsScaling *s, scs_float *c) {
  for (scs_int j = 0; j < s->n; ++j) c[j] *= s->sigma * s->E[j];
}

/* x^ = sigma x / E, y^ = sigma y / D, s^ = sigma D s */
void scs_normalize_sol(const ScsScaling *s, scs_float *x, scs_float *y,
                       scs_float *sl) {
  for (scs_int j = 0; j < s->n; ++j) x[j] *= s->sigma / s->E[j];
  for (scs_int i = 0; i < s->m; ++i) {
    y[i] *= s->sigma / s->D[i];
    sl[i] *= s->sigma * s->D[i];
  }
}

/* x = E x^ / sigma, y = D y^ / sigma, s = s^ / (D sigma) */
void scs_unnormalize_sol(const ScsScaling *s, scs_float *x, scs_float *y,
                         scs_float *sl) {
  for (scs_int j = 0; j < s->n; ++j) x[j] *= s->E[j] / s->sigma;
  for (scs_int i = 0; i < s->m; ++i) {
    y[i] *= s->D[i] / s->sigma;
    sl[i] /= s->D[i] * s->sigma;
  }
}

void scs_unnormalize_primal(const ScsScaling *s, scs_float *r) {
  for (scs_int i = 0; i < s->m; ++i) r[i] /= s->D[i] * s->sigma;
}

void scs_unnormalize_dual(const ScsScaling *s, scs_float *r) {
  for (scs_int j = 0; j < s->n; ++j) r[j] /= s->E[j] * s->sigma;
}
