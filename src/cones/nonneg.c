/* Projection onto the nonnegative orthant R^n_+. */
#include "cones.h"

/* Pi_{R+}(v)_i = max(v_i, 0). The select form maps NaN and -0.0 to +0.0 and,
 * unlike an if, compiles without a branch (random sign patterns made the
 * branch mispredict on every other entry). */
void scs_proj_nonneg(scs_float *v, scs_int len) {
  for (scs_int i = 0; i < len; ++i) v[i] = v[i] > 0 ? v[i] : 0;
}
