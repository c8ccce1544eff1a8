/* The main loop: iterate, check, adapt the scale, accelerate; then report
 * the solution or certificate in the caller's units. */
#include "solve.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "csv_log.h"
#include "error.h"
#include "interrupt.h"
#include "iterate.h"
#include "linalg.h"
#include "log.h"
#include "polish.h"
#include "polish_cert.h"
#include "scale.h"
#include "timer.h"

/*
 * How many iterations between residual checks (SCS: always 25). A check
 * costs a few mat-vecs, about a fraction r of an iteration, and stopping
 * late wastes half an interval on average, so over k iterations the best
 * interval is about sqrt(2 k r): short solves check often, long ones
 * rarely. A deterministic schedule (no timing) keeps runs reproducible.
 */
static scs_int check_interval(scs_int iter) {
  return iter < 100 ? 5 : iter < 1000 ? 10 : 25;
}

/* Why the loop stopped before a final status (with SCS's exit flags for
 * the final ones). */
enum { LOOP_RUNNING = 0, LOOP_LIMIT = 100 };

typedef struct {
  ScsTimer solve;
  double lin_sys_ms, cone_ms, accel_ms;
  scs_float *best_u, *best_rsk; /* best iterate seen (by residual merit) */
  scs_float best_merit;
  double polish_ms;
  ScsPolishFactor polish_factor;
  scs_int polish_status;    /* of the last attempt (SCS_POLISH_*) */
  scs_int next_polish_iter; /* earliest check that may polish again */
  int ipm_done;             /* the interior-point refinement has run */
  FILE *csv;
} SolveState;

static int alloc_solution(ScsSolution *sol, scs_int m, scs_int n) {
  /* zeroed, so a warm start from a NULL member starts from 0; the C
   * library's calloc whatever the handle's allocator: the caller frees
   * these with free(), as with SCS */
  if (!sol->x) sol->x = calloc((size_t)SCS_MAX(n, 1), sizeof(scs_float));
  if (!sol->y) sol->y = calloc((size_t)SCS_MAX(m, 1), sizeof(scs_float));
  if (!sol->s) sol->s = calloc((size_t)SCS_MAX(m, 1), sizeof(scs_float));
  return sol->x && sol->y && sol->s ? 0 : -1;
}

static void fill(scs_float *v, scs_int len, scs_float val) {
  for (scs_int i = 0; i < len; ++i) v[i] = val;
}

scs_int scs_report_failure(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                           scs_int status, const char *status_str) {
  scs_int m = w ? w->m : 0, n = w ? w->n : 0;
  if (sol && alloc_solution(sol, m, n) == 0) {
    fill(sol->x, n, NAN);
    fill(sol->y, m, NAN);
    fill(sol->s, m, NAN);
  }
  if (info) {
    info->status_val = status;
    snprintf(info->status, sizeof(info->status), "%s", status_str);
    info->pobj = info->dobj = info->gap = NAN;
    info->res_pri = info->res_dual = NAN;
    info->res_infeas = info->res_unbdd_a = info->res_unbdd_p = NAN;
  }
  return status;
}

static void copy_solution(const ScsWork *w, ScsSolution *sol, scs_float ax,
                          scs_float ay, scs_float as) {
  for (scs_int j = 0; j < w->n; ++j) sol->x[j] = w->x_orig[j] * ax;
  for (scs_int i = 0; i < w->m; ++i) {
    sol->y[i] = w->y_orig[i] * ay;
    sol->s[i] = w->s_orig[i] * as;
  }
}

/* Solution divided by tau, or a certificate normalized to b'y = -1 or
 * c'x = -1 (SCS semantics; the other vectors are NaN). */
static void set_result(const ScsWork *w, ScsSolution *sol, ScsInfo *info,
                       scs_int kind) {
  const ScsResiduals *r = &w->r;
  if (kind == SCS_SOLVED) {
    scs_float t = 1 / SCS_MAX(r->tau, 1e-18);
    copy_solution(w, sol, t, t, t);
    info->pobj = r->pobj;
    info->dobj = r->dobj;
    info->gap = r->gap;
    info->res_pri = r->res_pri;
    info->res_dual = r->res_dual;
  } else if (kind == SCS_INFEASIBLE) {
    copy_solution(w, sol, NAN, -1 / r->bty_tau, NAN);
    info->pobj = info->dobj = INFINITY;
    info->gap = info->res_pri = info->res_dual = NAN;
  } else {
    copy_solution(w, sol, -1 / r->ctx_tau, NAN, -1 / r->ctx_tau);
    info->pobj = info->dobj = -INFINITY;
    info->gap = info->res_pri = info->res_dual = NAN;
  }
}

static const char *status_string(scs_int kind) {
  return kind == SCS_SOLVED ? "solved"
         : kind == SCS_INFEASIBLE ? "infeasible"
                                  : "unbounded";
}

/* Not converged: best guess, as SCS does (tau > kappa: a solution; else a
 * certificate of whichever infeasibility b'y < c'x points to). */
static scs_int unfinished_kind(const ScsWork *w) {
  const ScsResiduals *r = &w->r;
  if (r->tau > r->kap) return SCS_SOLVED;
  return r->bty_tau < r->ctx_tau ? SCS_INFEASIBLE : SCS_UNBOUNDED;
}

static scs_int inaccurate_flag(scs_int kind) {
  return kind == SCS_SOLVED       ? SCS_SOLVED_INACCURATE
         : kind == SCS_INFEASIBLE ? SCS_INFEASIBLE_INACCURATE
                                  : SCS_UNBOUNDED_INACCURATE;
}

static void keep_if_best(ScsWork *w, SolveState *st) {
  scs_float merit = scs_residuals_merit(w);
  if (!st->best_u || !(merit < st->best_merit)) return;
  scs_int l = w->n + w->m + 1;
  st->best_merit = merit;
  memcpy(st->best_u, w->u, (size_t)l * sizeof(scs_float));
  memcpy(st->best_rsk, w->rsk, (size_t)l * sizeof(scs_float));
}

/* At max_iters / the time limit, report the best iterate when it beats the
 * last one (SCS reports the last). */
static void restore_best(ScsWork *w, SolveState *st, scs_int iter) {
  if (!st->best_u || !(st->best_merit < scs_residuals_merit(w))) return;
  scs_int l = w->n + w->m + 1;
  memcpy(w->u, st->best_u, (size_t)l * sizeof(scs_float));
  memcpy(w->rsk, st->best_rsk, (size_t)l * sizeof(scs_float));
  scs_residuals_invalidate(&w->r);
  scs_residuals_update(w, iter);
}

/*
 * Polishing before convergence (polish.c): once a solution-like iterate is
 * within POLISH_TRIGGER of the tolerances, a polished point that passes
 * the termination test ends the solve early (a problem heading for
 * max_iters or the time limit gets an exact vertex). After a rejected
 * attempt the next waits until the iteration count has doubled, so the
 * attempts cost O(log iters) factorizations of the reduced system.
 */
#define POLISH_TRIGGER 10
#define POLISH_FIRST_ITER 50

/*
 * The cost of polishing is bounded by counting, not timing, so a solve's
 * answer never depends on the machine's load: an early attempt makes at
 * most POLISH_EARLY_ROUNDS refactorizations, the final one POLISH_ROUNDS
 * (polish.c). When those fail, the interior-point refinement
 * (polish_ipm.c) follows, once per solve: its cold start does not depend
 * on the iterate, so a second run would repeat the first. It runs at the
 * first attempt from iteration POLISH_IPM_ITER on (a problem ADMM has not
 * solved by then is one it may never solve well: netlib's degenerate LPs,
 * QSCFXM, QETAMACR), or at the final one. When it fails too, the final
 * attempt makes up to alm_factors() augmented Lagrangian steps
 * (polish_alm.c). A round or refinement step starts only while the
 * solve's polishing stays within POLISH_WORK solves per ADMM iteration so
 * far, counting at least POLISH_WORK_MIN_ITER iterations (an ADMM
 * iteration costs about two solves; polish_factor.h counts a
 * refactorization in solves from its flops), and within POLISH_EARLY_WORK
 * at the early attempts that make rounds only: on qap12, whose
 * factorization costs 500 solves, polishing would otherwise cost 7x the
 * ADMM solve, and on CVXQP1_L the early rounds took 2.8 s of the 10.
 * Only a time limit, time-based by nature, also bounds polishing by the
 * time left.
 */
#define POLISH_EARLY_ROUNDS 2
#define POLISH_ROUNDS 6
#define POLISH_IPM_ITER 2000
/* Not in single precision: its iterates stop at ratios of 1e-2, where a
 * point with an objective below eps_abs passes the gap test 5% off (a
 * random LP with c scaled by 1e-6, test_scaling), while the ADMM answer
 * it would replace was right. */
#if SCS_SFLOAT
#define POLISH_IPM 0
#else
#define POLISH_IPM 1
#endif
#define POLISH_WORK 4
#define POLISH_EARLY_WORK 1
#define POLISH_WORK_MIN_ITER 200
#define POLISH_ALM_MIN 10
#define POLISH_ALM_MAX 100
#define POLISH_ALM_ITERS_PER_FACTOR 20

/* The augmented Lagrangian factorizations: one per
 * POLISH_ALM_ITERS_PER_FACTOR ADMM iterations, within [POLISH_ALM_MIN,
 * POLISH_ALM_MAX]: a solve that converged fast does not pay a long
 * refinement for an answer that is usually right already (LISWET2-6). */
static int alm_factors(scs_int iter) {
  scs_int k = iter / POLISH_ALM_ITERS_PER_FACTOR;
  return (int)SCS_MIN(POLISH_ALM_MAX, SCS_MAX(POLISH_ALM_MIN, k));
}

static double polish_budget(const ScsWork *w, const SolveState *st) {
  if (!(w->stgs.time_limit_secs > 0)) return INFINITY;
  return 1e3 * w->stgs.time_limit_secs - scs_toc_ms(&st->solve);
}

/* 1 if an attempt at iteration iter (early or the final one) runs the
 * interior-point refinement */
static int ipm_allowed(const SolveState *st, scs_int iter, int early) {
  return POLISH_IPM && !st->ipm_done && (!early || iter >= POLISH_IPM_ITER);
}

static void polish(ScsWork *w, SolveState *st, scs_int iter, int early,
                   int must_solve) {
  ScsPolishLimits lim;
  lim.rounds = early ? POLISH_EARLY_ROUNDS : POLISH_ROUNDS;
  lim.ipm = ipm_allowed(st, iter, early);
  lim.alm_factors = early ? 0 : alm_factors(iter);
  lim.work = (lim.ipm || !early ? POLISH_WORK : POLISH_EARLY_WORK) *
             (double)SCS_MAX(iter, POLISH_WORK_MIN_ITER);
  scs_int rc = scs_polish(w, &st->polish_factor, iter, must_solve, &lim,
                          polish_budget(w, st), &st->polish_ms);
  if (rc != SCS_POLISH_NOT_RUN) st->polish_status = rc;
  if (lim.ipm && rc != SCS_POLISH_NOT_RUN) st->ipm_done = 1;
}

/*
 * The search for an infeasibility certificate of an unfinished LP/QP
 * (polish_cert.c) is a separate solve of at most a tenth of the
 * iterations this one made, and CERT_MAX_ITERS, within the time left:
 * netlib's infeasible LPs (lpi_klein1, lpi_klein2, lpi_mondou2) reach
 * max_iters in ADMM, and their Farkas systems are solved exactly at the
 * nested solve's iteration 2000 (its interior-point refinement, so not
 * in single precision, where that refinement is off).
 */
#define CERT_MAX_ITERS 5000
#define CERT_ITERS_DIVISOR 10

static int find_certificate(ScsWork *w, SolveState *st, scs_int iter) {
  double left = 0; /* no limit */
  if (w->stgs.time_limit_secs > 0) {
    left = polish_budget(w, st) / 1e3;
    if (!(left > 0)) return 0;
  }
  scs_int its = SCS_MIN(CERT_MAX_ITERS, SCS_MAX(iter / CERT_ITERS_DIVISOR, 1));
  ScsTimer t;
  scs_tic(&t);
  int found = scs_polish_certificate(w, iter, its, left);
  st->polish_ms += scs_toc_ms(&t);
  return found;
}

static int try_polish_early(ScsWork *w, SolveState *st, scs_int iter) {
  /* a Farkas solve (polish_cert.c) wants the interior-point attempt
   * whatever its iterate looks like: near-infeasible systems drift to
   * kappa > tau */
  if (!scs_polish_applies(w) || (!(w->r.tau > w->r.kap) && !w->farkas))
    return 0;
  int scheduled = iter >= st->next_polish_iter &&
                  scs_residuals_merit(w) < POLISH_TRIGGER;
  if (!scheduled && !ipm_allowed(st, iter, 1)) return 0;
  if (scheduled) st->next_polish_iter = 2 * iter;
  polish(w, st, iter, 1, 1);
  return st->polish_status == SCS_POLISH_ACCEPTED;
}

static void finalize(ScsWork *w, SolveState *st, ScsSolution *sol,
                     ScsInfo *info, scs_int status, scs_int iter) {
  scs_residuals_update(w, iter);
  if (status == SCS_UNFINISHED) status = scs_residuals_status(w);
  int stopped = status == SCS_UNFINISHED || status == SCS_SIGINT;
  scs_int kind = status;
  if (stopped) {
    /* the kind is the last iterate's, as in SCS: the best iterate may
     * only replace a solution-like last iterate, never change the kind */
    kind = unfinished_kind(w);
    if (kind == SCS_SOLVED) restore_best(w, st, iter);
  }
  /* polish a solution, or a solution-like unfinished iterate (which then
   * counts as solved only if the polished point passes the test); a
   * Farkas solve (polish_cert.c) polishes whatever its iterate looks like,
   * since its interior-point refinement needs no solution-like point */
  int polish_last =
      kind == SCS_SOLVED || (w->farkas && status == SCS_UNFINISHED);
  if (polish_last && status != SCS_SIGINT && scs_polish_applies(w) &&
      st->polish_status != SCS_POLISH_ACCEPTED) {
    polish(w, st, iter, 0, status == SCS_UNFINISHED);
    if (st->polish_status == SCS_POLISH_ACCEPTED) status = kind = SCS_SOLVED;
  }
  /* still unfinished: an infeasible LP/QP whose certificate ADMM did not
   * find may have one the Farkas system gives */
  if (POLISH_IPM && status == SCS_UNFINISHED && scs_polish_applies(w) &&
      !w->farkas && find_certificate(w, st, iter))
    status = kind = SCS_INFEASIBLE;
  set_result(w, sol, info, kind);
  info->status_val = status == SCS_SIGINT       ? SCS_SIGINT
                     : status == SCS_UNFINISHED ? inaccurate_flag(kind)
                                                : kind;
  if (status == SCS_SIGINT)
    snprintf(info->status, sizeof(info->status), "interrupted");
  else if (status == SCS_UNFINISHED)
    snprintf(info->status, sizeof(info->status), "%s (inaccurate - reached %s)",
             status_string(kind),
             w->time_limit_reached ? "time_limit_secs" : "max_iters");
  else
    snprintf(info->status, sizeof(info->status), "%s", status_string(kind));
  /* SCS reports the index of the converged iteration, or max_iters */
  info->iter = (status == SCS_UNFINISHED && !w->time_limit_reached)
                   ? w->stgs.max_iters
                   : iter;
  info->res_infeas = w->r.res_infeas;
  info->res_unbdd_a = w->r.res_unbdd_a;
  info->res_unbdd_p = w->r.res_unbdd_p;
  info->scale = w->scale;
  info->scale_updates = w->scale_updates;
  info->accepted_accel_steps = w->accepted_accel_steps;
  info->rejected_accel_steps = w->rejected_accel_steps;
  info->polish_status = st->polish_status;
  info->polish_time = st->polish_ms;
  info->comp_slack = (kind == SCS_SOLVED)
                         ? fabs(scs_vec_dot(sol->s, sol->y, w->m))
                         : NAN;
  if (w->accel) info->aa_stats = *scs_aa_stats(w->accel);
}

/* 0, or nonzero after scs_set_error (a warm start that overflows) */
static int start(ScsWork *w, ScsSolution *sol, int warm_start) {
  int rc = 0;
  if (!warm_start || (rc = scs_iterate_warm_start(w, sol->x, sol->y,
                                                  sol->s)) != 0)
    scs_iterate_cold_start(w); /* never leave a non-finite w behind */
  scs_residuals_invalidate(&w->r);
  w->lin_sys_iters = 0;
  w->time_limit_reached = 0;
  w->accepted_accel_steps = w->rejected_accel_steps = 0;
  w->scale_updates = 0; /* per solve, as in SCS; the scale itself carries over */
  w->aa_norm = 0;
  w->scale_frozen = 0;
  w->scale_stall_iters = SCS_RESCALE_STALL_ITERS;
  scs_scale_reset_tracking(w, 0);
  if (w->accel) scs_aa_reset(w->accel);
  return rc;
}

/* Anderson step on w before the DR step (so the last operation of every
 * iteration is a cone projection and iterates stay in the cones). */
static void accelerate(ScsWork *w, SolveState *st, scs_int iter) {
  if (!w->accel || iter == 0 || iter % w->stgs.acceleration_interval) return;
  ScsTimer t;
  scs_tic(&t);
  w->aa_norm = scs_aa_apply(w->accel, w->w, w->w_prev);
  st->accel_ms += scs_toc_ms(&t);
}

/* 1 if this iteration stepped from an Anderson-extrapolated point */
static int aa_step_taken(const ScsWork *w, scs_int iter) {
  return w->accel && iter > 0 && iter % w->stgs.acceleration_interval == 0 &&
         w->aa_norm > 0;
}

static void safeguard(ScsWork *w, scs_int iter) {
  if (!aa_step_taken(w, iter)) return;
  if (scs_aa_safeguard(w->accel, w->w, w->w_prev) != 0)
    w->rejected_accel_steps++;
  else
    w->accepted_accel_steps++;
}

/* The progress callback; 1 if it asks to stop. */
static int report_progress(const ScsWork *w, const SolveState *st,
                           scs_int iter) {
  if (!w->callback) return 0;
  const ScsResiduals *r = &w->r;
  ScsProgress p = {iter,   r->res_pri, r->res_dual, r->gap,
                   r->pobj, r->dobj,    w->scale,   scs_toc_ms(&st->solve)};
  return w->callback(&p, w->callback_data) != 0;
}

/* scs_interrupt (its flag is consumed here), Ctrl-C, or scs_finish from
 * elsewhere: what a backend polls, plus the consumption */
static int interrupted(ScsWork *w) {
  return atomic_exchange(&w->interrupt, 0) || scs_cancel_requested(&w->cancel);
}

/* Checked every iteration: a clock read costs far less than a step. */
static int time_is_up(ScsWork *w, const SolveState *st) {
  if (!(w->stgs.time_limit_secs > 0) ||
      !(scs_toc_ms(&st->solve) > 1e3 * w->stgs.time_limit_secs))
    return 0;
  w->time_limit_reached = 1;
  return 1;
}

/* Check residuals and stopping rules; returns a final status or 0. */
static scs_int check(ScsWork *w, SolveState *st, scs_int iter) {
  scs_residuals_update(w, iter);
  keep_if_best(w, st);
  if (report_progress(w, st, iter)) return SCS_SIGINT;
  scs_int status = scs_residuals_status(w);
  if (status == SCS_UNFINISHED && try_polish_early(w, st, iter))
    return SCS_SOLVED;
  return status;
}

/* Accelerate, renormalize and take one DR step (w_prev keeps the point
 * stepped from). 0, or nonzero after scs_set_error. */
static int advance(ScsWork *w, SolveState *st, scs_int iter) {
  accelerate(w, st, iter);
  if (iter > 0 && scs_iterate_normalize_w(w, iter) != 0) return -1;
  memcpy(w->w_prev, w->w, (size_t)(w->n + w->m + 1) * sizeof(scs_float));
  return scs_iterate_step(w, iter, &st->lin_sys_ms, &st->cone_ms);
}

static scs_int run(ScsWork *w, SolveState *st, scs_int *iter_out) {
  scs_int iter, status = LOOP_RUNNING;
  scs_int last_check = 0;
  for (iter = 0; iter < w->stgs.max_iters; ++iter) {
    int rc = advance(w, st, iter);
    if (rc > 0 && interrupted(w)) { /* a backend stopped mid-solve */
      status = SCS_SIGINT;
      break;
    }
    if (rc != 0) {
      *iter_out = iter;
      return SCS_FAILED;
    }
    if (interrupted(w)) {
      status = SCS_SIGINT;
      break;
    }
    if (st->csv) {
      scs_residuals_update(w, iter);
      scs_csv_row(st->csv, w, iter, scs_toc_ms(&st->solve));
    }
    /* A step from an extrapolated point may be undone by the safeguard:
     * check the iteration after it instead. */
    int checked = (iter == 0 || iter - last_check >= check_interval(iter)) &&
                  !aa_step_taken(w, iter);
    if (checked) {
      last_check = iter;
      if ((status = check(w, st, iter)) != LOOP_RUNNING) break;
    }
    if (time_is_up(w, st)) {
      status = LOOP_LIMIT;
      break;
    }
    if (w->stgs.verbose && iter % SCS_LOG_INTERVAL == 0) {
      scs_residuals_update(w, iter);
      scs_log_row(w, iter, scs_toc_ms(&st->solve));
    }
    /* on the check schedule only: logging never changes the solve */
    if ((w->stgs.adaptive_scale && checked &&
         scs_scale_maybe_update(w, iter) != 0) ||
        scs_iterate_relax(w, iter) != 0) {
      *iter_out = iter;
      return SCS_FAILED;
    }
    safeguard(w, iter);
  }
  if (iter == w->stgs.max_iters) iter = w->stgs.max_iters - 1; /* last step */
  *iter_out = iter;
  return status == LOOP_LIMIT ? SCS_UNFINISHED : status;
}

scs_int scs_solve_locked(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                         int warm_start) {
  SolveState st = {0};
  scs_int l = w->n + w->m + 1, iter = 0;
  scs_tic(&st.solve);
  snprintf(info->lin_sys_solver, sizeof(info->lin_sys_solver), "%s",
           w->linsys->name);
  info->setup_time = w->setup_time_ms;
  if (alloc_solution(sol, w->m, w->n) != 0) {
    scs_set_error("out of memory allocating the solution");
    return scs_report_failure(w, sol, info, SCS_FAILED, "failure");
  }
  st.best_merit = INFINITY;
  st.next_polish_iter = POLISH_FIRST_ITER;
  st.best_u = scs_malloc_array((size_t)l, sizeof(scs_float));
  st.best_rsk = scs_malloc_array((size_t)l, sizeof(scs_float));
  if (!st.best_u || !st.best_rsk) {
    scs_free(st.best_u), scs_free(st.best_rsk);
    st.best_u = st.best_rsk = NULL; /* keeping the best is optional */
  }
  if (w->stgs.log_csv_filename) st.csv = scs_csv_open(w);
  int started = start(w, sol, warm_start) == 0;
  if (w->stgs.verbose) scs_log_header(w);

  if (!w->stgs.disable_signal_handling) scs_sigint_begin(&w->cancel.sigint);
  w->cancel.solving = 1;
  scs_int status = started ? run(w, &st, &iter) : SCS_FAILED;
  w->cancel.solving = 0;
  scs_sigint_end(&w->cancel.sigint);
  if (status == SCS_FAILED) {
    scs_report_failure(w, sol, info, SCS_FAILED, "failure");
    info->iter = iter;
  } else {
    finalize(w, &st, sol, info, status, iter);
    if (w->stgs.verbose) scs_log_row(w, iter, scs_toc_ms(&st.solve));
  }
  info->solve_time = scs_toc_ms(&st.solve);
  info->lin_sys_time = st.lin_sys_ms;
  info->cone_time = st.cone_ms;
  info->accel_time = st.accel_ms;
  info->lin_sys_iters = w->lin_sys_iters;
  if (w->stgs.verbose) scs_log_footer(w, info);
  if (st.csv) fclose(st.csv);
  scs_free(st.best_u);
  scs_free(st.best_rsk);
  scs_polish_factor_free(&st.polish_factor);
  return info->status_val;
}
