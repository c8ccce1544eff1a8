/* Input checks with precise messages. Each returns 0 when the input is
 * valid, else nonzero after scs_set_error() with what is wrong and where. */
#ifndef SCS_VALIDATE_H
#define SCS_VALIDATE_H

#include "glob.h"

/* Largest PSD / complex PSD order libscs accepts: must equal PSD_MAX_K in
 * src/cones/psd.c (2 k^2 reals indexable by a 32-bit lapack_int). */
#define SCS_VALIDATE_PSD_MAX 32767
/* Largest |acceleration_lookback|: must equal AA_MAX_MEM in src/accel.c
 * (mem^2 fits a 32-bit lapack_int). */
#define SCS_VALIDATE_AA_MAX_MEM 46340

/* m, n, A (m x n CSC), optional P (n x n, upper triangle), b, c finite. */
int scs_validate_data(const ScsData *d);
/* Cone sizes and parameters, and that they sum to m. */
int scs_validate_cone_sizes(const ScsCone *k, scs_int m);
/* Every setting in its documented range, no NaN. */
int scs_validate_settings(const ScsSettings *stgs);
/* A CSC matrix: sizes, monotone pointers, rows in range, no duplicates in
 * a column, finite values. `name` prefixes the message ("A", "P"). */
int scs_validate_csc(const ScsMatrix *M, scs_int m, scs_int n,
                     const char *name);
/* The same for an upper triangle (no entry below the diagonal). */
int scs_validate_csc_upper(const ScsMatrix *M, scs_int m, scs_int n,
                           const char *name);
/* Every entry finite; `name` ("b", "c") prefixes the message. */
int scs_validate_vector(const scs_float *v, scs_int len, const char *name);

#endif
