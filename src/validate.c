/* Input validation with precise messages.
 *
 * Every check either returns 0 or calls scs_set_error() with a message that
 * names the offending object, the index and the value, then returns nonzero.
 * Nothing here writes to the caller's arrays, and NULL pointers are reported,
 * never dereferenced.
 *
 * Integers are printed through long long and floats through double so the
 * messages are the same whatever scs_int / scs_float are in this build.
 */
#include "validate.h"

#include "alloc.h"
#include "linsys.h"

#include <limits.h>
#include <stdint.h>

#include "cones/families.h"
#include "error.h"

#define LL(v) ((long long)(v))
#define DBL(v) ((double)(v))

/* ---- vectors ---------------------------------------------------------- */

int scs_validate_vector(const scs_float *v, scs_int len, const char *name) {
  if (!name) name = "vector";
  if (len < 0) {
    scs_set_error("%s: length %lld is negative", name, LL(len));
    return 1;
  }
  if (len == 0) return 0;
  if (!v) {
    scs_set_error("%s is NULL but has length %lld", name, LL(len));
    return 1;
  }
  for (scs_int i = 0; i < len; ++i) {
    if (!scs_is_finite(v[i])) {
      if (isnan(v[i]))
        scs_set_error("%s[%lld] is NaN", name, LL(i));
      else
        scs_set_error("%s[%lld] = %g is not finite", name, LL(i), DBL(v[i]));
      return 1;
    }
  }
  return 0;
}

/* ---- CSC matrices ----------------------------------------------------- */

/* The shared CSC check. With upper != 0 every entry must have row <= col
 * (P is passed as its upper triangle). Stricter than SCS 3.2, which checks
 * only the largest row index and the upper triangle: a bad p[0], decreasing
 * pointers or a negative row index make it read or write out of bounds, a
 * duplicate entry is summed by its products but not by its factorization
 * (wrong answers), and NaN/inf values make every iterate NaN. */
static int validate_csc_impl(const ScsMatrix *M, scs_int m, scs_int n,
                             const char *name, int upper) {
  if (!name) name = "matrix";
  if (!M) {
    scs_set_error("%s is NULL", name);
    return 1;
  }
  if (m < 0 || n < 0) {
    scs_set_error("%s: expected size %lld x %lld is negative", name, LL(m),
                  LL(n));
    return 1;
  }
  if (M->m != m || M->n != n) {
    scs_set_error("%s must be %lld x %lld, got %lld x %lld", name, LL(m),
                  LL(n), LL(M->m), LL(M->n));
    return 1;
  }
  if (!M->p) {
    scs_set_error("%s: column pointer array p is NULL", name);
    return 1;
  }
  if (M->p[0] != 0) {
    scs_set_error("%s: p[0] = %lld must be 0", name, LL(M->p[0]));
    return 1;
  }
  for (scs_int j = 0; j < n; ++j) {
    if (M->p[j] > M->p[j + 1]) {
      scs_set_error("%s: column pointers not monotone: p[%lld] = %lld > "
                    "p[%lld] = %lld",
                    name, LL(j), LL(M->p[j]), LL(j + 1), LL(M->p[j + 1]));
      return 1;
    }
  }
  /* p[0] == 0 and monotone, so nnz = p[n] >= 0 */
  scs_int nnz = M->p[n];
  if (nnz == 0) return 0;
  if (!M->i) {
    scs_set_error("%s: row index array i is NULL but nnz = p[%lld] = %lld",
                  name, LL(n), LL(nnz));
    return 1;
  }
  if (!M->x) {
    scs_set_error("%s: value array x is NULL but nnz = p[%lld] = %lld", name,
                  LL(n), LL(nnz));
    return 1;
  }
  /* Any entry needs a row in [0, m): with m == 0 the first entry is out of
   * range, so the marker array is only needed when m > 0. marker[r] holds
   * 1 + the last column that had an entry in row r (0: none yet), so one
   * calloc and no per-column reset detect duplicates without sorting. */
  scs_int *marker = NULL;
  if (m > 0) {
    if ((uint64_t)m > SIZE_MAX / sizeof(scs_int) ||
        !(marker = scs_calloc_array((size_t)m, sizeof(scs_int)))) {
      scs_set_error("%s: out of memory checking for duplicate entries "
                    "(%lld rows)",
                    name, LL(m));
      return 1;
    }
  }
  int bad = 0;
  for (scs_int j = 0; j < n && !bad; ++j) {
    for (scs_int e = M->p[j]; e < M->p[j + 1]; ++e) {
      scs_int r = M->i[e];
      if (r < 0 || r >= m) {
        scs_set_error("%s: row index %lld out of range [0, %lld) in column "
                      "%lld (entry i[%lld])",
                      name, LL(r), LL(m), LL(j), LL(e));
        bad = 1;
        break;
      }
      if (marker[r] == j + 1) {
        scs_set_error("%s: duplicate row index %lld in column %lld (entry "
                      "i[%lld])",
                      name, LL(r), LL(j), LL(e));
        bad = 1;
        break;
      }
      marker[r] = j + 1;
      if (upper && r > j) {
        scs_set_error("%s: entry (%lld, %lld) is below the diagonal; pass the "
                      "upper triangle only",
                      name, LL(r), LL(j));
        bad = 1;
        break;
      }
      if (!scs_is_finite(M->x[e])) {
        if (isnan(M->x[e]))
          scs_set_error("%s: x[%lld] is NaN (row %lld, column %lld)", name,
                        LL(e), LL(r), LL(j));
        else
          scs_set_error("%s: x[%lld] = %g is not finite (row %lld, column "
                        "%lld)",
                        name, LL(e), DBL(M->x[e]), LL(r), LL(j));
        bad = 1;
        break;
      }
    }
  }
  scs_free(marker);
  return bad;
}

int scs_validate_csc(const ScsMatrix *M, scs_int m, scs_int n,
                     const char *name) {
  return validate_csc_impl(M, m, n, name, 0);
}

int scs_validate_csc_upper(const ScsMatrix *M, scs_int n, scs_int n2,
                           const char *name) {
  return validate_csc_impl(M, n, n2, name, 1);
}

/* ---- data ------------------------------------------------------------- */

int scs_validate_data(const ScsData *d) {
  if (!d) {
    scs_set_error("data is NULL");
    return 1;
  }
  /* As SCS: m > 0 and n > 0 (SCS 3.2 rejects m = 0 or n = 0 too). */
  if (d->m < 1) {
    scs_set_error("data: m = %lld must be >= 1 (at least one constraint row)",
                  LL(d->m));
    return 1;
  }
  if (d->n < 1) {
    scs_set_error("data: n = %lld must be >= 1 (at least one variable)",
                  LL(d->n));
    return 1;
  }
  if (!d->A) {
    scs_set_error("data: A is NULL");
    return 1;
  }
  if (!d->b) {
    scs_set_error("data: b is NULL");
    return 1;
  }
  if (!d->c) {
    scs_set_error("data: c is NULL");
    return 1;
  }
  if (d->A->m != d->m || d->A->n != d->n) {
    scs_set_error("A must be m x n = %lld x %lld, got %lld x %lld", LL(d->m),
                  LL(d->n), LL(d->A->m), LL(d->A->n));
    return 1;
  }
  if (validate_csc_impl(d->A, d->m, d->n, "A", 0)) return 1;
  if (d->P) {
    if (d->P->m != d->n || d->P->n != d->n) {
      scs_set_error("P must be n x n = %lld x %lld, got %lld x %lld",
                    LL(d->n), LL(d->n), LL(d->P->m), LL(d->P->n));
      return 1;
    }
    if (validate_csc_impl(d->P, d->n, d->n, "P", 1)) return 1;
  }
  if (scs_validate_vector(d->b, d->m, "b")) return 1;
  if (scs_validate_vector(d->c, d->n, "c")) return 1;
  return 0;
}

/* ---- cones ------------------------------------------------------------ */

static int check_count(const char *name, scs_int v) {
  if (v < 0) {
    scs_set_error("cone: %s = %lld must be >= 0", name, LL(v));
    return 1;
  }
  return 0;
}

/* A positive count with a NULL array: SCS 3.2 dereferences it (crash). */
static int check_array(const char *size_name, scs_int size,
                       const char *arr_name, const void *arr) {
  if (size > 0 && !arr) {
    scs_set_error("cone: %s = %lld but %s is NULL", size_name, LL(size),
                  arr_name);
    return 1;
  }
  return 0;
}

/* *acc += a * b for a, b >= 0, in 64 bits; 1 on overflow. */
static int add_product(int64_t *acc, int64_t a, int64_t b) {
  if (a != 0 && b > INT64_MAX / a) return 1;
  int64_t t = a * b;
  if (t > INT64_MAX - *acc) return 1;
  *acc += t;
  return 0;
}

int scs_validate_cone_sizes(const ScsCone *k, scs_int m) {
  if (!k) {
    scs_set_error("cone is NULL");
    return 1;
  }
  if (check_count("z", k->z) || check_count("l", k->l) ||
      check_count("bsize", k->bsize) || check_count("qsize", k->qsize) ||
      check_count("ssize", k->ssize) || check_count("cssize", k->cssize) ||
      check_count("ep", k->ep) || check_count("ed", k->ed) ||
      check_count("psize", k->psize))
    return 1;
  if (check_array("qsize", k->qsize, "q", k->q) ||
      check_array("ssize", k->ssize, "s", k->s) ||
      check_array("cssize", k->cssize, "cs", k->cs) ||
      check_array("psize", k->psize, "p", k->p))
    return 1;

  /* Box: bsize counts the t entry, so bsize == 1 is the valid cone
   * {t >= 0} with no bounds; bsize > 1 needs bsize - 1 bounds each. Bounds
   * may be infinite in the natural direction (bl = -inf, bu = +inf); a
   * bl = +inf or bu = -inf would force t = 0 and make the projection
   * compute inf * 0, so those are rejected along with NaN (SCS 3.2 checks
   * only bl <= bu, which NaN passes, and then iterates on NaN). */
  if (k->bsize > 1) {
    if (check_array("bsize", k->bsize, "bl", k->bl) ||
        check_array("bsize", k->bsize, "bu", k->bu))
      return 1;
    for (scs_int i = 0; i < k->bsize - 1; ++i) {
      scs_float lo = k->bl[i], hi = k->bu[i];
      if (isnan(lo)) {
        scs_set_error("box: bl[%lld] is NaN", LL(i));
        return 1;
      }
      if (isnan(hi)) {
        scs_set_error("box: bu[%lld] is NaN", LL(i));
        return 1;
      }
      if (isinf(lo) && lo > 0) {
        scs_set_error("box: bl[%lld] = +inf; a lower bound may be -inf but "
                      "not +inf",
                      LL(i));
        return 1;
      }
      if (isinf(hi) && hi < 0) {
        scs_set_error("box: bu[%lld] = -inf; an upper bound may be +inf but "
                      "not -inf",
                      LL(i));
        return 1;
      }
      if (lo > hi) {
        scs_set_error("box: bl[%lld] = %g > bu[%lld] = %g", LL(i), DBL(lo),
                      LL(i), DBL(hi));
        return 1;
      }
    }
  }
  /* Size 0 is an empty cone, as in SCS 3.2 (its projections skip it and it
   * adds no rows); only negative sizes are rejected. */
  for (scs_int i = 0; i < k->qsize; ++i) {
    if (k->q[i] < 0) {
      scs_set_error("cone: q[%lld] = %lld: second-order cone sizes must be "
                    ">= 0",
                    LL(i), LL(k->q[i]));
      return 1;
    }
  }
  /* PSD orders: 0 is an empty cone (as in SCS). Above SCS_VALIDATE_PSD_MAX
   * the eigensolver's 32-bit LAPACK sizes overflow (and one matrix already
   * takes 8 GiB), so libscs rejects the order here, before any allocation;
   * SCS would try to allocate it. */
  for (scs_int i = 0; i < k->ssize; ++i) {
    if (k->s[i] < 0) {
      scs_set_error("cone: s[%lld] = %lld: PSD cone orders must be >= 0",
                    LL(i), LL(k->s[i]));
      return 1;
    }
    if (k->s[i] > SCS_VALIDATE_PSD_MAX) {
      scs_set_error("cone: s[%lld] = %lld: PSD cones are limited to order %d "
                    "in libscs (32-bit LAPACK sizes)",
                    LL(i), LL(k->s[i]), SCS_VALIDATE_PSD_MAX);
      return 1;
    }
  }
  for (scs_int i = 0; i < k->cssize; ++i) {
    if (k->cs[i] < 0) {
      scs_set_error("cone: cs[%lld] = %lld: complex PSD cone orders must be "
                    ">= 0",
                    LL(i), LL(k->cs[i]));
      return 1;
    }
    if (k->cs[i] > SCS_VALIDATE_PSD_MAX) {
      scs_set_error("cone: cs[%lld] = %lld: complex PSD cones are limited to "
                    "order %d in libscs (32-bit LAPACK sizes)",
                    LL(i), LL(k->cs[i]), SCS_VALIDATE_PSD_MAX);
      return 1;
    }
  }
  /* As SCS: p in [-1, 1]; NaN passes SCS's test and gives NaN iterates. */
  for (scs_int i = 0; i < k->psize; ++i) {
    scs_float a = k->p[i];
    if (isnan(a)) {
      scs_set_error("cone: p[%lld] is NaN", LL(i));
      return 1;
    }
    if (a < -1 || a > 1) {
      scs_set_error("cone: p[%lld] = %g must be in [-1, 1]", LL(i), DBL(a));
      return 1;
    }
  }

  /* Total rows over the cone table, in 64 bits with overflow checks
   * (scs_int may be 64 bits; the PSD orders are bounded above) */
  int64_t total = 0;
  int ovf = 0;
  for (int f = 0; f < SCS_CONE_FAMILIES && !ovf; ++f) {
    const ScsConeFamilyInfo *fam = &scs_cone_families[f];
    scs_int count = fam->count(k);
    if (!fam->sized) { /* every cone alike: count times one (ep may be huge) */
      if (count > 0) ovf = add_product(&total, count, fam->rows(k, 0));
      continue;
    }
    for (scs_int i = 0; i < count && !ovf; ++i)
      ovf = add_product(&total, fam->rows(k, i), 1);
  }
  if (ovf) {
    scs_set_error("cone sizes overflow: their sum exceeds %lld (m = %lld)",
                  LL(INT64_MAX), LL(m));
    return 1;
  }
  if (total != (int64_t)m) {
    scs_set_error("cone sizes sum to %lld but m = %lld", LL(total), LL(m));
    return 1;
  }
  return 0;
}

/* ---- settings --------------------------------------------------------- */

/* The rules follow SCS 3.2.11's validate(): what SCS accepts with a defined
 * meaning is accepted here with that meaning (docs/scs_compatibility.md has
 * the table). Where libscs is stricter it says why next to the rule:
 * NaN and infinite values are rejected everywhere (SCS 3.2 does not look for
 * them and then iterates on NaN or stops on garbage), except the one
 * infinity with an obvious meaning, time_limit_secs = +inf (no limit). */

static int check_finite_setting(const char *name, scs_float v) {
  if (isnan(v)) {
    scs_set_error("settings: %s is NaN", name);
    return 1;
  }
  if (!scs_is_finite(v)) {
    scs_set_error("settings: %s = %g must be finite", name, DBL(v));
    return 1;
  }
  return 0;
}

static int check_positive_setting(const char *name, scs_float v) {
  if (check_finite_setting(name, v)) return 1;
  if (!(v > 0)) {
    scs_set_error("settings: %s = %g must be > 0", name, DBL(v));
    return 1;
  }
  return 0;
}

static int check_nonneg_setting(const char *name, scs_float v) {
  if (check_finite_setting(name, v)) return 1;
  if (!(v >= 0)) {
    scs_set_error("settings: %s = %g must be >= 0", name, DBL(v));
    return 1;
  }
  return 0;
}

int scs_validate_settings(const ScsSettings *stgs) {
  if (!stgs) {
    scs_set_error("settings is NULL");
    return 1;
  }
  /* normalize, adaptive_scale, verbose, warm_start and acceleration_type_1
   * are flags: any value, nonzero means true. */
  if (check_positive_setting("scale", stgs->scale) ||
      check_positive_setting("rho_x", stgs->rho_x))
    return 1;
  /* As SCS: max_iters > 0. */
  if (stgs->max_iters < 1) {
    scs_set_error("settings: max_iters = %lld must be >= 1",
                  LL(stgs->max_iters));
    return 1;
  }
  /* As SCS: any finite tolerance >= 0. eps_abs = eps_rel = 0 can never be
   * met (the solve runs to max_iters); eps_infeas = 0 turns infeasibility
   * and unboundedness detection off (the residual tests are strict). */
  if (check_nonneg_setting("eps_abs", stgs->eps_abs) ||
      check_nonneg_setting("eps_rel", stgs->eps_rel) ||
      check_nonneg_setting("eps_infeas", stgs->eps_infeas))
    return 1;
  if (check_finite_setting("alpha", stgs->alpha)) return 1;
  if (!(stgs->alpha > 0 && stgs->alpha < 2)) {
    scs_set_error("settings: alpha = %g must be in (0, 2)", DBL(stgs->alpha));
    return 1;
  }
  /* 0: no limit, as in SCS; +inf: no limit either (SCS 3.2 accepts it and
   * never reaches it). Negative values are rejected: SCS 3.2 would stop at
   * its first check, which is no meaningful use. */
  if (isnan(stgs->time_limit_secs)) {
    scs_set_error("settings: time_limit_secs is NaN");
    return 1;
  }
  if (!(stgs->time_limit_secs >= 0)) {
    scs_set_error("settings: time_limit_secs = %g must be >= 0 (0: no limit)",
                  DBL(stgs->time_limit_secs));
    return 1;
  }
  /* 0 disables acceleration; a negative value is SCS 3.2's spelling of
   * type-II acceleration with memory |acceleration_lookback|. The memory is
   * capped because Anderson acceleration factors a dense mem x mem matrix
   * with 32-bit LAPACK sizes (SCS caps it at n + m + 1 instead). */
  if (stgs->acceleration_lookback > SCS_VALIDATE_AA_MAX_MEM ||
      stgs->acceleration_lookback < -SCS_VALIDATE_AA_MAX_MEM) {
    scs_set_error("settings: acceleration_lookback = %lld: the acceleration "
                  "memory is limited to %d (|acceleration_lookback| <= %d; "
                  "0 disables acceleration)",
                  LL(stgs->acceleration_lookback), SCS_VALIDATE_AA_MAX_MEM,
                  SCS_VALIDATE_AA_MAX_MEM);
    return 1;
  }
  if (stgs->acceleration_interval < 1) {
    scs_set_error("settings: acceleration_interval = %lld must be >= 1",
                  LL(stgs->acceleration_interval));
    return 1;
  }
  if (check_nonneg_setting("acceleration_regularization",
                           stgs->acceleration_regularization))
    return 1;
  if (check_finite_setting("acceleration_relaxation",
                           stgs->acceleration_relaxation))
    return 1;
  if (!(stgs->acceleration_relaxation >= 0 &&
        stgs->acceleration_relaxation <= 2)) {
    scs_set_error("settings: acceleration_relaxation = %g must be in [0, 2]",
                  DBL(stgs->acceleration_relaxation));
    return 1;
  }
  if (scs_linsys_check(stgs->lin_sys_backend) != 0) return 1;
  const ScsAllocator *a = stgs->allocator;
  if (a && (!a->malloc || !a->free)) {
    scs_set_error("settings.allocator: %s is NULL (malloc and free are "
                  "required)",
                  !a->malloc ? "malloc" : "free");
    return 1;
  }
  return 0;
}
