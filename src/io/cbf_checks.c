/* CBF checks after the last section: no position given twice, and the
 * declared sizes backed by the file's length (cbf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

static int cmp_entry(const void *pa, const void *pb) {
  const Entry *a = pa, *b = pb;
  if (a->k1 != b->k1) return a->k1 < b->k1 ? -1 : 1;
  if (a->k2 != b->k2) return a->k2 < b->k2 ? -1 : 1;
  return (a->line > b->line) - (a->line < b->line);
}

/* PSD matrix and (row, column) of a position in the concatenation */
static void psd_decode(const Cbf *c, int con, int64_t pos, int64_t *which,
                       int64_t *k, int64_t *l) {
  int64_t lo = 0, hi = c->npsd[con] - 1;
  while (lo < hi) { /* last matrix starting at or before pos */
    int64_t mid = lo + (hi - lo + 1) / 2;
    if (c->psd[con][mid].start <= pos)
      lo = mid;
    else
      hi = mid - 1;
  }
  int64_t n = c->psd[con][lo].order, rem = pos - c->psd[con][lo].start;
  int64_t col = 0;
  while (rem >= n - col) rem -= n - col++;
  *which = lo;
  *l = col;
  *k = col + rem;
}

static void describe(const Cbf *c, Section s, const Entry *e, char *buf,
                     size_t len) {
  int64_t w, k, l;
  switch (s) {
    case S_OBJFCOORD:
      psd_decode(c, 0, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld)", LL(w), LL(k), LL(l));
      break;
    case S_FCOORD:
      psd_decode(c, 0, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld, %lld)", LL(e->k1), LL(w), LL(k),
               LL(l));
      break;
    case S_HCOORD:
      psd_decode(c, 1, e->k1, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld, %lld)", LL(w), LL(e->k2), LL(k),
               LL(l));
      break;
    case S_DCOORD:
      psd_decode(c, 1, e->k2, &w, &k, &l);
      snprintf(buf, len, "(%lld, %lld, %lld)", LL(w), LL(k), LL(l));
      break;
    case S_ACOORD:
      snprintf(buf, len, "(%lld, %lld)", LL(e->k1), LL(e->k2));
      break;
    default:
      snprintf(buf, len, "%lld", LL(e->k2));
      break;
  }
}

/* The error is at the earliest line that repeats a position. */
int scs_cbf_check_duplicates(Cbf *c, Section s) {
  Entries *es = &c->sec[s];
  if (es->n < 2) return 0;
  qsort(es->e, es->n, sizeof(Entry), cmp_entry);
  const Entry *first = NULL, *again = NULL;
  for (size_t t = 1; t < es->n; ++t) {
    const Entry *a = &es->e[t - 1], *b = &es->e[t];
    if (a->k1 == b->k1 && a->k2 == b->k2 && (!again || b->line < again->line))
      first = a, again = b;
  }
  if (!again) return 0;
  /* the first occurrence of that position */
  const Entry *orig = first;
  while (orig > es->e && orig[-1].k1 == again->k1 && orig[-1].k2 == again->k2)
    --orig;
  char where[128];
  describe(c, s, again, where, sizeof(where));
  scs_cbf_error_at(c, again->line,
                   "duplicate entry: %s %s was already given on line %ld",
                   cbf_name(s), where, orig->line);
  return -1;
}

/* The declared sizes against the file's bytes (CBF_FREE_SCALARS). The
 * error names the line of the largest single declaration. */
int scs_cbf_check_backing(Cbf *c) {
  int64_t implied = c->dim[0] + c->dim[1] + c->psdtotal[0] + c->psdtotal[1];
  unsigned long long bytes = scs_text_bytes_read(c->r);
  int64_t allowed = CBF_FREE_SCALARS;
  if (bytes < (unsigned long long)(INT64_MAX / CBF_SCALARS_PER_BYTE / 2))
    allowed += CBF_SCALARS_PER_BYTE * (int64_t)bytes;
  else
    allowed = INT64_MAX;
  if (implied <= allowed) return 0;
  /* the largest declaration */
  Section s = S_VAR;
  int64_t most = -1, order = 0;
  long line = 0;
  for (int con = 0; con < 2; ++con) {
    if (c->dim[con] > most) {
      most = c->dim[con], line = c->dimline[con], order = 0;
      s = con ? S_CON : S_VAR;
    }
    for (int64_t i = 0; i < c->npsd[con]; ++i)
      if (tri(c->psd[con][i].order) > most) {
        most = tri(c->psd[con][i].order), line = c->psd[con][i].line;
        order = c->psd[con][i].order;
        s = con ? S_PSDCON : S_PSDVAR;
      }
  }
  char what[96];
  if (order > 0)
    snprintf(what, sizeof(what), "a matrix of order %lld (%lld scalars)",
             LL(order), LL(most));
  else
    snprintf(what, sizeof(what), "%lld %s", LL(most),
             s == S_CON ? "rows" : "variables");
  scs_cbf_error_at(c, line,
                   "%s: %s is more than this %llu-byte file can back: the "
                   "declarations imply %lld scalars, at most %lld + %lld per "
                   "byte = %lld are allowed (docs/problem_files.md)",
                   cbf_name(s), what, bytes, LL(implied), LL(CBF_FREE_SCALARS),
                   LL(CBF_SCALARS_PER_BYTE), LL(allowed));
  return -1;
}
