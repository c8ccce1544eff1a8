/* The problem dump: SCS 3.2's binary write_data_filename format.
 *
 * Layout (host endianness, native sizes of this build when writing):
 *   uint32 sizeof(scs_int), uint32 sizeof(scs_float), uint32 L, L bytes of
 *   version string (no NUL);
 *   cone:  z, l, bsize, bl[bsize-1], bu[bsize-1], qsize, q[qsize], ssize,
 *          s[ssize], ep, ed, psize, p[psize];
 *   data:  m, n, b[m], c[n], matrix A, has_P (0/1), matrix P if has_P,
 *          where matrix = m, n, p[n+1], x[nnz], i[nnz] with nnz = p[n];
 *   settings: normalize, scale, rho_x, max_iters, eps_abs, eps_rel,
 *          eps_infeas, alpha, verbose, warm_start (written as 0),
 *          acceleration_lookback, acceleration_interval, adaptive_scale.
 * scs_read_data and scs_free_problem (declared in scs_io.h) live in dump.c.
 */
#ifndef SCS_IO_DUMP_H
#define SCS_IO_DUMP_H

#include "glob.h"

/* Write d, k and stgs to filename. Returns 0, or nonzero after
 * scs_set_error() (invalid data or cone sizes, a complex PSD cone, which the
 * format cannot hold, or an I/O error; a partial file is removed). */
int scs_dump_write(const char *filename, const ScsData *d, const ScsCone *k,
                   const ScsSettings *stgs);

#endif
