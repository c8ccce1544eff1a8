/* MPS data lines applied: ROWS declares rows, COLUMNS columns and their
 * entries, RHS and RANGES the rows' intervals, QUADOBJ / QSECTION / QMATRIX
 * the quadratic entries (mps.h). BOUNDS is mps_bounds.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "io/mps.h"

int scs_mps_add_row(Mps *p, const Parsed *q) {
  if (scs_mps_names_find(&p->rows, q->name) >= 0) {
    scs_text_error(p->r, "row '%.60s' declared twice", q->name);
    return -1;
  }
  size_t k = p->rows.count;
  if (k == p->row_cap) {
    size_t c1 = p->row_cap, c2 = c1, c3 = c1, c4 = c1;
    if (scs_io_grow((void **)&p->row_type, &c1, k + 1, 1) ||
        scs_io_grow((void **)&p->rhs, &c2, k + 1, sizeof(double)) ||
        scs_io_grow((void **)&p->range, &c3, k + 1, sizeof(double)) ||
        scs_io_grow((void **)&p->row_flags, &c4, k + 1, 1))
      return mps_oom(p);
    p->row_cap = SCS_IO_MIN(SCS_IO_MIN(c1, c2), SCS_IO_MIN(c3, c4));
  }
  if (scs_mps_names_add(&p->rows, q->name) < 0) return mps_oom(p);
  p->row_type[k] = q->type;
  p->rhs[k] = 0;
  p->range[k] = 0;
  p->row_flags[k] = 0;
  if (q->type == 'N' && p->obj_row < 0 &&
      (!p->objname || strcmp(p->objname, q->name) == 0))
    p->obj_row = (scs_int)k;
  return 0;
}

static scs_int add_col(Mps *p, const char *name) {
  size_t k = p->cols.count;
  if (k + 1 >= p->col_cap) {
    size_t c[5] = {p->col_cap, p->col_cap, p->col_cap, p->col_cap,
                   p->col_cap};
    if (scs_io_grow((void **)&p->c, &c[0], k + 2, sizeof(double)) ||
        scs_io_grow((void **)&p->lo, &c[1], k + 2, sizeof(double)) ||
        scs_io_grow((void **)&p->up, &c[2], k + 2, sizeof(double)) ||
        scs_io_grow((void **)&p->col_flags, &c[3], k + 2, 1) ||
        scs_io_grow((void **)&p->colptr, &c[4], k + 2, sizeof(size_t)))
      return -1;
    size_t mn = c[0];
    for (int t = 1; t < 5; ++t) mn = SCS_IO_MIN(mn, c[t]);
    p->col_cap = mn;
  }
  if (scs_mps_names_add(&p->cols, name) < 0) return -1;
  p->c[k] = 0;
  p->lo[k] = 0;
  p->up[k] = INFINITY;
  p->col_flags[k] = 0;
  p->colptr[k] = p->nnz;
  return (scs_int)k;
}

int scs_mps_apply_columns(Mps *p, const Parsed *q) {
  scs_int j = q->col;
  if (j >= 0 && j != (scs_int)p->cols.count - 1) {
    scs_text_error(p->r,
                   "column '%.60s' declared twice (the entries of a column "
                   "must be contiguous)",
                   q->name);
    return -1;
  }
  if (j < 0 && (j = add_col(p, q->name)) < 0) return mps_oom(p);
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_mark[i] == j + 1) {
      scs_text_error(p->r, "duplicate entry for column '%.60s' in row '%.60s'",
                     q->name, rn);
      return -1;
    }
    p->row_mark[i] = j + 1;
    if (fabs(v) >= MPS_INF) {
      scs_text_error(p->r,
                     "coefficient %g of column '%.60s' in row '%.60s' is "
                     "infinite (|v| >= 1e20)",
                     v, q->name, rn);
      return -1;
    }
    if (i == p->obj_row) {
      p->c[j] = v;
    } else if (p->row_type[i] != 'N') {
      if (p->nnz + 1 >= MPS_INT_MAX) {
        scs_text_error(p->r, "too many nonzeros for this build's scs_int");
        return -1;
      }
      size_t c1 = p->nnz_cap, c2 = p->nnz_cap;
      if (scs_io_grow((void **)&p->erow, &c1, p->nnz + 1, sizeof(scs_int)) ||
          scs_io_grow((void **)&p->eval, &c2, p->nnz + 1, sizeof(double)))
        return mps_oom(p);
      p->nnz_cap = SCS_IO_MIN(c1, c2);
      p->erow[p->nnz] = i;
      p->eval[p->nnz] = v;
      p->nnz++;
    }
  }
  return 0;
}

/* A second set is an error rather than silently ignored. */
int scs_mps_check_set(Mps *p, int which, const char *set) {
  if (!p->set_name[which]) {
    p->set_name[which] = scs_io_strdup(set);
    return p->set_name[which] ? 0 : mps_oom(p);
  }
  if (strcmp(p->set_name[which], set) != 0) {
    scs_text_error(p->r,
                   "a second %s set '%.60s' (the first is '%.60s'); only one "
                   "set is supported",
                   scs_mps_sec_names[p->section], set, p->set_name[which]);
    return -1;
  }
  return 0;
}

int scs_mps_apply_rhs(Mps *p, const Parsed *q) {
  if (scs_mps_check_set(p, 0, q->set)) return -1;
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_flags[i] & ROW_HAS_RHS) {
      scs_text_error(p->r, "duplicate RHS entry for row '%.60s'", rn);
      return -1;
    }
    p->row_flags[i] |= ROW_HAS_RHS;
    char t = p->row_type[i];
    if (i == p->obj_row) {
      if (fabs(v) >= MPS_INF) {
        scs_text_error(p->r, "infinite objective constant (RHS of '%.60s')",
                       rn);
        return -1;
      }
      p->obj_rhs = v;
    } else if (t != 'N') {
      if (v >= MPS_INF) v = INFINITY;
      if (v <= -MPS_INF) v = -INFINITY;
      if (isinf(v) &&
          (t == 'E' || (t == 'L' && v < 0) || (t == 'G' && v > 0))) {
        scs_text_error(p->r,
                       "%c row '%.60s' has the right-hand side %sinfinity",
                       t, rn, v < 0 ? "-" : "+");
        return -1;
      }
      p->rhs[i] = v;
    }
  }
  return 0;
}

int scs_mps_apply_ranges(Mps *p, const Parsed *q) {
  if (scs_mps_check_set(p, 1, q->set)) return -1;
  for (int k = 0; k < q->npairs; ++k) {
    scs_int i = q->row[k];
    double v = q->val[k];
    const char *rn = names_str(&p->rows, i);
    if (p->row_flags[i] & ROW_HAS_RANGE) {
      scs_text_error(p->r, "duplicate RANGES entry for row '%.60s'", rn);
      return -1;
    }
    p->row_flags[i] |= ROW_HAS_RANGE;
    if (p->row_type[i] == 'N') continue; /* ranges of N rows mean nothing */
    if (isinf(p->rhs[i])) {
      scs_text_error(p->r, "range on row '%.60s', whose right-hand side is "
                           "infinite", rn);
      return -1;
    }
    if (v >= MPS_INF) v = INFINITY;
    if (v <= -MPS_INF) v = -INFINITY;
    p->range[i] = v;
  }
  return 0;
}

int scs_mps_apply_quad(Mps *p, const Parsed *q) {
  double v = q->val[0];
  if (fabs(v) >= MPS_INF) {
    scs_text_error(p->r, "infinite %s coefficient %g", p->q_section, v);
    return -1;
  }
  if (scs_io_grow((void **)&p->q, &p->q_cap, p->nq + 1, sizeof(QEntry)))
    return mps_oom(p);
  if (p->nq + 1 >= MPS_INT_MAX) {
    scs_text_error(p->r, "too many %s entries for this build's scs_int",
                   p->q_section);
    return -1;
  }
  QEntry *e = &p->q[p->nq++];
  e->i = SCS_IO_MIN(q->col, q->col2);
  e->j = SCS_IO_MAX(q->col, q->col2);
  e->v = v;
  e->line = scs_text_line_number(p->r);
  e->lower = q->col > q->col2;
  return 0;
}
