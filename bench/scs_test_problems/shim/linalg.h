/* Shim for SCS's internal linalg.h (see ../README.md). */
#ifndef SCS_SHIM_LINALG_H
#define SCS_SHIM_LINALG_H

#include "glbopts.h"

scs_float SCS(dot)(const scs_float *x, const scs_float *y, scs_int len);
scs_float SCS(norm_2)(const scs_float *v, scs_int len);
scs_float SCS(norm_sq)(const scs_float *v, scs_int len);
scs_float SCS(norm_inf)(const scs_float *a, scs_int len);
scs_float SCS(norm_diff)(const scs_float *a, const scs_float *b, scs_int len);
scs_float SCS(norm_inf_diff)(const scs_float *a, const scs_float *b,
                             scs_int len);
void SCS(scale_array)(scs_float *a, scs_float b, scs_int len);
void SCS(add_scaled_array)(scs_float *a, const scs_float *b, scs_int n,
                           scs_float sc);

/* the norm SCS's residuals use (its default build: the infinity norm) */
#define NORM SCS(norm_inf)

#endif
