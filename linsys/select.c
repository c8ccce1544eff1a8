/*
 * Choosing a backend: the name lookup, the "auto" rule and the check of a
 * caller-supplied vtable.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "glob.h"
#include "linsys.h"

/* "auto" only names a choice; scs_linsys_resolve replaces it at scs_init,
 * so its functions are never called. */
static void *auto_init(const ScsMatrix *A, const ScsMatrix *P,
                       const scs_float *diag_r, void *user_data) {
  (void)A, (void)P, (void)diag_r, (void)user_data;
  scs_set_error("auto: this backend only selects another one");
  return NULL;
}
static scs_int auto_solve(void *state, scs_float *rhs, const scs_float *warm,
                          scs_float tol) {
  (void)state, (void)rhs, (void)warm, (void)tol;
  return -1;
}
static scs_int auto_update(void *state, const scs_float *diag_r) {
  (void)state, (void)diag_r;
  return -1;
}
static void auto_free(void *state) { (void)state; }

SCS_EXPORT const ScsLinSysBackend scs_linsys_auto = {
    .abi_version = SCS_LINSYS_ABI_VERSION,
    .name = "auto",
    .init = auto_init,
    .solve = auto_solve,
    .update_diag_r = auto_update,
    .free = auto_free};

/* The "auto" rule (docs/backends.md). The dense backend factors a k x k
 * matrix, k = m when P is NULL or diagonal and 2m < n, else n, after
 * forming it from a dense m x n copy of R_y^{-1/2} A: worth it when k and
 * m n are small and A is mostly full. Measured on banded and random
 * problems, direct and dense break even near 20% density. */
#define AUTO_DENSE_MAX_ORDER 1000
#define AUTO_DENSE_MAX_MN 4.0e6
#define AUTO_DENSE_MIN_DENSITY 0.2

static int is_diagonal(const ScsMatrix *P) {
  for (scs_int j = 0; j < P->n; ++j)
    for (scs_int k = P->p[j]; k < P->p[j + 1]; ++k)
      if (P->i[k] != j) return 0;
  return 1;
}

static int prefer_dense(const ScsMatrix *A, const ScsMatrix *P) {
  double m = (double)A->m, n = (double)A->n;
  int p_diagonal = !P || is_diagonal(P);
  double order = scs_dense_reduces_to_m(A->m, A->n, p_diagonal) ? m : n;
  if (order > AUTO_DENSE_MAX_ORDER || m * n > AUTO_DENSE_MAX_MN) return 0;
  double nnz = (double)A->p[A->n] + (P ? (double)P->p[P->n] : 0);
  double full = m * n + n * (n + 1) / 2;
  return full > 0 && nnz >= AUTO_DENSE_MIN_DENSITY * full;
}

const ScsLinSysBackend *scs_linsys_resolve(const ScsLinSysBackend *chosen,
                                           const ScsMatrix *A,
                                           const ScsMatrix *P) {
  if (!chosen) return &scs_linsys_direct;
  if (chosen == &scs_linsys_auto)
    return prefer_dense(A, P) ? &scs_linsys_dense : &scs_linsys_direct;
  return chosen;
}

int scs_linsys_check(const ScsLinSysBackend *b) {
  if (!b) return 0; /* NULL selects the default */
  if (b->abi_version < 1 || b->abi_version > SCS_LINSYS_ABI_VERSION) {
    scs_set_error("settings.lin_sys_backend: abi_version is %d, this library "
                  "takes 1 to %d (SCS_LINSYS_ABI_VERSION)",
                  b->abi_version, SCS_LINSYS_ABI_VERSION);
    return -1;
  }
  if (!b->name || !b->name[0]) {
    scs_set_error("settings.lin_sys_backend: name is NULL or empty");
    return -1;
  }
  if (strlen(b->name) > 127) {
    scs_set_error("settings.lin_sys_backend: name is longer than 127 "
                  "characters");
    return -1;
  }
  const char *missing = !b->init            ? "init"
                        : !b->solve         ? "solve"
                        : !b->update_diag_r ? "update_diag_r"
                        : !b->free          ? "free"
                                            : NULL;
  if (missing) {
    scs_set_error("settings.lin_sys_backend \"%s\": function %s is NULL",
                  b->name, missing);
    return -1;
  }
  if (b->flags & ~SCS_LINSYS_ITERATIVE) {
    scs_set_error("settings.lin_sys_backend \"%s\": unknown flags 0x%x",
                  b->name, b->flags & ~SCS_LINSYS_ITERATIVE);
    return -1;
  }
  return 0;
}

SCS_EXPORT const ScsLinSysBackend *scs_linsys_backend(const char *name) {
  static const struct {
    const char *name;
    const ScsLinSysBackend *backend;
  } table[] = {{"direct", &scs_linsys_direct},
               {"sparse-direct", &scs_linsys_direct},
               {"indirect", &scs_linsys_indirect},
               {"sparse-indirect", &scs_linsys_indirect},
               {"dense", &scs_linsys_dense},
               {"auto", &scs_linsys_auto}};
  if (!name) {
    scs_set_error("scs_linsys_backend: name is NULL");
    return NULL;
  }
  for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); ++i)
    if (strcmp(name, table[i].name) == 0) return table[i].backend;
  scs_set_error("scs_linsys_backend: unknown backend \"%s\" (expected "
                "direct, indirect, dense or auto)",
                name);
  return NULL;
}

SCS_EXPORT void scs_set_last_error(const char *fmt, ...) {
  char msg[512];
  if (!fmt) {
    scs_set_error("(no message)");
    return;
  }
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  scs_set_error("%s", msg);
}
