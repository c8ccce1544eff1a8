/* Projection onto the nonnegative orthant R^n_+. */
#include "cones.h"

/* Pi_{R+}(v)_i = max(v_i, 0). The comparison form also maps -0.0 to +0.0. */
void scs_proj_nonneg(scs_float *v, scs_int len) {
  for (scs_int i = 0; i < len; ++i) {
    if (!(v[i] > 0)) v[i] = 0;
  }
}
