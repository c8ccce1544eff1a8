/* The verbose progress table, printed through the output sink. */
#include "log.h"

#include "output.h"

#define RULE "------------------------------------------------------------------\n"
#define OUT(...) scs_print(&w->stgs, SCS_PRINT_LOG, __VA_ARGS__)

static scs_int nnz(const ScsMatrix *M) { return M ? M->p[M->n] : 0; }

void scs_log_header(const ScsWork *w) {
  const ScsSettings *s = &w->stgs;
  char cones[256];
  scs_cone_describe(&w->cones->k, cones, sizeof(cones));
  OUT(RULE);
  OUT("      libscs %s - SCS %s compatible conic solver\n",
         SCS_LIBRARY_VERSION, SCS_API_VERSION);
  OUT(RULE);
  OUT("problem:  variables n: %lld, constraints m: %lld\n", (long long)w->n,
         (long long)w->m);
  OUT("cones:    %s\n", cones);
  OUT("settings: eps_abs: %.1e, eps_rel: %.1e, eps_infeas: %.1e\n",
         (double)s->eps_abs, (double)s->eps_rel, (double)s->eps_infeas);
  OUT("          alpha: %.2f, scale: %.2e, adaptive_scale: %d\n",
         (double)s->alpha, (double)s->scale, (int)s->adaptive_scale);
  OUT("          max_iters: %lld, normalize: %d, rho_x: %.2e\n",
         (long long)s->max_iters, (int)s->normalize, (double)s->rho_x);
  if (s->acceleration_lookback != 0)
    OUT("          acceleration_lookback: %lld, acceleration_interval: "
           "%lld, type: %s\n",
           (long long)s->acceleration_lookback,
           (long long)s->acceleration_interval,
           s->acceleration_type_1 && s->acceleration_lookback > 0 ? "I"
                                                                  : "II");
  if (s->time_limit_secs > 0)
    OUT("          time_limit_secs: %.2e\n", (double)s->time_limit_secs);
  OUT("lin-sys:  %s\n", w->linsys->name);
  OUT("          nnz(A): %lld, nnz(P): %lld\n", (long long)nnz(w->A),
         (long long)nnz(w->P));
  OUT(RULE);
  OUT(" iter | pri res | dua res |   gap   |   obj   |  scale  | time (s)\n");
  OUT(RULE);
}

void scs_log_row(const ScsWork *w, scs_int iter, double elapsed_ms) {
  const ScsResiduals *r = &w->r;
  OUT("%6lld| %.2e  %.2e  %.2e  %+.2e  %.2e  %.2e\n", (long long)iter,
         (double)r->res_pri, (double)r->res_dual, (double)r->gap,
         (double)(0.5 * (r->pobj + r->dobj)), (double)w->scale,
         elapsed_ms / 1e3);
}

void scs_log_footer(const ScsWork *w, const ScsInfo *info) {
  (void)w;
  OUT(RULE);
  OUT("status:  %s\n", info->status);
  OUT("timings: total: %.2es = setup: %.2es + solve: %.2es\n",
         (double)(info->setup_time + info->solve_time) / 1e3,
         (double)info->setup_time / 1e3, (double)info->solve_time / 1e3);
  OUT("         lin-sys: %.2es, cones: %.2es, accel: %.2es\n",
         (double)info->lin_sys_time / 1e3, (double)info->cone_time / 1e3,
         (double)info->accel_time / 1e3);
  if (info->lin_sys_iters > 0)
    OUT("lin-sys: %lld inner iterations, %.1f per iteration\n",
           (long long)info->lin_sys_iters,
           (double)info->lin_sys_iters / (double)SCS_MAX(info->iter, 1));
  if (info->polish_status != SCS_POLISH_NOT_RUN)
    OUT("polish:  %s%s (%.2es)\n", scs_polish_status_name(info->polish_status),
        info->polish_status == SCS_POLISH_ACCEPTED ? "" : ", ADMM answer kept",
        (double)info->polish_time / 1e3);
  if (w->stgs.acceleration_lookback != 0)
    OUT("accel:   %lld accepted, %lld rejected steps\n",
           (long long)info->accepted_accel_steps,
           (long long)info->rejected_accel_steps);
  OUT(RULE);
  switch (info->status_val) {
  case SCS_SOLVED:
  case SCS_SOLVED_INACCURATE:
    OUT("objective = %.6f%s\n", (double)info->pobj,
           info->status_val == SCS_SOLVED ? "" : " (inaccurate)");
    break;
  case SCS_INFEASIBLE:
  case SCS_INFEASIBLE_INACCURATE:
    OUT("certificate of primal infeasibility: b'y = -1, ||A'y|| = %.2e\n",
           (double)info->res_infeas);
    break;
  case SCS_UNBOUNDED:
  case SCS_UNBOUNDED_INACCURATE:
    OUT("certificate of dual infeasibility: c'x = -1, ||Ax + s|| = %.2e\n",
           (double)info->res_unbdd_a);
    break;
  default:
    break;
  }
  OUT(RULE);
}
