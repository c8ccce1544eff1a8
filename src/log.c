/* The verbose progress table, printed to stdout. */
#include "log.h"

#include <stdio.h>

#define RULE "------------------------------------------------------------------\n"

static scs_int nnz(const ScsMatrix *M) { return M ? M->p[M->n] : 0; }

void scs_log_header(const ScsWork *w) {
  const ScsSettings *s = &w->stgs;
  char cones[256];
  scs_cone_describe(&w->cones->k, cones, sizeof(cones));
  printf(RULE);
  printf("      libscs %s - SCS %s compatible conic solver\n",
         SCS_LIBRARY_VERSION, SCS_API_VERSION);
  printf(RULE);
  printf("problem:  variables n: %lld, constraints m: %lld\n", (long long)w->n,
         (long long)w->m);
  printf("cones:    %s\n", cones);
  printf("settings: eps_abs: %.1e, eps_rel: %.1e, eps_infeas: %.1e\n",
         (double)s->eps_abs, (double)s->eps_rel, (double)s->eps_infeas);
  printf("          alpha: %.2f, scale: %.2e, adaptive_scale: %d\n",
         (double)s->alpha, (double)s->scale, (int)s->adaptive_scale);
  printf("          max_iters: %lld, normalize: %d, rho_x: %.2e\n",
         (long long)s->max_iters, (int)s->normalize, (double)s->rho_x);
  if (s->acceleration_lookback > 0)
    printf("          acceleration_lookback: %lld, acceleration_interval: "
           "%lld, type: %s\n",
           (long long)s->acceleration_lookback,
           (long long)s->acceleration_interval,
           s->acceleration_type_1 ? "I" : "II");
  if (s->time_limit_secs > 0)
    printf("          time_limit_secs: %.2e\n", (double)s->time_limit_secs);
  printf("lin-sys:  %s\n", w->linsys->name);
  printf("          nnz(A): %lld, nnz(P): %lld\n", (long long)nnz(w->A),
         (long long)nnz(w->P));
  printf(RULE);
  printf(" iter | pri res | dua res |   gap   |   obj   |  scale  | time (s)\n");
  printf(RULE);
  fflush(stdout);
}

void scs_log_row(const ScsWork *w, scs_int iter, double elapsed_ms) {
  const ScsResiduals *r = &w->r;
  printf("%6lld| %.2e  %.2e  %.2e  %+.2e  %.2e  %.2e\n", (long long)iter,
         (double)r->res_pri, (double)r->res_dual, (double)r->gap,
         (double)(0.5 * (r->pobj + r->dobj)), (double)w->scale,
         elapsed_ms / 1e3);
  fflush(stdout);
}

void scs_log_footer(const ScsWork *w, const ScsInfo *info) {
  (void)w;
  printf(RULE);
  printf("status:  %s\n", info->status);
  printf("timings: total: %.2es = setup: %.2es + solve: %.2es\n",
         (double)(info->setup_time + info->solve_time) / 1e3,
         (double)info->setup_time / 1e3, (double)info->solve_time / 1e3);
  printf("         lin-sys: %.2es, cones: %.2es, accel: %.2es\n",
         (double)info->lin_sys_time / 1e3, (double)info->cone_time / 1e3,
         (double)info->accel_time / 1e3);
  if (info->lin_sys_iters > 0)
    printf("lin-sys: %lld inner iterations, %.1f per iteration\n",
           (long long)info->lin_sys_iters,
           (double)info->lin_sys_iters / (double)SCS_MAX(info->iter, 1));
  if (w->stgs.acceleration_lookback > 0)
    printf("accel:   %lld accepted, %lld rejected steps\n",
           (long long)info->accepted_accel_steps,
           (long long)info->rejected_accel_steps);
  printf(RULE);
  switch (info->status_val) {
  case SCS_SOLVED:
  case SCS_SOLVED_INACCURATE:
    printf("objective = %.6f%s\n", (double)info->pobj,
           info->status_val == SCS_SOLVED ? "" : " (inaccurate)");
    break;
  case SCS_INFEASIBLE:
  case SCS_INFEASIBLE_INACCURATE:
    printf("certificate of primal infeasibility: b'y = -1, ||A'y|| = %.2e\n",
           (double)info->res_infeas);
    break;
  case SCS_UNBOUNDED:
  case SCS_UNBOUNDED_INACCURATE:
    printf("certificate of dual infeasibility: c'x = -1, ||Ax + s|| = %.2e\n",
           (double)info->res_unbdd_a);
    break;
  default:
    break;
  }
  printf(RULE);
  fflush(stdout);
}
