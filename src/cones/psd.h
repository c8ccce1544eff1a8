/*
 * Projections onto the real and complex positive semidefinite cones, in the
 * vectorizations of SCS 3.2 (its documentation, "Semidefinite cones"):
 *
 *   real, size k:    vec(S) = (S_11, sqrt2 S_21, ..., sqrt2 S_k1, S_22,
 *                    sqrt2 S_32, ..., S_kk), length k(k+1)/2: the lower
 *                    triangle column by column;
 *   complex, size k: cvec(S) = (S_11, sqrt2 Re S_21, sqrt2 Im S_21, ...,
 *                    sqrt2 Re S_k1, sqrt2 Im S_k1, S_22, ..., S_kk), length
 *                    k^2: the same order, each off-diagonal entry as its
 *                    real then imaginary part (S Hermitian, so S_jj is real).
 *
 * The sqrt2 makes vec an isometry, <vec X, vec Y> = Trace(X^H Y), so the
 * Euclidean projection of the vector is the Frobenius projection of the
 * matrix and both cones are self-dual. Projections never allocate: the
 * LAPACK workspace is sized once for the largest cone.
 */
#ifndef SCS_PSD_H
#define SCS_PSD_H

#include "glob.h"

typedef struct ScsPsdWork ScsPsdWork;

/* Workspace for every PSD cone of sizes s[0..ns) and complex sizes
 * cs[0..ncs): sized once for the largest (LAPACK workspace queried once),
 * NULL (after scs_set_error) on failure. Sizes <= 2 need no LAPACK and add
 * nothing; nonpositive sizes are ignored. */
ScsPsdWork *scs_psd_work_init(const scs_int *s, scs_int ns, const scs_int *cs,
                              scs_int ncs);
void scs_psd_work_free(ScsPsdWork *w);

/* v (length k(k+1)/2) <- projection onto the PSD cone of size k, k >= 1 and
 * no larger than the sizes w was made for. 0, or nonzero (after
 * scs_set_error) on LAPACK failure. An input with a nonfinite entry (k >= 2)
 * becomes all NaN. */
scs_int scs_proj_psd(ScsPsdWork *w, scs_float *v, scs_int k);
/* v (length k^2) <- projection onto the complex PSD cone of size k; as
 * scs_proj_psd otherwise. */
scs_int scs_proj_complex_psd(ScsPsdWork *w, scs_float *v, scs_int k);

#endif
