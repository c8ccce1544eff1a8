/*
 * Solve with the factor: M = P' L D L' P, so M^{-1} b = P' L'^{-1} D^{-1}
 * L^{-1} P b. Each triangular solve touches every entry of L once:
 * O(nnz(L) + nk) per solve, no allocation. The factor and the workspace are
 * double (scs_ldl_float) in every build; the scs_float right-hand side is
 * converted in the permutation steps, which copy it anyway.
 */
#include "ldl.h"

/* x = L \ x, L unit lower triangular by columns (forward, column oriented) */
void scs_ldl_lsolve(const ScsLdlFactor *F, scs_ldl_float *x) {
  const scs_int *Lp = F->Lp, *Li = F->Li;
  const scs_ldl_float *Lx = F->Lx;
  for (scs_int j = 0; j < F->nk; ++j) {
    scs_ldl_float xj = x[j];
    if (xj == 0) continue;
    for (scs_int p = Lp[j]; p < Lp[j + 1]; ++p) x[Li[p]] -= Lx[p] * xj;
  }
}

/* x = D \ x */
void scs_ldl_dsolve(const ScsLdlFactor *F, scs_ldl_float *x) {
  for (scs_int j = 0; j < F->nk; ++j) x[j] *= F->Dinv[j];
}

/* x = L' \ x (backward, row oriented on L' = dot products with L's columns).
 * Four partial sums break the chain of dependent subtractions, which
 * otherwise bounds the loop by the add latency. */
void scs_ldl_ltsolve(const ScsLdlFactor *F, scs_ldl_float *x) {
  const scs_int *Lp = F->Lp, *Li = F->Li;
  const scs_ldl_float *Lx = F->Lx;
  for (scs_int j = F->nk - 1; j >= 0; --j) {
    scs_ldl_float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    scs_int p = Lp[j], end = Lp[j + 1];
    for (; p + 3 < end; p += 4) {
      s0 += Lx[p] * x[Li[p]];
      s1 += Lx[p + 1] * x[Li[p + 1]];
      s2 += Lx[p + 2] * x[Li[p + 2]];
      s3 += Lx[p + 3] * x[Li[p + 3]];
    }
    for (; p < end; ++p) s0 += Lx[p] * x[Li[p]];
    x[j] -= (s0 + s1) + (s2 + s3);
  }
}

void scs_ldl_solve(const ScsLdlFactor *F, const scs_int *perm, scs_float *b,
                   scs_ldl_float *w) {
  scs_int nk = F->nk;
  for (scs_int k = 0; k < nk; ++k) w[k] = (scs_ldl_float)b[perm[k]];
  scs_ldl_lsolve(F, w);
  scs_ldl_dsolve(F, w);
  scs_ldl_ltsolve(F, w);
  for (scs_int k = 0; k < nk; ++k) b[perm[k]] = (scs_float)w[k];
}
