/* The table of cone families (see families.h). */
#include "families.h"

static scs_int f_z(const ScsCone *k) { return k->z; }
static scs_int f_l(const ScsCone *k) { return k->l; }
static scs_int f_box(const ScsCone *k) { return k->bsize; }
static scs_int f_q(const ScsCone *k) { return k->qsize; }
static scs_int f_s(const ScsCone *k) { return k->ssize; }
static scs_int f_cs(const ScsCone *k) { return k->cssize; }
static scs_int f_ep(const ScsCone *k) { return k->ep; }
static scs_int f_ed(const ScsCone *k) { return k->ed; }
static scs_int f_p(const ScsCone *k) { return k->psize; }

/* z, l and box: one cone if any row */
static scs_int one_if_z(const ScsCone *k) { return k->z > 0; }
static scs_int one_if_l(const ScsCone *k) { return k->l > 0; }
static scs_int one_if_box(const ScsCone *k) { return k->bsize > 0; }

static int64_t rows_z(const ScsCone *k, scs_int i) { (void)i; return k->z; }
static int64_t rows_l(const ScsCone *k, scs_int i) { (void)i; return k->l; }
static int64_t rows_box(const ScsCone *k, scs_int i) {
  (void)i;
  return k->bsize;
}
static int64_t rows_q(const ScsCone *k, scs_int i) { return k->q[i]; }
static int64_t rows_s(const ScsCone *k, scs_int i) {
  int64_t s = k->s[i];
  return s * (s + 1) / 2; /* s <= 32767 once validated */
}
static int64_t rows_cs(const ScsCone *k, scs_int i) {
  int64_t s = k->cs[i];
  return s * s;
}
static int64_t rows_3(const ScsCone *k, scs_int i) {
  (void)k, (void)i;
  return 3;
}

const ScsConeFamilyInfo scs_cone_families[SCS_CONE_FAMILIES] = {
    [SCS_CONE_Z] = {"z", f_z, one_if_z, rows_z, 1, 0},
    [SCS_CONE_L] = {"l", f_l, one_if_l, rows_l, 1, 0},
    [SCS_CONE_BOX] = {"box", f_box, one_if_box, rows_box, 0, 0},
    [SCS_CONE_Q] = {"q", f_q, f_q, rows_q, 0, 1},
    [SCS_CONE_S] = {"s", f_s, f_s, rows_s, 0, 1},
    [SCS_CONE_CS] = {"cs", f_cs, f_cs, rows_cs, 0, 1},
    [SCS_CONE_EP] = {"ep", f_ep, f_ep, rows_3, 0, 0},
    [SCS_CONE_ED] = {"ed", f_ed, f_ed, rows_3, 0, 0},
    [SCS_CONE_P] = {"p", f_p, f_p, rows_3, 0, 0},
};
