/*
 * The sparse direct backend ("sparse-direct"): AMD ordering of the KKT
 * matrix, symbolic analysis once, numeric LDL' at init and whenever diag_r
 * changes, and two triangular solves per iteration.
 *
 * Only the permuted matrix C is kept after init; a change of r rewrites the
 * n + m diagonal values of C in place (cdiag) and refactors.
 *
 * C, the factor and the workspaces are double (scs_ldl_float, see ldl.h)
 * whatever scs_float is; the interface (A, P, diag_r, rhs) stays scs_float.
 */
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "common.h"
#include "error.h"
#include "ldl.h"
#include "glob.h"
#include "linsys.h"

typedef struct {
  scs_int n, m, nk;
  ScsLdlMatrix *C;           /* upper triangle of P M P' */
  scs_int *cdiag;            /* C->x[cdiag[k]] = M_kk, k an original index */
  scs_ldl_float *diag_base;  /* M_kk - r_k for k < n (that is P_kk, or 0) */
  scs_int *perm;             /* perm[k] = original index of pivot k */
  ScsLdlFactor F;
  scs_ldl_float *y;          /* numeric workspace, all zero between calls */
  scs_ldl_float *w;          /* solve workspace */
  scs_int *iwork;        /* 3 * nk */
  int factored;          /* 0 after a failed refactorization */
  double refactor_cost;  /* a numeric factorization, in solves */
} DirectWork;

static void direct_free(void *work) {
  DirectWork *d = work;
  if (!d) return;
  scs_ldl_csc_free(d->C);
  scs_free(d->cdiag);
  scs_free(d->diag_base);
  scs_free(d->perm);
  scs_free(d->F.parent);
  scs_free(d->F.Lp);
  scs_free(d->F.Li);
  scs_free(d->F.Lx);
  scs_free(d->F.D);
  scs_free(d->F.Dinv);
  scs_free(d->y);
  scs_free(d->w);
  scs_free(d->iwork);
  scs_free(d);
}

/* K, its ordering and C (pattern + values without r). diag_pos is workspace
 * of length nk. */
static scs_int build_permuted_kkt(DirectWork *d, const ScsMatrix *A,
                                  const ScsMatrix *P, scs_int *diag_pos) {
  scs_int nk = d->nk;
  scs_int *pinv = d->iwork, *col_count = d->iwork + nk;
  ScsLdlMatrix *K =
      scs_kkt_assemble(A, P, diag_pos, d->diag_base, d->iwork);
  if (!K) return -1;
  scs_int *map = scs_malloc_array((size_t)K->p[nk], sizeof(scs_int));
  scs_int status = -1;
  if (!map) {
    scs_set_error("direct: out of memory (KKT permutation map)");
  } else if (scs_amd_order(K, d->perm) == 0) {
    for (scs_int k = 0; k < nk; ++k) pinv[d->perm[k]] = k;
    d->C = scs_kkt_permute_pattern(K, pinv, map, col_count);
    if (d->C) {
      scs_kkt_scatter(K, map, d->C);
      for (scs_int k = 0; k < nk; ++k) d->cdiag[k] = map[diag_pos[k]];
      status = 0;
    }
  }
  scs_free(map);
  scs_ldl_csc_free(K);
  return status;
}

/* Elimination tree, column pointers and room for L, D. */
static scs_int symbolic(DirectWork *d) {
  scs_int nk = d->nk;
  ScsLdlFactor *F = &d->F;
  F->nk = nk;
  F->parent = scs_malloc_array((size_t)nk, sizeof(scs_int));
  F->Lp = scs_malloc_array((size_t)nk + 1, sizeof(scs_int));
  if (!F->parent || !F->Lp) {
    scs_set_error("direct: out of memory (elimination tree)");
    return -1;
  }
  scs_int *flag = d->iwork, *col_count = d->iwork + nk;
  F->lnz = scs_ldl_etree(d->C, F->parent, col_count, flag);
  if (F->lnz < 0) return -1;
  scs_ldl_colptr(col_count, nk, F->Lp);
  /* up-looking LDL' costs sum_j c_j^2 flops (c_j the count of column j of
   * L), a solve 2 nnz(L) + nk */
  double flops = (double)nk;
  for (scs_int j = 0; j < nk; ++j) flops += (double)col_count[j] * col_count[j];
  d->refactor_cost = flops / (2.0 * (double)F->lnz + (double)nk);
  F->Li = scs_malloc_array((size_t)F->lnz, sizeof(scs_int));
  F->Lx = scs_malloc_array((size_t)F->lnz, sizeof(scs_ldl_float));
  F->D = scs_malloc_array((size_t)nk, sizeof(scs_ldl_float));
  F->Dinv = scs_malloc_array((size_t)nk, sizeof(scs_ldl_float));
  if (!F->Li || !F->Lx || !F->D || !F->Dinv) {
    scs_set_error("direct: out of memory for the LDL' factor (%lld entries)",
                  (long long)F->lnz);
    return -1;
  }
  return 0;
}

/* Write r into C's diagonal and factor. */
static scs_int refactor(DirectWork *d, const scs_float *diag_r) {
  scs_kkt_set_diag(d->C->x, d->cdiag, d->diag_base, diag_r, d->n, d->nk);
  d->factored =
      scs_ldl_numeric(d->C, &d->F, d->perm, d->n, d->y, d->iwork) == 0;
  return d->factored ? 0 : -1;
}

static void *direct_init(const ScsMatrix *A, const ScsMatrix *P,
                         const scs_float *diag_r, void *user_data) {
  (void)user_data;
  if (scs_linsys_check_data("direct", A, P) ||
      scs_linsys_check_diag_r("direct", diag_r, A->n, A->m))
    return NULL;
  scs_int nk = A->n + A->m;
  DirectWork *d = scs_calloc_array(1, sizeof(*d));
  if (!d) {
    scs_set_error("direct: out of memory (workspace)");
    return NULL;
  }
  d->n = A->n;
  d->m = A->m;
  d->nk = nk;
  d->cdiag = scs_malloc_array((size_t)nk, sizeof(scs_int));
  d->diag_base = scs_malloc_array((size_t)nk, sizeof(scs_ldl_float));
  d->perm = scs_malloc_array((size_t)nk, sizeof(scs_int));
  d->y = scs_calloc_array((size_t)nk, sizeof(scs_ldl_float));
  d->w = scs_malloc_array((size_t)nk, sizeof(scs_ldl_float));
  d->iwork = scs_malloc_array((size_t)3 * (size_t)nk, sizeof(scs_int));
  scs_int *diag_pos = scs_malloc_array((size_t)nk, sizeof(scs_int));
  if (!d->cdiag || !d->diag_base || !d->perm || !d->y || !d->w || !d->iwork ||
      !diag_pos) {
    scs_set_error("direct: out of memory (workspace for n + m = %lld)",
                  (long long)nk);
    scs_free(diag_pos);
    direct_free(d);
    return NULL;
  }
  scs_int status = build_permuted_kkt(d, A, P, diag_pos);
  scs_free(diag_pos);
  if (status || symbolic(d) || refactor(d, diag_r)) {
    direct_free(d);
    return NULL;
  }
  return d;
}

static scs_int direct_solve(void *work, scs_float *rhs, const scs_float *warm,
                            scs_float tol) {
  DirectWork *d = work;
  (void)warm;
  (void)tol;
  if (!d || !rhs) {
    scs_set_error("direct: solve called with a NULL workspace or rhs");
    return -1;
  }
  if (!d->factored) {
    scs_set_error("direct: no valid factorization (the last update_diag_r "
                  "failed)");
    return -1;
  }
  scs_ldl_solve(&d->F, d->perm, rhs, d->w);
  return 0;
}

static scs_int direct_update_diag_r(void *work, const scs_float *diag_r) {
  DirectWork *d = work;
  if (!d) {
    scs_set_error("direct: update_diag_r called with a NULL workspace");
    return -1;
  }
  /* invalid r leaves the current factorization untouched and usable */
  if (scs_linsys_check_diag_r("direct", diag_r, d->n, d->m)) return -1;
  return refactor(d, diag_r);
}

double scs_direct_refactor_cost(const void *state) {
  const DirectWork *d = state;
  return d ? d->refactor_cost : 0;
}

SCS_EXPORT const ScsLinSysBackend scs_linsys_direct = {
    .abi_version = SCS_LINSYS_ABI_VERSION,
    .name = "sparse-direct",
    .flags = 0,
    .user_data = NULL,
    .init = direct_init,
    .solve = direct_solve,
    .update_diag_r = direct_update_diag_r,
    .free = direct_free};
