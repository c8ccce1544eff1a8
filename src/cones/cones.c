/*
 * The product cone K = {0}^z x R_+^l x K_box x Q_1..Q_qsize x S_1..S_ssize
 * x H_1..H_cssize x K_exp^ep x K_exp*^ed x K_p1..K_psize (rows in that
 * order) and its dual K* = R^z x R_+^l x K_box* x Q.. x S.. x H.. x
 * K_exp*^ep x K_exp^ed x K_p1*.. (orthant, second-order and both PSD cones
 * are self-dual).
 */
#include "cones.h"

#include "alloc.h"
#include "expow.h"
#include "psd.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error.h"

/* ---- workspace ------------------------------------------------------------ */

/* malloc'ed copy of count elements of size elem (NULL when count == 0);
 * sets *fail on allocation failure. */
static void *dup_array(const void *src, scs_int count, size_t elem,
                       int *fail) {
  if (count <= 0 || !src) return NULL;
  void *dst = scs_malloc_array((size_t)count, elem);
  if (!dst) {
    *fail = 1;
    return NULL;
  }
  memcpy(dst, src, (size_t)count * elem);
  return dst;
}

ScsConeWork *scs_cone_work_init(const ScsCone *k, scs_int m) {
  ScsConeWork *c = scs_calloc_array(1, sizeof(*c));
  if (!c) {
    scs_set_error("out of memory allocating the cone workspace");
    return NULL;
  }
  int fail = 0;
  scs_int nbox = k->bsize > 1 ? k->bsize - 1 : 0;
  c->k = *k;
  c->k.bl = dup_array(k->bl, nbox, sizeof(scs_float), &fail);
  c->k.bu = dup_array(k->bu, nbox, sizeof(scs_float), &fail);
  c->k.q = dup_array(k->q, k->qsize, sizeof(scs_int), &fail);
  c->k.s = dup_array(k->s, k->ssize, sizeof(scs_int), &fail);
  c->k.cs = dup_array(k->cs, k->cssize, sizeof(scs_int), &fail);
  c->k.p = dup_array(k->p, k->psize, sizeof(scs_float), &fail);
  c->m = m;
  c->box_start = k->z + k->l;
  c->q_start = c->box_start + SCS_MAX(k->bsize, 0);
  c->s_start = c->q_start;
  for (scs_int i = 0; i < k->qsize; ++i) c->s_start += k->q[i];
  c->cs_start = c->s_start;
  for (scs_int i = 0; i < k->ssize; ++i) c->cs_start += k->s[i] * (k->s[i] + 1) / 2;
  c->ep_start = c->cs_start;
  for (scs_int i = 0; i < k->cssize; ++i) c->ep_start += k->cs[i] * k->cs[i];
  c->ed_start = c->ep_start + 3 * k->ep;
  c->p_start = c->ed_start + 3 * k->ed;
  if (!fail && (k->ssize > 0 || k->cssize > 0)) {
    c->psd = scs_psd_work_init(k->s, k->ssize, k->cs, k->cssize);
    if (!c->psd) {
      scs_cone_work_free(c); /* scs_psd_work_init said why */
      return NULL;
    }
  }
  if (k->bsize > 0) {
    /* 2 bsize for the breakpoint search, then bsize for box_tmp */
    c->box_work = scs_malloc_array(3 * (size_t)k->bsize, sizeof(scs_float));
    if (!c->box_work) fail = 1;
    else c->box_tmp = c->box_work + 2 * k->bsize;
  }
  if (fail) {
    scs_cone_work_free(c);
    scs_set_error("out of memory allocating the cone workspace");
    return NULL;
  }
  return c;
}

void scs_cone_work_free(ScsConeWork *c) {
  if (!c) return;
  scs_free(c->k.bl);
  scs_free(c->k.bu);
  scs_free(c->k.q);
  scs_free(c->k.s);
  scs_free(c->k.cs);
  scs_free(c->k.p);
  scs_free(c->box_work);
  scs_psd_work_free(c->psd);
  scs_free(c);
}

/* ---- projections ---------------------------------------------------------- */

/* Both PSD cones are self-dual: one projection serves K and K*. */
static scs_int proj_psds(ScsConeWork *c, scs_float *v) {
  const ScsCone *k = &c->k;
  scs_int start = c->s_start;
  for (scs_int i = 0; i < k->ssize; ++i) {
    if (k->s[i] > 0 && scs_proj_psd(c->psd, v + start, k->s[i]) != 0) return -1;
    start += k->s[i] * (k->s[i] + 1) / 2;
  }
  for (scs_int i = 0; i < k->cssize; ++i) {
    if (k->cs[i] > 0 && scs_proj_complex_psd(c->psd, v + start, k->cs[i]) != 0)
      return -1;
    start += k->cs[i] * k->cs[i];
  }
  return 0;
}

/* The three-dimensional cones. dual: project onto K* instead of K, i.e.
 * exp <-> dual exp, and K_p -> K_p* (negative p means the dual cone). */
static void proj_triples(const ScsConeWork *c, scs_float *v, int dual) {
  const ScsCone *k = &c->k;
  for (scs_int i = 0; i < k->ep; ++i) {
    scs_float *t = v + c->ep_start + 3 * i;
    dual ? scs_proj_exp_dual(t) : scs_proj_exp(t);
  }
  for (scs_int i = 0; i < k->ed; ++i) {
    scs_float *t = v + c->ed_start + 3 * i;
    dual ? scs_proj_exp(t) : scs_proj_exp_dual(t);
  }
  for (scs_int i = 0; i < k->psize; ++i)
    scs_proj_power(v + c->p_start + 3 * i, dual ? -k->p[i] : k->p[i]);
}

/* Each Q_i is self-dual, so the same projection serves K and K*. */
static void proj_socs(const ScsConeWork *c, scs_float *v) {
  scs_int start = c->q_start;
  for (scs_int i = 0; i < c->k.qsize; ++i) {
    scs_proj_soc(v + start, c->k.q[i]);
    start += c->k.q[i];
  }
}

scs_int scs_cone_project(ScsConeWork *c, scs_float *v) {
  const ScsCone *k = &c->k;
  for (scs_int i = 0; i < k->z; ++i) v[i] = 0; /* Pi_{0}(v) = 0 */
  scs_proj_nonneg(v + k->z, k->l);
  if (k->bsize > 0)
    scs_proj_box(v + c->box_start, k->bsize, k->bl, k->bu, c->box_work);
  proj_socs(c, v);
  if (proj_psds(c, v) != 0) return -1;
  proj_triples(c, v, 0);
  return 0;
}

/* Moreau: Pi_{K*}(x) = x + Pi_K(-x) on the box rows (K_box is not
 * self-dual). */
static void proj_box_dual(ScsConeWork *c, scs_float *x) {
  scs_int len = c->k.bsize;
  for (scs_int i = 0; i < len; ++i) {
    c->box_tmp[i] = x[i];
    x[i] = -x[i];
  }
  scs_proj_box(x, len, c->k.bl, c->k.bu, c->box_work);
  for (scs_int i = 0; i < len; ++i) x[i] += c->box_tmp[i];
}

scs_int scs_cone_project_dual(ScsConeWork *c, scs_float *v) {
  const ScsCone *k = &c->k;
  /* the zero cone's dual is free: its rows are left unchanged */
  scs_proj_nonneg(v + k->z, k->l);
  if (k->bsize > 0) proj_box_dual(c, v + c->box_start);
  proj_socs(c, v);
  if (proj_psds(c, v) != 0) return -1;
  proj_triples(c, v, 1);
  return 0;
}

/* ---- scaling ---------------------------------------------------------------- */

void scs_cone_set_r_y(const ScsConeWork *c, scs_float scale, scs_float *r_y) {
  scs_float zero_r = (scs_float)(1 / (SCS_ZERO_CONE_R_FACTOR * scale));
  for (scs_int i = 0; i < c->m; ++i) r_y[i] = i < c->k.z ? zero_r : 1 / scale;
}

scs_int scs_cone_blocks(const ScsConeWork *c, scs_int *starts, scs_int *ends) {
  scs_int nb = 0;
  if (c->k.bsize > 0) { /* the box cone including its t row */
    starts[nb] = c->box_start;
    ends[nb++] = c->box_start + c->k.bsize;
  }
  scs_int start = c->q_start;
  for (scs_int i = 0; i < c->k.qsize; ++i) {
    if (c->k.q[i] > 0) { /* empty cones would be empty blocks: skipped */
      starts[nb] = start;
      ends[nb++] = start + c->k.q[i];
    }
    start += c->k.q[i];
  }
  for (scs_int i = 0; i < c->k.ssize; ++i) {
    scs_int len = c->k.s[i] * (c->k.s[i] + 1) / 2;
    if (len > 0) starts[nb] = start, ends[nb++] = start + len;
    start += len;
  }
  for (scs_int i = 0; i < c->k.cssize; ++i) {
    scs_int len = c->k.cs[i] * c->k.cs[i];
    if (len > 0) starts[nb] = start, ends[nb++] = start + len;
    start += len;
  }
  /* exp, dual exp and power: one block per triple */
  for (; start + 3 <= c->m && start < c->p_start + 3 * c->k.psize; start += 3)
    starts[nb] = start, ends[nb++] = start + 3;
  return nb;
}

/* ---- description ------------------------------------------------------------ */

/* Append printf-style text at *pos, never writing past buf[len - 1]. */
SCS_PRINTF_LIKE(4, 5)
static void append(char *buf, size_t len, size_t *pos, const char *fmt, ...) {
  if (*pos >= len) return;
  va_list ap;
  va_start(ap, fmt);
  int w = vsnprintf(buf + *pos, len - *pos, fmt, ap);
  va_end(ap);
  if (w > 0) *pos += (size_t)w;
}

static scs_int max_of(const scs_int *a, scs_int n) {
  scs_int mx = 0;
  for (scs_int i = 0; a && i < n; ++i) mx = SCS_MAX(mx, a[i]);
  return mx;
}

/* ", " between parts; the first part gets none */
static const char *sep(size_t pos) { return pos > 0 ? ", " : ""; }

SCS_EXPORT void scs_cone_describe(const ScsCone *k, char *buf, size_t len) {
  size_t pos = 0;
  if (!buf || len == 0) return;
  buf[0] = '\0';
  if (!k) {
    append(buf, len, &pos, "none");
    return;
  }
  if (k->z > 0) append(buf, len, &pos, "z: %lld", (long long)k->z);
  if (k->l > 0) append(buf, len, &pos, "%sl: %lld", sep(pos), (long long)k->l);
  if (k->bsize > 0)
    append(buf, len, &pos, "%sbox: %lld", sep(pos), (long long)k->bsize);
  if (k->qsize > 0)
    append(buf, len, &pos, "%sq: %lld cones (max %lld)", sep(pos),
           (long long)k->qsize, (long long)max_of(k->q, k->qsize));
  if (k->ssize > 0)
    append(buf, len, &pos, "%ss: %lld cones (max %lld)", sep(pos),
           (long long)k->ssize, (long long)max_of(k->s, k->ssize));
  if (k->cssize > 0)
    append(buf, len, &pos, "%scs: %lld cones (max %lld)", sep(pos),
           (long long)k->cssize, (long long)max_of(k->cs, k->cssize));
  if (k->ep > 0) append(buf, len, &pos, "%sep: %lld", sep(pos), (long long)k->ep);
  if (k->ed > 0) append(buf, len, &pos, "%sed: %lld", sep(pos), (long long)k->ed);
  if (k->psize > 0)
    append(buf, len, &pos, "%sp: %lld", sep(pos), (long long)k->psize);
  if (pos == 0) append(buf, len, &pos, "none");
}
