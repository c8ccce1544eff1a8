/* Checks shared by the built-in backends (see common.h). */
#include "common.h"

#include <stdio.h>

#include "error.h"
#include "validate.h"

/* Rows strictly increasing in every column (validate.c allows any order). */
static int check_sorted(const char *label, const ScsMatrix *X) {
  for (scs_int j = 0; j < X->n; ++j)
    for (scs_int k = X->p[j] + 1; k < X->p[j + 1]; ++k)
      if (X->i[k] < X->i[k - 1]) {
        scs_set_error("%s: column %lld is not sorted by row (row %lld after "
                      "row %lld)",
                      label, (long long)j, (long long)X->i[k],
                      (long long)X->i[k - 1]);
        return -1;
      }
  return 0;
}

static int check_matrix(const char *backend, const char *name,
                        const ScsMatrix *X, scs_int rows, scs_int cols,
                        int upper) {
  char label[160];
  snprintf(label, sizeof(label), "%s: %s", backend, name);
  int bad = upper ? scs_validate_csc_upper(X, rows, cols, label)
                  : scs_validate_csc(X, rows, cols, label);
  return bad || check_sorted(label, X) ? -1 : 0;
}

int scs_linsys_check_data(const char *backend, const ScsMatrix *A,
                          const ScsMatrix *P) {
  if (!A) {
    scs_set_error("%s: A is NULL", backend);
    return -1;
  }
  if (A->m < 0 || A->n < 0 || A->n > SCS_INT_MAX - A->m) {
    scs_set_error("%s: A has invalid dimensions %lld x %lld", backend,
                  (long long)A->m, (long long)A->n);
    return -1;
  }
  if (check_matrix(backend, "A", A, A->m, A->n, 0)) return -1;
  return P ? check_matrix(backend, "P", P, A->n, A->n, 1) : 0;
}

int scs_linsys_check_diag_r(const char *backend, const scs_float *r,
                            scs_int n, scs_int m) {
  if (!r) {
    scs_set_error("%s: diag_r is NULL", backend);
    return -1;
  }
  for (scs_int k = 0; k < n + m; ++k) {
    if (!(r[k] > 0) || !isfinite(r[k])) {
      scs_set_error("%s: diag_r[%lld] = %g, expected a positive finite "
                    "number",
                    backend, (long long)k, (double)r[k]);
      return -1;
    }
    if (k >= n && !isfinite(1.0 / (double)r[k])) {
      scs_set_error("%s: diag_r[%lld] = %g is too small: 1 / diag_r "
                    "overflows",
                    backend, (long long)k, (double)r[k]);
      return -1;
    }
  }
  return 0;
}
