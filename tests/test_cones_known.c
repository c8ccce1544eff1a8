/*
 * Known-answer problems for the PSD, complex PSD, exponential and power
 * cones, one at a time and all at once, plus infeasible and unbounded
 * versions with their certificates checked against the data.
 */
#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#include "checks.h"
#include "problems.h"

#define SQRT2 1.4142135623730951
static const double TOL = sizeof(scs_float) == 4 ? 2e-3 : 1e-5;

/*
 * A problem assembled from sub-problems: each adds variables and rows of a
 * given cone family; rows are laid out in SCS order (z, l, s, cs, ep, ed, p)
 * when the problem is built.
 */
enum { Z, L, S, CS, EP, ED, PW, NFAM };
#define MAXV 32
#define MAXR 128

typedef struct {
  int nv;                 /* variables */
  int nrows[NFAM];        /* rows per family */
  double a[NFAM][MAXR][MAXV];
  double b[NFAM][MAXR];
  double c[MAXV];
  scs_int s[8], cs[8];
  int ns, ncs;
  scs_float p[8];
  int np;
  double optimum;
} Builder;

/* add a row s = b - a'x to family f; returns the row's index in f */
static int row(Builder *B, int f, double b) {
  B->b[f][B->nrows[f]] = b;
  return B->nrows[f]++;
}

static TestProblem *build(Builder *B, const char *name, scs_int expected) {
  int m = 0;
  for (int f = 0; f < NFAM; ++f) m += B->nrows[f];
  double *A = calloc((size_t)(m * B->nv), sizeof(double));
  double *b = calloc((size_t)m, sizeof(double));
  int r = 0;
  for (int f = 0; f < NFAM; ++f)
    for (int i = 0; i < B->nrows[f]; ++i, ++r) {
      b[r] = B->b[f][i];
      for (int j = 0; j < B->nv; ++j) A[r * B->nv + j] = B->a[f][i][j];
    }
  ScsCone k = {0};
  k.z = B->nrows[Z];
  k.l = B->nrows[L];
  k.ep = B->nrows[EP] / 3;
  k.ed = B->nrows[ED] / 3;
  TestProblem *tp = tp_from_dense(name, m, B->nv, A, NULL, b, B->c, &k,
                                  B->optimum, expected);
  /* the cone arrays live in the builder; copy them for the problem */
  tp->k.ssize = B->ns;
  tp->k.s = B->ns ? malloc((size_t)B->ns * sizeof(scs_int)) : NULL;
  if (B->ns) memcpy(tp->k.s, B->s, (size_t)B->ns * sizeof(scs_int));
  tp->k.cssize = B->ncs;
  tp->k.cs = B->ncs ? malloc((size_t)B->ncs * sizeof(scs_int)) : NULL;
  if (B->ncs) memcpy(tp->k.cs, B->cs, (size_t)B->ncs * sizeof(scs_int));
  tp->k.psize = B->np;
  tp->k.p = B->np ? malloc((size_t)B->np * sizeof(scs_float)) : NULL;
  if (B->np) memcpy(tp->k.p, B->p, (size_t)B->np * sizeof(scs_float));
  free(A);
  free(b);
  return tp;
}

static void free_problem(TestProblem *tp) {
  free(tp->k.s);
  free(tp->k.cs);
  free(tp->k.p);
  tp->k.s = tp->k.cs = NULL;
  tp->k.p = NULL;
  tp_free(tp);
}

/* min -t  s.t.  C - t I PSD, C = [2 1 0; 1 2 1; 0 1 2]: t = lambda_min(C)
 * = 2 - sqrt(2). Rows: the lower triangle of C - tI, column-wise, with the
 * off-diagonal entries times sqrt(2). */
static void add_min_eigenvalue(Builder *B) {
  int t = B->nv++;
  B->c[t] = -1;
  double C[3][3] = {{2, 1, 0}, {1, 2, 1}, {0, 1, 2}};
  for (int j = 0; j < 3; ++j)
    for (int i = j; i < 3; ++i) {
      int r = row(B, S, (i == j ? 1 : SQRT2) * C[i][j]);
      if (i == j) B->a[S][r][t] = 1; /* s = C - tI: -(-t) */
    }
  B->s[B->ns++] = 3;
  B->optimum += -(2 - SQRT2);
}

/* min -t  s.t.  H - t I PSD (Hermitian), H = [2 i; -i 2]: eigenvalues 1, 3,
 * so t = 1. Rows: H11, sqrt2 Re H21, sqrt2 Im H21, H22. */
static void add_complex_min_eigenvalue(Builder *B) {
  int t = B->nv++;
  B->c[t] = -1;
  int r = row(B, CS, 2);
  B->a[CS][r][t] = 1;
  row(B, CS, 0);
  row(B, CS, -SQRT2); /* H21 = -i */
  r = row(B, CS, 2);
  B->a[CS][r][t] = 1;
  B->cs[B->ncs++] = 2;
  B->optimum += -1;
}

/* max entropy: min -(t1 + t2 + t3) s.t. x1 + x2 + x3 = 1, (t_i, x_i, 1) in
 * K_exp (x e^{t/x} <= 1, i.e. t <= -x log x): x = 1/3, optimum -log 3. */
static void add_entropy(Builder *B) {
  int x = B->nv, t = B->nv + 3;
  B->nv += 6;
  int r = row(B, Z, 1);
  for (int i = 0; i < 3; ++i) B->a[Z][r][x + i] = 1;
  for (int i = 0; i < 3; ++i) {
    B->c[t + i] = -1;
    B->a[EP][row(B, EP, 0)][t + i] = -1;
    B->a[EP][row(B, EP, 0)][x + i] = -1;
    row(B, EP, 1);
  }
  B->optimum += -log(3.0);
}

/* min w s.t. u = -1, v = 0, (u, v, w) in K_exp*: -u e^{v/u} <= e w gives
 * w >= 1/e. */
static void add_dual_exp(Builder *B) {
  int u = B->nv, v = u + 1, w = u + 2;
  B->nv += 3;
  B->c[w] = 1;
  B->a[Z][row(B, Z, -1)][u] = 1;
  B->a[Z][row(B, Z, 0)][v] = 1;
  for (int i = 0; i < 3; ++i) B->a[ED][row(B, ED, 0)][u + i] = -1;
  B->optimum += exp(-1.0);
}

/* weighted geometric mean: min -z s.t. x + y = 1, (x, y, z) in K_p:
 * x^p y^(1-p) >= |z|, optimum at x = p: -(p^p (1-p)^(1-p)). With p < 0 the
 * dual cone (u/|p|)^|p| (v/(1-|p|))^(1-|p|) >= |w| gives z = 1 at
 * u = |p|, v = 1 - |p|. */
static void add_power(Builder *B, double p) {
  int x = B->nv;
  B->nv += 3;
  B->c[x + 2] = -1;
  int r = row(B, Z, 1);
  B->a[Z][r][x] = B->a[Z][r][x + 1] = 1;
  for (int i = 0; i < 3; ++i) B->a[PW][row(B, PW, 0)][x + i] = -1;
  B->p[B->np++] = (scs_float)p;
  B->optimum += p > 0 ? -pow(p, p) * pow(1 - p, 1 - p) : -1.0;
}

static void solve_and_check(TestProblem *tp, double tol) {
  ScsSettings s;
  tp_settings(&s);
  s.eps_abs = s.eps_rel = sizeof(scs_float) == 4 ? 1e-5 : 1e-8;
  ScsSolution sol = {0};
  ScsInfo info;
  scs_int flag = scs(&tp->d, &tp->k, &s, &sol, &info);
  cr_assert_eq(flag, SCS_SOLVED, "%s: %s (%s)", tp->name, info.status,
               scs_last_error());
  cr_assert(tp_rel_err(info.pobj, tp->optimum) < tol,
            "%s: pobj %.10g, expected %.10g", tp->name, info.pobj, tp->optimum);
  cr_assert(tp_rel_err(info.dobj, tp->optimum) < tol,
            "%s: dobj %.10g, expected %.10g", tp->name, info.dobj, tp->optimum);
  free_sol(&sol);
  free_problem(tp);
}

/* Solve at default settings and require the status `flag`. */
static void solve_expecting(TestProblem *tp, scs_int flag, ScsSolution *sol) {
  ScsSettings s;
  tp_settings(&s);
  ScsInfo info;
  cr_assert_eq(scs(&tp->d, &tp->k, &s, sol, &info), flag, "%s: %s", tp->name,
               info.status);
}

Test(cones_known, sdp_min_eigenvalue) {
  Builder *B = calloc(1, sizeof(*B));
  add_min_eigenvalue(B);
  solve_and_check(build(B, "sdp_min_eigenvalue", SCS_SOLVED), TOL);
  free(B);
}

Test(cones_known, complex_sdp_min_eigenvalue) {
  Builder *B = calloc(1, sizeof(*B));
  add_complex_min_eigenvalue(B);
  solve_and_check(build(B, "complex_sdp", SCS_SOLVED), TOL);
  free(B);
}

Test(cones_known, entropy) {
  Builder *B = calloc(1, sizeof(*B));
  add_entropy(B);
  solve_and_check(build(B, "entropy", SCS_SOLVED), TOL);
  free(B);
}

Test(cones_known, dual_exponential) {
  Builder *B = calloc(1, sizeof(*B));
  add_dual_exp(B);
  solve_and_check(build(B, "dual_exp", SCS_SOLVED), TOL);
  free(B);
}

Test(cones_known, geometric_means) {
  double ps[] = {0.5, 0.3, 0.9, -0.5, -0.2};
  for (int i = 0; i < 5; ++i) {
    Builder *B = calloc(1, sizeof(*B));
    add_power(B, ps[i]);
    solve_and_check(build(B, "power", SCS_SOLVED), TOL);
    free(B);
  }
}

/* Every cone at once: the optimum is the sum of the parts. */
Test(cones_known, all_cones_at_once) {
  Builder *B = calloc(1, sizeof(*B));
  add_min_eigenvalue(B);
  add_complex_min_eigenvalue(B);
  add_entropy(B);
  add_dual_exp(B);
  add_power(B, 0.3);
  add_power(B, -0.5);
  /* and a nonnegative row that is not active: t_eig <= 10 */
  B->a[L][row(B, L, 10)][0] = 1;
  solve_and_check(build(B, "mixed", SCS_SOLVED), 10 * TOL);
  free(B);
}

/* [[-t, 0], [0, 1]] PSD and t >= 1: infeasible. The certificate y has
 * b'y = -1, A'y = 0 and y in K* (the PSD part a PSD matrix). */
Test(cones_known, sdp_infeasible) {
  Builder *B = calloc(1, sizeof(*B));
  int t = B->nv++;
  B->c[t] = 1;
  B->a[L][row(B, L, -1)][t] = -1; /* s = -1 + t >= 0 */
  B->a[S][row(B, S, 0)][t] = 1;   /* s = -t */
  row(B, S, 0);
  row(B, S, 1);
  B->s[B->ns++] = 2;
  TestProblem *tp = build(B, "sdp_infeasible", SCS_INFEASIBLE);
  ScsSolution sol = {0};
  solve_expecting(tp, SCS_INFEASIBLE, &sol);
  cr_assert(fabs(chk_dot(tp->d.b, sol.y, tp->d.m) + 1) < 1e-4);
  cr_assert(chk_infeasibility_aty(&tp->d, sol.y) < 1e-4);
  /* y's PSD block [y11, y21/sqrt2; y21/sqrt2, y22] is PSD */
  double y11 = sol.y[1], y21 = sol.y[2] / SQRT2, y22 = sol.y[3];
  cr_assert(y11 >= -1e-6 && y22 >= -1e-6 && y11 * y22 - y21 * y21 >= -1e-6);
  cr_assert(sol.y[0] >= -1e-6);
  free_sol(&sol);
  free_problem(tp);
  free(B);
}

/* min x s.t. (x, 1, z) in K_exp: x -> -inf (z = 1 keeps e^x <= z). The
 * certificate direction has c'x = -1 and s = -A x in K_exp. */
Test(cones_known, exp_unbounded) {
  Builder *B = calloc(1, sizeof(*B));
  int x = B->nv, z = B->nv + 1;
  B->nv += 2;
  B->c[x] = 1;
  B->a[EP][row(B, EP, 0)][x] = -1;
  row(B, EP, 1);
  B->a[EP][row(B, EP, 0)][z] = -1;
  TestProblem *tp = build(B, "exp_unbounded", SCS_UNBOUNDED);
  ScsSolution sol = {0};
  solve_expecting(tp, SCS_UNBOUNDED, &sol);
  cr_assert(fabs(chk_dot(tp->d.c, sol.x, tp->d.n) + 1) < 1e-4);
  cr_assert(chk_unbounded_axs(&tp->d, sol.x, sol.s) < 1e-4);
  /* s = (sx, sy, sz) in K_exp: here sx < 0, sy >= 0, sz >= 0 */
  cr_assert(sol.s[0] < 0 && sol.s[1] >= -1e-6 && sol.s[2] >= -1e-6);
  free_sol(&sol);
  free_problem(tp);
  free(B);
}

/* sum x = 1, x >= 0 and the geometric mean >= 2 (max is 1/2): infeasible. */
Test(cones_known, power_infeasible) {
  Builder *B = calloc(1, sizeof(*B));
  int x = B->nv;
  B->nv += 3;
  int r = row(B, Z, 1);
  B->a[Z][r][x] = B->a[Z][r][x + 1] = 1;
  B->a[L][row(B, L, -2)][x + 2] = -1; /* z >= 2 */
  for (int i = 0; i < 3; ++i) B->a[PW][row(B, PW, 0)][x + i] = -1;
  B->p[B->np++] = 0.5;
  TestProblem *tp = build(B, "power_infeasible", SCS_INFEASIBLE);
  ScsSolution sol = {0};
  solve_expecting(tp, SCS_INFEASIBLE, &sol);
  cr_assert(fabs(chk_dot(tp->d.b, sol.y, tp->d.m) + 1) < 1e-4);
  cr_assert(chk_infeasibility_aty(&tp->d, sol.y) < 1e-4);
  free_sol(&sol);
  free_problem(tp);
  free(B);
}
