/* Test problems with answers derived by hand or by KKT construction. */
#ifndef SCS_TEST_PROBLEMS_H
#define SCS_TEST_PROBLEMS_H

#include "scs.h"

typedef struct {
  const char *name;
  ScsData d;
  ScsCone k;
  double optimum;   /* known optimal objective (when status is SCS_SOLVED) */
  scs_int expected; /* SCS_SOLVED, SCS_INFEASIBLE or SCS_UNBOUNDED */
  double *x_opt;    /* known primal solution, or NULL */
} TestProblem;

/* Build from dense row-major A (m x n), dense P (n x n, full symmetric,
 * only the upper triangle is stored; NULL for none), b, c, and a cone. */
TestProblem *tp_from_dense(const char *name, scs_int m, scs_int n,
                           const double *A, const double *P, const double *b,
                           const double *c, const ScsCone *k, double optimum,
                           scs_int expected);
void tp_free(TestProblem *tp);

/* Hand-derived problems. */
TestProblem *tp_lp_small(void);        /* min -x1-x2, 2 ineq: -2.8 */
TestProblem *tp_lp_equality(void);     /* simplex: 1 */
TestProblem *tp_lp_degenerate_vertex(void); /* 3 rows active at (1,1): -2 */
TestProblem *tp_lp_optimal_face(void);      /* a whole optimal edge: 1 */
TestProblem *tp_qp_small(void);        /* OSQP-style QP: 1.88 */
TestProblem *tp_qp_box(void);          /* same QP, bounds as a box cone */
TestProblem *tp_socp_ball(void);       /* min c'x, ||x|| <= 1: -3 */
TestProblem *tp_socp_cone(void);       /* min t, x1+x2 = 2, ||x|| <= t */
TestProblem *tp_lp_infeasible(void);
TestProblem *tp_qp_infeasible(void);
TestProblem *tp_socp_infeasible(void);
TestProblem *tp_lp_unbounded(void);
TestProblem *tp_qp_unbounded(void);
TestProblem *tp_socp_unbounded(void);

/* Random feasible problem with a planted primal-dual solution (KKT
 * construction): x*, y* in K*, s* in K with s*'y* = 0; b = Ax* + s*,
 * c = -Px* - A'y*. Cones: z zero rows, l nonnegative, SOCs of size qdim.
 * with_p adds a random PSD P. Optimum (1/2)x*'Px* + c'x*. */
TestProblem *tp_random(unsigned seed, scs_int n, scs_int z, scs_int l,
                       scs_int nsoc, scs_int qdim, int with_p,
                       double density);

/* Default settings, quiet, with the backend tp_backend() names. */
void tp_settings(ScsSettings *s);

/* The backend named by the environment variable SCS_TEST_BACKEND (unset:
 * NULL, the default direct backend). ctest runs the known-answer suites
 * once per backend this way (tests/CMakeLists.txt). */
const ScsLinSysBackend *tp_backend(void);

/* Relative error |a - b| / (1 + |b|). */
double tp_rel_err(double a, double b);

#endif
