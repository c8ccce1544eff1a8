/* Public entry points: validate, lock the handle, dispatch. No math here. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "glob.h"
#include "health.h"
#include "alloc.h"
#include "output.h"
#include "solve.h"
#include "timer.h"
#include "validate.h"
#include "workspace.h"

SCS_EXPORT void scs_set_default_settings(ScsSettings *stgs) {
  if (!stgs) return;
  stgs->normalize = 1;
  stgs->scale = SCS_DEFAULT_SCALE;
  stgs->adaptive_scale = 1;
  stgs->rho_x = SCS_DEFAULT_RHO_X;
  stgs->max_iters = SCS_DEFAULT_MAX_ITERS;
  stgs->eps_abs = SCS_DEFAULT_EPS_ABS;
  stgs->eps_rel = SCS_DEFAULT_EPS_REL;
  stgs->eps_infeas = SCS_DEFAULT_EPS_INFEAS;
  stgs->alpha = SCS_DEFAULT_ALPHA;
  stgs->time_limit_secs = 0;
  stgs->verbose = 1;
  stgs->warm_start = 0;
  stgs->acceleration_lookback = SCS_DEFAULT_ACCEL_LOOKBACK;
  stgs->acceleration_interval = SCS_DEFAULT_ACCEL_INTERVAL;
  stgs->acceleration_type_1 = 1;
  stgs->acceleration_regularization = SCS_DEFAULT_AA_REGULARIZATION;
  stgs->acceleration_relaxation = SCS_DEFAULT_AA_RELAXATION;
  stgs->write_data_filename = NULL;
  stgs->log_csv_filename = NULL;
  stgs->disable_signal_handling = 0;
  stgs->lin_sys_backend = NULL;
  stgs->print = NULL;
  stgs->print_data = NULL;
  stgs->allocator = NULL;
  stgs->disable_polish = 0;
}

SCS_EXPORT void scs_interrupt(ScsWork *w) {
  if (w) atomic_store(&w->interrupt, 1);
}

/* Every call on a handle: pass its gate, then allocate with its allocator
 * (alloc.h). 0, or nonzero after scs_set_error (being finished, or called
 * from the handle's own callback). */
static int open_call(ScsWork *w, const char *who, ScsAllocScope *scope) {
  if (scs_gate_enter(&w->gate, who) != 0) return -1;
  scs_alloc_enter(scope, w->stgs.allocator);
  return 0;
}

/* Leave the gate; free the handle if scs_finish was called meanwhile from
 * inside this call (its callback). */
static void close_call(ScsWork *w, const ScsAllocScope *scope) {
  if (scs_gate_leave(&w->gate)) scs_work_destroy(w);
  scs_alloc_leave(scope);
}

SCS_EXPORT void scs_set_callback(ScsWork *w, ScsProgressCallback fn,
                                 void *user_data) {
  scs_clear_error();
  if (!w) {
    scs_set_error("scs_set_callback: the workspace is NULL");
    return;
  }
  ScsAllocScope scope;
  if (open_call(w, "scs_set_callback", &scope) != 0) return;
  w->callback = fn;
  w->callback_data = user_data;
  close_call(w, &scope);
}

SCS_EXPORT const char *scs_version(void) { return SCS_API_VERSION; }

SCS_EXPORT const char *scs_library_version(void) { return SCS_LIBRARY_VERSION; }

SCS_EXPORT size_t scs_sizeof_int(void) { return sizeof(scs_int); }

SCS_EXPORT size_t scs_sizeof_float(void) { return sizeof(scs_float); }

static void report_init_error(const ScsSettings *stgs) {
  if (stgs && stgs->verbose)
    scs_print(stgs, SCS_PRINT_ERROR, "scs: %s\n", scs_last_error());
}

static ScsWork *init_in_scope(const ScsData *d, const ScsCone *k,
                              const ScsSettings *stgs) {
  ScsTimer t;
  scs_tic(&t);
  if (scs_validate_data(d) != 0 || scs_validate_cone_sizes(k, d->m) != 0)
    return NULL;
  ScsWork *w = scs_work_create(d, k, stgs);
  if (w) w->setup_time_ms = scs_toc_ms(&t);
  return w;
}

SCS_EXPORT ScsWork *scs_init(const ScsData *d, const ScsCone *k,
                             const ScsSettings *stgs) {
  scs_clear_error();
  ScsWork *w = NULL;
  if (scs_validate_settings(stgs) == 0) {
    ScsAllocScope scope;
    scs_alloc_enter(&scope, stgs->allocator);
    w = init_in_scope(d, k, stgs);
    scs_alloc_leave(&scope);
  }
  if (!w) report_init_error(stgs);
  return w;
}

/* A call that cannot start (NULL, finishing, broken): SCS_FAILED in info,
 * the caller's solution untouched. */
static scs_int refuse_solve(ScsInfo *info) {
  if (info) {
    memset(info, 0, sizeof(*info));
    scs_report_failure(NULL, NULL, info, SCS_FAILED, "failure");
  }
  return SCS_FAILED;
}

SCS_EXPORT scs_int scs_solve(ScsWork *w, ScsSolution *sol, ScsInfo *info,
                             scs_int warm_start) {
  scs_clear_error();
  if (!w || !sol || !info) {
    scs_set_error("scs_solve: %s is NULL",
                  !w ? "the workspace" : !sol ? "sol" : "info");
    return refuse_solve(info);
  }
  ScsAllocScope scope;
  if (open_call(w, "scs_solve", &scope) != 0) return refuse_solve(info);
  scs_int status;
  if (scs_work_check_usable(w, "scs_solve") != 0) {
    status = refuse_solve(info);
  } else {
    memset(info, 0, sizeof(*info));
    status = scs_solve_locked(w, sol, info, warm_start != 0);
  }
  close_call(w, &scope);
  return status;
}

/* Validate first so that a bad vector leaves the workspace untouched; the
 * update itself is atomic (scs_work_update_data). */
SCS_EXPORT scs_int scs_update(ScsWork *w, scs_float *b, scs_float *c) {
  scs_clear_error();
  if (!w) {
    scs_set_error("scs_update: the workspace is NULL");
    return -1;
  }
  ScsAllocScope scope;
  if (open_call(w, "scs_update", &scope) != 0) return -1;
  int rc = -1;
  if (scs_work_check_usable(w, "scs_update") == 0 &&
      (!b || scs_validate_vector(b, w->m, "b") == 0) &&
      (!c || scs_validate_vector(c, w->n, "c") == 0))
    rc = scs_work_update_data(w, b, c);
  close_call(w, &scope);
  return rc == 0 ? 0 : -1;
}

/* Close the gate: the running solve is interrupted (SCS_SIGINT), queued
 * calls fail, and the handle is freed once every call has left. */
SCS_EXPORT void scs_finish(ScsWork *w) {
  if (!w) return;
  ScsAllocScope scope;
  scs_alloc_enter(&scope, w->stgs.allocator);
  if (scs_gate_close(&w->gate)) scs_work_destroy(w);
  scs_alloc_leave(&scope);
}

SCS_EXPORT scs_int scs(const ScsData *d, const ScsCone *k,
                       const ScsSettings *stgs, ScsSolution *sol,
                       ScsInfo *info) {
  ScsWork *w = scs_init(d, k, stgs);
  if (!w) {
    /* sol is left alone: on bad input the caller's arrays are not touched */
    if (info) {
      memset(info, 0, sizeof(*info));
      scs_report_failure(NULL, NULL, info, SCS_FAILED, "failure");
    }
    return SCS_FAILED;
  }
  scs_int status = scs_solve(w, sol, info, stgs->warm_start);
  scs_finish(w);
  return status;
}

SCS_EXPORT const char *scs_polish_status_name(scs_int polish_status) {
  switch (polish_status) {
  case SCS_POLISH_ACCEPTED:
    return "accepted";
  case SCS_POLISH_REJECTED:
    return "rejected";
  case SCS_POLISH_FAILED:
    return "failed";
  default:
    return "not run";
  }
}
