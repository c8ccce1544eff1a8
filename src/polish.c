/*
 * Solution polishing for LPs and QPs (cones z and l only), after OSQP
 * (Stellato et al. 2020, "OSQP: an operator splitting solver for quadratic
 * programs", Section 4, "Solution polishing").
 *
 * Near the optimum the ADMM iterate tells which inequality rows are active
 * (y_i > s_i). With that guess the problem reduces to the equality-
 * constrained QP
 *
 *     minimize (1/2) x'Px + c'x   subject to  A_act x = b_act,
 *
 * whose KKT conditions are the linear system
 *
 *     [ P      A_act' ] [ x     ]   [ -c    ]
 *     [ A_act  0      ] [ y_act ] = [ b_act ].
 *
 * It is solved with the sparse direct backend on the regularized,
 * quasi-definite matrix [P + dI, A_act'; A_act, -dI] and a few steps of
 * iterative refinement against the exact one (OSQP Section 4.2), all on
 * the equilibrated data. The backend factors the full KKT pattern once per
 * solve, with the inactive rows masked by a huge r_y (their y vanish), so
 * a new active set costs one numeric refactorization. Refinement starts
 * from the ADMM point, so it is a proximal-point iteration on the KKT
 * system: when the reduced system is
 * singular (a degenerate vertex, an LP face) the polished point is the
 * solution nearest the ADMM one, not one pushed off by 1/d.
 *
 * A wrong guess shows as an active row with a negative multiplier or an
 * inactive row with a negative slack. Those rows change sides and the
 * system is solved again, a few rounds at most (the primal-dual active set
 * strategy, Hintermueller, Ito and Kunisch 2002, SIAM J. Optim. 13(3)).
 *
 * The polished point has y = 0 and s = b - Ax on the inactive rows, s = 0
 * on the active ones, and is projected onto the cones (y and s clipped at
 * 0). If the guess is still wrong, the residuals say so: the point is kept
 * only if each of its residuals is no worse than the ADMM iterate's
 * (polish.h), measured exactly as every iterate is (residuals.c, in the
 * caller's units).
 */
#include "polish.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"
#include "polish_alm.h"
#include "polish_ipm.h"
#include "timer.h"
#include "work.h"

/* Regularization of the reduced KKT matrix, in equilibrated units (OSQP
 * uses 1e-6); refinement removes its effect. */
#define POLISH_DELTA 1e-7
#define POLISH_REFINE_STEPS 10
/* r_y of an inactive row: its y is (A_i x - 0) / INACTIVE_R, negligible */
#define INACTIVE_R 1e8
/* a multiplier or slack below -SIGN_TOL (relative) is a wrong side */
#define SIGN_TOL 1e-9

/* Residual ratios (residual / tolerance) below this are as good as any:
 * a polished point at 1e-5 of the tolerance is not rejected because the
 * ADMM one happened to be at 1e-6. In single precision the residuals of
 * an exact point are rounding, about 1e-7 of the norms, i.e. 1e-3 of a
 * 1e-4 tolerance: the floor leaves room for that. */
#if SCS_SFLOAT
#define POLISH_RATIO_FLOOR 1e-1
#else
#define POLISH_RATIO_FLOOR 1e-3
#endif

int scs_polish_applies(const ScsWork *w) {
  const ScsCone *k = &w->cones->k;
  return !w->stgs.disable_polish && w->m > 0 && k->z + k->l == w->m;
}

/* Working arrays of one attempt (equilibrated units, tau = 1). Vectors
 * of length n + m are (x part, y part) of the masked KKT system. */
typedef struct {
  scs_int n, m;
  unsigned char *active; /* 1 on the rows held at s = 0 */
  scs_float *rhs;        /* (-c, b on active rows, 0 on inactive ones) */
  scs_float *z;          /* (x, y): start, then solution */
  scs_float *res;        /* refinement residual, then correction */
  scs_float *diag_r;     /* the regularization of the round */
  scs_float *x, *y;      /* the current point: x (n), y (m, 0 if inactive) */
  scs_float *slack;      /* b - A x (m) */
} Polish;

static void polish_free(Polish *p) {
  scs_free(p->active);
  scs_free(p->rhs);
  scs_free(p->z);
  scs_free(p->res);
  scs_free(p->diag_r);
  scs_free(p->x);
  scs_free(p->y);
  scs_free(p->slack);
}

static int polish_alloc(Polish *p, scs_int n, scs_int m) {
  memset(p, 0, sizeof(*p));
  p->n = n;
  p->m = m;
  size_t nn = (size_t)n, mm = (size_t)m, nk = nn + mm;
  p->active = scs_calloc_array(mm, 1);
  p->rhs = scs_malloc_array(nk, sizeof(scs_float));
  p->z = scs_malloc_array(nk, sizeof(scs_float));
  p->res = scs_malloc_array(nk, sizeof(scs_float));
  p->diag_r = scs_malloc_array(nk, sizeof(scs_float));
  p->x = scs_malloc_array(nn, sizeof(scs_float));
  p->y = scs_malloc_array(mm, sizeof(scs_float));
  p->slack = scs_malloc_array(mm, sizeof(scs_float));
  return p->active && p->rhs && p->z && p->res && p->diag_r && p->x &&
                 p->y && p->slack
             ? 0
             : -1;
}

/* The start: the iterate divided by tau, and the active set it suggests:
 * every zero-cone row, and the nonnegative rows whose dual is larger than
 * their slack (in SCS's iteration exactly one of them is nonzero: the sign
 * of the point the cone projection split). */
static void start_from_iterate(const ScsWork *w, Polish *p) {
  scs_int n = w->n, nz = w->cones->k.z;
  scs_float tau = w->u[n + w->m];
  const scs_float *y = w->u + n, *s = w->rsk + n;
  for (scs_int j = 0; j < n; ++j) p->x[j] = w->u[j] / tau;
  for (scs_int i = 0; i < w->m; ++i) {
    p->active[i] = i < nz || y[i] > s[i];
    p->y[i] = p->active[i] ? y[i] / tau : 0;
  }
}

/* The round's system: the regularization (d on x and on active rows,
 * INACTIVE_R on inactive ones), the right-hand side and the start (x, y). */
static void build_system(const ScsWork *w, Polish *p) {
  scs_int n = p->n;
  for (scs_int j = 0; j < n; ++j) {
    p->diag_r[j] = POLISH_DELTA;
    p->rhs[j] = -w->c[j];
    p->z[j] = p->x[j];
  }
  for (scs_int i = 0; i < p->m; ++i) {
    p->diag_r[n + i] = p->active[i] ? POLISH_DELTA : INACTIVE_R;
    p->rhs[n + i] = p->active[i] ? w->b[i] : 0;
    p->z[n + i] = p->active[i] ? p->y[i] : 0;
  }
}

/* res = rhs - K z with the exact reduced KKT matrix K (inactive rows and
 * their y left out: their residual is 0). */
static void kkt_residual(const ScsWork *w, const Polish *p) {
  scs_int n = p->n, nk = p->n + p->m;
  const scs_float *x = p->z, *y = p->z + n;
  scs_float *rx = p->res, *ry = p->res + n;
  for (scs_int k = 0; k < nk; ++k) p->res[k] = 0;
  if (w->P) scs_csc_sym_mul_add(w->P, x, rx);
  scs_csc_mul_t_add(w->A, y, rx); /* y is 0 on inactive rows */
  scs_csc_mul_add(w->A, x, ry);
  for (scs_int k = 0; k < nk; ++k) p->res[k] = p->rhs[k] - p->res[k];
  for (scs_int i = 0; i < p->m; ++i)
    if (!p->active[i]) ry[i] = 0;
}

/* Refinement from the start z: z += K_d^{-1} (rhs - K z) while the
 * residual decreases (OSQP Section 4.2; from the ADMM point it is the
 * proximal-point method on K z = rhs). K_d^{-1} is the masked full
 * matrix's: its inactive rows only perturb the x block by A_i'A_i /
 * INACTIVE_R, which refinement removes with the rest. 0, or -1 if the
 * matrix could not be factored or z is not finite. */
static int solve_reduced(const ScsWork *w, ScsPolishFactor *f, Polish *p) {
  scs_int n = p->n, nk = p->n + p->m;
  if (scs_polish_factor(f, w, p->diag_r) != 0) return -1;
  scs_float last = INFINITY;
  for (int step = 0; step < POLISH_REFINE_STEPS; ++step) {
    kkt_residual(w, p);
    scs_float nm = scs_vec_norm_inf(p->res, nk);
    if (!(nm < last) || nm == 0) break; /* NaN, stalled or exact */
    last = nm;
    if (scs_polish_solve(f, p->res) != 0) return -1;
    scs_vec_axpy(p->z, p->res, nk, 1);
    for (scs_int i = 0; i < p->m; ++i)
      if (!p->active[i]) p->z[n + i] = 0;
  }
  return scs_vec_all_finite(p->z, nk) ? 0 : -1;
}

/* slack = b - A x for the point's x */
static void compute_slack(const ScsWork *w, Polish *p) {
  memset(p->slack, 0, (size_t)p->m * sizeof(scs_float));
  scs_csc_mul_add(w->A, p->x, p->slack);
  for (scs_int i = 0; i < p->m; ++i) p->slack[i] = w->b[i] - p->slack[i];
}

/* x, y and the slacks b - Ax from the solution of the reduced system. */
static void unpack(const ScsWork *w, Polish *p) {
  scs_int n = p->n;
  memcpy(p->x, p->z, (size_t)n * sizeof(scs_float));
  for (scs_int i = 0; i < p->m; ++i)
    p->y[i] = p->active[i] ? p->z[n + i] : 0;
  compute_slack(w, p);
}

/* Move the nonnegative rows on the wrong side: an active row with a
 * negative multiplier leaves; only when none does, an inactive row with a
 * negative slack enters. Returns the number of rows moved. */
static scs_int update_active(const ScsWork *w, Polish *p) {
  scs_int nz = w->cones->k.z, moved = 0;
  scs_float ty = SIGN_TOL * SCS_MAX(1, scs_vec_norm_inf(p->y, p->m));
  scs_float ts = SIGN_TOL * SCS_MAX(1, scs_vec_norm_inf(w->b, p->m));
  for (scs_int i = nz; i < p->m; ++i) {
    if (p->active[i] && p->y[i] < -ty) {
      p->active[i] = 0;
      p->y[i] = 0;
      ++moved;
    }
  }
  if (moved) return moved;
  for (scs_int i = nz; i < p->m; ++i) {
    if (!p->active[i] && p->slack[i] < -ts) {
      p->active[i] = 1;
      ++moved;
    }
  }
  return moved;
}

/* Write the polished point into the iterate: u = (x, y, 1), rsk = (0, s,
 * 0) with y in K* and s in K (both clipped at 0 on nonnegative rows; s = 0
 * on active rows, y = 0 on inactive ones). */
static void write_iterate(ScsWork *w, const Polish *p) {
  scs_int n = w->n, m = w->m, nz = w->cones->k.z;
  scs_float *y = w->u + n, *s = w->rsk + n;
  memcpy(w->u, p->x, (size_t)n * sizeof(scs_float));
  for (scs_int i = 0; i < m; ++i) {
    y[i] = i < nz ? p->y[i] : SCS_MAX(p->y[i], 0);
    s[i] = p->active[i] ? 0 : SCS_MAX(p->slack[i], 0);
  }
  w->u[n + m] = 1;
  for (scs_int j = 0; j < n; ++j) w->rsk[j] = 0;
  w->rsk[n + m] = 0;
}

/* 1 if the polished ratios are acceptable against the ADMM ones. */
static int no_worse(const scs_float pol[3], const scs_float admm[3]) {
  for (int k = 0; k < 3; ++k)
    if (!(pol[k] <= SCS_MAX(admm[k], POLISH_RATIO_FLOOR))) return 0;
  return 1;
}

static scs_float max3(const scs_float v[3]) {
  return SCS_MAX(SCS_MAX(v[0], v[1]), v[2]);
}

/* Saved iterates: the ADMM one and the best polished one. */
typedef struct {
  scs_float *admm_u, *admm_rsk, *best_u, *best_rsk;
  scs_float admm[3], best[3]; /* their residual ratios */
  scs_int l;
} Candidates;

static int candidates_alloc(Candidates *c, scs_int l) {
  c->l = l;
  c->admm_u = scs_malloc_array((size_t)l, sizeof(scs_float));
  c->admm_rsk = scs_malloc_array((size_t)l, sizeof(scs_float));
  c->best_u = scs_malloc_array((size_t)l, sizeof(scs_float));
  c->best_rsk = scs_malloc_array((size_t)l, sizeof(scs_float));
  c->best[0] = c->best[1] = c->best[2] = INFINITY;
  return c->admm_u && c->admm_rsk && c->best_u && c->best_rsk ? 0 : -1;
}

static void candidates_free(Candidates *c) {
  scs_free(c->admm_u);
  scs_free(c->admm_rsk);
  scs_free(c->best_u);
  scs_free(c->best_rsk);
}

static void copy_iterate(scs_float *du, scs_float *drsk, const scs_float *u,
                         const scs_float *rsk, scs_int l) {
  memcpy(du, u, (size_t)l * sizeof(scs_float));
  memcpy(drsk, rsk, (size_t)l * sizeof(scs_float));
}

/* Evaluate the point in the iterate as every iterate is evaluated, and
 * keep it if it is the best so far (by the largest ratio). Returns its
 * largest ratio. */
static scs_float evaluate_iterate(ScsWork *w, Candidates *c, scs_int iter) {
  scs_float r[3];
  scs_residuals_invalidate(&w->r);
  scs_residuals_update(w, iter);
  scs_residuals_ratios(w, r);
  if (max3(r) < max3(c->best)) {
    memcpy(c->best, r, sizeof(r));
    copy_iterate(c->best_u, c->best_rsk, w->u, w->rsk, c->l);
  }
  return max3(r);
}

static void evaluate_round(ScsWork *w, const Polish *p, Candidates *c,
                           scs_int iter) {
  write_iterate(w, p);
  evaluate_iterate(w, c, iter);
}

/* Rounds of solve and active-set update from the ADMM iterate; the best
 * point is in c, within max_rounds and while f->spent stays within work
 * (polish.h). A round that fails (no memory, a matrix the backend
 * cannot factor) ends them; its message is dropped, since the solve goes
 * on with the best point or the ADMM answer. */
static void polish_rounds(ScsWork *w, ScsPolishFactor *f, Polish *p,
                          Candidates *c, scs_int iter, int max_rounds,
                          double work, double budget_ms) {
  ScsTimer t;
  scs_tic(&t);
  start_from_iterate(w, p);
  for (int round = 0; round < max_rounds; ++round) {
    double spent = scs_toc_ms(&t);
    if (round > 0 && spent + f->round_ms > budget_ms) return;
    if (!scs_polish_affordable(f, POLISH_REFINE_STEPS, work)) return;
    build_system(w, p);
    ScsTimer tr;
    scs_tic(&tr);
    int rc = solve_reduced(w, f, p);
    f->round_ms = scs_toc_ms(&tr);
    if (rc != 0) {
      scs_clear_error();
      return;
    }
    unpack(w, p);
    evaluate_round(w, p, c, iter);
    if (update_active(w, p) == 0) break;
  }
}

/* The ALM point as a polishing candidate: s = max(b - Ax, 0) on the
 * nonnegative rows, 0 on the zero rows. */
static void alm_point(const ScsWork *w, const ScsAlm *a, Polish *p) {
  memcpy(p->x, a->x, (size_t)p->n * sizeof(scs_float));
  memcpy(p->y, a->y, (size_t)p->m * sizeof(scs_float));
  for (scs_int i = 0; i < p->m; ++i) p->active[i] = i < w->cones->k.z;
  compute_slack(w, p);
}

/* Polished points at least this good (each ratio) end the refinement:
 * residuals at 1e-6 of the tolerance are exact for every purpose. */
#define POLISH_EXACT 1e-6

/* 1 if the best point so far would be accepted: no worse than the ADMM
 * iterate and, when it must solve, within the tolerances (ratios <= 1). */
static int acceptable(const Candidates *c, int must_solve) {
  return no_worse(c->best, c->admm) && (!must_solve || max3(c->best) <= 1);
}

/* Outer steps of the proximal augmented Lagrangian method (polish_alm.c)
 * from the ADMM iterate, each point a candidate, until one is exact or
 * max_factors refactorizations are made or f->spent would pass work. */
static void alm_rounds(ScsWork *w, ScsPolishFactor *f, Polish *p,
                       Candidates *c, scs_int iter, int max_factors,
                       double work, double budget_ms) {
  ScsTimer t;
  scs_tic(&t);
  copy_iterate(w->u, w->rsk, c->admm_u, c->admm_rsk, c->l);
  start_from_iterate(w, p);
  ScsAlm a;
  if (scs_alm_init(&a, w, p->x, p->y) != 0) {
    scs_alm_free(&a);
    return;
  }
  int left = max_factors;
  while (left > 0) {
    /* an outer step makes several factorizations: as many as fit */
    double room = budget_ms - scs_toc_ms(&t);
    double by_work = (work - f->spent) / (scs_polish_refactor_cost(f) + 1);
    int fit = left;
    if (f->round_ms > 0 && room / f->round_ms < fit)
      fit = (int)(room / f->round_ms);
    if (by_work < fit) fit = (int)by_work;
    if (fit < 1) break;
    ScsTimer tr;
    scs_tic(&tr);
    int step_left = fit;
    if (scs_alm_outer(&a, w, f, &step_left) != 0) {
      scs_clear_error();
      break;
    }
    int used = fit - step_left;
    left -= used;
    if (used > 0) f->round_ms = scs_toc_ms(&tr) / used;
    alm_point(w, &a, p);
    evaluate_round(w, p, c, iter);
    if (max3(c->best) <= POLISH_EXACT || used == 0) break;
  }
  scs_alm_free(&a);
}

/* The interior-point iterate as the iterate: u = (x, y, 1), rsk = (0, s,
 * 0), already in the cones (s, y > 0 on nonnegative rows, s = 0 on zero
 * rows). */
static void write_ipm_iterate(ScsWork *w, const ScsIpm *q) {
  scs_int n = w->n, m = w->m;
  memcpy(w->u, q->x, (size_t)n * sizeof(scs_float));
  memcpy(w->u + n, q->y, (size_t)m * sizeof(scs_float));
  memcpy(w->rsk + n, q->s, (size_t)m * sizeof(scs_float));
  w->u[n + m] = 1;
  for (scs_int j = 0; j < n; ++j) w->rsk[j] = 0;
  w->rsk[n + m] = 0;
}

#define IPM_STALL 10
/* The steps end at ratios this far inside the tolerances: the iterates
 * close in on the optimal face's center, not on a vertex, and the last
 * digits cost as many steps again (LISWET2: 15 steps to 1e-4, 29 to stall
 * at 3e-5). In single precision rounding is at 1e-3 of the tolerance. */
#if SCS_SFLOAT
#define IPM_ENOUGH 1e-2
#else
#define IPM_ENOUGH 1e-4
#endif
#define IPM_MAX_STEPS 100
/* a step is one refactorization and some solves (two directions and
 * their refinement): about IPM_STEP_SOLVES of them; the refinement does
 * not start unless IPM_MIN_STEPS such steps fit in the work allowed */
#define IPM_STEP_SOLVES 10
#define IPM_MIN_STEPS 10

/* Interior-point steps (polish_ipm.c) from a cold start, each point a
 * candidate, until one is exact, the method stalls, or the next step
 * would take f->spent past work. */
static void ipm_rounds(ScsWork *w, ScsPolishFactor *f, Candidates *c,
                       scs_int iter, double work, double budget_ms) {
  ScsTimer t;
  scs_tic(&t);
  ScsIpm q = {0};
  /* the start's factorization and IPM_MIN_STEPS - 1 steps must fit */
  double min_work = IPM_MIN_STEPS * IPM_STEP_SOLVES +
                    (IPM_MIN_STEPS - 1) * scs_polish_refactor_cost(f);
  if (w->m == w->cones->k.z || !scs_polish_affordable(f, min_work, work) ||
      scs_ipm_init(&q, w, f) != 0) {
    scs_clear_error();
    scs_ipm_free(&q);
    return;
  }
  scs_float ratio_ref = INFINITY, merit_ref = INFINITY;
  int since = 0;
  for (int k = 1;
       k <= IPM_MAX_STEPS && scs_polish_affordable(f, IPM_STEP_SOLVES, work);
       ++k) {
    if (scs_toc_ms(&t) + f->round_ms > budget_ms) break;
    ScsTimer tr;
    scs_tic(&tr);
    if (scs_ipm_step(&q, w, f) != 0) {
      scs_clear_error();
      break;
    }
    f->round_ms = scs_toc_ms(&tr);
    write_ipm_iterate(w, &q);
    scs_float ratio = evaluate_iterate(w, c, iter);
    if (ratio <= IPM_ENOUGH) break;
    /* stalled: in IPM_STALL steps neither the ratios nor the method's own
     * residuals halved (the accuracy the conditioning allows is reached;
     * early on the gap ratio stays near 1 / eps_rel while the residuals
     * fall) */
    scs_float merit = scs_ipm_merit(&q);
    if (ratio <= 0.5 * ratio_ref || merit <= 0.5 * merit_ref) {
      ratio_ref = SCS_MIN(ratio, ratio_ref);
      merit_ref = SCS_MIN(merit, merit_ref);
      since = 0;
    } else if (++since >= IPM_STALL) {
      break;
    }
  }
  scs_ipm_free(&q);
}

scs_int scs_polish(ScsWork *w, ScsPolishFactor *f, scs_int iter,
                   int must_solve, const ScsPolishLimits *lim,
                   double budget_ms, double *time_ms) {
  /* the first round costs about what the setup did (the same analysis
   * and factorization), later ones what the last round did */
  double first = f->lw ? f->round_ms : w->setup_time_ms;
  if (!(first <= budget_ms)) return SCS_POLISH_NOT_RUN;
  scs_polish_factor_expect(f, w);
  if (!scs_polish_affordable(f, POLISH_REFINE_STEPS, lim->work))
    return SCS_POLISH_NOT_RUN;
  ScsTimer t;
  scs_tic(&t);
  scs_int l = w->n + w->m + 1;
  scs_int result = SCS_POLISH_FAILED;
  Polish p;
  Candidates c = {0};
  /* tau = 0 (a Farkas solve's iterate, polish_cert.c): no point to start
   * rounds from or to compare with, but the interior-point refinement
   * needs none */
  int has_point = w->u[w->n + w->m] > 0;
  int ok = polish_alloc(&p, w->n, w->m) == 0 &&
           candidates_alloc(&c, l) == 0 && (has_point || lim->ipm);
  if (ok) {
    c.admm[0] = c.admm[1] = c.admm[2] = INFINITY;
    copy_iterate(c.admm_u, c.admm_rsk, w->u, w->rsk, l);
    if (has_point) {
      scs_residuals_update(w, iter);
      scs_residuals_ratios(w, c.admm);
      polish_rounds(w, f, &p, &c, iter, lim->rounds, lim->work, budget_ms);
    }
    int refined = 0;
    if (lim->ipm && !acceptable(&c, must_solve)) {
      ipm_rounds(w, f, &c, iter, lim->work, budget_ms - scs_toc_ms(&t));
      refined = 1;
    }
    if (has_point && lim->alm_factors > 0 && !acceptable(&c, must_solve)) {
      alm_rounds(w, f, &p, &c, iter, lim->alm_factors, lim->work,
                 budget_ms - scs_toc_ms(&t));
      refined = 1;
    }
    /* the refined point's multipliers may tell the active set better than
     * the ADMM iterate's: rounds from it */
    if (refined && !acceptable(&c, must_solve) && max3(c.best) < INFINITY) {
      copy_iterate(w->u, w->rsk, c.best_u, c.best_rsk, l);
      polish_rounds(w, f, &p, &c, iter, lim->rounds, lim->work,
                    budget_ms - scs_toc_ms(&t));
    }
    result = SCS_POLISH_REJECTED;
    if (max3(c.best) < INFINITY) {
      copy_iterate(w->u, w->rsk, c.best_u, c.best_rsk, l);
      scs_residuals_invalidate(&w->r);
      scs_residuals_update(w, iter);
      if (no_worse(c.best, c.admm) &&
          (!must_solve || scs_residuals_status(w) == SCS_SOLVED))
        result = SCS_POLISH_ACCEPTED;
    } else {
      result = SCS_POLISH_FAILED;
    }
    if (result != SCS_POLISH_ACCEPTED) {
      copy_iterate(w->u, w->rsk, c.admm_u, c.admm_rsk, l);
      scs_residuals_invalidate(&w->r);
      scs_residuals_update(w, iter);
    }
  }
  polish_free(&p);
  candidates_free(&c);
  if (time_ms) *time_ms += scs_toc_ms(&t);
  return result;
}
