/* PLACEHOLDER: replaced by the real indirect backend (issue #6, in progress). */
#include "error.h"
#include "glob.h"
#include "linsys.h"

static void *ph_init(const ScsMatrix *A, const ScsMatrix *P,
                     const scs_float *diag_r, void *user_data) {
  (void)A, (void)P, (void)diag_r, (void)user_data;
  scs_set_error("indirect: not built yet");
  return NULL;
}
static scs_int ph_solve(void *s, scs_float *rhs, const scs_float *warm,
                        scs_float tol) {
  (void)s, (void)rhs, (void)warm, (void)tol;
  return -1;
}
static scs_int ph_update(void *s, const scs_float *r) {
  (void)s, (void)r;
  return -1;
}
static void ph_free(void *s) { (void)s; }

SCS_EXPORT const ScsLinSysBackend scs_linsys_indirect = {
    .abi_version = SCS_LINSYS_ABI_VERSION, .name = "indirect", .init = ph_init,
    .solve = ph_solve, .update_diag_r = ph_update, .free = ph_free};
