/* MPS BOUNDS lines: each sets the interval of one column (mps.h). */
#include <math.h>

#include "io/mps.h"

int scs_mps_apply_bounds(Mps *p, const Parsed *q) {
  if (scs_mps_check_set(p, 2, q->set)) return -1;
  scs_int j = q->col;
  const char *cn = names_str(&p->cols, j);
  if (q->btype == BT_BV || q->btype == BT_INT) {
    scs_text_error(p->r,
                   "integer variables are not supported (%s bound on column "
                   "'%.60s')",
                   q->btype == BT_BV ? "BV" : "LI/UI", cn);
    return -1;
  }
  if (q->btype == BT_SC) {
    scs_text_error(p->r,
                   "semi-continuous variables are not supported (SC bound on "
                   "column '%.60s')",
                   cn);
    return -1;
  }
  static const char *BNAME[] = {"UP", "LO", "FX", "FR", "MI", "PL"};
  const char *bn = "?";
  for (int t = 0; t < 6; ++t)
    if (q->btype == (1 << t)) bn = BNAME[t];
  if (p->col_flags[j] & q->btype) {
    scs_text_error(p->r, "duplicate %s bound for column '%.60s'", bn, cn);
    return -1;
  }
  p->col_flags[j] |= (unsigned char)q->btype;
  double v = q->val[0];
  int inf = q->has_val && fabs(v) >= MPS_INF;
  switch (q->btype) {
  case B_UP:
    if (inf && v < 0) {
      scs_text_error(p->r, "upper bound -infinity for column '%.60s'", cn);
      return -1;
    }
    p->up[j] = inf ? INFINITY : v;
    /* the classic rule: a negative upper bound without a lower bound makes
     * the lower bound -infinity */
    if (v < 0 && !(p->col_flags[j] & B_LOWER_GIVEN)) p->lo[j] = -INFINITY;
    break;
  case B_LO:
    if (inf && v > 0) {
      scs_text_error(p->r, "lower bound +infinity for column '%.60s'", cn);
      return -1;
    }
    p->lo[j] = inf ? -INFINITY : v;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_FX:
    if (inf) {
      scs_text_error(p->r, "column '%.60s' fixed at an infinite value", cn);
      return -1;
    }
    p->lo[j] = p->up[j] = v;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_FR:
    p->lo[j] = -INFINITY;
    p->up[j] = INFINITY;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_MI:
    p->lo[j] = -INFINITY;
    p->col_flags[j] |= B_LOWER_GIVEN;
    break;
  case B_PL:
    p->up[j] = INFINITY;
    break;
  default:
    break;
  }
  return 0;
}
