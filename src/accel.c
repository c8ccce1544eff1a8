/*
 * Anderson acceleration (AA) of a fixed-point iteration x -> T(x).
 *
 * Reference: J. Zhang, B. O'Donoghue, S. Boyd, "Globally convergent type-I
 * Anderson acceleration for nonsmooth fixed-point iterations", SIAM J.
 * Optim. 30(4), 2020 (below: [ZOB]), and the SCS documentation page
 * "Acceleration".
 *
 * Notation. Residual g(x) = x - T(x). Each apply call brings a pair
 * (x_k, f_k = T(x_k)), g_k = x_k - f_k. The memory keeps the last m
 * differences of consecutive pairs as columns ([ZOB] eq. (2.3)):
 *     s_j = x_{j+1} - x_j,     y_j = g_{j+1} - g_j,
 *     S = [s_...],             Y = [y_...]            (dim x m).
 * Weights gamma (m-vector):
 *   type-II ([ZOB] eq. (2.2), Tikhonov-regularized least squares):
 *     gamma = argmin ||Y gamma - g_k||^2 + r ||gamma||^2
 *           <=> (Y'Y + r I) gamma = Y'g_k,           r = reg * ||Y||_F^2;
 *   type-I ([ZOB] eq. (3.3) with H_k = I + (S - Y)(S'Y)^{-1}S'):
 *     (S'Y + r I) gamma = S'g_k,                     r = reg * ||S||_F ||Y||_F.
 * The regularization is thus relative to the scale of the matrix it is added
 * to, so `reg` is dimensionless and invariant to rescaling of x.
 * Accelerated point with relaxation beta ([ZOB] section 5 / SCS docs):
 *     T-combination  f_k - (S - Y) gamma,
 *     x-combination  x_k - S gamma,
 *     x_aa = beta (f_k - (S - Y) gamma) + (1 - beta)(x_k - S gamma)
 *          = x_k - S gamma - beta (g_k - Y gamma).                  (AA)
 * beta = 1 is vanilla AA.
 *
 * The m x m Gram matrix (S'Y for type-I, Y'Y for type-II) is kept up to
 * date column by column (O(dim m) per step); the small regularized system is
 * solved with LAPACK ?gelsd (SVD-based, rank revealing, minimum-norm
 * solution for singular systems). All buffers, including the LAPACK
 * workspace, are allocated in scs_aa_init; scs_aa_apply never allocates.
 *
 * Memory layout: S and Y are dim x mem column-major circular buffers; the
 * columns in use are always 0 .. ncols-1 (the solution does not depend on
 * the order of the columns, so the ring needs no reordering). The memory is
 * capped at dim: more than dim difference columns carry no information.
 *
 * Refusals (apply returns -1, f untouched, one AaStats counter bumped):
 * LAPACK info != 0, rank 0, non-finite system / weights / accelerated point,
 * ||gamma||_2 > max_weight_norm. They clear the difference columns but keep
 * the just-stored pair (a genuine (x, T(x))) as the anchor of the next
 * difference. A NaN/Inf input pair is refused too (counted as
 * n_reject_nonfinite, since it would give non-finite weights) and is not
 * stored; it clears the anchor as well. A safeguard rejection and
 * scs_aa_reset forget everything, anchor included: after a rejection the
 * caller's next pair need not be consistent with the stored one, and after
 * a reset the map itself changed.
 */
#include "accel.h"

#include <float.h>
#include <lapacke.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"

#if SCS_SFLOAT
#define AA_GELSD LAPACKE_sgelsd_work
#define AA_EPS FLT_EPSILON
#define AA_TINY FLT_MIN
#else
#define AA_GELSD LAPACKE_dgelsd_work
#define AA_EPS DBL_EPSILON
#define AA_TINY DBL_MIN
#endif

/* Singular values below AA_RCOND * sigma_max are treated as zero. */
#define AA_RCOND (100 * AA_EPS)
/* Largest memory whose m x m matrices fit LAPACK's 32-bit sizes easily. */
#define AA_MAX_MEM 46340

struct ACCEL_WORK {
  scs_int dim;          /* vector length */
  scs_int mem;          /* memory, capped at dim */
  int type1;            /* 1: type-I, 0: type-II */
  scs_float reg;        /* relative regularization */
  scs_float beta;       /* relaxation in [0, 2] */
  scs_float sg_factor;  /* safeguard factor */
  scs_float max_wnorm;  /* cap on ||gamma||_2 */
  scs_int ncols;        /* difference columns in use */
  scs_int min_cols;     /* extrapolate only with at least this many */
  scs_int next;         /* slot for the next column */
  int have_prev;        /* x_prev, f_prev, g_prev hold a valid pair */
  int pending;          /* an accelerated point awaits scs_aa_safeguard */
  scs_float g_norm;     /* ||f - x|| of the stored pair */
  scs_float *x_prev;    /* x of the newest stored pair */
  scs_float *f_prev;    /* T(x) of the newest pair (unaccelerated f) */
  scs_float *g_prev;    /* g = x - f of the newest pair */
  scs_float *g_cur;     /* scratch for the incoming g */
  scs_float *S, *Y;     /* dim x mem difference columns */
  scs_float *ss, *yy;   /* squared column norms ||s_j||^2, ||y_j||^2 */
  scs_float *G;         /* mem x mem Gram matrix: S'Y or Y'Y */
  scs_float *A;         /* LAPACK copy of G + r I (overwritten) */
  scs_float *rhs;       /* right-hand side in, gamma out */
  scs_float *sv;        /* singular values */
  scs_float *work;      /* LAPACK workspace */
  lapack_int lwork;
  lapack_int *iwork;
  AaStats stats;
};

/* ---- small helpers --------------------------------------------------- */

/* Forget the difference columns; keep_pair = 0 also forgets the anchor. */
static void aa_forget(AaWork *aa, int keep_pair) {
  aa->ncols = 0;
  aa->next = 0;
  aa->pending = 0;
  if (!keep_pair) aa->have_prev = 0;
}

static scs_float *col(scs_float *M, scs_int ld, scs_int j) {
  return M + (size_t)j * (size_t)ld;
}

static scs_float sum(const scs_float *a, scs_int n) {
  scs_float s = 0;
  for (scs_int i = 0; i < n; ++i) s += a[i];
  return s;
}

/* ---- init / finish ---------------------------------------------------- */

static int aa_check_args(scs_int dim, scs_int mem, scs_float reg,
                         scs_float beta, scs_float sg, scs_float wcap) {
  if (dim < 1) {
    scs_set_error("scs_aa_init: dim must be >= 1 (got %ld)", (long)dim);
  } else if (mem < 1 || mem > AA_MAX_MEM) {
    scs_set_error("scs_aa_init: mem must be in [1, %d] (got %ld)",
                  AA_MAX_MEM, (long)mem);
  } else if (!(reg >= 0) || !isfinite(reg)) {
    scs_set_error("scs_aa_init: regularization must be finite and >= 0 "
                  "(got %g)", (double)reg);
  } else if (!(beta >= 0 && beta <= 2)) {
    scs_set_error("scs_aa_init: relaxation must be in [0, 2] (got %g)",
                  (double)beta);
  } else if (!(sg > 0) || !isfinite(sg)) {
    scs_set_error("scs_aa_init: safeguard_factor must be finite and > 0 "
                  "(got %g)", (double)sg);
  } else if (!(wcap > 0)) {
    scs_set_error("scs_aa_init: max_weight_norm must be > 0 (got %g)",
                  (double)wcap);
  } else {
    return 1;
  }
  return 0;
}

/* Workspace query of ?gelsd for every system size 1..mem; keep the max. */
static int aa_query_lapack(AaWork *aa, lapack_int *liwork) {
  lapack_int m = (lapack_int)aa->mem, rank = 0;
  aa->lwork = 1;
  *liwork = 1;
  for (lapack_int k = 1; k <= m; ++k) {
    scs_float wq = 0;
    lapack_int iq = 0;
    lapack_int info = AA_GELSD(LAPACK_COL_MAJOR, k, k, 1, aa->A, m, aa->rhs,
                               m, aa->sv, AA_RCOND, &rank, &wq, -1, &iq);
    if (info != 0) return 0;
    aa->lwork = SCS_MAX(aa->lwork, (lapack_int)wq + 1);
    *liwork = SCS_MAX(*liwork, iq);
  }
  return 1;
}

static int aa_alloc(AaWork *aa) {
  size_t n = (size_t)aa->dim, m = (size_t)aa->mem;
  aa->x_prev = scs_malloc_array(n, sizeof(scs_float));
  aa->f_prev = scs_malloc_array(n, sizeof(scs_float));
  aa->g_prev = scs_malloc_array(n, sizeof(scs_float));
  aa->g_cur = scs_malloc_array(n, sizeof(scs_float));
  aa->S = scs_malloc_array(n * m, sizeof(scs_float));
  aa->Y = scs_malloc_array(n * m, sizeof(scs_float));
  aa->ss = scs_calloc_array(m, sizeof(scs_float));
  aa->yy = scs_calloc_array(m, sizeof(scs_float));
  aa->G = scs_calloc_array(m * m, sizeof(scs_float));
  aa->A = scs_calloc_array(m * m, sizeof(scs_float));
  aa->rhs = scs_calloc_array(m, sizeof(scs_float));
  aa->sv = scs_calloc_array(m, sizeof(scs_float));
  if (!aa->x_prev || !aa->f_prev || !aa->g_prev || !aa->g_cur || !aa->S ||
      !aa->Y || !aa->ss || !aa->yy || !aa->G || !aa->A || !aa->rhs || !aa->sv)
    return 0;
  lapack_int liwork = 1;
  if (!aa_query_lapack(aa, &liwork)) return -1;
  aa->work = scs_malloc_array((size_t)aa->lwork, sizeof(scs_float));
  aa->iwork = scs_malloc_array((size_t)liwork, sizeof(lapack_int));
  return (aa->work && aa->iwork) ? 1 : 0;
}

AaWork *scs_aa_init(scs_int dim, scs_int mem, scs_int type1,
                    scs_float regularization, scs_float relaxation,
                    scs_float safeguard_factor, scs_float max_weight_norm) {
  if (!aa_check_args(dim, mem, regularization, relaxation, safeguard_factor,
                     max_weight_norm))
    return NULL;
  AaWork *aa = scs_calloc_array(1, sizeof(*aa));
  if (!aa) {
    scs_set_error("scs_aa_init: out of memory");
    return NULL;
  }
  aa->dim = dim;
  aa->mem = SCS_MIN(mem, dim); /* more than dim columns add no information */
  aa->min_cols = aa->mem;
  aa->type1 = type1 != 0;
  aa->reg = regularization;
  aa->beta = relaxation;
  aa->sg_factor = safeguard_factor;
  aa->max_wnorm = max_weight_norm;
  aa->stats.last_aa_norm = NAN;
  int ok = aa_alloc(aa);
  if (ok != 1) {
    if (ok < 0)
      scs_set_error("scs_aa_init: LAPACK workspace query failed");
    else
      scs_set_error("scs_aa_init: out of memory (dim %ld, mem %ld)",
                    (long)dim, (long)mem);
    scs_aa_finish(aa);
    return NULL;
  }
  return aa;
}

void scs_aa_finish(AaWork *aa) {
  if (!aa) return;
  scs_free(aa->x_prev);
  scs_free(aa->f_prev);
  scs_free(aa->g_prev);
  scs_free(aa->g_cur);
  scs_free(aa->S);
  scs_free(aa->Y);
  scs_free(aa->ss);
  scs_free(aa->yy);
  scs_free(aa->G);
  scs_free(aa->A);
  scs_free(aa->rhs);
  scs_free(aa->sv);
  scs_free(aa->work);
  scs_free(aa->iwork);
  scs_free(aa);
}

void scs_aa_set_min_columns(AaWork *aa, scs_int k) {
  if (aa) aa->min_cols = SCS_MIN(SCS_MAX(k, 1), aa->mem);
}

void scs_aa_reset(AaWork *aa) {
  if (aa) aa_forget(aa, 0); /* the map changed: old pairs are meaningless */
}

const AaStats *scs_aa_stats(const AaWork *aa) {
  return aa ? &aa->stats : NULL;
}

/* ---- apply ------------------------------------------------------------ */

/* g_cur = x - f; 0 if x, f or g has a NaN/Inf entry. */
static int aa_residual(AaWork *aa, const scs_float *f, const scs_float *x) {
  int finite = 1;
  for (scs_int i = 0; i < aa->dim; ++i) {
    aa->g_cur[i] = x[i] - f[i];
    if (!isfinite(x[i]) || !isfinite(f[i]) || !isfinite(aa->g_cur[i]))
      finite = 0;
  }
  return finite;
}

/*
 * Append s = x - x_prev, y = g - g_prev in slot c and refresh the Gram
 * matrix: type-I G = S'Y, G[i][c] = s_i'y_c and G[c][j] = s_c'y_j;
 * type-II G = Y'Y, G[i][c] = G[c][i] = y_i'y_c.
 */
static void aa_push_column(AaWork *aa, const scs_float *x) {
  scs_int n = aa->dim, m = aa->mem, c = aa->next;
  scs_float *s = col(aa->S, n, c), *y = col(aa->Y, n, c);
  for (scs_int i = 0; i < n; ++i) {
    s[i] = x[i] - aa->x_prev[i];
    y[i] = aa->g_cur[i] - aa->g_prev[i];
  }
  aa->ss[c] = scs_vec_norm_2_sq(s, n);
  aa->yy[c] = scs_vec_norm_2_sq(y, n);
  if (aa->ncols < m) aa->ncols++;
  aa->next = (c + 1) % m;
  for (scs_int j = 0; j < aa->ncols; ++j) {
    const scs_float *sj = col(aa->S, n, j), *yj = col(aa->Y, n, j);
    if (aa->type1) {
      aa->G[j + (size_t)c * m] = scs_vec_dot(sj, y, n);
      aa->G[c + (size_t)j * m] = scs_vec_dot(s, yj, n);
    } else {
      aa->G[j + (size_t)c * m] = aa->G[c + (size_t)j * m] =
          scs_vec_dot(yj, y, n);
    }
  }
}

/* Store the incoming pair as the newest one (x_prev, f_prev, g_prev). */
static void aa_store_pair(AaWork *aa, const scs_float *f, const scs_float *x) {
  size_t bytes = (size_t)aa->dim * sizeof(scs_float);
  memcpy(aa->x_prev, x, bytes);
  memcpy(aa->f_prev, f, bytes);
  scs_float *t = aa->g_prev; /* g_cur becomes g_prev */
  aa->g_prev = aa->g_cur;
  aa->g_cur = t;
  aa->g_norm = scs_vec_norm_2(aa->g_prev, aa->dim);
  aa->have_prev = 1;
}

/* Effective regularization r (see the header comment). */
static scs_float aa_reg_eff(const AaWork *aa) {
  scs_float y2 = sum(aa->yy, aa->ncols);
  if (!aa->type1) return aa->reg * y2;                     /* reg ||Y||_F^2 */
  return aa->reg * (scs_float)sqrt(sum(aa->ss, aa->ncols) * y2); /* |S||Y| */
}

/*
 * Build (G + r I) and rhs = S'g (type-I) or Y'g (type-II) for the k columns
 * in use; 0 if anything is not finite (LAPACK is not fed NaN/Inf).
 */
static int aa_build_system(AaWork *aa, scs_float r) {
  scs_int n = aa->dim, m = aa->mem, k = aa->ncols;
  const scs_float *B = aa->type1 ? aa->S : aa->Y;
  int finite = isfinite(r);
  for (scs_int j = 0; j < k; ++j) {
    aa->rhs[j] = scs_vec_dot(col((scs_float *)B, n, j), aa->g_prev, n);
    finite &= isfinite(aa->rhs[j]) != 0;
    for (scs_int i = 0; i < k; ++i) {
      scs_float v = aa->G[i + (size_t)j * m] + (i == j ? r : 0);
      aa->A[i + (size_t)j * m] = v;
      finite &= isfinite(v) != 0;
    }
  }
  return finite;
}

/* Solve (G + r I) gamma = rhs with ?gelsd; gamma lands in aa->rhs. */
static lapack_int aa_solve(AaWork *aa, lapack_int *rank) {
  lapack_int k = (lapack_int)aa->ncols, m = (lapack_int)aa->mem;
  return AA_GELSD(LAPACK_COL_MAJOR, k, k, 1, aa->A, m, aa->rhs, m, aa->sv,
                  AA_RCOND, rank, aa->work, aa->lwork, aa->iwork);
}

/* f = x - S gamma - beta (g - Y gamma), equation (AA); x, g of the newest
 * pair. Returns 0 if the result is not finite. */
static int aa_combine(AaWork *aa, scs_float *f) {
  scs_int n = aa->dim;
  const scs_float *x = aa->x_prev, *g = aa->g_prev, *gamma = aa->rhs;
  for (scs_int i = 0; i < n; ++i) f[i] = x[i] - aa->beta * g[i];
  for (scs_int j = 0; j < aa->ncols; ++j) {
    scs_vec_axpy(f, col(aa->S, n, j), n, -gamma[j]);
    scs_vec_axpy(f, col(aa->Y, n, j), n, aa->beta * gamma[j]);
  }
  return scs_vec_all_finite(f, n);
}

/* Refuse: count in *counter, forget the memory (keeping the valid newest
 * pair as anchor when keep_pair), return a negative value. */
static scs_float aa_refuse(AaWork *aa, scs_int *counter, int keep_pair) {
  (*counter)++;
  aa_forget(aa, keep_pair);
  return -1;
}

/* Weights from the current memory; returns ||gamma|| or a refusal (< 0). */
static scs_float aa_weights(AaWork *aa) {
  AaStats *st = &aa->stats;
  scs_float r = aa_reg_eff(aa);
  st->last_regularization = r;
  if (!aa_build_system(aa, r))
    return aa_refuse(aa, &st->n_reject_nonfinite, 1);
  lapack_int rank = 0;
  lapack_int info = aa_solve(aa, &rank);
  st->last_rank = (scs_int)rank;
  if (info != 0) return aa_refuse(aa, &st->n_reject_lapack, 1);
  if (rank == 0) return aa_refuse(aa, &st->n_reject_rank0, 1);
  scs_float wn = scs_vec_norm_2(aa->rhs, aa->ncols);
  st->last_aa_norm = wn;
  if (!isfinite(wn)) return aa_refuse(aa, &st->n_reject_nonfinite, 1);
  if (wn > aa->max_wnorm) return aa_refuse(aa, &st->n_reject_weight_cap, 1);
  return wn;
}

scs_float scs_aa_apply(AaWork *aa, scs_float *f, const scs_float *x) {
  if (!aa) return 0;
  aa->stats.iter++;
  aa->pending = 0;
  if (!aa_residual(aa, f, x)) /* NaN/Inf input would give NaN weights */
    return aa_refuse(aa, &aa->stats.n_reject_nonfinite, 0);
  if (aa->have_prev) aa_push_column(aa, x);
  aa_store_pair(aa, f, x);
  /* Extrapolate only with a full memory (as SCS does): after a reset the
   * first few secants describe the map poorly and their steps are mostly
   * rejected by the safeguard, wasting iterations. */
  if (aa->ncols < aa->min_cols) return 0;
  scs_float wn = aa_weights(aa);
  if (wn < 0) return wn;
  if (!aa_combine(aa, f)) { /* overflow: restore the unaccelerated f */
    memcpy(f, aa->f_prev, (size_t)aa->dim * sizeof(scs_float));
    return aa_refuse(aa, &aa->stats.n_reject_nonfinite, 1);
  }
  aa->stats.n_accept++;
  aa->pending = 1;
  return SCS_MAX(wn, AA_TINY); /* > 0 signals "f changed" even if gamma = 0 */
}

/* ---- safeguard ---------------------------------------------------------- */

/*
 * Accept the accelerated point when its residual does not exceed
 * safeguard_factor times the residual of the pair stored by the last apply
 * ([ZOB] Algorithm 3, safeguarding step): ||f_new - x_acc|| <= c ||f - x||.
 */
scs_int scs_aa_safeguard(AaWork *aa, scs_float *f_new,
                         const scs_float *x_acc) {
  if (!aa || !aa->pending) return 0; /* no accelerated point outstanding */
  aa->pending = 0;
  scs_float d2 = 0;
  for (scs_int i = 0; i < aa->dim; ++i) {
    scs_float d = f_new[i] - x_acc[i];
    d2 += d * d;
  }
  if (sqrt(d2) <= aa->sg_factor * aa->g_norm) return 0; /* NaN rejects */
  memcpy(f_new, aa->f_prev, (size_t)aa->dim * sizeof(scs_float));
  aa->stats.n_safeguard_reject++;
  aa_forget(aa, 0); /* the next pair starts afresh from the restored f */
  return -1;
}
