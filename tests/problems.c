/* Test problems with answers derived by hand or by KKT construction. */
#include "problems.h"

#include <stdio.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

static scs_float *vec_copy(const double *v, scs_int len) {
  scs_float *c = calloc((size_t)(len > 0 ? len : 1), sizeof(scs_float));
  for (scs_int i = 0; i < len; ++i) c[i] = (scs_float)v[i];
  return c;
}

/* dense (row-major, rows x cols) to CSC, keeping entries with keep(i, j) */
static ScsMatrix *dense_to_csc(const double *M, scs_int rows, scs_int cols,
                               int upper_only) {
  ScsMatrix *A = calloc(1, sizeof(*A));
  scs_int nnz = 0;
  for (scs_int i = 0; i < rows * cols; ++i) nnz += M[i] != 0;
  A->m = rows;
  A->n = cols;
  A->p = calloc((size_t)cols + 1, sizeof(scs_int));
  A->i = calloc((size_t)(nnz ? nnz : 1), sizeof(scs_int));
  A->x = calloc((size_t)(nnz ? nnz : 1), sizeof(scs_float));
  scs_int k = 0;
  for (scs_int j = 0; j < cols; ++j) {
    for (scs_int i = 0; i < rows; ++i) {
      double v = M[i * cols + j];
      if (v == 0 || (upper_only && i > j)) continue;
      A->i[k] = i;
      A->x[k++] = (scs_float)v;
    }
    A->p[j + 1] = k;
  }
  return A;
}

static void free_csc(ScsMatrix *A) {
  if (!A) return;
  free(A->p);
  free(A->i);
  free(A->x);
  free(A);
}

static ScsCone copy_cone(const ScsCone *k) {
  ScsCone c = *k;
  c.bl = c.bu = NULL;
  c.q = NULL;
  scs_int nb = k->bsize > 1 ? k->bsize - 1 : 0;
  if (nb) {
    c.bl = malloc((size_t)nb * sizeof(scs_float));
    c.bu = malloc((size_t)nb * sizeof(scs_float));
    memcpy(c.bl, k->bl, (size_t)nb * sizeof(scs_float));
    memcpy(c.bu, k->bu, (size_t)nb * sizeof(scs_float));
  }
  if (k->qsize) {
    c.q = malloc((size_t)k->qsize * sizeof(scs_int));
    memcpy(c.q, k->q, (size_t)k->qsize * sizeof(scs_int));
  }
  return c;
}

TestProblem *tp_from_dense(const char *name, scs_int m, scs_int n,
                           const double *A, const double *P, const double *b,
                           const double *c, const ScsCone *k, double optimum,
                           scs_int expected) {
  TestProblem *tp = calloc(1, sizeof(*tp));
  tp->name = name;
  tp->d.m = m;
  tp->d.n = n;
  tp->d.A = dense_to_csc(A, m, n, 0);
  tp->d.P = P ? dense_to_csc(P, n, n, 1) : NULL;
  tp->d.b = vec_copy(b, m);
  tp->d.c = vec_copy(c, n);
  tp->k = copy_cone(k);
  tp->optimum = optimum;
  tp->expected = expected;
  return tp;
}

void tp_free(TestProblem *tp) {
  if (!tp) return;
  free_csc(tp->d.A);
  free_csc(tp->d.P);
  free(tp->d.b);
  free(tp->d.c);
  free(tp->k.bl);
  free(tp->k.bu);
  free(tp->k.q);
  free(tp->x_opt);
  free(tp);
}

void tp_settings(ScsSettings *s) {
  scs_set_default_settings(s);
  s->verbose = 0;
  s->lin_sys_backend = tp_backend();
}

/* the backend of docs/backends.md, built from the document */
extern const ScsLinSysBackend example_cholesky_backend;

const ScsLinSysBackend *tp_backend(void) {
  const char *name = getenv("SCS_TEST_BACKEND");
  if (!name || !*name) return NULL;
  if (strcmp(name, "example") == 0) return &example_cholesky_backend;
  const ScsLinSysBackend *b = scs_linsys_backend(name);
  if (!b) {
    fprintf(stderr, "SCS_TEST_BACKEND: %s\n", scs_last_error());
    abort();
  }
  return b;
}

double tp_rel_err(double a, double b) { return fabs(a - b) / (1 + fabs(b)); }

/* min -x1 - x2  s.t. x1 + 2x2 <= 4, 3x1 + x2 <= 6, x >= 0.
 * Vertex (1.6, 1.2) where both rows are tight: -2.8. */
TestProblem *tp_lp_small(void) {
  double A[] = {1, 2, 3, 1, -1, 0, 0, -1};
  double b[] = {4, 6, 0, 0}, c[] = {-1, -1};
  ScsCone k = {0};
  k.l = 4;
  TestProblem *tp = tp_from_dense("lp_small", 4, 2, A, NULL, b, c, &k, -2.8,
                                  SCS_SOLVED);
  tp->x_opt = calloc(2, sizeof(double));
  tp->x_opt[0] = 1.6;
  tp->x_opt[1] = 1.2;
  return tp;
}

/* min x1 + 2x2 + 3x3  s.t. x1 + x2 + x3 = 1, x >= 0: 1 at e1. */
TestProblem *tp_lp_equality(void) {
  double A[] = {1, 1, 1, -1, 0, 0, 0, -1, 0, 0, 0, -1};
  double b[] = {1, 0, 0, 0}, c[] = {1, 2, 3};
  ScsCone k = {0};
  k.z = 1;
  k.l = 3;
  return tp_from_dense("lp_equality", 4, 3, A, NULL, b, c, &k, 1, SCS_SOLVED);
}

/* Primal degenerate: min -x1 - x2 s.t. x1 <= 1, x2 <= 1, x1 + x2 <= 2;
 * all three rows are active at the vertex (1, 1), linearly dependent. */
TestProblem *tp_lp_degenerate_vertex(void) {
  double A[] = {1, 0, 0, 1, 1, 1};
  double b[] = {1, 1, 2}, c[] = {-1, -1};
  ScsCone k = {0};
  k.l = 3;
  return tp_from_dense("vertex", 3, 2, A, NULL, b, c, &k, -2, SCS_SOLVED);
}

/* Dual degenerate: min x1 + x2 s.t. x1 + x2 >= 1, x >= 0 has a whole
 * optimal edge. */
TestProblem *tp_lp_optimal_face(void) {
  double A[] = {-1, -1, -1, 0, 0, -1};
  double b[] = {-1, 0, 0}, c[] = {1, 1};
  ScsCone k = {0};
  k.l = 3;
  return tp_from_dense("face", 3, 2, A, NULL, b, c, &k, 1, SCS_SOLVED);
}

/* min (1/2) x'[4 1; 1 2]x + x1 + x2  s.t. x1 + x2 = 1, 0 <= x <= 0.7.
 * KKT: x = (0.3, 0.7), grad = (2.9, 2.7), multiplier 0.2 on x2 <= 0.7:
 * objective 1.88. */
TestProblem *tp_qp_small(void) {
  double A[] = {1, 1, -1, 0, 0, -1, 1, 0, 0, 1};
  double b[] = {1, 0, 0, 0.7, 0.7}, c[] = {1, 1};
  double P[] = {4, 1, 1, 2};
  ScsCone k = {0};
  k.z = 1;
  k.l = 4;
  TestProblem *tp =
      tp_from_dense("qp_small", 5, 2, A, P, b, c, &k, 1.88, SCS_SOLVED);
  tp->x_opt = calloc(2, sizeof(double));
  tp->x_opt[0] = 0.3;
  tp->x_opt[1] = 0.7;
  return tp;
}

/* The same QP with 0 <= x <= 0.7 as a box cone: rows (t, x) with t = 1. */
TestProblem *tp_qp_box(void) {
  double A[] = {1, 1, 0, 0, -1, 0, 0, -1};
  double b[] = {1, 1, 0, 0}, c[] = {1, 1};
  double P[] = {4, 1, 1, 2};
  scs_float bl[] = {0, 0}, bu[] = {0.7, 0.7};
  ScsCone k = {0};
  k.z = 1;
  k.bsize = 3;
  k.bl = bl;
  k.bu = bu;
  return tp_from_dense("qp_box", 4, 2, A, P, b, c, &k, 1.88, SCS_SOLVED);
}

/* min x1 + 2x2 + 2x3  s.t. ||x|| <= 1: x = -c/||c||, objective -||c|| = -3. */
TestProblem *tp_socp_ball(void) {
  double A[] = {0, 0, 0, -1, 0, 0, 0, -1, 0, 0, 0, -1};
  double b[] = {1, 0, 0, 0}, c[] = {1, 2, 2};
  scs_int q[] = {4};
  ScsCone k = {0};
  k.q = q;
  k.qsize = 1;
  TestProblem *tp =
      tp_from_dense("socp_ball", 4, 3, A, NULL, b, c, &k, -3, SCS_SOLVED);
  tp->x_opt = calloc(3, sizeof(double));
  tp->x_opt[0] = -1.0 / 3;
  tp->x_opt[1] = tp->x_opt[2] = -2.0 / 3;
  return tp;
}

/* min t  s.t. x1 + x2 = 2, ||(x1, x2)|| <= t: x = (1, 1), t = sqrt(2).
 * Variables (x1, x2, t); SOC rows s = (t, x1, x2). Plus a nonnegative row
 * t <= 10 that is inactive. */
TestProblem *tp_socp_cone(void) {
  double A[] = {1, 1, 0, 0, 0, 1, 0, 0, -1, -1, 0, 0, 0, -1, 0};
  double b[] = {2, 10, 0, 0, 0}, c[] = {0, 0, 1};
  scs_int q[] = {3};
  ScsCone k = {0};
  k.z = 1;
  k.l = 1;
  k.q = q;
  k.qsize = 1;
  return tp_from_dense("socp_cone", 5, 3, A, NULL, b, c, &k, sqrt(2.0),
                       SCS_SOLVED);
}

/* x1 >= 1, x1 + x2 <= 0 and x2 >= 0 (certificate y = (1, 1, 1)). */
TestProblem *tp_lp_infeasible(void) {
  double A[] = {-1, 0, 1, 1, 0, -1};
  double b[] = {-1, 0, 0}, c[] = {1, 1};
  ScsCone k = {0};
  k.l = 3;
  return tp_from_dense("lp_infeasible", 3, 2, A, NULL, b, c, &k, 0,
                       SCS_INFEASIBLE);
}

/* min (1/2)||x||^2 + x1  s.t. x1 + x2 = 1, x1 + x2 = 2 (inconsistent). */
TestProblem *tp_qp_infeasible(void) {
  double A[] = {1, 1, 1, 1, -1, 0};
  double b[] = {1, 2, 0}, c[] = {1, 0};
  double P[] = {1, 0, 0, 1};
  ScsCone k = {0};
  k.z = 2;
  k.l = 1;
  return tp_from_dense("qp_infeasible", 3, 2, A, P, b, c, &k, 0,
                       SCS_INFEASIBLE);
}

/* ||x|| <= 1 and x1 >= 2. */
TestProblem *tp_socp_infeasible(void) {
  double A[] = {-1, 0, 0, 0, -1, 0, 0, -1};
  double b[] = {-2, 1, 0, 0}, c[] = {0, 1};
  scs_int q[] = {3};
  ScsCone k = {0};
  k.l = 1;
  k.q = q;
  k.qsize = 1;
  return tp_from_dense("socp_infeasible", 4, 2, A, NULL, b, c, &k, 0,
                       SCS_INFEASIBLE);
}

/* min -x1 + x2  s.t. x1 >= 0, x2 = 0: x1 -> infinity. */
TestProblem *tp_lp_unbounded(void) {
  double A[] = {0, 1, -1, 0};
  double b[] = {0, 0}, c[] = {-1, 1};
  ScsCone k = {0};
  k.z = 1;
  k.l = 1;
  return tp_from_dense("lp_unbounded", 2, 2, A, NULL, b, c, &k, 0,
                       SCS_UNBOUNDED);
}

/* min (1/2) x1^2 - x2  s.t. x2 >= 0, x1 <= 3: along (0, 1), Px = 0. */
TestProblem *tp_qp_unbounded(void) {
  double A[] = {0, -1, 1, 0};
  double b[] = {0, 3}, c[] = {0, -1};
  double P[] = {1, 0, 0, 0};
  ScsCone k = {0};
  k.l = 2;
  return tp_from_dense("qp_unbounded", 2, 2, A, P, b, c, &k, 0,
                       SCS_UNBOUNDED);
}

/* min -x1  s.t. ||x2|| <= x1: along (1, 0). */
TestProblem *tp_socp_unbounded(void) {
  double A[] = {-1, 0, 0, -1};
  double b[] = {0, 0}, c[] = {-1, 0};
  scs_int q[] = {2};
  ScsCone k = {0};
  k.q = q;
  k.qsize = 1;
  return tp_from_dense("socp_unbounded", 2, 2, A, NULL, b, c, &k, 0,
                       SCS_UNBOUNDED);
}

/* ---- random problems with a planted solution ---------------------------- */

static double urand(unsigned *state) {
  *state = *state * 1103515245u + 12345u;
  return ((*state >> 8) & 0xFFFFFF) / (double)0x1000000;
}

static double nrand(unsigned *state) {
  double u1 = urand(state) + 1e-12, u2 = urand(state);
  return sqrt(-2 * log(u1)) * cos(6.283185307179586 * u2);
}

/* complementary (s, y) in a SOC of size q: s = a(1, u), y = b(1, -u), ||u|| = 1,
 * or one of them zero and the other interior */
static void soc_pair(unsigned *st, double *s, double *y, scs_int q) {
  double nrm = 0;
  for (scs_int i = 1; i < q; ++i) {
    s[i] = nrand(st);
    nrm += s[i] * s[i];
  }
  nrm = sqrt(nrm) + 1e-12;
  double r = urand(st), a = 0.5 + urand(st), bb = 0.5 + urand(st);
  for (scs_int i = 1; i < q; ++i) {
    double u = s[i] / nrm;
    s[i] = r < 0.6 ? a * u : (r < 0.8 ? 0.5 * a * u : 0);
    y[i] = r < 0.6 ? -bb * u : (r < 0.8 ? 0 : 0.5 * bb * u);
  }
  s[0] = r < 0.8 ? a : 0;
  y[0] = r < 0.6 ? bb : (r < 0.8 ? 0 : bb);
  if (q == 1) s[0] = r < 0.5 ? a : 0, y[0] = r < 0.5 ? 0 : bb;
}

TestProblem *tp_random(unsigned seed, scs_int n, scs_int z, scs_int l,
                       scs_int nsoc, scs_int qdim, int with_p,
                       double density) {
  unsigned st = seed * 2654435761u + 1;
  scs_int m = z + l + nsoc * qdim;
  double *A = calloc((size_t)(m * n), sizeof(double));
  double *P = with_p ? calloc((size_t)(n * n), sizeof(double)) : NULL;
  double *x = calloc((size_t)n, sizeof(double));
  double *y = calloc((size_t)m, sizeof(double));
  double *s = calloc((size_t)m, sizeof(double));
  double *b = calloc((size_t)m, sizeof(double));
  double *c = calloc((size_t)n, sizeof(double));
  for (scs_int i = 0; i < m; ++i)
    for (scs_int j = 0; j < n; ++j)
      if (urand(&st) < density) A[i * n + j] = nrand(&st);
  for (scs_int i = 0; i < m && i < n; ++i) /* no empty rows or columns */
    A[i * n + i] += 1;
  for (scs_int i = n; i < m; ++i) A[i * n + (i % n)] += 1;
  for (scs_int j = 0; j < n; ++j) x[j] = nrand(&st);
  for (scs_int i = 0; i < z; ++i) y[i] = nrand(&st); /* s = 0, y free */
  for (scs_int i = z; i < z + l; ++i) {
    if (urand(&st) < 0.5) s[i] = urand(&st) + 0.1;
    else y[i] = urand(&st) + 0.1;
  }
  for (scs_int q = 0; q < nsoc; ++q) {
    scs_int off = z + l + q * qdim;
    soc_pair(&st, s + off, y + off, qdim);
  }
  if (P) { /* P = B'B / n with B sparse-ish, rank about n/2 */
    scs_int r = n / 2 + 1;
    double *B = calloc((size_t)(r * n), sizeof(double));
    for (scs_int i = 0; i < r * n; ++i)
      if (urand(&st) < 0.3) B[i] = nrand(&st);
    for (scs_int i = 0; i < n; ++i)
      for (scs_int j = 0; j < n; ++j) {
        double v = 0;
        for (scs_int k = 0; k < r; ++k) v += B[k * n + i] * B[k * n + j];
        P[i * n + j] = v / n;
      }
    free(B);
  }
  double obj = 0;
  for (scs_int i = 0; i < m; ++i) {
    b[i] = s[i];
    for (scs_int j = 0; j < n; ++j) b[i] += A[i * n + j] * x[j];
  }
  for (scs_int j = 0; j < n; ++j) {
    c[j] = 0;
    for (scs_int i = 0; i < m; ++i) c[j] -= A[i * n + j] * y[i];
    if (P)
      for (scs_int k = 0; k < n; ++k) c[j] -= P[j * n + k] * x[k];
  }
  for (scs_int j = 0; j < n; ++j) {
    obj += c[j] * x[j];
    if (P)
      for (scs_int k = 0; k < n; ++k) obj += 0.5 * x[j] * P[j * n + k] * x[k];
  }
  ScsCone k = {0};
  scs_int *q = calloc((size_t)(nsoc ? nsoc : 1), sizeof(scs_int));
  for (scs_int i = 0; i < nsoc; ++i) q[i] = qdim;
  k.z = z;
  k.l = l;
  k.q = q;
  k.qsize = nsoc;
  TestProblem *tp =
      tp_from_dense("random", m, n, A, P, b, c, &k, obj, SCS_SOLVED);
  free(x); /* optimal x need not be unique: only the objective is known */
  free(q);
  free(A), free(P), free(y), free(s), free(b), free(c);
  return tp;
}
