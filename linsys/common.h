/* What every built-in backend checks of what its init and update_diag_r
 * receive: the contract of scs_linsys.h, checked in one place. Each returns
 * 0, or -1 after scs_set_error() with a message that starts with the
 * backend's name ("direct: A: row index 7 out of range ..."). */
#ifndef SCS_LINSYS_COMMON_H
#define SCS_LINSYS_COMMON_H

#include "glob.h"

/* A (m x n, m, n >= 0, n + m fits in scs_int) and P (NULL, or n x n upper
 * triangle): valid CSC with finite values, each column sorted by row
 * without duplicates. */
int scs_linsys_check_data(const char *backend, const ScsMatrix *A,
                          const ScsMatrix *P);

/* diag_r (length n + m): positive and finite, and 1 / r_y finite. */
int scs_linsys_check_diag_r(const char *backend, const scs_float *r,
                            scs_int n, scs_int m);

#endif
