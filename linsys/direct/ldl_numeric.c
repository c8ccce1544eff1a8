/*
 * Numeric LDL' factorization C = L D L' of the permuted KKT matrix, up-looking
 * (one row of L per step), reusing the elimination tree and the column
 * pointers of the symbolic analysis. No pivoting: C is quasi-definite, so the
 * factorization exists for any symmetric permutation (Vanderbei, SIAM J.
 * Optim. 5(1), 1995), with d_k > 0 for the x variables and d_k < 0 for y.
 *
 * Step k. With C(0:k-1, 0:k-1) = L11 D1 L11' already factored and
 * c = C(0:k-1, k), the k-th row of L and the k-th pivot are
 *     L11 y = c,   L(k, j) = y_j / d_j,   d_k = C(k, k) - sum_j L(k, j) y_j.
 * y is nonzero only on the nodes reachable in the elimination tree from the
 * nonzeros of c (the row subtree of k); listing each path from its start
 * upwards, and the paths in reverse discovery order, puts every node before
 * its ancestors, which is a valid order for the sparse triangular solve.
 * Cost: O(nnz(C) + flops), no allocation.
 *
 * Precision. Everything here is double (scs_ldl_float), also in
 * single-precision builds: C holds the float data converted exactly, and a
 * float factorization would lose too much (Schur complements mixing 1 / r_x
 * ~ 1e6 with r_y ~ 10 leave only one or two correct digits).
 *
 * Pivot rule. A pivot is accepted only if it is finite, nonzero, not tiny and
 * of the sign quasi-definiteness demands. "Tiny" is relative to the size of
 * what was summed to produce it:
 *     |d_k| <= PIVOT_RTOL * (|C(k, k)| + sum_j |L(k, j) y_j|),
 * with PIVOT_RTOL = 2 * DBL_EPSILON = 4.4e-16 in every build, since the
 * arithmetic is double even when scs_float is float: d_k is then within about
 * one rounding unit of the terms it was computed from, i.e. pure cancellation
 * noise whose very sign is meaningless (a numerically singular leading
 * block). In single-precision builds the data are floats, so such a block is
 * one that is singular, or within a few double ulps of singular, for the
 * float values as given. The rule is scale-invariant, so legitimately small
 * entries of r (1e-9 and below) pass as long as they are not cancelled away. It is deliberately no stricter:
 * pivots a few ulps above it still give solves with small backward error
 * (LDL' of a quasi-definite matrix is stable for moderate ||A||^2 / r,
 * Gill, Saunders, Shinnerl, SIMAX 17(1), 1996), so rejecting them would only
 * turn usable factorizations into failures.
 */
#include <float.h>

#include "error.h"
#include "ldl.h"

_Static_assert(sizeof(scs_ldl_float) == sizeof(double),
               "the pivot rule assumes double precision");
#define PIVOT_RTOL (2 * DBL_EPSILON)

/* Name the KKT column of original index o: "x variable o" / "y variable i". */
static void pivot_error(const char *what, scs_int k, scs_ldl_float d,
                        scs_ldl_float mag, const scs_int *perm, scs_int n) {
  long long o = (long long)perm[k];
  int is_x = perm[k] < n;
  scs_set_error("direct: %s pivot d = %.6g at KKT column %lld (%s variable "
                "%lld%s), elimination step %lld; |C(k,k)| + sum |L(k,j) y_j| "
                "= %.6g, expected d %s 0 for a quasi-definite KKT matrix%s",
                what, (double)d, o, is_x ? "x" : "y", is_x ? o : o - n,
                is_x ? "" : ", row of A", (long long)k, (double)mag,
                is_x ? ">" : "<",
                is_x ? " (is P positive semidefinite?)" : "");
}

/* Check the pivot d (magnitude mag of its terms); 0 if acceptable. */
static scs_int check_pivot(scs_int k, scs_ldl_float d, scs_ldl_float mag,
                           const scs_int *perm, scs_int n) {
  int want_pos = perm[k] < n;
  if (!isfinite(d)) {
    pivot_error("non-finite", k, d, mag, perm, n);
    return -1;
  }
  if (d == 0) {
    pivot_error("zero", k, d, mag, perm, n);
    return -1;
  }
  if (!(fabs(d) > PIVOT_RTOL * mag) ||
      !isfinite(1 / d)) { /* 1/d overflows for subnormal d */
    pivot_error("tiny (numerically zero)", k, d, mag, perm, n);
    return -1;
  }
  if (want_pos ? d < 0 : d > 0) {
    pivot_error("wrong-sign", k, d, mag, perm, n);
    return -1;
  }
  return 0;
}

/* Pattern of row k of L in topological order, in pattern[top..nk-1]; also
 * scatters C(0:k-1, k) into y and returns the top. *ckk gets C(k, k). */
static scs_int row_pattern(const ScsLdlMatrix *C, const scs_int *parent,
                           scs_int k, scs_ldl_float *y, scs_int *flag,
                           scs_int *pattern, scs_ldl_float *ckk) {
  scs_int top = C->n;
  scs_ldl_float diag = 0;
  flag[k] = k;
  for (scs_int p = C->p[k]; p < C->p[k + 1]; ++p) {
    scs_int i = C->i[p];
    if (i == k) {
      diag += C->x[p];
      continue;
    }
    y[i] += C->x[p];
    scs_int len = 0; /* path from i up to a marked node, at pattern[0..] */
    for (; flag[i] != k; i = parent[i]) {
      pattern[len++] = i;
      flag[i] = k;
    }
    while (len > 0) pattern[--top] = pattern[--len]; /* top > len always */
  }
  *ckk = diag;
  return top;
}

scs_int scs_ldl_numeric(const ScsLdlMatrix *C, ScsLdlFactor *F,
                        const scs_int *perm, scs_int n, scs_ldl_float *y,
                        scs_int *iwork) {
  scs_int nk = F->nk;
  scs_int *flag = iwork, *next = iwork + nk, *pattern = iwork + 2 * nk;
  const scs_int *Lp = F->Lp, *parent = F->parent;
  scs_int *Li = F->Li;
  scs_ldl_float *Lx = F->Lx;
  for (scs_int k = 0; k < nk; ++k) {
    flag[k] = -1;
    next[k] = Lp[k];
  }
  for (scs_int k = 0; k < nk; ++k) {
    scs_ldl_float d;
    scs_int top = row_pattern(C, parent, k, y, flag, pattern, &d);
    scs_ldl_float mag = fabs(d);
    for (; top < nk; ++top) {
      scs_int j = pattern[top];
      scs_ldl_float yj = y[j];
      y[j] = 0;
      /* y -= L(:, j) * y_j over the rows < k found so far (all in the row
       * subtree of k, so y stays zero outside the pattern) */
      for (scs_int q = Lp[j]; q < next[j]; ++q) y[Li[q]] -= Lx[q] * yj;
      scs_ldl_float lkj = yj * F->Dinv[j];
      scs_ldl_float t = lkj * yj; /* y_j^2 / d_j */
      d -= t;
      mag += fabs(t);
      Li[next[j]] = k;
      Lx[next[j]++] = lkj;
    }
    if (check_pivot(k, d, mag, perm, n)) return -1;
    F->D[k] = d;
    F->Dinv[k] = 1 / d;
  }
  return 0;
}
