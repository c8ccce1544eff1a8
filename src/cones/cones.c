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
  scs_int row = 0; /* validated: the rows sum to m */
  for (int f = 0; f < SCS_CONE_FAMILIES; ++f) {
    const ScsConeFamilyInfo *fam = &scs_cone_families[f];
    c->start[f] = row;
    for (scs_int i = 0; i < fam->count(k); ++i) row += (scs_int)fam->rows(k, i);
  }
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
  scs_int start = c->start[SCS_CONE_S];
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
    scs_float *t = v + c->start[SCS_CONE_EP] + 3 * i;
    dual ? scs_proj_exp_dual(t) : scs_proj_exp(t);
  }
  for (scs_int i = 0; i < k->ed; ++i) {
    scs_float *t = v + c->start[SCS_CONE_ED] + 3 * i;
    dual ? scs_proj_exp(t) : scs_proj_exp_dual(t);
  }
  for (scs_int i = 0; i < k->psize; ++i)
    scs_proj_power(v + c->start[SCS_CONE_P] + 3 * i, dual ? -k->p[i] : k->p[i]);
}

/* Each Q_i is self-dual, so the same projection serves K and K*. */
static void proj_socs(const ScsConeWork *c, scs_float *v) {
  scs_int start = c->start[SCS_CONE_Q];
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
    scs_proj_box(v + c->start[SCS_CONE_BOX], k->bsize, k->bl, k->bu, c->box_work);
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
  if (k->bsize > 0) proj_box_dual(c, v + c->start[SCS_CONE_BOX]);
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
  for (int f = 0; f < SCS_CONE_FAMILIES; ++f) {
    const ScsConeFamilyInfo *fam = &scs_cone_families[f];
    scs_int start = c->start[f];
    for (scs_int i = 0; i < fam->count(&c->k); ++i) {
      scs_int len = (scs_int)fam->rows(&c->k, i);
      /* every cone but z and l is one block; empty cones are skipped */
      if (!fam->separable && len > 0) starts[nb] = start, ends[nb++] = start + len;
      start += len;
    }
  }
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

/* the largest rows of one cone of a sized family, as its order: q[i],
 * s[i], cs[i] */
static long long max_size(const ScsCone *k, ScsConeFamily f) {
  const scs_int *a = f == SCS_CONE_Q ? k->q : f == SCS_CONE_S ? k->s : k->cs;
  scs_int mx = 0;
  for (scs_int i = 0; a && i < scs_cone_families[f].count(k); ++i)
    mx = SCS_MAX(mx, a[i]);
  return (long long)mx;
}

SCS_EXPORT void scs_cone_describe(const ScsCone *k, char *buf, size_t len) {
  size_t pos = 0;
  if (!buf || len == 0) return;
  buf[0] = '\0';
  for (int f = 0; k && f < SCS_CONE_FAMILIES; ++f) {
    const ScsConeFamilyInfo *fam = &scs_cone_families[f];
    long long v = (long long)fam->field(k);
    if (v <= 0) continue;
    const char *sp = pos > 0 ? ", " : "";
    if (fam->sized)
      append(buf, len, &pos, "%s%s: %lld cones (max %lld)", sp, fam->name, v,
             max_size(k, (ScsConeFamily)f));
    else
      append(buf, len, &pos, "%s%s: %lld", sp, fam->name, v);
  }
  if (pos == 0) append(buf, len, &pos, "none");
}
