/* MPS quadratic objective: P (upper triangle, CSC) from the QUADOBJ /
 * QSECTION / QMATRIX entries, checking each section's rules (mps.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

/* Order QEntries by (j, i), keeping the file order of equal pairs: two
 * stable counting sorts. */
static int sort_q(Mps *p, size_t n) {
  size_t nq = p->nq;
  QEntry *tmp = malloc(SCS_IO_MAX(nq, (size_t)1) * sizeof(QEntry));
  size_t *cnt = calloc(n + 1, sizeof(size_t));
  if (!tmp || !cnt) {
    free(tmp);
    free(cnt);
    return -1;
  }
  for (int pass = 0; pass < 2; ++pass) {
    QEntry *src = pass == 0 ? p->q : tmp, *dst = pass == 0 ? tmp : p->q;
    memset(cnt, 0, (n + 1) * sizeof(size_t));
    for (size_t k = 0; k < nq; ++k)
      cnt[(size_t)(pass == 0 ? src[k].i : src[k].j) + 1]++;
    for (size_t c = 0; c < n; ++c) cnt[c + 1] += cnt[c];
    for (size_t k = 0; k < nq; ++k)
      dst[cnt[(size_t)(pass == 0 ? src[k].i : src[k].j)]++] = src[k];
  }
  free(tmp);
  free(cnt);
  return 0;
}

int scs_mps_build_p(Mps *p, ScsMatrix **Pout) {
  size_t n = p->cols.count;
  *Pout = NULL;
  if (p->nq == 0) return 0;
  if (sort_q(p, n)) return mps_oom(p);
  const char *sec = p->q_section, *file = scs_text_file_name(p->r);
  /* merge each (i, j) group into one entry, checking the file's rules */
  size_t out = 0;
  for (size_t g = 0; g < p->nq;) {
    size_t h = g + 1;
    while (h < p->nq && p->q[h].i == p->q[g].i && p->q[h].j == p->q[g].j) ++h;
    const QEntry *e = &p->q[g];
    const char *a = names_str(&p->cols, e->i), *b = names_str(&p->cols, e->j);
    if (p->q_kind == Q_ONE_TRIANGLE || e->i == e->j) {
      if (h - g > 1) {
        scs_io_error_at(file, p->q[g + 1].line,
                        "duplicate %s entry for (%.60s, %.60s) (first given "
                        "at line %ld)",
                        sec, a, b, e->line);
        return -1;
      }
    } else {
      /* QMATRIX: exactly (i, j) and (j, i), with equal values */
      size_t nup = 0, nlo = 0;
      for (size_t k = g; k < h; ++k) {
        size_t *cnt = p->q[k].lower ? &nlo : &nup;
        if (++*cnt > 1) {
          scs_io_error_at(file, p->q[k].line,
                          "duplicate QMATRIX entry for (%.60s, %.60s)",
                          p->q[k].lower ? b : a, p->q[k].lower ? a : b);
          return -1;
        }
      }
      if (h - g == 1) {
        scs_io_error_at(file, e->line,
                        "QMATRIX entry (%.60s, %.60s) without its symmetric "
                        "entry (%.60s, %.60s) (QMATRIX lists both triangles)",
                        e->lower ? b : a, e->lower ? a : b, e->lower ? a : b,
                        e->lower ? b : a);
        return -1;
      }
      const QEntry *f = &p->q[g + 1];
      double tol = 1e-12 * SCS_IO_MAX(fabs(e->v), fabs(f->v));
      if (fabs(e->v - f->v) > tol) {
        scs_io_error_at(file, SCS_IO_MAX(e->line, f->line),
                        "QMATRIX is not symmetric: (%.60s, %.60s) = %g but "
                        "(%.60s, %.60s) = %g",
                        a, b, e->lower ? f->v : e->v, b, a,
                        e->lower ? e->v : f->v);
        return -1;
      }
    }
    p->q[out++] = *e;
    g = h;
  }
  ScsMatrix *P = calloc(1, sizeof(*P));
  if (!P) return mps_oom(p);
  *Pout = P;
  P->m = P->n = (scs_int)n;
  P->p = calloc(n + 1, sizeof(scs_int));
  P->i = malloc(out * sizeof(scs_int));
  P->x = malloc(out * sizeof(scs_float));
  if (!P->p || !P->i || !P->x) return mps_oom(p);
  double sign = p->maximize ? -1.0 : 1.0;
  for (size_t k = 0; k < out; ++k) {
    P->p[p->q[k].j + 1]++;
    P->i[k] = p->q[k].i;
    P->x[k] = (scs_float)(sign * p->q[k].v);
  }
  for (size_t j = 0; j < n; ++j) P->p[j + 1] += P->p[j];
  return 0;
}
