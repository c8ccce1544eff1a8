/*
 * Internal header of the sparse direct backend (linsys/direct/).
 *
 * Pipeline, run once by direct.c at init:
 *   kkt.c          K = upper triangle of the KKT matrix M (CSC), with the
 *                  position of every diagonal entry;
 *   amd_order.c    fill-reducing permutation of K (SuiteSparse AMD);
 *   kkt.c          C = upper triangle of P K P' and the map K -> C;
 *   ldl_symbolic.c elimination tree and column counts of L (C = L D L');
 *   ldl_numeric.c  numeric LDL' (again on every diag_r change);
 *   ldl_solve.c    the per-iteration solve.
 *
 * Conventions (CSparse style): perm[k] = original index of the k-th pivot,
 * pinv = its inverse; workspaces are allocated by the caller-facing routine
 * in direct.c and passed down, no kernel allocates. Every routine that can
 * fail returns nonzero after scs_set_error().
 *
 * Precision: the backend works in double (scs_ldl_float) whatever scs_float
 * is. K, C, L, D and every numeric workspace hold doubles; only the
 * interface is in scs_float (A, P, diag_r and the solve's rhs), converted on
 * the way in (exactly: float -> double loses nothing) and on the way out (the
 * solution is rounded once, after the double solve). In single-precision
 * builds a float factorization is not accurate enough for SCS: with
 * r_x ~ 1e-6 and r_y ~ 10 the Schur complements mix magnitudes 1e6 and 10,
 * and the solver stalls or hits tiny pivots. In double builds
 * scs_ldl_float is scs_float, so nothing changes there.
 */
#ifndef SCS_DIRECT_LDL_H
#define SCS_DIRECT_LDL_H

#include <limits.h>

#include "glob.h"


/* The value type of the factorization, independent of scs_float. */
typedef double scs_ldl_float;

/* A CSC matrix with scs_ldl_float values (K and C): ScsMatrix with double
 * values, the same type in every build so that there is one code path. */
typedef struct {
  scs_ldl_float *x; /* values, length p[n] */
  scs_int *i;       /* row indices, length p[n] */
  scs_int *p;       /* column pointers, length n + 1 */
  scs_int m;        /* rows */
  scs_int n;        /* columns */
} ScsLdlMatrix;

/* The factor C = L D L' of the permuted KKT matrix, L unit lower
 * triangular stored by columns without its diagonal. */
typedef struct {
  scs_int nk;           /* dimension n + m */
  scs_int lnz;          /* nnz(L) strictly below the diagonal */
  scs_int *parent;      /* elimination tree, -1 at roots (nk) */
  scs_int *Lp;          /* column pointers of L (nk + 1) */
  scs_int *Li;          /* row indices of L (lnz), sorted in each column */
  scs_ldl_float *Lx;    /* values of L (lnz) */
  scs_ldl_float *D;     /* pivots (nk) */
  scs_ldl_float *Dinv;  /* 1 / D (nk) */
} ScsLdlFactor;

/* ---- kkt.c -------------------------------------------------------------- */

/* An empty m x n ScsLdlMatrix with room for nnz entries (p zeroed), NULL on
 * allocation failure; and its free (NULL is fine). */
ScsLdlMatrix *scs_ldl_csc_alloc(scs_int m, scs_int n, scs_int nnz);
void scs_ldl_csc_free(ScsLdlMatrix *X);

/* Upper triangle of M = [P + diag(r_x), A'; A, -diag(r_y)] in CSC with
 * sorted columns, every diagonal entry present. diag_pos[k] (length n + m)
 * receives the position of M_kk in K->x and diag_base[k] the part of M_kk
 * that does not depend on r (P_kk, or 0). The diagonal values are left for
 * scs_kkt_set_diag. row_count is workspace of length max(m, 1). A and P
 * must satisfy scs_linsys_check_data (linsys/common.h). Returns NULL (after
 * scs_set_error) when K is too large or memory runs out. */
ScsLdlMatrix *scs_kkt_assemble(const ScsMatrix *A, const ScsMatrix *P,
                               scs_int *diag_pos, scs_ldl_float *diag_base,
                               scs_int *row_count);

/* x[diag_pos[k]] = diag_base[k] + r[k] for k < n, -r[k] for k >= n (the sum
 * in double). */
void scs_kkt_set_diag(scs_ldl_float *x, const scs_int *diag_pos,
                      const scs_ldl_float *diag_base, const scs_float *r,
                      scs_int n, scs_int nk);

/* Pattern of C = upper triangle of P K P' (row indices unsorted within a
 * column) and map[p] = position in C of the entry K->x[p]. Values are not
 * filled (see scs_kkt_scatter). col_count is workspace of length nk.
 * Returns NULL (after scs_set_error) on allocation failure. */
ScsLdlMatrix *scs_kkt_permute_pattern(const ScsLdlMatrix *K,
                                      const scs_int *pinv, scs_int *map,
                                      scs_int *col_count);

/* C->x[map[p]] = K->x[p] for every entry p of K. */
void scs_kkt_scatter(const ScsLdlMatrix *K, const scs_int *map,
                     ScsLdlMatrix *C);

/* ---- amd_order.c -------------------------------------------------------- */

/* AMD ordering of the symmetric matrix whose upper triangle is K: perm[k] is
 * the original index of the k-th pivot. Returns 0 or nonzero on failure. */
scs_int scs_amd_order(const ScsLdlMatrix *K, scs_int *perm);

/* ---- ldl_symbolic.c ----------------------------------------------------- */

/* Elimination tree of the symmetric matrix whose upper triangle is C, and the
 * column counts of L (col_count[j] = nnz of L(:, j) below the diagonal).
 * flag is workspace of length nk. Returns nnz(L), or -1 (after
 * scs_set_error) if it does not fit in scs_int. */
scs_int scs_ldl_etree(const ScsLdlMatrix *C, scs_int *parent,
                      scs_int *col_count, scs_int *flag);

/* Lp = cumulative sum of col_count (length nk + 1). */
void scs_ldl_colptr(const scs_int *col_count, scs_int nk, scs_int *Lp);

/* ---- ldl_numeric.c ------------------------------------------------------ */

/* Numeric factorization C = L D L' with the pattern of F (parent, Lp, lnz)
 * from the symbolic analysis; fills F->Li, F->Lx, F->D, F->Dinv.
 * perm and n (the number of x variables) give the expected pivot signs:
 * d_k > 0 if perm[k] < n, d_k < 0 otherwise (quasi-definiteness).
 * Workspace: y (nk doubles, all zero on entry and left all zero on exit),
 * iwork (3 * nk ints). Returns 0, or nonzero after scs_set_error on a zero,
 * tiny, non-finite or wrong-sign pivot (tiny: relative to DBL_EPSILON, see
 * ldl_numeric.c). */
scs_int scs_ldl_numeric(const ScsLdlMatrix *C, ScsLdlFactor *F,
                        const scs_int *perm, scs_int n, scs_ldl_float *y,
                        scs_int *iwork);

/* ---- ldl_solve.c -------------------------------------------------------- */

/* b = (P' L D L' P)^{-1} b in place; w is workspace of length nk. b is
 * read into w (permuted, converted to double), solved in double and written
 * back (rounded to scs_float once). */
void scs_ldl_solve(const ScsLdlFactor *F, const scs_int *perm, scs_float *b,
                   scs_ldl_float *w);

/* The three steps, in double, exposed for tests: */
void scs_ldl_lsolve(const ScsLdlFactor *F, scs_ldl_float *x);  /* x = L \ x */
void scs_ldl_dsolve(const ScsLdlFactor *F, scs_ldl_float *x);  /* x = D \ x */
void scs_ldl_ltsolve(const ScsLdlFactor *F, scs_ldl_float *x); /* x = L' \ x */

#endif
