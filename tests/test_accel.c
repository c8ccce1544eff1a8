/*
 * Tests of Anderson acceleration (src/accel.c) on affine contractions
 * T(x) = M x + b whose fixed point is known from an independent LAPACK
 * solve of (I - M) x = b.
 */
#include <criterion/criterion.h>
#include <lapacke.h>
#include <string.h>

#include "accel.h"
#include "error.h"
#include "linalg.h"

/* Most tests exercise the formulas from the first difference on; the solver
 * itself waits for a full memory (tested in fills_memory_first). */
static AaWork *aa_init_eager(scs_int dim, scs_int mem, scs_int type1,
                             scs_float reg, scs_float beta, scs_float sg,
                             scs_float cap) {
  AaWork *aa = scs_aa_init(dim, mem, type1, reg, beta, sg, cap);
  scs_aa_set_min_columns(aa, 1);
  return aa;
}

#define N 50
#if SCS_SFLOAT
#define TOL 1e-4 /* ||g|| target reachable in single precision */
#define XTOL 5e-2
#else
#define TOL 1e-10
#define XTOL 1e-7
#endif
#define MAX_EVALS 20000

/* ---- test problem ------------------------------------------------------ */

typedef struct {
  double M[N * N]; /* row-major */
  double b[N];
  double xstar[N]; /* fixed point, from (I - M) x = b */
} Affine;

/* Deterministic pseudo-random numbers in [-1, 1] (LCG). */
static double rnd(unsigned *state) {
  *state = *state * 1103515245u + 12345u;
  return ((*state >> 8) & 0xFFFF) / 32767.5 - 1.0;
}

/* Q = H1 H2, product of two Householder reflections (orthogonal). */
static void make_orthogonal(double *Q, unsigned *st) {
  double v[2][N], nv[2] = {0, 0};
  for (int r = 0; r < 2; ++r)
    for (int i = 0; i < N; ++i) {
      v[r][i] = rnd(st);
      nv[r] += v[r][i] * v[r][i];
    }
  double H1[N * N], H2[N * N];
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      H1[i * N + j] = (i == j) - 2 * v[0][i] * v[0][j] / nv[0];
      H2[i * N + j] = (i == j) - 2 * v[1][i] * v[1][j] / nv[1];
    }
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < N; ++k) s += H1[i * N + k] * H2[k * N + j];
      Q[i * N + j] = s;
    }
}

/* M = Q B Q' with B block diagonal; fill b and the reference fixed point. */
static void finish_affine(Affine *p, const double *B, unsigned *st) {
  double Q[N * N], QB[N * N];
  make_orthogonal(Q, st);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < N; ++k) s += Q[i * N + k] * B[k * N + j];
      QB[i * N + j] = s;
    }
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double s = 0;
      for (int k = 0; k < N; ++k) s += QB[i * N + k] * Q[j * N + k];
      p->M[i * N + j] = s;
    }
  for (int i = 0; i < N; ++i) p->b[i] = rnd(st);
  /* independent reference: (I - M) x = b by LU */
  double IM[N * N];
  lapack_int piv[N];
  for (int i = 0; i < N * N; ++i) IM[i] = -p->M[i];
  for (int i = 0; i < N; ++i) IM[i * N + i] += 1;
  memcpy(p->xstar, p->b, sizeof(p->b));
  lapack_int info =
      LAPACKE_dgesv(LAPACK_ROW_MAJOR, N, 1, IM, N, piv, p->xstar, 1);
  cr_assert_eq(info, 0, "reference solve failed");
}

/* Symmetric M, eigenvalues spread over [-0.5, 0.99]: spectral radius 0.99. */
static void make_symmetric(Affine *p, unsigned seed) {
  double B[N * N] = {0};
  for (int i = 0; i < N; ++i) B[i * N + i] = 0.99 - 1.49 * i / (N - 1);
  finish_affine(p, B, &seed);
}

/* Normal nonsymmetric M: 2x2 rotation blocks r (cos t, -sin t; sin t, cos t)
 * with moduli r <= 0.99 (the first is 0.99): spectral radius 0.99; angles t
 * in [0.05, 0.05 + tmax). */
static void make_rotational(Affine *p, unsigned seed, double tmax) {
  double B[N * N] = {0};
  for (int k = 0; k < N / 2; ++k) {
    double r = 0.99 - 0.6 * k / (N / 2), t = 0.05 + tmax * k / (N / 2);
    int i = 2 * k;
    B[i * N + i] = r * cos(t);
    B[i * N + i + 1] = -r * sin(t);
    B[(i + 1) * N + i] = r * sin(t);
    B[(i + 1) * N + i + 1] = r * cos(t);
  }
  finish_affine(p, B, &seed);
}

/* out = T(in) = M in + b */
static void apply_T(const Affine *p, const scs_float *in, scs_float *out) {
  for (int i = 0; i < N; ++i) {
    double s = p->b[i];
    for (int j = 0; j < N; ++j) s += p->M[i * N + j] * (double)in[j];
    out[i] = (scs_float)s;
  }
}

static scs_float res_norm_n(const scs_float *x, const scs_float *f, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += ((double)x[i] - f[i]) * (x[i] - f[i]);
  return (scs_float)sqrt(s);
}

static scs_float res_norm(const scs_float *x, const scs_float *f) {
  return res_norm_n(x, f, N);
}

static double err_inf(const scs_float *x, const double *xs) {
  double e = 0;
  for (int i = 0; i < N; ++i) e = fmax(e, fabs((double)x[i] - xs[i]));
  return e;
}

/* ---- drivers ----------------------------------------------------------- */

/* Plain iteration x <- T(x) from 0; number of T evaluations to reach TOL. */
static int run_plain(const Affine *p, scs_float *x) {
  scs_float f[N];
  memset(x, 0, N * sizeof(scs_float));
  apply_T(p, x, f);
  int evals = 1;
  while (res_norm(x, f) >= TOL && evals < MAX_EVALS) {
    memcpy(x, f, sizeof(f));
    apply_T(p, x, f);
    evals++;
  }
  return evals;
}

typedef struct {
  int evals;   /* T evaluations */
  int zeros;   /* apply calls that returned 0 */
  int accel;   /* apply calls that returned > 0 */
  int refused; /* apply calls that returned < 0 */
} RunInfo;

/*
 * Accelerated iteration as the solver loop uses it (see accel.h): apply at
 * every step; T at the accelerated point; safeguard. On exit x holds the
 * last iterate with ||x - T(x)|| < TOL.
 */
static RunInfo run_aa(const Affine *p, AaWork *aa, scs_float *x) {
  RunInfo ri = {0, 0, 0, 0};
  scs_float f[N];
  memset(x, 0, N * sizeof(scs_float));
  apply_T(p, x, f);
  ri.evals = 1;
  while (res_norm(x, f) >= TOL && ri.evals < MAX_EVALS) {
    scs_float nrm = scs_aa_apply(aa, f, x);
    ri.zeros += nrm == 0;
    ri.accel += nrm > 0;
    ri.refused += nrm < 0;
    memcpy(x, f, sizeof(f)); /* accelerated (or plain) next iterate */
    apply_T(p, x, f);
    ri.evals++;
    if (nrm > 0 && scs_aa_safeguard(aa, f, x) < 0) {
      memcpy(x, f, sizeof(f)); /* continue from the unaccelerated f */
      apply_T(p, x, f);
      ri.evals++;
    }
  }
  return ri;
}

static void check_counters(const AaWork *aa, RunInfo ri) {
  const AaStats *st = scs_aa_stats(aa);
  scs_int rej = st->n_reject_lapack + st->n_reject_rank0 +
                st->n_reject_nonfinite + st->n_reject_weight_cap;
  cr_assert_eq(st->iter, ri.zeros + ri.accel + ri.refused);
  cr_assert_eq(st->n_accept, ri.accel);
  cr_assert_eq(rej, ri.refused);
  cr_assert_eq(st->n_accept + rej, st->iter - ri.zeros,
               "accept %d + reject %d != attempts %d", (int)st->n_accept,
               (int)rej, (int)(st->iter - ri.zeros));
  cr_assert_leq(st->n_safeguard_reject, st->n_accept);
}

/*
 * Run AA with the given options; assert that it reaches the fixed point with
 * at most plain / speedup T evaluations (speedup < 1: at most plain / speedup,
 * i.e. a bounded slowdown).
 */
static void check_run(const Affine *p, scs_int mem, scs_int type1,
                      scs_float reg, scs_float beta, scs_float sg,
                      double speedup) {
  scs_float x[N];
  int plain = run_plain(p, x);
  cr_assert_lt(err_inf(x, p->xstar), XTOL);
  AaWork *aa = aa_init_eager(N, mem, type1, reg, beta, sg, 1e10);
  cr_assert_not_null(aa, "%s", scs_last_error());
  RunInfo ri = run_aa(p, aa, x);
  cr_log_info("type%s mem %d beta %.2f safeguard %g: plain %d evals, AA %d "
              "evals (accepted %d, safeguard rejects %d)\n",
              type1 ? "-I" : "-II", (int)mem, (double)beta, (double)sg, plain,
              ri.evals, (int)scs_aa_stats(aa)->n_accept,
              (int)scs_aa_stats(aa)->n_safeguard_reject);
  cr_assert_lt(ri.evals, MAX_EVALS, "AA did not converge");
  cr_assert_leq(speedup * ri.evals, plain, "AA %d evals vs plain %d",
                ri.evals, plain);
  cr_assert_lt(err_inf(x, p->xstar), XTOL, "error %g",
               err_inf(x, p->xstar));
  cr_assert(scs_aa_stats(aa)->n_accept > 0);
  check_counters(aa, ri);
  scs_aa_finish(aa);
}

static void check_speedup(const Affine *p, scs_int mem, scs_int type1,
                          scs_float reg, scs_float beta) {
  check_run(p, mem, type1, reg, beta, 1.0, 5.0);
}

/* ---- convergence ------------------------------------------------------- */

Test(accel, plain_iteration_is_slow) {
  Affine p;
  make_symmetric(&p, 7);
  scs_float x[N];
  int plain = run_plain(&p, x);
  cr_log_info("plain iteration: %d evals\n", plain);
  cr_assert_gt(plain, 500); /* rate 0.99: the baseline really is slow */
  cr_assert_lt(err_inf(x, p.xstar), XTOL);
}

Test(accel, type1_symmetric) {
  Affine p;
  make_symmetric(&p, 7);
  check_speedup(&p, 10, 1, 1e-8, 1.0);
}

Test(accel, type2_symmetric) {
  Affine p;
  make_symmetric(&p, 7);
  check_speedup(&p, 10, 0, 1e-8, 1.0);
}

Test(accel, type2_rotational) {
  Affine p;
  make_rotational(&p, 11, 0.3);
  check_speedup(&p, 10, 0, 1e-8, 1.0);
}

/* Type-I without the safeguard (factor 1e30) on the nonsymmetric map. */
Test(accel, type1_rotational_unsafeguarded) {
  Affine p;
  make_rotational(&p, 11, 0.3);
  check_run(&p, 10, 1, 1e-8, 1.0, 1e30, 5.0);
}

/*
 * With the monotone safeguard (factor 1), type-I steps on a rotation-like
 * map are often rejected: the oblique projection g - Y gamma (S'(g - Y
 * gamma) = 0) can be longer than g. The safeguard must then keep the
 * iteration convergent at a bounded cost: each rejection costs one wasted
 * T evaluation per two plain steps, so at most 1.5x plain (+ slack).
 */
Test(accel, type1_safeguard_keeps_convergence) {
  Affine p;
  make_rotational(&p, 11, 1.5);
  check_run(&p, 10, 1, 1e-8, 1.0, 1.0, 1.0 / 1.6);
}

Test(accel, unregularized_and_small_memory) {
  Affine p;
  make_symmetric(&p, 3);
  check_speedup(&p, 5, 1, 0.0, 1.0);
  check_speedup(&p, 5, 0, 0.0, 1.0);
}

Test(accel, relaxation_below_one_converges) {
  Affine p;
  make_symmetric(&p, 5);
  check_speedup(&p, 10, 1, 1e-8, 0.5);
  check_speedup(&p, 10, 0, 1e-8, 0.5);
  make_rotational(&p, 5, 0.3);
  check_speedup(&p, 10, 0, 1e-8, 0.7);
}

/* ---- exact formula on a tiny example ------------------------------------ */

/* One difference column: the weight is a scalar we can compute by hand. */
static void tiny_case(scs_int type1, scs_float beta) {
  AaWork *aa = aa_init_eager(2, 3, type1, 0.0, beta, 1.0, 1e10);
  cr_assert_not_null(aa);
  scs_float x0[2] = {1, 2}, f0[2] = {0.5, 1.0};  /* g0 = (0.5, 1) */
  scs_float x1[2] = {0.5, 1.0}, f1[2] = {0.3, 0.2}; /* g1 = (0.2, 0.8) */
  cr_assert_eq(scs_aa_apply(aa, f0, x0), 0); /* first pair: no memory */
  cr_assert_eq(f0[0], 0.5);
  scs_float s[2] = {-0.5, -1.0}, y[2] = {-0.3, -0.2}, g[2] = {0.2, 0.8};
  scs_float num = type1 ? s[0] * g[0] + s[1] * g[1] : y[0] * g[0] + y[1] * g[1];
  scs_float den = type1 ? s[0] * y[0] + s[1] * y[1] : y[0] * y[0] + y[1] * y[1];
  scs_float gam = num / den;
  scs_float nrm = scs_aa_apply(aa, f1, x1);
  cr_assert_float_eq(nrm, fabs(gam), 1e-6);
  for (int i = 0; i < 2; ++i) {
    /* x_aa = x - s gamma - beta (g - y gamma) */
    scs_float want = x1[i] - s[i] * gam - beta * (g[i] - y[i] * gam);
    cr_assert_float_eq(f1[i], want, 1e-6, "i=%d: %g vs %g", i, (double)f1[i],
                       (double)want);
  }
  cr_assert_eq(scs_aa_stats(aa)->last_rank, 1);
  cr_assert_eq(scs_aa_stats(aa)->last_regularization, 0);
  scs_aa_finish(aa);
}

Test(accel, one_column_formula) {
  tiny_case(1, 1.0);
  tiny_case(0, 1.0);
  tiny_case(1, 0.3);
  tiny_case(0, 1.7);
}

Test(accel, regularization_recorded_relative) {
  /* type-II: r = reg ||Y||_F^2 ; type-I: r = reg ||S||_F ||Y||_F */
  for (int t = 0; t < 2; ++t) {
    AaWork *aa = aa_init_eager(2, 3, t, 0.5, 1.0, 1.0, 1e10);
    scs_float x0[2] = {1, 2}, f0[2] = {0.5, 1.0};
    scs_float x1[2] = {0.5, 1.0}, f1[2] = {0.3, 0.2};
    scs_aa_apply(aa, f0, x0);
    cr_assert_gt(scs_aa_apply(aa, f1, x1), 0);
    double yn2 = 0.09 + 0.04, sn2 = 0.25 + 1.0;
    double want = t ? 0.5 * sqrt(sn2 * yn2) : 0.5 * yn2;
    cr_assert_float_eq(scs_aa_stats(aa)->last_regularization, want, 1e-6);
    scs_aa_finish(aa);
  }
}

/* ---- safeguard ---------------------------------------------------------- */

/* Feed k pairs of the symmetric problem along the plain iteration. */
static void feed(AaWork *aa, const Affine *p, scs_float *x, int k) {
  scs_float f[N];
  for (int i = 0; i < k; ++i) {
    apply_T(p, x, f);
    scs_float f_copy[N];
    memcpy(f_copy, f, sizeof(f));
    scs_aa_apply(aa, f, x);
    memcpy(x, f_copy, sizeof(f)); /* continue along the plain iteration */
  }
}

Test(accel, safeguard_rejects_bad_point_and_restores_f) {
  Affine p;
  make_symmetric(&p, 9);
  AaWork *aa = aa_init_eager(N, 5, 1, 1e-8, 1.0, 1.0, 1e10);
  scs_float x[N] = {0}, f[N], f_orig[N], bad[N];
  feed(aa, &p, x, 4);
  apply_T(&p, x, f);
  memcpy(f_orig, f, sizeof(f));
  scs_float nrm = scs_aa_apply(aa, f, x);
  cr_assert_gt(nrm, 0);
  cr_assert(memcmp(f, f_orig, sizeof(f)) != 0, "f was not accelerated");
  /* a deliberately bad "T(x_acc)": residual far above ||f - x|| */
  for (int i = 0; i < N; ++i) bad[i] = f[i] + 1e3;
  cr_assert_eq(scs_aa_safeguard(aa, bad, f), -1);
  cr_assert(memcmp(bad, f_orig, sizeof(f)) == 0, "f not restored exactly");
  cr_assert_eq(scs_aa_stats(aa)->n_safeguard_reject, 1);
  /* the memory was reset: the next apply only stores its pair */
  scs_float x2[N], f2[N];
  memcpy(x2, f_orig, sizeof(x2));
  apply_T(&p, x2, f2);
  cr_assert_eq(scs_aa_apply(aa, f2, x2), 0);
  /* a second safeguard call without a pending point is a no-op accept */
  cr_assert_eq(scs_aa_safeguard(aa, bad, f), 0);
  cr_assert_eq(scs_aa_stats(aa)->n_safeguard_reject, 1);
  scs_aa_finish(aa);
}

Test(accel, safeguard_accepts_good_point) {
  Affine p;
  make_symmetric(&p, 9);
  AaWork *aa = aa_init_eager(N, 5, 0, 1e-8, 1.0, 1.0, 1e10);
  scs_float x[N] = {0}, f[N], f2[N], keep[N];
  feed(aa, &p, x, 4);
  apply_T(&p, x, f);
  cr_assert_gt(scs_aa_apply(aa, f, x), 0);
  memcpy(f2, f, sizeof(f)); /* T(x_acc) = x_acc: a perfect point */
  memcpy(keep, f2, sizeof(f2));
  cr_assert_eq(scs_aa_safeguard(aa, f2, f), 0);
  cr_assert(memcmp(f2, keep, sizeof(f2)) == 0);
  cr_assert_eq(scs_aa_stats(aa)->n_safeguard_reject, 0);
  scs_aa_finish(aa);
}

/* ---- reset --------------------------------------------------------------- */

Test(accel, reset_clears_memory_not_stats) {
  Affine p;
  make_symmetric(&p, 13);
  AaWork *aa = aa_init_eager(N, 5, 1, 1e-8, 1.0, 1.0, 1e10);
  AaWork *fresh = aa_init_eager(N, 5, 1, 1e-8, 1.0, 1.0, 1e10);
  scs_float x[N] = {0};
  feed(aa, &p, x, 8);
  AaStats before = *scs_aa_stats(aa);
  cr_assert_eq(before.iter, 8);
  cr_assert_gt(before.n_accept, 0);
  scs_aa_reset(aa);
  AaStats after = *scs_aa_stats(aa);
  cr_assert(memcmp(&before, &after, sizeof(before)) == 0, "stats changed");
  /* after reset it behaves exactly like a fresh instance */
  scs_float xa[N], fa[N], xb[N], fb[N];
  for (int k = 0; k < 4; ++k) {
    memcpy(xa, x, sizeof(x));
    memcpy(xb, x, sizeof(x));
    apply_T(&p, xa, fa);
    apply_T(&p, xb, fb);
    scs_float ra = scs_aa_apply(aa, fa, xa), rb = scs_aa_apply(fresh, fb, xb);
    cr_assert_eq(ra, rb);
    if (k == 0) cr_assert_eq(ra, 0, "memory survived the reset");
    cr_assert(memcmp(fa, fb, sizeof(fa)) == 0);
    apply_T(&p, x, fa);
    memcpy(x, fa, sizeof(x));
  }
  cr_assert_eq(scs_aa_stats(aa)->iter, 12);
  scs_aa_finish(aa);
  scs_aa_finish(fresh);
}

/* ---- refusals ------------------------------------------------------------ */

Test(accel, nan_input_refused) {
  Affine p;
  make_symmetric(&p, 17);
  AaWork *aa = aa_init_eager(N, 5, 1, 1e-8, 1.0, 1.0, 1e10);
  scs_float x[N] = {0}, f[N], f_orig[N];
  feed(aa, &p, x, 4);
  apply_T(&p, x, f);
  memcpy(f_orig, f, sizeof(f));
  x[3] = NAN;
  scs_float r = scs_aa_apply(aa, f, x);
  cr_assert_lt(r, 0);
  cr_assert(memcmp(f, f_orig, sizeof(f)) == 0, "f touched");
  cr_assert_eq(scs_aa_stats(aa)->n_reject_nonfinite, 1);
  /* Inf in f: refused too, and f left as given */
  x[3] = 0;
  f[7] = INFINITY;
  cr_assert_lt(scs_aa_apply(aa, f, x), 0);
  cr_assert(isinf(f[7]));
  cr_assert_eq(scs_aa_stats(aa)->n_reject_nonfinite, 2);
  /* the bad pairs were not stored: clean pairs give finite points */
  for (int k = 0; k < 6; ++k) {
    apply_T(&p, x, f);
    scs_float next[N];
    memcpy(next, f, sizeof(f));
    scs_float rr = scs_aa_apply(aa, f, x);
    cr_assert_geq(rr, 0);
    cr_assert(scs_vec_all_finite(f, N), "NaN produced");
    memcpy(x, next, sizeof(x));
  }
  cr_assert(isfinite(scs_aa_stats(aa)->last_aa_norm));
  scs_aa_finish(aa);
}

Test(accel, rank_zero_refused) {
  AaWork *aa = aa_init_eager(3, 4, 0, 1e-8, 1.0, 1.0, 1e10);
  scs_float x[3] = {1, 2, 3}, f[3] = {0, 0, 1}, fc[3];
  cr_assert_eq(scs_aa_apply(aa, f, x), 0);
  memcpy(f, (scs_float[3]){0, 0, 1}, sizeof(f));
  memcpy(fc, f, sizeof(f));
  /* the same pair again: S = Y = 0 */
  cr_assert_lt(scs_aa_apply(aa, f, x), 0);
  cr_assert(memcmp(f, fc, sizeof(f)) == 0);
  cr_assert_eq(scs_aa_stats(aa)->n_reject_rank0, 1);
  cr_assert_eq(scs_aa_stats(aa)->last_rank, 0);
  scs_aa_finish(aa);
}

Test(accel, weight_cap_refused) {
  Affine p;
  make_symmetric(&p, 19);
  AaWork *aa = aa_init_eager(N, 5, 1, 1e-8, 1.0, 1.0, 1e-12);
  scs_float x[N] = {0};
  feed(aa, &p, x, 6);
  const AaStats *st = scs_aa_stats(aa);
  cr_assert_eq(st->n_accept, 0);
  cr_assert_eq(st->n_reject_weight_cap, 5); /* every attempt after the 1st */
  cr_assert_gt(st->last_aa_norm, 1e-12);
  scs_aa_finish(aa);
}

Test(accel, initial_stats) {
  AaWork *aa = aa_init_eager(4, 2, 1, 0, 1, 1, 1);
  const AaStats *st = scs_aa_stats(aa);
  cr_assert(isnan(st->last_aa_norm));
  cr_assert_eq(st->iter, 0);
  cr_assert_eq(st->n_accept, 0);
  cr_assert_eq(scs_aa_safeguard(aa, (scs_float[4]){0}, (scs_float[4]){0}), 0);
  scs_aa_finish(aa);
  scs_aa_finish(NULL);
}

Test(accel, memory_larger_than_dim) {
  /* dim 3, mem 10: works (memory capped internally), converges */
  AaWork *aa = aa_init_eager(3, 10, 0, 1e-10, 1.0, 1.0, 1e10);
  cr_assert_not_null(aa);
  scs_float x[3] = {0, 0, 0}, f[3];
  int k = 0;
  for (; k < 30; ++k) {
    /* T(x) = 0.9 R x + (1, 2, 3), R a rotation about the z axis */
    f[0] = 0.9 * (0.6 * x[0] - 0.8 * x[1]) + 1;
    f[1] = 0.9 * (0.8 * x[0] + 0.6 * x[1]) + 2;
    f[2] = 0.9 * x[2] + 3;
    if (res_norm_n(x, f, 3) < TOL) break;
    scs_aa_apply(aa, f, x);
    memcpy(x, f, sizeof(x));
  }
  cr_assert_lt(k, 30, "no convergence in 30 steps");
  cr_assert_float_eq(x[2], 30.0, 1e3 * TOL);
  scs_aa_finish(aa);
}

/* ---- init arguments ------------------------------------------------------ */

static void expect_bad(scs_int dim, scs_int mem, scs_float reg,
                       scs_float beta, scs_float sg, scs_float cap,
                       const char *word) {
  scs_clear_error();
  AaWork *aa = aa_init_eager(dim, mem, 1, reg, beta, sg, cap);
  cr_assert_null(aa);
  cr_assert(strstr(scs_last_error(), word) != NULL, "message '%s' lacks '%s'",
            scs_last_error(), word);
}

Test(accel, bad_init_arguments) {
  expect_bad(0, 5, 1e-8, 1, 1, 1e10, "dim");
  expect_bad(-3, 5, 1e-8, 1, 1, 1e10, "dim");
  expect_bad(10, 0, 1e-8, 1, 1, 1e10, "mem");
  expect_bad(10, -1, 1e-8, 1, 1, 1e10, "mem");
  expect_bad(10, 5, -1e-8, 1, 1, 1e10, "regularization");
  expect_bad(10, 5, NAN, 1, 1, 1e10, "regularization");
  expect_bad(10, 5, INFINITY, 1, 1, 1e10, "regularization");
  expect_bad(10, 5, 1e-8, -0.1, 1, 1e10, "relaxation");
  expect_bad(10, 5, 1e-8, 2.5, 1, 1e10, "relaxation");
  expect_bad(10, 5, 1e-8, NAN, 1, 1e10, "relaxation");
  expect_bad(10, 5, 1e-8, 1, 0, 1e10, "safeguard");
  expect_bad(10, 5, 1e-8, 1, NAN, 1e10, "safeguard");
  expect_bad(10, 5, 1e-8, 1, 1, 0, "max_weight_norm");
  expect_bad(10, 5, 1e-8, 1, 1, NAN, "max_weight_norm");
  /* boundaries are accepted */
  scs_clear_error();
  AaWork *a = aa_init_eager(1, 1, 0, 0, 0, 1, INFINITY);
  AaWork *b = aa_init_eager(1, 1, 1, 0, 2, 1, 1);
  cr_assert_not_null(a);
  cr_assert_not_null(b);
  cr_assert_str_empty(scs_last_error());
  scs_aa_finish(a);
  scs_aa_finish(b);
}

/* By default nothing is extrapolated until mem differences are stored. */
Test(accel, fills_memory_first) {
  enum { DIM = 6, MEM = 4 };
  AaWork *aa = scs_aa_init(DIM, MEM, 1, 1e-8, 1.0, 1.0, 1e10);
  cr_assert_not_null(aa);
  scs_float x[DIM], f[DIM];
  for (int it = 0; it <= MEM; ++it) {
    for (int i = 0; i < DIM; ++i) {
      x[i] = (scs_float)(1.0 / (1 + it + i));
      f[i] = (scs_float)(0.5 * x[i] + 0.1 * i);
    }
    scs_float r = scs_aa_apply(aa, f, x);
    if (it < MEM) cr_assert_eq(r, 0, "extrapolated with %d differences", it);
    else cr_assert(r > 0, "no extrapolation with a full memory");
  }
  scs_aa_finish(aa);
}
