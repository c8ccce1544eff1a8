/* CBF to the SCS problem, in SCS's cone row order (cbf.h): every CBF
 * scalar (variable or constraint row) is mapped to its SCS rows, then A is
 * built column by column, then b, c and the way back to the file's
 * variables. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

/* SCS rows of one CBF scalar (variable or constraint row): s_r[t] gets
 * w[t] times it (r[t] < 0: unused). */
typedef struct {
  scs_int r[2];
  double w[2];
} RowMap;

typedef struct {
  int64_t z, l, q, ep, ed, pw; /* next row of each family */
  int64_t qi, pi;              /* next SOC cone, next power cone */
} Cursor;

static void map_cones(const Cone *cones, int64_t ncones, RowMap *map,
                      Cursor *cur, scs_int *q, scs_float *p) {
  int64_t e = 0;
  for (int64_t i = 0; i < ncones; ++i) {
    const Cone *cn = &cones[i];
    for (int64_t t = 0; t < cn->dim; ++t, ++e) {
      RowMap *m = &map[e];
      m->r[0] = m->r[1] = -1;
      m->w[0] = 1.0;
      m->w[1] = 0.0;
      switch (cn->kind) {
        case K_F:
          break;
        case K_LEQ:
          m->r[0] = (scs_int)cur->z++;
          break;
        case K_LPOS:
          m->r[0] = (scs_int)cur->l++;
          break;
        case K_LNEG:
          m->r[0] = (scs_int)cur->l++;
          m->w[0] = -1.0;
          break;
        case K_Q:
          m->r[0] = (scs_int)(cur->q + t);
          break;
        case K_QR:
          /* t = (x1 + x2)/sqrt2, u = (x1 - x2)/sqrt2, then x3 ... */
          if (t < 2) {
            m->r[0] = (scs_int)cur->q;
            m->w[0] = CBF_INV_SQRT2;
            m->r[1] = (scs_int)(cur->q + 1);
            m->w[1] = t == 0 ? CBF_INV_SQRT2 : -CBF_INV_SQRT2;
          } else {
            m->r[0] = (scs_int)(cur->q + t);
          }
          break;
        case K_EXP: /* CBF (t, s, r): t >= s exp(r/s) is SCS (r, s, t) */
          m->r[0] = (scs_int)(cur->ep + 2 - t);
          break;
        case K_EXPD:
          m->r[0] = (scs_int)(cur->ed + 2 - t);
          break;
        case K_POW:
        case K_POWD:
          m->r[0] = (scs_int)(cur->pw + t);
          break;
      }
    }
    switch (cn->kind) {
      case K_Q:
      case K_QR:
        q[cur->qi++] = (scs_int)cn->dim;
        cur->q += cn->dim;
        break;
      case K_EXP:
        cur->ep += 3;
        break;
      case K_EXPD:
        cur->ed += 3;
        break;
      case K_POW:
      case K_POWD:
        p[cur->pi++] = (scs_float)cn->p;
        cur->pw += 3;
        break;
      default:
        break;
    }
  }
}

typedef struct {
  scs_int r;
  double v;
} RowVal;

/* Triplets in two passes: counting per column, then filling. */
typedef struct {
  int fill;
  int64_t *cnt;  /* n + 1: counts, then column starts */
  int64_t *next; /* n: next free slot of each column (filling) */
  RowVal *rv;
} Build;

static void emit(Build *b, int64_t row, int64_t col, double v) {
  if (!b->fill)
    b->cnt[col + 1]++;
  else
    b->rv[b->next[col]++] = (RowVal){(scs_int)row, v};
}

typedef struct {
  int64_t nvar, off_s, off_psdcon;
  const RowMap *vmap, *cmap;
} Layout;

static void emit_all(const Cbf *c, const Layout *lay, Build *b) {
  /* variables in cones: s = x_j */
  for (int64_t j = 0; j < lay->nvar; ++j)
    for (int t = 0; t < 2; ++t)
      if (lay->vmap[j].r[t] >= 0)
        emit(b, lay->vmap[j].r[t], j, -lay->vmap[j].w[t]);
  /* PSD variables: s = svec(X), row off_s + t for column nvar + t */
  for (int64_t t = 0; t < c->psdtotal[0]; ++t)
    emit(b, lay->off_s + t, lay->nvar + t, -1.0);
  /* scalar constraint rows: s = w g */
  const Entries *a = &c->sec[S_ACOORD];
  for (size_t e = 0; e < a->n; ++e) {
    const RowMap *m = &lay->cmap[a->e[e].k1];
    for (int t = 0; t < 2; ++t)
      if (m->r[t] >= 0) emit(b, m->r[t], a->e[e].k2, -m->w[t] * a->e[e].v);
  }
  const Entries *f = &c->sec[S_FCOORD];
  for (size_t e = 0; e < f->n; ++e) {
    const RowMap *m = &lay->cmap[f->e[e].k1];
    for (int t = 0; t < 2; ++t)
      if (m->r[t] >= 0)
        emit(b, m->r[t], lay->nvar + f->e[e].k2, -m->w[t] * f->e[e].v);
  }
  /* PSD constraints: s = svec(sum_j x_j H_j + D) */
  const Entries *h = &c->sec[S_HCOORD];
  for (size_t e = 0; e < h->n; ++e)
    emit(b, lay->off_psdcon + h->e[e].k1, h->e[e].k2, -h->e[e].v);
}

static int cmp_rowval(const void *pa, const void *pb) {
  const RowVal *a = pa, *b = pb;
  return (a->r > b->r) - (a->r < b->r);
}

/* SCS rows of each cone family */
typedef struct {
  int64_t nz, nl, nq, qrows, nep, ned, np;
} Families;

static void count_families(const Cbf *c, Families *f) {
  memset(f, 0, sizeof(*f));
  for (int con = 0; con < 2; ++con)
    for (int64_t i = 0; i < c->ncones[con]; ++i) {
      const Cone *cn = &c->cones[con][i];
      switch (cn->kind) {
        case K_LEQ:
          f->nz += cn->dim;
          break;
        case K_LPOS:
        case K_LNEG:
          f->nl += cn->dim;
          break;
        case K_Q:
        case K_QR:
          f->nq++, f->qrows += cn->dim;
          break;
        case K_EXP:
          f->nep++;
          break;
        case K_EXPD:
          f->ned++;
          break;
        case K_POW:
        case K_POWD:
          f->np++;
          break;
        default:
          break;
      }
    }
}

/* The cone sizes; q and p are filled by map_cones. */
static int make_cone(Cbf *c, const Families *f, ScsCone *k) {
  int64_t ns = c->npsd[0] + c->npsd[1];
  k->z = (scs_int)f->nz;
  k->l = (scs_int)f->nl;
  k->qsize = (scs_int)f->nq;
  k->ssize = (scs_int)ns;
  k->ep = (scs_int)f->nep;
  k->ed = (scs_int)f->ned;
  k->psize = (scs_int)f->np;
  if ((f->nq && !(k->q = malloc(sizeof(scs_int) * (size_t)f->nq))) ||
      (ns && !(k->s = malloc(sizeof(scs_int) * (size_t)ns))) ||
      (f->np && !(k->p = malloc(sizeof(scs_float) * (size_t)f->np))))
    return scs_cbf_out_of_memory(c);
  for (int con = 0, t = 0; con < 2; ++con)
    for (int64_t i = 0; i < c->npsd[con]; ++i)
      k->s[t++] = (scs_int)c->psd[con][i].order;
  return 0;
}

/* Sort each column of the filled triplets by row and merge equal rows
 * (rotated cones add two CBF rows into one SCS row) into A. */
static void merge_columns(const Build *b, int64_t n, ScsMatrix *A) {
  int64_t out = 0;
  A->p[0] = 0;
  for (int64_t j = 0; j < n; ++j) {
    RowVal *col = b->rv + b->cnt[j];
    size_t len = (size_t)(b->cnt[j + 1] - b->cnt[j]);
    int sorted = 1;
    for (size_t t = 1; t < len && sorted; ++t) sorted = col[t - 1].r < col[t].r;
    if (!sorted) qsort(col, len, sizeof(RowVal), cmp_rowval);
    for (size_t t = 0; t < len; ++t) {
      if (out > A->p[j] && A->i[out - 1] == col[t].r) {
        A->x[out - 1] = (scs_float)((double)A->x[out - 1] + col[t].v);
      } else {
        A->i[out] = col[t].r;
        A->x[out] = (scs_float)col[t].v;
        ++out;
      }
    }
    A->p[j + 1] = (scs_int)out;
  }
}

/* A (m x n): count, check the size, fill, then sort and merge each
 * column. last is the line errors name. */
static int build_a(Cbf *c, const Layout *lay, Build *b, ScsMatrix *A,
                   long last) {
  int64_t n = A->n;
  emit_all(c, lay, b);
  int64_t nnz = 0;
  for (int64_t j = 0; j < n; ++j) {
    nnz += b->cnt[j + 1];
    b->cnt[j + 1] = nnz;
  }
  if (nnz > CBF_SCS_INT_MAX) {
    scs_cbf_error_at(c, last,
                     "the constraint matrix has %lld entries, too many for "
                     "this build's %d-byte integers",
                     LL(nnz), (int)sizeof(scs_int));
    return -1;
  }
  size_t cap = (size_t)(nnz ? nnz : 1);
  b->rv = malloc(sizeof(RowVal) * cap);
  A->p = malloc(sizeof(scs_int) * ((size_t)n + 1));
  A->i = malloc(sizeof(scs_int) * cap);
  A->x = malloc(sizeof(scs_float) * cap);
  if (!b->rv || !A->p || !A->i || !A->x) return scs_cbf_out_of_memory(c);
  memcpy(b->next, b->cnt, sizeof(int64_t) * (size_t)n);
  b->fill = 1;
  emit_all(c, lay, b);
  merge_columns(b, n, A);
  return 0;
}

/* b from BCOORD (through the row maps) and DCOORD; c from OBJACOORD and
 * OBJFCOORD, negated when the file maximizes. */
static void fill_b_c(const Cbf *c, const Layout *lay, ScsData *d) {
  const Entries *be = &c->sec[S_BCOORD];
  for (size_t e = 0; e < be->n; ++e) {
    const RowMap *mp = &lay->cmap[be->e[e].k2];
    for (int t = 0; t < 2; ++t)
      if (mp->r[t] >= 0)
        d->b[mp->r[t]] =
            (scs_float)((double)d->b[mp->r[t]] + mp->w[t] * be->e[e].v);
  }
  const Entries *de = &c->sec[S_DCOORD];
  for (size_t e = 0; e < de->n; ++e)
    d->b[lay->off_psdcon + de->e[e].k2] = (scs_float)de->e[e].v;
  double sign = c->maximize ? -1.0 : 1.0;
  const Entries *oa = &c->sec[S_OBJACOORD], *of = &c->sec[S_OBJFCOORD];
  for (size_t e = 0; e < oa->n; ++e)
    d->c[oa->e[e].k2] = (scs_float)(sign * oa->e[e].v);
  for (size_t e = 0; e < of->n; ++e)
    d->c[lay->nvar + of->e[e].k2] = (scs_float)(sign * of->e[e].v);
}

/* The way back to the file's variables. */
static int fill_map(Cbf *c, ScsProblemMap *map) {
  int64_t nvar = c->dim[0];
  map->n_scalar = (scs_int)nvar;
  map->n_psd = (scs_int)c->npsd[0];
  if (c->npsd[0] == 0) return 0;
  map->psd_dim = malloc(sizeof(scs_int) * (size_t)c->npsd[0]);
  map->psd_start = malloc(sizeof(scs_int) * (size_t)c->npsd[0]);
  if (!map->psd_dim || !map->psd_start) return scs_cbf_out_of_memory(c);
  for (int64_t v = 0; v < c->npsd[0]; ++v) {
    map->psd_dim[v] = (scs_int)c->psd[0][v].order;
    map->psd_start[v] = (scs_int)(nvar + c->psd[0][v].start);
  }
  return 0;
}

int scs_cbf_assemble(Cbf *c, ScsProblem *prob, ScsProblemMap *map) {
  long last = cur_line(c);
  int64_t nvar = c->dim[0], ncon = c->dim[1];
  int64_t n = nvar + c->psdtotal[0];
  if (n < 1) {
    scs_cbf_error_at(c, last, "the problem has no variables");
    return -1;
  }
  Families f;
  count_families(c, &f);
  int64_t off_q = f.nz + f.nl, off_s = off_q + f.qrows;
  int64_t off_ep = off_s + c->psdtotal[0] + c->psdtotal[1];
  int64_t off_ed = off_ep + 3 * f.nep, off_p = off_ed + 3 * f.ned;
  int64_t m = off_p + 3 * f.np;
  if (m < 1) {
    scs_cbf_error_at(c, last,
                     "the problem has no constraints (SCS needs at least one "
                     "constrained variable or constraint row)");
    return -1;
  }
  /* every size is below 4 * CBF_MAX_DIM, which fits any scs_int */
  ScsData *d = calloc(1, sizeof(*d));
  ScsCone *k = calloc(1, sizeof(*k));
  prob->data = d; /* scs_problem_free releases them on failure */
  prob->cone = k;
  if (!d || !k) return scs_cbf_out_of_memory(c);
  d->m = (scs_int)m;
  d->n = (scs_int)n;
  if (make_cone(c, &f, k)) return -1;
  /* rows of every CBF scalar */
  RowMap *vmap = scs_io_alloc((size_t)nvar, sizeof(RowMap));
  RowMap *cmap = scs_io_alloc((size_t)ncon, sizeof(RowMap));
  Build b = {0, calloc((size_t)n + 1, sizeof(int64_t)),
             malloc(sizeof(int64_t) * (size_t)n), NULL};
  d->b = calloc((size_t)m, sizeof(scs_float));
  d->c = calloc((size_t)n, sizeof(scs_float));
  d->A = calloc(1, sizeof(ScsMatrix));
  int rc = -1;
  if (!vmap || !cmap || !b.cnt || !b.next || !d->b || !d->c || !d->A) {
    scs_cbf_out_of_memory(c);
    goto done;
  }
  Cursor cur = {0, f.nz, off_q, off_ep, off_ed, off_p, 0, 0};
  map_cones(c->cones[0], c->ncones[0], vmap, &cur, k->q, k->p);
  map_cones(c->cones[1], c->ncones[1], cmap, &cur, k->q, k->p);
  Layout lay = {nvar, off_s, off_s + c->psdtotal[0], vmap, cmap};
  d->A->m = d->m;
  d->A->n = d->n;
  if (build_a(c, &lay, &b, d->A, last)) goto done;
  fill_b_c(c, &lay, d);
  prob->objective_sign = c->maximize ? -1.0 : 1.0;
  prob->objective_offset = c->objb;
  if (fill_map(c, map)) goto done;
  prob->n_file_vars = (scs_int)n;
  rc = 0;
done:
  free(vmap);
  free(cmap);
  free(b.cnt);
  free(b.next);
  free(b.rv);
  return rc;
}
