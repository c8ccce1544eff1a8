/* Dense vector kernels and CSC matrix-vector products. */
#ifndef SCS_LINALG_H
#define SCS_LINALG_H

#include "glob.h"

scs_float scs_vec_dot(const scs_float *a, const scs_float *b, scs_int len);
scs_float scs_vec_norm_inf(const scs_float *a, scs_int len);
scs_float scs_vec_norm_2(const scs_float *a, scs_int len);
scs_float scs_vec_norm_2_sq(const scs_float *a, scs_int len);
/* a += s * b */
void scs_vec_axpy(scs_float *a, const scs_float *b, scs_int len, scs_float s);
/* a *= s */
void scs_vec_scale(scs_float *a, scs_int len, scs_float s);
/* 1 if every entry is finite */
int scs_vec_all_finite(const scs_float *a, scs_int len);

/* y += A x (A is m x n) */
void scs_csc_mul_add(const ScsMatrix *A, const scs_float *x, scs_float *y);
/* y += A' x */
void scs_csc_mul_t_add(const ScsMatrix *A, const scs_float *x, scs_float *y);
/* y += P x with P symmetric and only its upper triangle stored */
void scs_csc_sym_mul_add(const ScsMatrix *P, const scs_float *x, scs_float *y);

/* Deep copy (NULL in, NULL out; NULL on allocation failure). */
ScsMatrix *scs_csc_copy(const ScsMatrix *A);
/* Copy with every column's entries sorted by row (duplicates kept). */
ScsMatrix *scs_csc_copy_sorted(const ScsMatrix *A);
/* Allocate an empty m x n matrix with room for nnz entries. */
ScsMatrix *scs_csc_alloc(scs_int m, scs_int n, scs_int nnz);
void scs_csc_free(ScsMatrix *A);

#endif
