/* Shim for SCS's internal scs_matrix.h (see ../README.md). */
#ifndef SCS_SHIM_SCS_MATRIX_H
#define SCS_SHIM_SCS_MATRIX_H

#include "glbopts.h"

/* y += A x, y += A' x, y += P x (P: upper triangle of a symmetric matrix) */
void SCS(accum_by_a)(const ScsMatrix *A, const scs_float *x, scs_float *y);
void SCS(accum_by_atrans)(const ScsMatrix *A, const scs_float *x,
                          scs_float *y);
void SCS(accum_by_p)(const ScsMatrix *P, const scs_float *x, scs_float *y);
void SCS(free_scs_matrix)(ScsMatrix *A);

#endif
