/* CBF coordinate sections: the entries of c, A, b, the PSD variables'
 * objective and constraint matrices (F), the PSD constraints (H, D), each
 * with the line that gave it (cbf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

/* a * b, saturated at INT64_MAX (a, b >= 0) */
static int64_t mul_sat(int64_t a, int64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > INT64_MAX / b ? INT64_MAX : a * b;
}

/* Entry (k, l) of PSD matrix `which` of list `con` (0 PSDVAR, 1 PSDCON)
 * from tokens t, t+1: its position in the concatenated lower triangles
 * (SCS's column-major layout) and the factor for SCS's scaling. */
static int get_psd_pos(Cbf *c, Section s, int con, int64_t which, int t,
                       int64_t *pos, double *scale) {
  int64_t n = c->psd[con][which].order, k, l;
  if (scs_cbf_get_index(c, s, t, n, "matrix row", &k) ||
      scs_cbf_get_index(c, s, t + 1, n, "matrix column", &l))
    return -1;
  if (k < l) { /* the upper triangle stands for the same symmetric pair */
    int64_t tmp = k;
    k = l;
    l = tmp;
  }
  *pos = c->psd[con][which].start + l * n - l * (l - 1) / 2 + (k - l);
  *scale = k == l ? 1.0 : CBF_SQRT2;
  return 0;
}

static int push_entry(Cbf *c, Section s, int64_t k1, int64_t k2, double v) {
  Entries *es = &c->sec[s];
  if (scs_cbf_grow(c, (void **)&es->e, es->n, &es->cap, sizeof(Entry)))
    return -1;
  es->e[es->n++] = (Entry){k1, k2, v, cur_line(c)};
  return 0;
}

int scs_cbf_read_objbcoord(Cbf *c) {
  if (scs_cbf_need_line(c, S_OBJBCOORD, -1, -1, "the objective constant") ||
      scs_cbf_expect_fields(c, S_OBJBCOORD, 1, "the objective constant") ||
      scs_cbf_get_double(c, S_OBJBCOORD, 0, "value", &c->objb))
    return -1;
  return 0;
}

/* The layout of section s's entry lines and how many positions exist. */
static int coord_layout(const Cbf *c, Section s, int64_t *positions,
                        int *fields, const char **layout) {
  int64_t nvar = c->dim[0], ncon = c->dim[1];
  int64_t nf = c->psdtotal[0], nh = c->psdtotal[1];
  switch (s) {
    case S_OBJFCOORD:
      *positions = nf, *fields = 4, *layout = "j k l value";
      return 0;
    case S_OBJACOORD:
      *positions = nvar, *fields = 2, *layout = "j value";
      return 0;
    case S_FCOORD:
      *positions = mul_sat(ncon, nf), *fields = 5, *layout = "i j k l value";
      return 0;
    case S_ACOORD:
      *positions = mul_sat(ncon, nvar), *fields = 3, *layout = "i j value";
      return 0;
    case S_BCOORD:
      *positions = ncon, *fields = 2, *layout = "i value";
      return 0;
    case S_HCOORD:
      *positions = mul_sat(nh, nvar), *fields = 5, *layout = "i j k l value";
      return 0;
    case S_DCOORD:
      *positions = nh, *fields = 4, *layout = "i k l value";
      return 0;
    default:
      return -1;
  }
}

/* The indices of the entry line just read (value v), stored. */
static int read_entry(Cbf *c, Section s, double v) {
  int64_t nvar = c->dim[0], ncon = c->dim[1];
  int64_t i = 0, j = 0, pos = 0;
  double scale = 1.0;
  switch (s) {
    case S_OBJFCOORD:
      return scs_cbf_get_index(c, s, 0, c->npsd[0], "PSD variable", &j) ||
             get_psd_pos(c, s, 0, j, 1, &pos, &scale) ||
             push_entry(c, s, 0, pos, v * scale);
    case S_OBJACOORD:
      return scs_cbf_get_index(c, s, 0, nvar, "variable", &j) ||
             push_entry(c, s, 0, j, v);
    case S_FCOORD:
      return scs_cbf_get_index(c, s, 0, ncon, "constraint", &i) ||
             scs_cbf_get_index(c, s, 1, c->npsd[0], "PSD variable", &j) ||
             get_psd_pos(c, s, 0, j, 2, &pos, &scale) ||
             push_entry(c, s, i, pos, v * scale);
    case S_ACOORD:
      return scs_cbf_get_index(c, s, 0, ncon, "constraint", &i) ||
             scs_cbf_get_index(c, s, 1, nvar, "variable", &j) ||
             push_entry(c, s, i, j, v);
    case S_BCOORD:
      return scs_cbf_get_index(c, s, 0, ncon, "constraint", &i) ||
             push_entry(c, s, 0, i, v);
    case S_HCOORD:
      return scs_cbf_get_index(c, s, 0, c->npsd[1], "PSD constraint", &i) ||
             scs_cbf_get_index(c, s, 1, nvar, "variable", &j) ||
             get_psd_pos(c, s, 1, i, 2, &pos, &scale) ||
             push_entry(c, s, pos, j, v * scale);
    case S_DCOORD:
      return scs_cbf_get_index(c, s, 0, c->npsd[1], "PSD constraint", &i) ||
             get_psd_pos(c, s, 1, i, 1, &pos, &scale) ||
             push_entry(c, s, 0, pos, v * scale);
    default:
      return 0;
  }
}

int scs_cbf_read_coords(Cbf *c, Section s) {
  int64_t positions = 0, count;
  int fields = 0;
  const char *layout = "";
  if (coord_layout(c, s, &positions, &fields, &layout)) return -1;
  if (scs_cbf_need_line(c, s, -1, -1, "the number of entries") ||
      scs_cbf_expect_fields(c, s, 1, "number of entries") ||
      scs_cbf_get_int(c, s, 0, 0, INT64_MAX, "number of entries", &count))
    return -1;
  if (count > positions) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: %lld entries, but there are only %lld positions",
                     cbf_name(s), LL(count), LL(positions));
    return -1;
  }
  for (int64_t e = 0; e < count; ++e) {
    double v;
    if (scs_cbf_need_line(c, s, e, count, "entries") ||
        scs_cbf_expect_fields(c, s, fields, layout) ||
        scs_cbf_get_double(c, s, fields - 1, "value", &v) ||
        read_entry(c, s, v))
      return -1;
  }
  return 0;
}
