/* Dense vector kernels and CSC matrix-vector products. */
#include "linalg.h"

/* Sums accumulate in double, so single-precision builds keep the inner
 * products that decide tau and the residuals accurate. */
scs_float scs_vec_dot(const scs_float *a, const scs_float *b, scs_int len) {
  double s = 0;
  for (scs_int i = 0; i < len; ++i) s += (double)a[i] * b[i];
  return (scs_float)s;
}

/* Branch-free max with NaN propagation kept on the side, so the loop
 * vectorizes: a NaN entry makes the norm NaN. */
scs_float scs_vec_norm_inf(const scs_float *a, scs_int len) {
  scs_float mx = 0;
  int nan = 0;
  for (scs_int i = 0; i < len; ++i) {
    scs_float v = fabs(a[i]);
    nan |= v != v;
    mx = v > mx ? v : mx;
  }
  return nan ? NAN : mx;
}

scs_float scs_vec_norm_2_sq(const scs_float *a, scs_int len) {
  return scs_vec_dot(a, a, len);
}

scs_float scs_vec_norm_2(const scs_float *a, scs_int len) {
  return sqrt(scs_vec_norm_2_sq(a, len));
}

void scs_vec_axpy(scs_float *a, const scs_float *b, scs_int len, scs_float s) {
  for (scs_int i = 0; i < len; ++i) a[i] += s * b[i];
}

void scs_vec_scale(scs_float *a, scs_int len, scs_float s) {
  for (scs_int i = 0; i < len; ++i) a[i] *= s;
}

int scs_vec_all_finite(const scs_float *a, scs_int len) {
  for (scs_int i = 0; i < len; ++i)
    if (!isfinite(a[i])) return 0;
  return 1;
}

void scs_csc_mul_add(const ScsMatrix *A, const scs_float *x, scs_float *y) {
  for (scs_int j = 0; j < A->n; ++j) {
    scs_float xj = x[j];
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) y[A->i[k]] += A->x[k] * xj;
  }
}

void scs_csc_mul_t_add(const ScsMatrix *A, const scs_float *x, scs_float *y) {
  for (scs_int j = 0; j < A->n; ++j) {
    scs_float s = 0;
    for (scs_int k = A->p[j]; k < A->p[j + 1]; ++k) s += A->x[k] * x[A->i[k]];
    y[j] += s;
  }
}

/* P symmetric with only the upper triangle (row <= column) stored: each
 * off-diagonal entry acts twice, once as (i, j) and once as (j, i). */
void scs_csc_sym_mul_add(const ScsMatrix *P, const scs_float *x, scs_float *y) {
  for (scs_int j = 0; j < P->n; ++j) {
    scs_float s = 0, xj = x[j];
    for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k) {
      scs_int i = P->i[k];
      y[i] += P->x[k] * xj;
      if (i != j) s += P->x[k] * x[i];
    }
    y[j] += s;
  }
}
