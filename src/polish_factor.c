/* The factorization polishing shares (polish_factor.h): the direct
 * backend on the full KKT pattern, and the count of what it costs, in
 * solves: a refactorization counts as its flops over a solve's, a number
 * of the symbolic analysis (scs_direct_refactor_cost), so the bound on
 * polishing that solve.c sets is the same on every machine. */
#include "polish_factor.h"

#include "linsys.h"
#include "work.h"

void scs_polish_factor_free(ScsPolishFactor *f) {
  if (f->lw) scs_linsys_direct.free(f->lw);
  f->lw = NULL;
}

int scs_polish_factor(ScsPolishFactor *f, const ScsWork *w,
                      const scs_float *diag_r) {
  const ScsLinSysBackend *ls = &scs_linsys_direct;
  int rc;
  if (!f->lw) {
    f->lw = ls->init(w->A, w->P, diag_r, ls->user_data);
    rc = f->lw ? 0 : -1;
  } else {
    rc = ls->update_diag_r(f->lw, diag_r) == 0 ? 0 : -1;
  }
  f->spent += scs_polish_refactor_cost(f);
  return rc;
}

int scs_polish_solve(ScsPolishFactor *f, scs_float *rhs) {
  f->spent += 1;
  return scs_linsys_direct.solve(f->lw, rhs, NULL, 0) == 0 ? 0 : -1;
}

double scs_polish_refactor_cost(const ScsPolishFactor *f) {
  if (f->lw) return scs_direct_refactor_cost(f->lw);
  return f->expected > 0 ? f->expected : 1;
}

void scs_polish_factor_expect(ScsPolishFactor *f, const ScsWork *w) {
  if (!f->lw && w->linsys == &scs_linsys_direct && w->linsys_work)
    f->expected = scs_direct_refactor_cost(w->linsys_work);
}

int scs_polish_affordable(const ScsPolishFactor *f, double solves,
                          double work) {
  return f->spent + scs_polish_refactor_cost(f) + solves <= work;
}
