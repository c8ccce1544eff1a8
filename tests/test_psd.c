/*
 * Tests of the real and complex PSD cone projections (src/cones/psd.c).
 *
 * p = Pi(x) onto the self-dual cone S_+ is characterised by Moreau's
 * decomposition x = Pi(x) - Pi(-x) with Pi(x), Pi(-x) in S_+ and
 * <Pi(x), Pi(-x)> = 0. The tests check that, idempotence and agreement with
 * an independent reference (cyclic Jacobi in double precision, a complex
 * Hermitian H = A + iB through its real embedding [A -B; B A], which has
 * H's eigenvalues twice), on random and adversarial matrices, plus exact
 * answers that pin down the SCS vectorization order.
 */
#include <complex.h>
#include <criterion/criterion.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cones/psd.h"
#include "error.h"

#define SINGLE (sizeof(scs_float) == sizeof(float))
#define TOL (SINGLE ? 1e-4 : 1e-9)    /* relative to ||x|| */
#define TIGHT (SINGLE ? 1e-5 : 1e-12) /* PSD input must come back unchanged */
#define HUGE_SCALE (SINGLE ? 1e30 : 1e100)
#define TINY_SCALE (SINGLE ? 1e-30 : 1e-100)
#define SQRT2 1.41421356237309504880
#define KMAX 30

typedef double complex cplx;

/* re + i im (CMPLX needs a compiler glibc recognises as GCC >= 4.7) */
static cplx mkc(double re, double im) { return re + im * I; }

static const int sizes[] = {1, 2, 3, 5, 10, 30};
#define NSIZES ((int)(sizeof(sizes) / sizeof(sizes[0])))

/* ---- deterministic PRNG (splitmix64) ------------------------------------- */

#include "rng.h"
static double rng_sym(Rng *r) {
  return 2 * ((double)(rng_next(r) >> 11) * 0x1.0p-53) - 1;
}

/* ---- vectors ------------------------------------------------------------- */

static int veclen(int k, int herm) { return herm ? k * k : k * (k + 1) / 2; }

static double dnorm(const scs_float *v, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += (double)v[i] * (double)v[i];
  return sqrt(s);
}
static double ddot(const scs_float *a, const scs_float *b, int n) {
  double s = 0;
  for (int i = 0; i < n; ++i) s += (double)a[i] * (double)b[i];
  return s;
}
static double dmaxdiff(const scs_float *a, const scs_float *b, int n) {
  double m = 0;
  for (int i = 0; i < n; ++i) m = fmax(m, fabs((double)a[i] - (double)b[i]));
  return m;
}
static double dmaxabs(const scs_float *a, int n) {
  double m = 0;
  for (int i = 0; i < n; ++i) m = fmax(m, fabs((double)a[i]));
  return m;
}

/* ---- matrices: k x k, column-major, double complex (imag 0 if real) ------ */

#define AT(M, k, i, j) ((M)[(i) + (size_t)(j) * (k)])

/* SCS's vec (herm = 0) / cvec (herm = 1) of the lower triangle of M */
static void pack(const cplx *M, int k, int herm, scs_float *v) {
  for (int j = 0; j < k; ++j) {
    *v++ = (scs_float)creal(AT(M, k, j, j));
    for (int i = j + 1; i < k; ++i) {
      *v++ = (scs_float)(SQRT2 * creal(AT(M, k, i, j)));
      if (herm) *v++ = (scs_float)(SQRT2 * cimag(AT(M, k, i, j)));
    }
  }
}

/* mat / cmat: the Hermitian M whose lower triangle v holds */
static void unpack(const scs_float *v, int k, int herm, cplx *M) {
  for (int j = 0; j < k; ++j) {
    AT(M, k, j, j) = *v++;
    for (int i = j + 1; i < k; ++i) {
      double re = *v++ / SQRT2, im = herm ? *v++ / SQRT2 : 0;
      AT(M, k, i, j) = mkc(re, im);
      AT(M, k, j, i) = mkc(re, -im);
    }
  }
}

static double fro(const cplx *M, int k) {
  double s = 0;
  for (int i = 0; i < k * k; ++i) s += creal(M[i] * conj(M[i]));
  return sqrt(s);
}

/* a Hermitian (real symmetric if !herm) matrix with entries in [-1, 1] */
static void random_herm(Rng *r, int k, int herm, cplx *M) {
  for (int j = 0; j < k; ++j) {
    AT(M, k, j, j) = rng_sym(r);
    for (int i = j + 1; i < k; ++i) {
      cplx z = mkc(rng_sym(r), herm ? rng_sym(r) : 0);
      AT(M, k, i, j) = z;
      AT(M, k, j, i) = conj(z);
    }
  }
}

/* a random unitary (orthogonal if !herm): Gram-Schmidt, twice, on random
 * columns */
static void random_unitary(Rng *r, int k, int herm, cplx *U) {
  for (int i = 0; i < k * k; ++i) U[i] = mkc(rng_sym(r), herm ? rng_sym(r) : 0);
  for (int j = 0; j < k; ++j) {
    for (int pass = 0; pass < 2; ++pass)
      for (int l = 0; l < j; ++l) {
        cplx d = 0;
        for (int i = 0; i < k; ++i) d += conj(AT(U, k, i, l)) * AT(U, k, i, j);
        for (int i = 0; i < k; ++i) AT(U, k, i, j) -= d * AT(U, k, i, l);
      }
    double n = 0;
    for (int i = 0; i < k; ++i)
      n += creal(AT(U, k, i, j) * conj(AT(U, k, i, j)));
    for (int i = 0; i < k; ++i) AT(U, k, i, j) /= sqrt(n);
  }
}

/* M = U diag(lam) U^H */
static void with_eigs(const cplx *U, int k, const double *lam, cplx *M) {
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < k; ++i) {
      cplx s = 0;
      for (int l = 0; l < k; ++l)
        s += lam[l] * AT(U, k, i, l) * conj(AT(U, k, j, l));
      AT(M, k, i, j) = s;
    }
  for (int j = 0; j < k; ++j) AT(M, k, j, j) = creal(AT(M, k, j, j));
}

/* ---- reference: cyclic Jacobi (Golub & Van Loan, Algorithm 8.5.3) -------- */

/* eigenvalues d and eigenvectors V (columns) of the real symmetric n x n A
 * (destroyed) */
static void jacobi(double *A, int n, double *d, double *V) {
  for (int i = 0; i < n * n; ++i) V[i] = 0;
  for (int i = 0; i < n; ++i) V[i + i * n] = 1;
  for (int sweep = 0; sweep < 100; ++sweep) {
    double off = 0, all = 0;
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < n; ++i) {
        double a = A[i + j * n] * A[i + j * n];
        all += a;
        if (i != j) off += a;
      }
    if (off <= 1e-34 * all) break;
    for (int p = 0; p < n; ++p)
      for (int q = p + 1; q < n; ++q) {
        double apq = A[p + q * n];
        if (apq == 0) continue;
        double theta = (A[q + q * n] - A[p + p * n]) / (2 * apq);
        double t = fabs(theta) > 1e150 /* theta^2 would overflow */
                       ? 1 / (2 * theta)
                       : (theta >= 0 ? 1 : -1) /
                             (fabs(theta) + sqrt(theta * theta + 1));
        double c = 1 / sqrt(t * t + 1), s = t * c;
        for (int r = 0; r < n; ++r) { /* A <- A J, V <- V J */
          double arp = A[r + p * n], arq = A[r + q * n];
          A[r + p * n] = c * arp - s * arq;
          A[r + q * n] = s * arp + c * arq;
          double vrp = V[r + p * n], vrq = V[r + q * n];
          V[r + p * n] = c * vrp - s * vrq;
          V[r + q * n] = s * vrp + c * vrq;
        }
        for (int r = 0; r < n; ++r) { /* A <- J' A */
          double apr = A[p + r * n], aqr = A[q + r * n];
          A[p + r * n] = c * apr - s * aqr;
          A[q + r * n] = s * apr + c * aqr;
        }
      }
  }
  for (int i = 0; i < n; ++i) d[i] = A[i + i * n];
}

/* real n x n matrix: A itself (n = k) or the embedding [A -B; B A] (n = 2k) */
static int embed(const cplx *M, int k, int herm, double *R) {
  int n = herm ? 2 * k : k;
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < k; ++i) {
      double a = creal(AT(M, k, i, j)), b = cimag(AT(M, k, i, j));
      R[i + j * n] = a;
      if (!herm) continue;
      R[i + k + (j + k) * n] = a;
      R[i + k + j * n] = b;
      R[i + (j + k) * n] = -b;
    }
  return n;
}

typedef struct {
  double R[4 * KMAX * KMAX], V[4 * KMAX * KMAX], d[2 * KMAX];
} Scratch;
static Scratch scratch; /* one per test process */

static double min_eig(const cplx *M, int k, int herm) {
  int n = embed(M, k, herm, scratch.R);
  jacobi(scratch.R, n, scratch.d, scratch.V);
  double m = INFINITY;
  for (int i = 0; i < n; ++i) m = fmin(m, scratch.d[i]);
  return m;
}

/* P = Pi(M), through the embedding for Hermitian M (embed(Pi(H)) =
 * Pi(embed(H)): H's eigenvector u + iw gives the pair (u; w), (-w; u)) */
static void ref_proj(const cplx *M, int k, int herm, cplx *P) {
  int n = embed(M, k, herm, scratch.R);
  jacobi(scratch.R, n, scratch.d, scratch.V);
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < k; ++i) {
      double a = 0, b = 0;
      for (int l = 0; l < n; ++l) {
        double lam = fmax(scratch.d[l], 0), vj = scratch.V[j + l * n];
        a += lam * scratch.V[i + l * n] * vj;
        if (herm) b += lam * scratch.V[i + k + l * n] * vj;
      }
      AT(P, k, i, j) = mkc(a, b);
    }
}

/* ---- the projection under test ------------------------------------------- */

static ScsPsdWork *work_for(int k, int herm) {
  scs_int kk = k;
  ScsPsdWork *w = herm ? scs_psd_work_init(NULL, 0, &kk, 1)
                       : scs_psd_work_init(&kk, 1, NULL, 0);
  cr_assert_not_null(w, "workspace for size %d: %s", k, scs_last_error());
  return w;
}

static void proj(ScsPsdWork *w, scs_float *v, int k, int herm) {
  scs_int rc = herm ? scs_proj_complex_psd(w, v, k) : scs_proj_psd(w, v, k);
  cr_assert_eq(rc, 0, "projection failed: %s", scs_last_error());
}

/*
 * Every property of p = Pi(x) on x, with tolerances relative to ||x||:
 * PSD, Moreau, orthogonality, idempotence and the Jacobi reference.
 */
static void check_projection(ScsPsdWork *w, const scs_float *x, int k,
                             int herm) {
  int len = veclen(k, herm);
  scs_float p[KMAX * KMAX], pn[KMAX * KMAX], pp[KMAX * KMAX], ref[KMAX * KMAX];
  static cplx M[KMAX * KMAX], P[KMAX * KMAX];
  double nx = dnorm(x, len), eps = TOL * nx;
  memcpy(p, x, sizeof(scs_float) * (size_t)len);
  proj(w, p, k, herm);
  for (int i = 0; i < len; ++i) pn[i] = -x[i];
  proj(w, pn, k, herm);
  unpack(p, k, herm, M);
  cr_assert_geq(min_eig(M, k, herm), -eps, "Pi(x) not PSD, k %d", k);
  unpack(pn, k, herm, M);
  cr_assert_geq(min_eig(M, k, herm), -eps, "Pi(-x) not PSD, k %d", k);
  for (int i = 0; i < len; ++i)
    cr_assert_leq(fabs((double)x[i] - ((double)p[i] - (double)pn[i])), eps,
                  "Moreau x = Pi(x) - Pi(-x) fails at %d, k %d", i, k);
  cr_assert_leq(fabs(ddot(p, pn, len)), TOL * nx * nx,
                "<Pi(x), Pi(-x)> = %g, k %d", ddot(p, pn, len), k);
  memcpy(pp, p, sizeof(scs_float) * (size_t)len);
  proj(w, pp, k, herm);
  cr_assert_leq(dmaxdiff(pp, p, len), eps, "not idempotent, k %d", k);
  unpack(x, k, herm, M);
  ref_proj(M, k, herm, P);
  pack(P, k, herm, ref);
  cr_assert_leq(dmaxdiff(p, ref, len), eps, "differs from Jacobi by %g, k %d",
                dmaxdiff(p, ref, len), k);
}

/* ---- vectorization ------------------------------------------------------- */

Test(psd, vectorization_is_an_isometry) {
  Rng r = {1};
  static cplx M[KMAX * KMAX], N[KMAX * KMAX], B[KMAX * KMAX];
  scs_float v[KMAX * KMAX], u[KMAX * KMAX];
  for (int herm = 0; herm <= 1; ++herm)
    for (int s = 0; s < NSIZES; ++s) {
      int k = sizes[s], len = veclen(k, herm);
      random_herm(&r, k, herm, M);
      random_herm(&r, k, herm, B);
      pack(M, k, herm, v);
      pack(B, k, herm, u);
      unpack(v, k, herm, N);
      double d = 0, tr = 0;
      for (int i = 0; i < k * k; ++i) d = fmax(d, cabs(M[i] - N[i]));
      cr_assert_leq(d, TOL, "mat(vec(M)) != M, k %d", k);
      cr_assert_float_eq(dnorm(v, len), fro(M, k), TOL * fro(M, k),
                         "||vec M|| != ||M||_F, k %d", k);
      for (int j = 0; j < k; ++j) /* Trace(M^H B) */
        for (int i = 0; i < k; ++i)
          tr += creal(conj(AT(M, k, i, j)) * AT(B, k, i, j));
      cr_assert_float_eq(ddot(v, u, len), tr, TOL * k * k,
                         "<vec M, vec B> != Trace(M^H B), k %d", k);
    }
}

/* ---- exact answers: the layout ------------------------------------------- */

/* X = [[0, 0, 1], [0, 0, 0], [1, 0, 0]] has eigenvalues -1, 0, 1 with
 * q_1 = (1, 0, 1) / sqrt2, so Pi(X) = [[1, 0, 1], [0, 0, 0], [1, 0, 1]] / 2 */
Test(psd, known_real_3x3) {
  ScsPsdWork *w = work_for(3, 0);
  scs_float v[6] = {0, 0, (scs_float)SQRT2, 0, 0, 0};
  const double want[6] = {0.5, 0, SQRT2 / 2, 0, 0, 0.5};
  proj(w, v, 3, 0);
  for (int i = 0; i < 6; ++i)
    cr_assert_float_eq(v[i], want[i], TOL, "entry %d", i);
  scs_psd_work_free(w);
}

/* For i > j, X = z e_i e_j' + conj(z) e_j e_i' with |z| = 1 has eigenvalues
 * +-1 and Pi(X) = (e_j + z e_i)(e_j + z e_i)^H / 2: one half on the
 * diagonal at j and i, z / 2 at (i, j). Checked for every position. */
static void unit_pair_case(ScsPsdWork *w, int k, int herm, int i, int j,
                           cplx z) {
  int len = veclen(k, herm);
  scs_float v[64], want[64];
  for (int t = 0; t < len; ++t) v[t] = want[t] = 0;
  /* packed offsets of X_jj, X_ii and X_ij (column j starts at off) */
  int off = 0, oi = 0, oj = 0, oij = 0;
  for (int c = 0; c < k; ++c) {
    if (c == j) oij = off + (herm ? 2 * (i - j) - 1 : i - j);
    if (c == j) oj = off;
    if (c == i) oi = off;
    off += herm ? 2 * (k - c) - 1 : k - c;
  }
  v[oij] = (scs_float)(SQRT2 * creal(z));
  if (herm) v[oij + 1] = (scs_float)(SQRT2 * cimag(z));
  want[oj] = want[oi] = 0.5;
  want[oij] = (scs_float)(SQRT2 * creal(z) / 2);
  if (herm) want[oij + 1] = (scs_float)(SQRT2 * cimag(z) / 2);
  proj(w, v, k, herm);
  cr_assert_leq(dmaxdiff(v, want, len), TOL, "k %d herm %d (i, j) = (%d, %d)",
                k, herm, i, j);
}

Test(psd, layout_every_off_diagonal_position) {
  for (int herm = 0; herm <= 1; ++herm)
    for (int k = 2; k <= 5; ++k) {
      ScsPsdWork *w = work_for(k, herm);
      for (int j = 0; j < k; ++j)
        for (int i = j + 1; i < k; ++i) {
          double th = 0.3 + i + 2 * j;
          unit_pair_case(w, k, herm, i, j, herm ? mkc(cos(th), sin(th)) : 1);
          unit_pair_case(w, k, herm, i, j, -1);
        }
      scs_psd_work_free(w);
    }
}

/* [[1, i], [-i, 1]] has eigenvalues 0 and 2: unchanged. [[1, 2i], [-2i, 1]]
 * has 3 and -1 with q_3 = (1, -i) / sqrt2: Pi = 1.5 [[1, i], [-i, 1]]. */
Test(psd, known_complex) {
  ScsPsdWork *w = work_for(3, 1);
  scs_float a[4] = {1, 0, (scs_float)-SQRT2, 1};
  const double a_want[4] = {1, 0, -SQRT2, 1};
  proj(w, a, 2, 1);
  for (int i = 0; i < 4; ++i)
    cr_assert_float_eq(a[i], a_want[i], TOL, "psd %d", i);
  scs_float b[4] = {1, 0, (scs_float)(-2 * SQRT2), 1};
  const double b_want[4] = {1.5, 0, -1.5 * SQRT2, 1.5};
  proj(w, b, 2, 1);
  for (int i = 0; i < 4; ++i)
    cr_assert_float_eq(b[i], b_want[i], TOL, "2x2 %d", i);
  /* the same with a -5 between, through LAPACK: rows / columns 0 and 2 */
  scs_float c[9] = {1, 0, 0, 0, (scs_float)(-2 * SQRT2), -5, 0, 0, 1};
  const double c_want[9] = {1.5, 0, 0, 0, -1.5 * SQRT2, 0, 0, 0, 1.5};
  proj(w, c, 3, 1);
  for (int i = 0; i < 9; ++i)
    cr_assert_float_eq(c[i], c_want[i], TOL, "3x3 %d", i);
  scs_psd_work_free(w);
}

/* The closed form for size 2 against LAPACK: Pi(diag(X, t)) = diag(Pi(X),
 * max(t, 0)) for a 3 x 3 block-diagonal matrix. */
Test(psd, two_by_two_matches_lapack) {
  Rng r = {7};
  for (int herm = 0; herm <= 1; ++herm) {
    ScsPsdWork *w = work_for(3, herm);
    for (int trial = 0; trial < 200; ++trial) {
      static cplx M2[4], M3[9];
      scs_float v2[4], v3[9], want[9];
      random_herm(&r, 2, herm, M2);
      if (trial % 4 == 0) M2[0] = M2[3] = 0; /* zero diagonal */
      double t = trial % 2 ? -1 : 1;
      for (int i = 0; i < 9; ++i) M3[i] = 0;
      AT(M3, 3, 0, 0) = M2[0], AT(M3, 3, 1, 0) = M2[1];
      AT(M3, 3, 0, 1) = M2[2], AT(M3, 3, 1, 1) = M2[3];
      AT(M3, 3, 2, 2) = t;
      pack(M2, 2, herm, v2);
      pack(M3, 3, herm, v3);
      proj(w, v2, 2, herm);
      proj(w, v3, 3, herm);
      unpack(v2, 2, herm, M2);
      AT(M3, 3, 0, 0) = M2[0], AT(M3, 3, 1, 0) = M2[1];
      AT(M3, 3, 0, 1) = M2[2], AT(M3, 3, 1, 1) = M2[3];
      AT(M3, 3, 2, 2) = fmax(t, 0);
      pack(M3, 3, herm, want);
      cr_assert_leq(dmaxdiff(v3, want, veclen(3, herm)), TOL,
                    "herm %d trial %d", herm, trial);
    }
    scs_psd_work_free(w);
  }
}

/* ---- random matrices ----------------------------------------------------- */

static void random_cases(int herm) {
  Rng r = {herm ? 11 : 10};
  static cplx M[KMAX * KMAX];
  scs_float x[KMAX * KMAX];
  for (int s = 0; s < NSIZES; ++s) {
    int k = sizes[s];
    ScsPsdWork *w = work_for(k, herm);
    for (int trial = 0; trial < (k >= 30 ? 5 : 40); ++trial) {
      random_herm(&r, k, herm, M);
      /* shift the spectrum (radius about 1.15 sqrt(k)) so that every
       * count of positive eigenvalues, hence every method, occurs */
      static const double shifts[7] = {-1, -0.6, -0.3, 0, 0.3, 0.6, 1};
      double shift = shifts[trial % 7] * sqrt((double)k);
      for (int i = 0; i < k; ++i) AT(M, k, i, i) += shift;
      pack(M, k, herm, x);
      check_projection(w, x, k, herm);
    }
    scs_psd_work_free(w);
  }
}

Test(psd, random_real) { random_cases(0); }
Test(psd, random_complex) { random_cases(1); }

/* ---- adversarial matrices ------------------------------------------------ */

/* vec(U diag(lam) U^H) */
static void spectral(const cplx *U, int k, int herm, const double *lam,
                     scs_float *x) {
  static cplx M[KMAX * KMAX];
  with_eigs(U, k, lam, M);
  pack(M, k, herm, x);
}

/* x projects to want (tolerance tol relative to ||x||) and passes every
 * property check */
static void expect(ScsPsdWork *w, const scs_float *x, const scs_float *want,
                   int k, int herm, double tol, const char *what) {
  int len = veclen(k, herm);
  scs_float p[KMAX * KMAX];
  memcpy(p, x, sizeof(scs_float) * (size_t)len);
  proj(w, p, k, herm);
  double d = dmaxdiff(p, want, len), nx = dnorm(x, len);
  cr_assert_leq(d, tol * nx, "%s: off by %g (||x|| %g), k %d herm %d", what, d,
                nx, k, herm);
  if (nx > 0) check_projection(w, x, k, herm);
}

static void adversarial_cases(int herm) {
  Rng r = {herm ? 21 : 20};
  static cplx U[KMAX * KMAX];
  scs_float x[KMAX * KMAX], want[KMAX * KMAX], zero[KMAX * KMAX] = {0};
  double lam[KMAX], lp[KMAX];
  for (int s = 0; s < NSIZES; ++s) {
    int k = sizes[s], len = veclen(k, herm);
    ScsPsdWork *w = work_for(k, herm);
    random_unitary(&r, k, herm, U);

    /* zero: exactly zero */
    memcpy(x, zero, sizeof(scs_float) * (size_t)len);
    proj(w, x, k, herm);
    cr_assert_eq(dmaxabs(x, len), 0, "zero, k %d", k);

    /* positive definite and rank-deficient PSD: unchanged */
    for (int i = 0; i < k; ++i) lam[i] = 1 + i;
    spectral(U, k, herm, lam, x);
    expect(w, x, x, k, herm, TIGHT, "positive definite");
    for (int i = 0; i < k; ++i) lam[i] = i % 2 ? 0 : 1 + i;
    spectral(U, k, herm, lam, x);
    expect(w, x, x, k, herm, TIGHT, "PSD of half rank");

    /* negative definite: exactly zero; NSD: zero */
    for (int i = 0; i < k; ++i) lam[i] = -1 - i;
    spectral(U, k, herm, lam, x);
    memcpy(want, x, sizeof(scs_float) * (size_t)len);
    proj(w, want, k, herm);
    cr_assert_eq(dmaxabs(want, len), 0, "negative definite, k %d", k);
    for (int i = 0; i < k; ++i) lam[i] = i % 2 ? 0 : -1 - i;
    spectral(U, k, herm, lam, x);
    expect(w, x, zero, k, herm, TOL, "NSD");

    /* rank one: a a^H unchanged, -a a^H to 0, a a^H - b b^H to a a^H */
    for (int i = 0; i < k; ++i) lam[i] = lp[i] = 0;
    lam[0] = lp[0] = 3;
    spectral(U, k, herm, lam, x);
    expect(w, x, x, k, herm, TIGHT, "rank one");
    lam[0] = -3;
    spectral(U, k, herm, lam, x);
    expect(w, x, zero, k, herm, TOL, "minus rank one");
    if (k >= 2) {
      lam[0] = 3;
      lam[k - 1] = -2;
      spectral(U, k, herm, lam, x);
      spectral(U, k, herm, lp, want);
      expect(w, x, want, k, herm, TOL, "a a' - b b'");
    }

    /* repeated eigenvalues: +-1 (half each), then 2 (half), 0, ..., 0, -3 */
    for (int i = 0; i < k; ++i) {
      lam[i] = i < k / 2 ? 1 : -1;
      lp[i] = fmax(lam[i], 0);
    }
    spectral(U, k, herm, lam, x);
    spectral(U, k, herm, lp, want);
    expect(w, x, want, k, herm, TOL, "+-1 repeated");
    for (int i = 0; i < k; ++i) {
      lam[i] = i < k / 2 ? 2 : (i < k - 1 ? 0 : -3);
      lp[i] = fmax(lam[i], 0);
    }
    spectral(U, k, herm, lam, x);
    spectral(U, k, herm, lp, want);
    expect(w, x, want, k, herm, TOL, "2, 0, -3 repeated");

    /* +-identity, built exactly */
    static cplx Id[KMAX * KMAX];
    for (int i = 0; i < k * k; ++i) Id[i] = 0;
    for (int i = 0; i < k; ++i) AT(Id, k, i, i) = 1;
    pack(Id, k, herm, x);
    expect(w, x, x, k, herm, 0, "identity");
    for (int i = 0; i < len; ++i) x[i] = -x[i];
    expect(w, x, zero, k, herm, 0, "minus identity");

    /* huge and tiny scales: Pi(a x) = a Pi(x) for a > 0 */
    static cplx M[KMAX * KMAX];
    random_herm(&r, k, herm, M);
    pack(M, k, herm, x);
    scs_float base[KMAX * KMAX];
    memcpy(base, x, sizeof(scs_float) * (size_t)len);
    proj(w, base, k, herm);
    const double scales[2] = {HUGE_SCALE, TINY_SCALE};
    for (int t = 0; t < 2; ++t) {
      scs_float xs[KMAX * KMAX];
      for (int i = 0; i < len; ++i) {
        xs[i] = (scs_float)(scales[t] * x[i]);
        want[i] = (scs_float)(scales[t] * base[i]);
      }
      expect(w, xs, want, k, herm, TOL, t ? "tiny scale" : "huge scale");
    }
    scs_psd_work_free(w);
  }
}

Test(psd, adversarial_real) { adversarial_cases(0); }
Test(psd, adversarial_complex) { adversarial_cases(1); }

/* Few eigenvalues on one side (the partial eigendecomposition), repeated or
 * clustered, and clusters straddling zero, for sizes 10 and 30. */
static void one_sided_cases(int herm) {
  Rng r = {herm ? 51 : 50};
  static cplx U[KMAX * KMAX];
  scs_float x[KMAX * KMAX], want[KMAX * KMAX];
  double lam[KMAX], lp[KMAX];
  const int ks[2] = {10, 30};
  for (int s = 0; s < 2; ++s) {
    int k = ks[s];
    ScsPsdWork *w = work_for(k, herm);
    for (int few = 1; few <= 4; ++few)
      for (int side = -1; side <= 1; side += 2)
        for (int kind = 0; kind < 3; ++kind) {
          random_unitary(&r, k, herm, U);
          for (int i = 0; i < k; ++i) {
            int minority = i < few;
            /* one repeated value, spread, or a 1e-9 cluster */
            double mag = kind == 0   ? 2.0
                         : kind == 1 ? 1 + 0.1 * i
                                     : 1 + 1e-9 * i;
            lam[i] = (minority ? side : -side) * mag;
            if (kind == 2 && !minority && i % 3 == 0) lam[i] = side * 1e-13;
            lp[i] = fmax(lam[i], 0);
          }
          spectral(U, k, herm, lam, x);
          spectral(U, k, herm, lp, want);
          expect(w, x, want, k, herm, TOL, "one-sided");
        }
    scs_psd_work_free(w);
  }
}

Test(psd, one_sided_real) { one_sided_cases(0); }
Test(psd, one_sided_complex) { one_sided_cases(1); }

/* ---- workspace and edge cases -------------------------------------------- */

/* One workspace for several sizes gives what a workspace per size gives. */
Test(psd, shared_workspace) {
  const scs_int s[3] = {3, 30, 5}, cs[3] = {4, 1, 10};
  ScsPsdWork *all = scs_psd_work_init(s, 3, cs, 3);
  cr_assert_not_null(all, "%s", scs_last_error());
  Rng r = {30};
  static cplx M[KMAX * KMAX];
  for (int herm = 0; herm <= 1; ++herm)
    for (int c = 0; c < 3; ++c) {
      int k = (int)(herm ? cs[c] : s[c]), len = veclen(k, herm);
      scs_float a[KMAX * KMAX], b[KMAX * KMAX];
      random_herm(&r, k, herm, M);
      pack(M, k, herm, a);
      memcpy(b, a, sizeof(scs_float) * (size_t)len);
      ScsPsdWork *own = work_for(k, herm);
      proj(all, a, k, herm);
      proj(own, b, k, herm);
      cr_assert_leq(dmaxdiff(a, b, len), TOL * dnorm(b, len), "k %d", k);
      scs_psd_work_free(own);
    }
  scs_psd_work_free(all);
}

Test(psd, workspace_edges) {
  scs_psd_work_free(NULL);
  /* no cone needing LAPACK: sizes 1 and 2 still work */
  ScsPsdWork *w = scs_psd_work_init(NULL, 0, NULL, 0);
  cr_assert_not_null(w);
  scs_float v[9] = {-1, 0, 0, 0, 0, 0, 0, 0, 0};
  proj(w, v, 1, 0);
  cr_assert_eq(v[0], 0);
  v[0] = 2, v[1] = 0, v[2] = -1;
  proj(w, v, 2, 0);
  cr_assert(v[0] == 2 && v[1] == 0 && v[2] == 0);
  /* a size beyond the workspace is an error, not an overrun */
  scs_clear_error();
  cr_assert_neq(scs_proj_psd(w, v, 3), 0);
  cr_assert_neq(scs_last_error()[0], '\0');
  cr_assert_neq(scs_proj_complex_psd(w, v, 3), 0);
  scs_psd_work_free(w);
  /* absurd sizes are refused before any allocation */
  scs_int big = 1000000;
  scs_clear_error();
  cr_assert_null(scs_psd_work_init(&big, 1, NULL, 0));
  cr_assert(strstr(scs_last_error(), "too large") != NULL, "%s",
            scs_last_error());
  cr_assert_null(scs_psd_work_init(NULL, 0, &big, 1));
}

Test(psd, nonfinite_input_gives_nan) {
  for (int herm = 0; herm <= 1; ++herm)
    for (int k = 2; k <= 4; ++k) {
      ScsPsdWork *w = work_for(k, herm);
      int len = veclen(k, herm);
      const scs_float bad[2] = {NAN, INFINITY};
      for (int b = 0; b < 2; ++b) {
        scs_float v[16] = {0};
        v[len - 1] = bad[b];
        proj(w, v, k, herm);
        for (int i = 0; i < len; ++i)
          cr_assert(isnan(v[i]), "k %d entry %d", k, i);
      }
      scs_psd_work_free(w);
    }
}

Test(psd, deterministic) {
  Rng r = {40};
  static cplx M[KMAX * KMAX];
  for (int herm = 0; herm <= 1; ++herm) {
    int k = 10, len = veclen(k, herm);
    ScsPsdWork *w = work_for(k, herm);
    scs_float a[KMAX * KMAX], b[KMAX * KMAX];
    random_herm(&r, k, herm, M);
    pack(M, k, herm, a);
    memcpy(b, a, sizeof(scs_float) * (size_t)len);
    proj(w, a, k, herm);
    proj(w, b, k, herm);
    cr_assert(memcmp(a, b, sizeof(scs_float) * (size_t)len) == 0);
    scs_psd_work_free(w);
  }
}
