/*
 * Projection onto the cone of positive semidefinite matrices, real symmetric
 * or complex Hermitian, in the Frobenius norm (Higham, "Computing a nearest
 * symmetric positive semidefinite matrix", Linear Algebra Appl. 103, 1988;
 * Boyd & Vandenberghe, Convex Optimization, section 8.1.1): with the
 * eigendecomposition X = sum_i lambda_i q_i q_i^H,
 *
 *   Pi(X) = sum_{lambda_i > 0} lambda_i q_i q_i^H
 *         = X - sum_{lambda_i < 0} lambda_i q_i q_i^H.
 *
 * vec / cvec (psd.h) are isometries, so projecting the matrix projects the
 * vector. Sizes 1 and 2 have closed forms. Larger sizes go through LAPACK
 * on a dense column-major copy of the lower triangle, never allocating (the
 * workspace is sized once at init):
 *
 *  1. the inertia (counts of positive and negative eigenvalues) from the
 *     block-diagonal D of a Bunch-Kaufman factorization P X P^H = L D L^H
 *     (?sytrf / ?hetrf, k^3 / 3 flops; Sylvester's law of inertia);
 *  2. if one side holds at most k / PSD_FEW_DIV eigenvalues, ?syevr / ?heevr
 *     computes only those eigenpairs, in (0, b] or (-b, 0] (bisection and
 *     inverse iteration: cost grows with their number), and Pi(X) is their
 *     sum or X minus it. Otherwise (or if that fails) every eigenpair
 *     (tridiagonal MRRR), and the shorter of the two sums.
 *
 * The inertia only chooses the method: the eigensolver decides which
 * eigenvalues are positive, so a miscounted near-zero eigenvalue costs time,
 * never accuracy. Both sums carry an error of order eps ||X||_F (the
 * eigensolver's backward error) and cost k^2 / 2 per term, so the shorter
 * one is taken; PSD input comes back unchanged and negative definite input
 * becomes exactly 0.
 */
#include "psd.h"

#include <float.h>
#include <lapacke.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "linalg.h"

#if SCS_SFLOAT
#define PSD_SYEVR LAPACKE_ssyevr_work
#define PSD_HEEVR LAPACKE_cheevr_work
#define PSD_SYTRF LAPACKE_ssytrf_work
#define PSD_HETRF LAPACKE_chetrf_work
#define PSD_FLOAT_MAX FLT_MAX
typedef lapack_complex_float psd_complex;
#else
#define PSD_SYEVR LAPACKE_dsyevr_work
#define PSD_HEEVR LAPACKE_zheevr_work
#define PSD_SYTRF LAPACKE_dsytrf_work
#define PSD_HETRF LAPACKE_zhetrf_work
#define PSD_FLOAT_MAX DBL_MAX
typedef lapack_complex_double psd_complex;
#endif

#define PSD_SQRT2 ((scs_float)1.41421356237309504880)
#define PSD_RSQRT2 ((scs_float)0.70710678118654752440)
/* 2 k^2 reals (a complex matrix) must be indexable by a 32-bit lapack_int;
 * a matrix this size already takes 8 GiB per copy. */
#define PSD_MAX_K 32767
/* Partial eigendecomposition when one side has at most k / PSD_FEW_DIV
 * eigenvalues: measured (OpenBLAS, k = 50 and 200) to beat the full one up
 * to about k / 6. */
#define PSD_FEW_DIV 8

struct ScsPsdWork {
  lapack_int n_max;   /* largest real size >= 3, 0 if none */
  lapack_int cn_max;  /* largest complex size >= 3, 0 if none */
  scs_float *a;       /* the matrix (lower triangle), column-major: n_max^2
                         reals or cn_max^2 complex as (re, im) pairs */
  scs_float *z;       /* eigenvectors; before them the LDL^H factor */
  scs_float *eig;     /* eigenvalues, ascending */
  lapack_int *isuppz; /* eigenvector supports, 2 max(n_max, cn_max) */
  scs_float *work;    /* lwork reals, or lcwork complex numbers */
  lapack_int lwork, lcwork;
  scs_float *rwork;   /* the complex solver's real workspace */
  lapack_int lrwork;
  lapack_int *iwork;  /* also the factorization's pivots */
  lapack_int liwork;
};

/* ---- the two kinds of cone ----------------------------------------------- */

typedef struct PsdKind PsdKind;
struct PsdKind {
  const char *name;   /* for messages */
  const char *solver; /* LAPACK eigensolver, for messages */
  scs_int noff;       /* reals per matrix entry and per packed off-diagonal
                         entry: 1 real, 2 complex */
  /* a <- the matrix of v (lower triangle) */
  void (*unpack)(const scs_float *v, scs_int k, scs_float *a);
  /* z <- Bunch-Kaufman factor of a (lower), pivots in iwork */
  lapack_int (*factor)(ScsPsdWork *w, lapack_int n);
  /* eigenpairs of a into eig / z: all (range 'A') or those in (lo, hi] */
  lapack_int (*eig)(ScsPsdWork *w, lapack_int n, char range, scs_float lo,
                    scs_float hi, lapack_int *m);
  /* v <- v + vec(c q q^H), q an eigenvector (column of z) */
  void (*add)(scs_float *v, scs_int k, scs_float c, const scs_float *q);
};

/* ---- workspace ----------------------------------------------------------- */

/* Largest size >= 3 in s[0..ns) (smaller ones need no LAPACK), 0 if none. */
static scs_int lapack_size(const scs_int *s, scs_int ns) {
  scs_int mx = 0;
  for (scs_int i = 0; s && i < ns; ++i)
    if (s[i] >= 3) mx = SCS_MAX(mx, s[i]);
  return mx;
}

/* A workspace size LAPACK returned in a floating-point slot, rounded up,
 * and never below the documented minimum. */
static lapack_int query_size(scs_float q, lapack_int minimum) {
  lapack_int n = (lapack_int)ceil((double)q);
  return SCS_MAX(n, minimum);
}

/* Sizes for ?syevr (minimums from its documentation: 26n, 10n) and ?sytrf
 * on n x n. */
static lapack_int query_real(ScsPsdWork *w, lapack_int n) {
  scs_float wq = 0, fq = 0;
  lapack_int iwq = 0, m = 0;
  lapack_int info = PSD_SYEVR(LAPACK_COL_MAJOR, 'V', 'A', 'L', n, w->a, n, 0,
                              0, 0, 0, 0, &m, w->eig, w->z, n, w->isuppz, &wq,
                              -1, &iwq, -1);
  if (info == 0)
    info = PSD_SYTRF(LAPACK_COL_MAJOR, 'L', n, w->z, n, w->isuppz, &fq, -1);
  w->lwork = SCS_MAX(query_size(wq, 26 * n), query_size(fq, 1));
  w->liwork = SCS_MAX(iwq, 10 * n);
  return info;
}

/* Sizes for ?heevr (minimums: 2n, 24n, 10n) and ?hetrf on n x n. */
static lapack_int query_complex(ScsPsdWork *w, lapack_int n) {
  scs_float wq[2] = {0, 0}, fq[2] = {0, 0}, rq = 0;
  lapack_int iwq = 0, m = 0;
  lapack_int info = PSD_HEEVR(
      LAPACK_COL_MAJOR, 'V', 'A', 'L', n, (psd_complex *)w->a, n, 0, 0, 0, 0,
      0, &m, w->eig, (psd_complex *)w->z, n, w->isuppz, (psd_complex *)wq, -1,
      &rq, -1, &iwq, -1);
  if (info == 0)
    info = PSD_HETRF(LAPACK_COL_MAJOR, 'L', n, (psd_complex *)w->z, n,
                     w->isuppz, (psd_complex *)fq, -1);
  w->lcwork = SCS_MAX(query_size(wq[0], 2 * n), query_size(fq[0], 1));
  w->lrwork = query_size(rq, 24 * n);
  w->liwork = SCS_MAX(w->liwork, SCS_MAX(iwq, 10 * n));
  return info;
}

/* calloc of count elements of size elem (at least one) */
static void *alloc_zero(size_t count, size_t elem) {
  return scs_calloc_array(count > 0 ? count : 1, elem);
}

/* The matrix buffers (a, z, eig, isuppz) for real size n and complex cn. */
static int alloc_matrices(ScsPsdWork *w, lapack_int n, lapack_int cn) {
  size_t nn = SCS_MAX((size_t)n * (size_t)n, 2 * (size_t)cn * (size_t)cn);
  size_t mx = (size_t)SCS_MAX(n, cn);
  w->a = alloc_zero(nn, sizeof(scs_float));
  w->z = alloc_zero(nn, sizeof(scs_float));
  w->eig = alloc_zero(mx, sizeof(scs_float));
  w->isuppz = alloc_zero(2 * mx, sizeof(lapack_int));
  return w->a && w->z && w->eig && w->isuppz;
}

/* The LAPACK workspaces, once their sizes are known. */
static int alloc_lapack_work(ScsPsdWork *w) {
  size_t nw = SCS_MAX((size_t)w->lwork, 2 * (size_t)w->lcwork);
  w->work = alloc_zero(nw, sizeof(scs_float));
  w->rwork = alloc_zero((size_t)w->lrwork, sizeof(scs_float));
  w->iwork = alloc_zero((size_t)w->liwork, sizeof(lapack_int));
  return w->work && w->rwork && w->iwork;
}

ScsPsdWork *scs_psd_work_init(const scs_int *s, scs_int ns, const scs_int *cs,
                              scs_int ncs) {
  scs_int n = lapack_size(s, ns), cn = lapack_size(cs, ncs);
  if (n > PSD_MAX_K || cn > PSD_MAX_K) {
    scs_set_error("PSD cone of size %lld is too large (at most %d)",
                  (long long)SCS_MAX(n, cn), PSD_MAX_K);
    return NULL;
  }
  ScsPsdWork *w = scs_calloc_array(1, sizeof(*w));
  if (!w) {
    scs_set_error("out of memory allocating the PSD cone workspace");
    return NULL;
  }
  w->n_max = (lapack_int)n;
  w->cn_max = (lapack_int)cn;
  if (!alloc_matrices(w, w->n_max, w->cn_max)) goto oom;
  lapack_int info = 0;
  if (n > 0) info = query_real(w, w->n_max);
  if (info == 0 && cn > 0) info = query_complex(w, w->cn_max);
  if (info != 0) {
    scs_set_error("PSD cone workspace query failed (LAPACK info %d)",
                  (int)info);
    scs_psd_work_free(w);
    return NULL;
  }
  if (!alloc_lapack_work(w)) goto oom;
  return w;
oom:
  scs_psd_work_free(w);
  scs_set_error("out of memory allocating the PSD cone workspace");
  return NULL;
}

void scs_psd_work_free(ScsPsdWork *w) {
  if (!w) return;
  scs_free(w->a);
  scs_free(w->z);
  scs_free(w->eig);
  scs_free(w->isuppz);
  scs_free(w->work);
  scs_free(w->rwork);
  scs_free(w->iwork);
  scs_free(w);
}

/* ---- 2 x 2 --------------------------------------------------------------- */

/* The Hermitian [[a, conj b], [b, c]] has eigenvalues mu +- d with
 * mu = (a + c) / 2, d = sqrt(((a - c) / 2)^2 + |b|^2); babs = |b|. Halves
 * are taken first so that nothing overflows. */
static void eig_2x2(scs_float a, scs_float babs, scs_float c, scs_float *mu,
                    scs_float *d) {
  *mu = a / 2 + c / 2;
  *d = (scs_float)hypot(a / 2 - c / 2, babs);
}

/*
 * Size 2, v = (a, x, c) with x = sqrt2 X_21 (real, noff = 1) or
 * x = (sqrt2 Re X_21, sqrt2 Im X_21) (complex, noff = 2). When
 * mu - d < 0 < mu + d the projection is (mu + d) q q^H, and since
 * X - mu I = d (q q^H - q' q'^H) and I = q q^H + q' q'^H,
 *   q q^H = (I + (X - mu I) / d) / 2    (d > 0 here).
 */
static void proj_2x2(scs_float *v, scs_int noff) {
  scs_float a = v[0], c = v[noff + 1], mu, d;
  scs_float x =
      noff == 1 ? (scs_float)fabs(v[1]) : (scs_float)hypot(v[1], v[2]);
  eig_2x2(a, x * PSD_RSQRT2, c, &mu, &d);
  scs_float lmax = mu + d;
  if (mu - d >= 0) return; /* already PSD */
  if (lmax <= 0) {         /* negative semidefinite: projects to 0 */
    for (scs_int i = 0; i < noff + 2; ++i) v[i] = 0;
    return;
  }
  scs_float t = lmax / (2 * d), half_diff = a / 2 - c / 2;
  v[0] = lmax / 2 + t * half_diff;
  v[noff + 1] = lmax / 2 - t * half_diff;
  for (scs_int i = 1; i <= noff; ++i) v[i] *= t;
}

/* Sizes 1 and 2, and nonfinite input, handled without LAPACK; returns 1 if
 * v is done. */
static int proj_small(scs_float *v, scs_int k, scs_int len, scs_int noff) {
  if (k == 1) { /* the cone {t >= 0} */
    v[0] = v[0] > 0 ? v[0] : 0;
    return 1;
  }
  if (!scs_vec_all_finite(v, len)) { /* no meaningful projection */
    for (scs_int i = 0; i < len; ++i) v[i] = NAN;
    return 1;
  }
  if (k == 2) {
    proj_2x2(v, noff);
    return 1;
  }
  return 0;
}

/* ---- the LAPACK path, for both kinds ------------------------------------- */

/* Inertia of the matrix in a from D in P X P^H = L D L^H (factored in z,
 * lower; D's 1 x 1 and 2 x 2 blocks on the diagonal, a 2 x 2 block where
 * pivot i is negative). Returns nonzero if the factorization failed. */
static int inertia(ScsPsdWork *w, lapack_int n, const PsdKind *K,
                   scs_int *npos, scs_int *nneg) {
  size_t s = (size_t)K->noff, nn = (size_t)n;
  memcpy(w->z, w->a, sizeof(scs_float) * s * nn * nn);
  if (K->factor(w, n) < 0) return -1; /* > 0: D singular, still exact */
  *npos = *nneg = 0;
  for (lapack_int i = 0; i < n; ++i) {
    size_t ii = (size_t)i;
    scs_float a = w->z[s * (ii + ii * nn)];
    if (w->iwork[i] > 0 || i + 1 == n) { /* 1 x 1 block */
      *npos += a > 0;
      *nneg += a < 0;
      continue;
    }
    const scs_float *b = w->z + s * (ii + 1 + ii * nn);
    scs_float babs =
        s == 1 ? (scs_float)fabs(b[0]) : (scs_float)hypot(b[0], b[1]);
    scs_float mu, d;
    eig_2x2(a, babs, w->z[s * (ii + 1 + (ii + 1) * nn)], &mu, &d);
    *npos += (mu + d > 0) + (mu - d > 0);
    *nneg += (mu + d < 0) + (mu - d < 0);
    ++i;
  }
  return 0;
}

/* v <- v + sign * sum_{i in [from, to)} vec(lambda_i q_i q_i^H) */
static void add_pairs(ScsPsdWork *w, scs_float *v, scs_int k,
                      const PsdKind *K, scs_float sign, scs_int from,
                      scs_int to) {
  for (scs_int i = from; i < to; ++i)
    K->add(v, k, sign * w->eig[i], w->z + (size_t)i * (size_t)(K->noff * k));
}

/* With every eigenpair (ascending): the shorter sum (file comment). */
static void reconstruct_all(ScsPsdWork *w, scs_float *v, scs_int k,
                            scs_int len, const PsdKind *K) {
  scs_int npos = 0, nneg = 0;
  for (scs_int i = 0; i < k; ++i) {
    npos += w->eig[i] > 0;
    nneg += w->eig[i] < 0;
  }
  if (nneg == 0) return;
  if (npos <= nneg) {
    for (scs_int i = 0; i < len; ++i) v[i] = 0;
    add_pairs(w, v, k, K, 1, k - npos, k);
  } else {
    add_pairs(w, v, k, K, -1, 0, nneg);
  }
}

/* Only the eigenpairs on the side with fewer eigenvalues (pos: the
 * positive one); |lambda| <= ||X||_2 <= k max|X_ij| <= k ||v||_inf bounds
 * the interval. Returns nonzero (v untouched) if the eigensolver failed. */
static int project_side(ScsPsdWork *w, scs_float *v, scs_int k, scs_int len,
                        const PsdKind *K, int pos, scs_float vmax) {
  scs_float b = 2 * (scs_float)k * vmax;
  if (!isfinite(b)) b = PSD_FLOAT_MAX;
  lapack_int m = 0;
  if (K->eig(w, (lapack_int)k, 'V', pos ? 0 : -b, pos ? b : 0, &m) != 0)
    return -1;
  if (pos)
    for (scs_int i = 0; i < len; ++i) v[i] = 0;
  add_pairs(w, v, k, K, pos ? 1 : -1, 0, m);
  return 0;
}

static scs_int project(ScsPsdWork *w, scs_float *v, scs_int k, scs_int len,
                       const PsdKind *K, lapack_int n_max) {
  if (k > n_max) {
    scs_set_error("%s cone projection: size %lld exceeds the workspace (%d)",
                  K->name, (long long)k, (int)n_max);
    return -1;
  }
  scs_float vmax = scs_vec_norm_inf(v, len);
  if (vmax == 0) return 0; /* 0 is in the cone */
  lapack_int n = (lapack_int)k, m = 0;
  scs_int npos = 0, nneg = 0;
  K->unpack(v, k, w->a);
  if (inertia(w, n, K, &npos, &nneg) == 0 &&
      SCS_MIN(npos, nneg) <= k / PSD_FEW_DIV) {
    if (project_side(w, v, k, len, K, npos <= nneg, vmax) == 0) return 0;
    K->unpack(v, k, w->a); /* failed (inverse iteration): do it all */
  }
  lapack_int info = K->eig(w, n, 'A', 0, 0, &m);
  if (info != 0 || m != n) {
    scs_set_error("%s cone projection: LAPACK %s failed (info %d, size %lld)",
                  K->name, K->solver, (int)info, (long long)k);
    return -1;
  }
  reconstruct_all(w, v, k, len, K);
  return 0;
}

/* ---- real ---------------------------------------------------------------- */

/* a (k x k, column-major, lower triangle only) <- mat(v) */
static void unpack_real(const scs_float *v, scs_int k, scs_float *a) {
  for (scs_int j = 0; j < k; ++j) {
    scs_float *col = a + (size_t)j * (size_t)k;
    col[j] = *v++;
    for (scs_int i = j + 1; i < k; ++i) col[i] = PSD_RSQRT2 * *v++;
  }
}

static lapack_int factor_real(ScsPsdWork *w, lapack_int n) {
  return PSD_SYTRF(LAPACK_COL_MAJOR, 'L', n, w->z, n, w->iwork, w->work,
                   w->lwork);
}

static lapack_int eig_real(ScsPsdWork *w, lapack_int n, char range,
                           scs_float lo, scs_float hi, lapack_int *m) {
  return PSD_SYEVR(LAPACK_COL_MAJOR, 'V', range, 'L', n, w->a, n, lo, hi, 0,
                   0, 0, m, w->eig, w->z, n, w->isuppz, w->work, w->lwork,
                   w->iwork, w->liwork);
}

/* v <- v + vec(c q q') without forming the matrix: column j of the packed
 * lower triangle holds (c q_j q_j, sqrt2 c q_j q_{j+1}, ...,
 * sqrt2 c q_j q_k). */
static void add_rank1_real(scs_float *v, scs_int k, scs_float c,
                           const scs_float *q) {
  for (scs_int j = 0; j < k; ++j) {
    scs_float cq = c * q[j], s = PSD_SQRT2 * cq;
    *v++ += cq * q[j];
    for (scs_int i = j + 1; i < k; ++i) *v++ += s * q[i];
  }
}

static const PsdKind real_kind = {
    "PSD",
#if SCS_SFLOAT
    "ssyevr",
#else
    "dsyevr",
#endif
    1, unpack_real, factor_real, eig_real, add_rank1_real};

scs_int scs_proj_psd(ScsPsdWork *w, scs_float *v, scs_int k) {
  scs_int len = k * (k + 1) / 2;
  if (proj_small(v, k, len, 1)) return 0;
  return project(w, v, k, len, &real_kind, w ? w->n_max : 0);
}

/* ---- complex ------------------------------------------------------------- */

/* a (k x k complex as (re, im) pairs, column-major, lower triangle) <-
 * cmat(v): X_jj = v, X_ij = (v_re + i v_im) / sqrt2 below the diagonal. */
static void unpack_complex(const scs_float *v, scs_int k, scs_float *a) {
  for (scs_int j = 0; j < k; ++j) {
    scs_float *col = a + 2 * (size_t)j * (size_t)k;
    col[2 * j] = *v++;
    col[2 * j + 1] = 0;
    for (scs_int i = j + 1; i < k; ++i) {
      col[2 * i] = PSD_RSQRT2 * *v++;
      col[2 * i + 1] = PSD_RSQRT2 * *v++;
    }
  }
}

static lapack_int factor_complex(ScsPsdWork *w, lapack_int n) {
  return PSD_HETRF(LAPACK_COL_MAJOR, 'L', n, (psd_complex *)w->z, n, w->iwork,
                   (psd_complex *)w->work, w->lcwork);
}

static lapack_int eig_complex(ScsPsdWork *w, lapack_int n, char range,
                              scs_float lo, scs_float hi, lapack_int *m) {
  return PSD_HEEVR(LAPACK_COL_MAJOR, 'V', range, 'L', n, (psd_complex *)w->a,
                   n, lo, hi, 0, 0, 0, m, w->eig, (psd_complex *)w->z, n,
                   w->isuppz, (psd_complex *)w->work, w->lcwork, w->rwork,
                   w->lrwork, w->iwork, w->liwork);
}

/* v <- v + cvec(c q q^H), q of k complex (re, im) pairs: entry (i, j) is
 * c q_i conj(q_j), whose diagonal is c |q_j|^2. */
static void add_rank1_complex(scs_float *v, scs_int k, scs_float c,
                              const scs_float *q) {
  for (scs_int j = 0; j < k; ++j) {
    scs_float re = q[2 * j], im = q[2 * j + 1];
    scs_float sr = PSD_SQRT2 * c * re, si = PSD_SQRT2 * c * im;
    *v++ += c * (re * re + im * im);
    for (scs_int i = j + 1; i < k; ++i) {
      /* (x + i y)(sr - i si) = (x sr + y si) + i (y sr - x si) */
      scs_float x = q[2 * i], y = q[2 * i + 1];
      *v++ += x * sr + y * si;
      *v++ += y * sr - x * si;
    }
  }
}

static const PsdKind complex_kind = {
    "complex PSD",
#if SCS_SFLOAT
    "cheevr",
#else
    "zheevr",
#endif
    2, unpack_complex, factor_complex, eig_complex, add_rank1_complex};

scs_int scs_proj_complex_psd(ScsPsdWork *w, scs_float *v, scs_int k) {
  scs_int len = k * k;
  if (proj_small(v, k, len, 2)) return 0;
  return project(w, v, k, len, &complex_kind, w ? w->cn_max : 0);
}
