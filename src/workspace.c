/* Allocation, deep copies and lifetime of ScsWork. */
#include "workspace.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "io/dump.h"
#include "iterate.h"
#include "linalg.h"
#include "normalize.h"
#include "scale.h"

static char *copy_string(const char *s, int *failed) {
  if (!s) return NULL;
  char *c = scs_strdup(s);
  if (!c) *failed = 1;
  return c;
}

static scs_float *copy_vec(const scs_float *v, scs_int len) {
  scs_float *c = scs_malloc_array((size_t)len, sizeof(scs_float));
  if (c) memcpy(c, v, (size_t)len * sizeof(scs_float));
  return c;
}

static int out_of_memory(const ScsData *d) {
  scs_set_error("out of memory copying the problem (m = %lld, n = %lld)",
                (long long)d->m, (long long)d->n);
  return -1;
}

static int copy_inputs(ScsWork *w, const ScsData *d, const ScsCone *k,
                       const ScsSettings *stgs) {
  int failed = 0;
  w->m = d->m;
  w->n = d->n;
  w->stgs = *stgs;
  if (stgs->allocator) { /* the caller's struct need not outlive scs_init */
    w->allocator = *stgs->allocator;
    w->stgs.allocator = &w->allocator;
  }
  w->write_data_filename = copy_string(stgs->write_data_filename, &failed);
  w->log_csv_filename = copy_string(stgs->log_csv_filename, &failed);
  w->stgs.write_data_filename = w->write_data_filename;
  w->stgs.log_csv_filename = w->log_csv_filename;
  w->cones = scs_cone_work_init(k, d->m);
  w->A = scs_csc_copy_sorted(d->A);
  w->P = d->P ? scs_csc_copy_sorted(d->P) : NULL;
  w->b = copy_vec(d->b, d->m);
  w->c = copy_vec(d->c, d->n);
  w->b_next = copy_vec(d->b, d->m);
  w->c_next = copy_vec(d->c, d->n);
  if (!w->cones) return -1; /* scs_cone_work_init said why */
  if (failed || !w->A || (d->P && !w->P) || !w->b || !w->c || !w->b_next ||
      !w->c_next)
    return out_of_memory(d);
  w->nm_b_orig = scs_vec_norm_inf(d->b, d->m);
  w->nm_c_orig = scs_vec_norm_inf(d->c, d->n);
  return 0;
}

static int alloc_iterates(ScsWork *w) {
  size_t l = (size_t)(w->n + w->m + 1);
  w->diag_r = scs_calloc_array(l, sizeof(scs_float));
  w->w = scs_calloc_array(l, sizeof(scs_float));
  w->w_prev = scs_calloc_array(l, sizeof(scs_float));
  w->u = scs_calloc_array(l, sizeof(scs_float));
  w->u_t = scs_calloc_array(l, sizeof(scs_float));
  w->rsk = scs_calloc_array(l, sizeof(scs_float));
  w->g = scs_calloc_array(l, sizeof(scs_float));
  w->g_next = scs_calloc_array(l, sizeof(scs_float));
  w->x_orig = scs_calloc_array((size_t)w->n, sizeof(scs_float));
  w->y_orig = scs_calloc_array((size_t)w->m, sizeof(scs_float));
  w->s_orig = scs_calloc_array((size_t)w->m, sizeof(scs_float));
  if (!w->diag_r || !w->w || !w->w_prev || !w->u || !w->u_t || !w->rsk ||
      !w->g || !w->g_next || !w->x_orig || !w->y_orig || !w->s_orig ||
      scs_residuals_alloc(&w->r, w->m, w->n) != 0) {
    scs_set_error("out of memory allocating the iterates (m = %lld, n = %lld)",
                  (long long)w->m, (long long)w->n);
    return -1;
  }
  return 0;
}

static int equilibrate(ScsWork *w) {
  w->scal = scs_scaling_alloc(w->m, w->n);
  if (!w->scal) {
    scs_set_error("out of memory allocating the scaling (m = %lld, n = %lld)",
                  (long long)w->m, (long long)w->n);
    return -1;
  }
  if (!w->stgs.normalize) return 0;
  scs_clear_error();
  if (scs_equilibrate(w->scal, w->A, w->P, w->cones) != 0) {
    if (!scs_last_error()[0])
      scs_set_error("out of memory equilibrating the problem");
    return -1;
  }
  scs_normalize_b_c(w->scal, w->b, w->c);
  return 0;
}

static int setup_accel(ScsWork *w) {
  const ScsSettings *s = &w->stgs;
  scs_int mem = s->acceleration_lookback;
  if (mem == 0) return 0;
  /* SCS 3.2: a negative lookback is type-II AA with memory |lookback| */
  int type1 = mem > 0 && s->acceleration_type_1 != 0;
  w->accel = scs_aa_init(w->n + w->m + 1, mem > 0 ? mem : -mem, type1,
                         s->acceleration_regularization,
                         s->acceleration_relaxation, SCS_AA_SAFEGUARD_FACTOR,
                         SCS_AA_MAX_WEIGHT_NORM);
  return w->accel ? 0 : -1;
}

static int setup_linsys(ScsWork *w) {
  w->linsys = scs_linsys_resolve(w->stgs.lin_sys_backend, w->A, w->P);
  if (w->linsys->flags & SCS_LINSYS_ITERATIVE) {
    size_t l = (size_t)SCS_MAX(w->n + w->m, 1);
    w->linsys_warm = scs_calloc_array(l, sizeof(scs_float));
    w->linsys_scratch = scs_calloc_array(l, sizeof(scs_float));
    if (!w->linsys_warm || !w->linsys_scratch) {
      scs_set_error("out of memory (linear-system warm start)");
      return -1;
    }
  }
  scs_clear_error();
  w->linsys_work =
      w->linsys->init(w->A, w->P, w->diag_r, w->linsys->user_data);
  if (w->linsys_work) {
    if (w->linsys->abi_version >= 2 && w->linsys->set_cancel)
      w->linsys->set_cancel(w->linsys_work, &w->cancel);
    return 0;
  }
  if (!scs_last_error()[0])
    scs_set_error("linear-system backend \"%s\": init failed",
                  w->linsys->name);
  return -1;
}

ScsWork *scs_work_create(const ScsData *d, const ScsCone *k,
                         const ScsSettings *stgs) {
  ScsWork *w = scs_calloc_array(1, sizeof(*w));
  if (!w || scs_gate_init(&w->gate) != 0) {
    scs_free(w);
    scs_set_error("out of memory allocating the workspace");
    return NULL;
  }
  atomic_init(&w->interrupt, 0);
  w->cancel.interrupt = &w->interrupt;
  w->cancel.gate = &w->gate;
  /* each step sets its own message (sizes, limits, overflow, memory) */
  if (copy_inputs(w, d, k, stgs) != 0 || alloc_iterates(w) != 0 ||
      equilibrate(w) != 0) {
    scs_work_destroy(w);
    return NULL;
  }
  if (stgs->write_data_filename &&
      scs_dump_write(stgs->write_data_filename, d, k, stgs) != 0) {
    scs_work_destroy(w); /* scs_dump_write said why */
    return NULL;
  }
  w->scale = stgs->scale;
  scs_scale_set_diag_r(w);
  if (setup_linsys(w) != 0 || scs_iterate_update_g(w) != 0 ||
      setup_accel(w) != 0) {
    scs_work_destroy(w); /* the backend or AA said why */
    return NULL;
  }
  return w;
}

void scs_work_destroy(ScsWork *w) {
  if (!w) return;
  if (w->linsys_work) w->linsys->free(w->linsys_work);
  scs_free(w->linsys_warm);
  scs_free(w->linsys_scratch);
  if (w->accel) scs_aa_finish(w->accel);
  scs_cone_work_free(w->cones);
  scs_csc_free(w->A);
  scs_csc_free(w->P);
  scs_scaling_free(w->scal);
  scs_residuals_free(&w->r);
  void *bufs[] = {w->b,      w->c,      w->b_next, w->c_next, w->diag_r,
                  w->w,      w->w_prev, w->u,      w->u_t,    w->rsk,
                  w->g,      w->g_next, w->x_orig, w->y_orig, w->s_orig,
                  w->write_data_filename, w->log_csv_filename};
  for (size_t i = 0; i < sizeof(bufs) / sizeof(bufs[0]); ++i) scs_free(bufs[i]);
  scs_gate_destroy(&w->gate);
  scs_free(w);
}

/* Build b (or c) into the spare buffer and normalize it there. */
static scs_float *stage(const ScsWork *w, scs_float *spare,
                        const scs_float *given, const scs_float *current,
                        scs_int len, int is_b) {
  if (!given) return (scs_float *)current;
  memcpy(spare, given, (size_t)len * sizeof(scs_float));
  if (is_b)
    scs_normalize_b(w->scal, spare);
  else
    scs_normalize_c(w->scal, spare);
  return spare;
}

int scs_work_update_data(ScsWork *w, const scs_float *b, const scs_float *c) {
  scs_float *nb = stage(w, w->b_next, b, w->b, w->m, 1);
  scs_float *nc = stage(w, w->c_next, c, w->c, w->n, 0);
  if (scs_iterate_compute_g(w, nb, nc) != 0) return -1; /* nothing changed */
  if (b) {
    w->b_next = w->b;
    w->b = nb;
    w->nm_b_orig = scs_vec_norm_inf(b, w->m);
  }
  if (c) {
    w->c_next = w->c;
    w->c = nc;
    w->nm_c_orig = scs_vec_norm_inf(c, w->n);
  }
  return 0;
}
