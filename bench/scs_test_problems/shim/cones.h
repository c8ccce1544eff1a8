/* Shim for SCS's internal cones.h (see ../README.md): the cone workspace
 * and projections the test problems call, on libscs's own cone code. */
#ifndef SCS_SHIM_CONES_H
#define SCS_SHIM_CONES_H

#include "glbopts.h"

ScsConeWork *SCS(init_cone)(const ScsCone *k, scs_int m);
void SCS(finish_cone)(ScsConeWork *c);
/* r_y and the box warm start are not supported: both must be NULL */
scs_int SCS(proj_dual_cone)(scs_float *x, ScsConeWork *c, scs_float *r_y,
                            scs_float *box_t_warm_start);
scs_int SCS(validate_cones)(const ScsData *d, const ScsCone *k);
scs_float SCS(proj_pd_exp_cone)(scs_float *v0, scs_int primal);

#endif
