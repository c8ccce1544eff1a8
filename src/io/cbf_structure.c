/* CBF structure sections: VER, OBJSENSE, POWCONES / POW*CONES, VAR / CON
 * (the cones over the scalars), PSDVAR / PSDCON (the matrix orders) and
 * INT (cbf.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/cbf.h"

int scs_cbf_read_ver(Cbf *c) {
  int64_t v;
  if (scs_cbf_need_line(c, S_VER, -1, -1, "the version number") ||
      scs_cbf_expect_fields(c, S_VER, 1, "the version number") ||
      scs_cbf_get_int(c, S_VER, 0, INT64_MIN, INT64_MAX, "version", &v))
    return -1;
  if (v < 1 || v > 3) {
    scs_cbf_error_at(c, cur_line(c),
                     "unsupported CBF version %lld (versions 1 to 3 are "
                     "supported)",
                     LL(v));
    return -1;
  }
  return 0;
}

int scs_cbf_read_objsense(Cbf *c) {
  if (scs_cbf_need_line(c, S_OBJSENSE, -1, -1, "MIN or MAX") ||
      scs_cbf_expect_fields(c, S_OBJSENSE, 1, "MIN or MAX"))
    return -1;
  if (strcmp(c->tok[0], "MIN") == 0) {
    c->maximize = 0;
  } else if (strcmp(c->tok[0], "MAX") == 0) {
    c->maximize = 1;
  } else {
    scs_cbf_error_at(c, cur_line(c),
                     "OBJSENSE: expected MIN or MAX, got \"%.40s\"", c->tok[0]);
    return -1;
  }
  return 0;
}

/* POWCONES / POW*CONES: "K P", then per cone its parameter count and one
 * parameter a line. */
int scs_cbf_read_powcones(Cbf *c, int dual) {
  Section s = dual ? S_DPOWCONES : S_POWCONES;
  const char *layout = "number of cones and of parameters";
  int64_t k, p, total = 0;
  if (scs_cbf_need_line(c, s, -1, -1, layout) ||
      scs_cbf_expect_fields(c, s, 2, layout) ||
      scs_cbf_get_int(c, s, 0, 0, CBF_MAX_DIM, "number of cones", &k) ||
      scs_cbf_get_int(c, s, 1, 0, INT64_MAX, "number of parameters", &p))
    return -1;
  for (int64_t i = 0; i < k; ++i) {
    int64_t np;
    if (scs_cbf_need_line(c, s, i, k, "cones") ||
        scs_cbf_expect_fields(c, s, 1, "number of parameters of a cone") ||
        scs_cbf_get_int(c, s, 0, 1, INT64_MAX, "number of parameters", &np))
      return -1;
    if (np > p - total) {
      scs_cbf_error_at(c, cur_line(c),
                       "%s: the cones have more parameters than the %lld of "
                       "the header",
                       cbf_name(s), LL(p));
      return -1;
    }
    total += np;
    PowParams pp = {np, 0, 0};
    for (int64_t t = 0; t < np; ++t) {
      double a;
      if (scs_cbf_need_line(c, s, t, np, "parameters of the cone") ||
          scs_cbf_expect_fields(c, s, 1, "one parameter") ||
          scs_cbf_get_double(c, s, 0, "parameter", &a))
        return -1;
      if (!(a > 0)) {
        scs_cbf_error_at(c, cur_line(c), "%s: parameter %g must be positive",
                         cbf_name(s), a);
        return -1;
      }
      if (t == 0) pp.a1 = a;
      if (t == 1) pp.a2 = a;
    }
    if (scs_cbf_grow(c, (void **)&c->pow[dual], (size_t)c->npow[dual],
                     &c->powcap[dual], sizeof(PowParams)))
      return -1;
    c->pow[dual][c->npow[dual]++] = pp;
  }
  if (total != p) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: the cones have %lld parameters, the header says %lld",
                     cbf_name(s), LL(total), LL(p));
    return -1;
  }
  return 0;
}

/* "@k:POW" or "@k:POW*" */
static int parse_pow_cone(Cbf *c, Section s, const char *name, int64_t dim,
                          Cone *cone) {
  const char *q = name + 1;
  int64_t idx = 0;
  if (*q < '0' || *q > '9') goto unknown;
  for (; *q >= '0' && *q <= '9'; ++q) {
    if (idx > (INT64_MAX - 9) / 10) goto unknown;
    idx = idx * 10 + (*q - '0');
  }
  if (*q != ':') goto unknown;
  ++q;
  int dual;
  if (strcmp(q, "POW") == 0)
    dual = 0;
  else if (strcmp(q, "POW*") == 0)
    dual = 1;
  else
    goto unknown;
  Section table = dual ? S_DPOWCONES : S_POWCONES;
  if (!c->seen[table]) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: cone %.40s refers to %s, which must come before %s",
                     cbf_name(s), name, cbf_name(table), cbf_name(s));
    return -1;
  }
  if (idx >= c->npow[dual]) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: cone %.40s: index %lld is out of range [0, %lld) "
                     "of %s",
                     cbf_name(s), name, LL(idx), LL(c->npow[dual]),
                     cbf_name(table));
    return -1;
  }
  const PowParams *pp = &c->pow[dual][idx];
  if (pp->nparam != 2 || dim != 3) {
    scs_cbf_error_at(c, cur_line(c),
                     "%s: cone %.40s of dimension %lld with %lld parameters: "
                     "only 3-dimensional power cones with 2 parameters are "
                     "supported",
                     cbf_name(s), name, LL(dim), LL(pp->nparam));
    return -1;
  }
  double a = pp->a1 / (pp->a1 + pp->a2);
  cone->kind = dual ? K_POWD : K_POW;
  cone->p = dual ? -a : a;
  return 0;
unknown:
  scs_cbf_error_at(c, cur_line(c), "%s: unknown cone \"%.40s\"", cbf_name(s),
                   name);
  return -1;
}

static int parse_cone(Cbf *c, Section s, const char *name, int64_t dim,
                      Cone *cone) {
  static const struct {
    const char *name;
    ConeKind kind;
  } simple[] = {{"F", K_F}, {"L+", K_LPOS}, {"L-", K_LNEG}, {"L=", K_LEQ},
                {"Q", K_Q}, {"QR", K_QR},   {"EXP", K_EXP}, {"EXP*", K_EXPD}};
  cone->dim = dim;
  cone->p = 0;
  if (name[0] == '@') return parse_pow_cone(c, s, name, dim, cone);
  for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); ++i) {
    if (strcmp(name, simple[i].name) != 0) continue;
    cone->kind = simple[i].kind;
    if (cone->kind == K_QR && dim < 2) {
      scs_cbf_error_at(c, cur_line(c),
                       "%s: a QR cone needs dimension 2 or more, got %lld",
                       cbf_name(s), LL(dim));
      return -1;
    }
    if ((cone->kind == K_EXP || cone->kind == K_EXPD) && dim != 3) {
      scs_cbf_error_at(c, cur_line(c),
                       "%s: an %s cone has dimension 3, got %lld", cbf_name(s),
                       name, LL(dim));
      return -1;
    }
    return 0;
  }
  scs_cbf_error_at(c, cur_line(c), "%s: unknown cone \"%.40s\"", cbf_name(s),
                   name);
  return -1;
}

/* VAR / CON: "n k", then k lines "CONE dim" covering the n scalars. */
int scs_cbf_read_cones(Cbf *c, int con) {
  Section s = con ? S_CON : S_VAR;
  const char *layout =
      con ? "number of rows and of cones" : "number of variables and of cones";
  int64_t n, k, covered = 0;
  if (scs_cbf_need_line(c, s, -1, -1, layout) ||
      scs_cbf_expect_fields(c, s, 2, layout) ||
      scs_cbf_get_int(c, s, 0, 0, CBF_MAX_DIM,
                      con ? "number of rows" : "number of variables", &n) ||
      scs_cbf_get_int(c, s, 1, 0, n, "number of cones", &k))
    return -1;
  long header = cur_line(c);
  if (k == 0 && n > 0) {
    scs_cbf_error_at(c, cur_line(c), "%s: %lld %s but no cones", cbf_name(s),
                     LL(n), con ? "rows" : "variables");
    return -1;
  }
  for (int64_t i = 0; i < k; ++i) {
    int64_t dim;
    Cone cone;
    if (scs_cbf_need_line(c, s, i, k, "cones") ||
        scs_cbf_expect_fields(c, s, 2, "cone name and dimension") ||
        scs_cbf_get_int(c, s, 1, 1, INT64_MAX, "cone dimension", &dim))
      return -1;
    if (dim > n - covered) {
      scs_cbf_error_at(c, cur_line(c),
                       "%s: the cones cover more than the %lld %s of the "
                       "header",
                       cbf_name(s), LL(n), con ? "rows" : "variables");
      return -1;
    }
    if (parse_cone(c, s, c->tok[0], dim, &cone)) return -1;
    if (scs_cbf_grow(c, (void **)&c->cones[con], (size_t)c->ncones[con],
                     &c->conecap[con], sizeof(Cone)))
      return -1;
    c->cones[con][c->ncones[con]++] = cone;
    covered += dim;
  }
  if (covered != n) {
    scs_cbf_error_at(c, cur_line(c), "%s: the cones cover %lld of the %lld %s",
                     cbf_name(s), LL(covered), LL(n),
                     con ? "rows" : "variables");
    return -1;
  }
  c->dim[con] = n;
  c->dimline[con] = header;
  return 0;
}

/* PSDVAR / PSDCON: "N", then N orders. */
int scs_cbf_read_psd(Cbf *c, int con) {
  Section s = con ? S_PSDCON : S_PSDVAR;
  int64_t n;
  if (scs_cbf_need_line(c, s, -1, -1, "the number of matrices") ||
      scs_cbf_expect_fields(c, s, 1, "number of matrices") ||
      scs_cbf_get_int(c, s, 0, 0, CBF_MAX_DIM, "number of matrices", &n))
    return -1;
  for (int64_t i = 0; i < n; ++i) {
    int64_t k;
    if (scs_cbf_need_line(c, s, i, n, "matrix orders") ||
        scs_cbf_expect_fields(c, s, 1, "matrix order") ||
        scs_cbf_get_int(c, s, 0, 1, CBF_MAX_DIM, "matrix order", &k))
      return -1;
    if (tri(k) > CBF_MAX_DIM - c->psdtotal[con]) {
      scs_cbf_error_at(c, cur_line(c),
                       "%s: matrices too large (more than %lld entries in all)",
                       cbf_name(s), LL(CBF_MAX_DIM));
      return -1;
    }
    if (scs_cbf_grow(c, (void **)&c->psd[con], (size_t)c->npsd[con],
                     &c->psdcap[con], sizeof(Psd)))
      return -1;
    c->psd[con][c->npsd[con]++] = (Psd){k, c->psdtotal[con], cur_line(c)};
    c->psdtotal[con] += tri(k);
  }
  return 0;
}

int scs_cbf_read_int(Cbf *c) {
  int64_t k;
  if (scs_cbf_need_line(c, S_INT, -1, -1, "the number of integer variables") ||
      scs_cbf_expect_fields(c, S_INT, 1, "number of integer variables") ||
      scs_cbf_get_int(c, S_INT, 0, 0, c->dim[0], "number of integer variables",
                      &k))
    return -1;
  if (k > 0) {
    scs_cbf_error_at(c, cur_line(c),
                     "integer variables are not supported (INT lists %lld)",
                     LL(k));
    return -1;
  }
  return 0;
}
