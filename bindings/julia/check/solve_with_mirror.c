/*
 * Check 3 of check_julia.py: one real solve with libscs through the structs
 * and prototypes generated from the Julia source (libscs_julia_mirror.h),
 * not through scs.h: if a Julia mirror were smaller or shuffled, libscs
 * would read or write the wrong bytes here as it would from Julia.
 *
 * LP: minimize -x1 - x2  s.t.  x1 + x2 <= 1, x >= 0 (optimum -1), then a
 * QP with P = [2 1; 1 2], c = (-1, -1), x >= 0 (optimum -1/3).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "libscs_julia_mirror.h"

/* Guard bytes after each struct: libscs must not write past the mirrors. */
#define GUARD 64
static struct {
  jl_ScsSettings s;
  unsigned char pad[GUARD];
} settings_box;
static struct {
  jl_ScsInfo s;
  unsigned char pad[GUARD];
} info_box;

static int guards_intact(void) {
  int k;
  for (k = 0; k < GUARD; k++)
    if (settings_box.pad[k] != 0xA5 || info_box.pad[k] != 0xA5) return 0;
  return 1;
}

static int solve_one(jl_ScsMatrix *A, jl_ScsMatrix *P, scs_float *b,
                     scs_float *c, jl_ScsCone *k, double expect) {
  jl_ScsData d;
  jl_ScsSolution sol;
  scs_float x[2], y[3], s[3];
  jl_ScsSettings *stgs = &settings_box.s;
  jl_ScsInfo *info = &info_box.s;
  void *w;
  scs_int flag;
  char status[129];

  memset(&settings_box, 0xA5, sizeof(settings_box));
  memset(&info_box, 0xA5, sizeof(info_box));
  scs_set_default_settings(stgs);
  if (stgs->max_iters != 100000 || stgs->alpha != 1.5 || stgs->verbose != 1 ||
      stgs->acceleration_lookback != 10 || stgs->lin_sys_backend != NULL ||
      stgs->print != NULL) {
    printf("FAIL: scs_set_default_settings wrote unexpected values\n");
    return 1;
  }
  stgs->verbose = 0;
  stgs->eps_abs = stgs->eps_rel = 1e-9;
  stgs->disable_signal_handling = 1;
  stgs->lin_sys_backend = scs_linsys_backend("dense");
  if (stgs->lin_sys_backend == NULL ||
      strcmp(stgs->lin_sys_backend->name, "dense") != 0) {
    printf("FAIL: scs_linsys_backend(\"dense\")\n");
    return 1;
  }
  d.m = A->m;
  d.n = A->n;
  d.A = A;
  d.P = P;
  d.b = b;
  d.c = c;
  w = scs_init(&d, k, stgs);
  if (w == NULL) {
    printf("FAIL: scs_init: %s\n", scs_last_error());
    return 1;
  }
  sol.x = x;
  sol.y = y;
  sol.s = s;
  flag = scs_solve(w, &sol, info, 0);
  scs_finish(w);
  memcpy(status, info->status, 128);
  status[128] = '\0';
  if (flag != 1 || info->status_val != 1 || strcmp(status, "solved") != 0 ||
      fabs(info->pobj - expect) > 1e-6 ||
      strncmp(info->lin_sys_solver, "dense", 6) != 0 || !guards_intact()) {
    printf("FAIL: flag %d status '%s' pobj %g (expected %g) backend '%.20s' "
           "guards %s\n",
           (int)flag, status, (double)info->pobj, expect, info->lin_sys_solver,
           guards_intact() ? "intact" : "OVERWRITTEN");
    return 1;
  }
  printf("solved through the Julia mirrors: status '%s', pobj %.9f, "
         "%d iterations, backend '%s', aa_stats.iter %d, lin_sys_iters %d\n",
         status, (double)info->pobj, (int)info->iter, info->lin_sys_solver,
         (int)info->aa_stats.iter, (int)info->lin_sys_iters);
  return 0;
}

int main(void) {
  /* A = [1 1; -1 0; 0 -1] in CSC */
  scs_float Ax[] = {1, -1, 1, -1};
  scs_int Ai[] = {0, 1, 0, 2};
  scs_int Ap[] = {0, 2, 4};
  jl_ScsMatrix A = {Ax, Ai, Ap, 3, 2};
  scs_float b[] = {1, 0, 0}, c[] = {-1, -1};
  jl_ScsCone k;
  /* QP: A = -I (2 x 2), P upper = [2 1; . 2] */
  scs_float Bx[] = {-1, -1};
  scs_int Bi[] = {0, 1}, Bp[] = {0, 1, 2};
  jl_ScsMatrix B = {Bx, Bi, Bp, 2, 2};
  scs_float Px[] = {2, 1, 2};
  scs_int Pi[] = {0, 0, 1}, Pp[] = {0, 1, 3};
  jl_ScsMatrix P = {Px, Pi, Pp, 2, 2};
  scs_float b2[] = {0, 0};
  int fails = 0;

  if (scs_sizeof_int() != sizeof(scs_int) ||
      scs_sizeof_float() != sizeof(scs_float)) {
    printf("FAIL: scs_int / scs_float widths differ from the library's\n");
    return 1;
  }
  if (strcmp(scs_version(), "3.2.11") != 0) {
    printf("FAIL: scs_version() = %s\n", scs_version());
    return 1;
  }
  memset(&k, 0, sizeof(k));
  k.l = 3;
  fails += solve_one(&A, NULL, b, c, &k, -1.0);
  k.l = 2;
  fails += solve_one(&B, &P, b2, c, &k, -1.0 / 3.0);
  /* an error: the message comes back through scs_last_error */
  k.l = 1;
  {
    jl_ScsData d = {3, 2, &A, NULL, b, c};
    jl_ScsSettings *stgs = &settings_box.s;
    scs_set_default_settings(stgs);
    stgs->verbose = 0;
    if (scs_init(&d, &k, stgs) != NULL || strlen(scs_last_error()) == 0) {
      printf("FAIL: a bad cone was accepted\n");
      fails++;
    } else {
      printf("bad cone rejected: %s\n", scs_last_error());
    }
  }
  {
    /* interrupt before a solve: sticky, consumed by the next solve */
    jl_ScsData d = {3, 2, &A, NULL, b, c};
    jl_ScsSettings *stgs = &settings_box.s;
    jl_ScsSolution sol = {NULL, NULL, NULL};
    scs_float x[2], y[3], s[3];
    void *w;
    k.l = 3;
    scs_set_default_settings(stgs);
    stgs->verbose = 0;
    w = scs_init(&d, &k, stgs);
    sol.x = x;
    sol.y = y;
    sol.s = s;
    scs_interrupt(w);
    if (scs_solve(w, &sol, &info_box.s, 0) != -5) {
      printf("FAIL: scs_interrupt did not stop the solve\n");
      fails++;
    }
    if (scs_update(w, b, c) != 0) {
      printf("FAIL: scs_update\n");
      fails++;
    }
    scs_finish(w);
  }
  printf("library %s, SCS API %s\n", scs_library_version(), scs_version());
  return fails != 0;
}
