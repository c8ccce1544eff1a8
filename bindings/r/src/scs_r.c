/*
 * R glue for libscs: one .Call entry point that converts R data to the
 * libscs structs, runs scs_init / scs_solve / scs_finish on a private
 * workspace and converts the result back.
 *
 * Rules followed here so that no R longjmp ever crosses libscs:
 *   - every R allocation that can fail happens before scs_init or after
 *     scs_finish; temporary C arrays come from R_alloc (released by R);
 *   - libscs errors are returned to the R wrapper as a string (it raises
 *     the R condition), never raised while a workspace is alive;
 *   - Ctrl-C: libscs's own SIGINT handling is off; a progress callback runs
 *     R_CheckUserInterrupt inside R_ToplevelExec (which catches the jump)
 *     and asks the solve to stop when the user interrupted.
 */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include <scs.h>

#if SCS_DLONG || SCS_SFLOAT
#define SCS_R_COPY 1 /* R's int / double differ from scs_int / scs_float */
#else
#define SCS_R_COPY 0
#endif

/* ---- small helpers ------------------------------------------------------ */

static SEXP list_get(SEXP list, const char *name) {
  SEXP names = Rf_getAttrib(list, R_NamesSymbol);
  R_xlen_t k, len = Rf_xlength(list);
  if (names == R_NilValue) return R_NilValue;
  for (k = 0; k < len; k++)
    if (strcmp(CHAR(STRING_ELT(names, k)), name) == 0)
      return VECTOR_ELT(list, k);
  return R_NilValue;
}

/* The R wrapper has already checked types and lengths; these only read. */
static int get_int(SEXP list, const char *name) {
  SEXP v = list_get(list, name);
  return Rf_asInteger(v);
}

static double get_real(SEXP list, const char *name) {
  SEXP v = list_get(list, name);
  return Rf_asReal(v);
}

static const char *get_string(SEXP list, const char *name) {
  SEXP v = list_get(list, name);
  if (v == R_NilValue || !Rf_isString(v) || XLENGTH(v) < 1) return NULL;
  return CHAR(STRING_ELT(v, 0));
}

static scs_float *real_array(SEXP v) {
  /* v is a double vector (or NULL) checked by the R wrapper */
  R_xlen_t k, n;
  scs_float *out;
  if (v == R_NilValue || XLENGTH(v) == 0) return NULL;
#if SCS_SFLOAT
  n = XLENGTH(v);
  out = (scs_float *)R_alloc((size_t)n, sizeof(scs_float));
  for (k = 0; k < n; k++) out[k] = (scs_float)REAL(v)[k];
  return out;
#else
  (void)k;
  (void)n;
  out = REAL(v);
  return out;
#endif
}

static scs_int *int_array(SEXP v) {
  R_xlen_t k, n;
  scs_int *out;
  if (v == R_NilValue || XLENGTH(v) == 0) return NULL;
#if SCS_DLONG
  n = XLENGTH(v);
  out = (scs_int *)R_alloc((size_t)n, sizeof(scs_int));
  for (k = 0; k < n; k++) out[k] = (scs_int)INTEGER(v)[k];
  return out;
#else
  (void)k;
  (void)n;
  out = INTEGER(v);
  return out;
#endif
}

/* ---- sparse matrices ---------------------------------------------------- */

/*
 * A matrix reaches C as a "spec" list built by the R wrapper:
 *   kind   0 = CSC (i, p, x), 1 = triplets (i, j, x), 2 = dense column-major x
 *   stored 0 = general, 1 = symmetric with the upper triangle stored,
 *          2 = symmetric with the lower triangle stored
 *   base   index base of i / j (0 or 1); CSC pointers are always 0-based
 *   m, n   dimensions; x may be NULL (pattern matrix: every entry is 1)
 * target 0 builds A (a symmetric input is expanded to both triangles);
 * target 1 builds P's upper triangle (of a general input, its entries with
 * row <= column; of a lower-stored symmetric input, the transpose).
 * Sparse data is never densified; duplicates are summed.
 */
typedef struct {
  int kind, stored, base, m, n;
  const int *i, *pj; /* i; p (kind 0) or j (kind 1) */
  const double *x;
  R_xlen_t nnz;
} MatSpec;

static const char *read_spec(SEXP spec, MatSpec *ms, const char *what,
                             char *err, size_t errlen) {
  SEXP i = list_get(spec, "i"), pj = list_get(spec, "pj"),
       x = list_get(spec, "x");
  memset(ms, 0, sizeof(*ms));
  ms->kind = get_int(spec, "kind");
  ms->stored = get_int(spec, "stored");
  ms->base = get_int(spec, "base");
  ms->m = get_int(spec, "m");
  ms->n = get_int(spec, "n");
  ms->i = i == R_NilValue ? NULL : INTEGER(i);
  ms->pj = pj == R_NilValue ? NULL : INTEGER(pj);
  ms->x = x == R_NilValue ? NULL : REAL(x);
  if (ms->kind == 0) {
    R_xlen_t n = ms->n;
    if (pj == R_NilValue || XLENGTH(pj) != n + 1) {
      snprintf(err, errlen, "%s: the column pointers must have %d entries",
               what, ms->n + 1);
      return err;
    }
    ms->nnz = ms->pj[n];
    if (ms->pj[0] != 0 || ms->nnz < 0 || (i != R_NilValue && XLENGTH(i) < ms->nnz)) {
      snprintf(err, errlen, "%s: invalid column pointers", what);
      return err;
    }
  } else if (ms->kind == 1) {
    ms->nnz = i == R_NilValue ? 0 : XLENGTH(i);
    if (pj == R_NilValue || XLENGTH(pj) != ms->nnz) {
      snprintf(err, errlen, "%s: row and column index vectors differ in length",
               what);
      return err;
    }
  } else {
    ms->nnz = (R_xlen_t)ms->m * ms->n;
  }
  if (ms->x != NULL && ms->kind != 2 && XLENGTH(x) < ms->nnz) {
    snprintf(err, errlen, "%s: fewer values than indices", what);
    return err;
  }
  return NULL;
}

/* Can the CSC arrays be handed to libscs as they are (no copy)? */
static int csc_zero_copy(const MatSpec *ms, int target) {
  int j;
  R_xlen_t k;
  if (SCS_R_COPY || ms->kind != 0 || ms->base != 0 || ms->x == NULL)
    return 0;
  for (j = 0; j < ms->n; j++)
    if (ms->pj[j + 1] < ms->pj[j]) return 0;
  for (j = 0; j < ms->n; j++)
    for (k = ms->pj[j]; k < ms->pj[j + 1]; k++) {
      int r = ms->i[k];
      if (r < 0 || r >= ms->m) return 0; /* let the slow path report it */
      if (target == 1 && r > j) return 0;
      if (target == 0 && ms->stored != 0 && r != j) return 0;
    }
  return 1;
}

/*
 * Emit the entries of the transformed matrix as triplets (0-based) into
 * ti/tj/tx (NULL to only count). Returns the count, or -1 with err set.
 */
static R_xlen_t emit(const MatSpec *ms, int target, int *ti, int *tj,
                     double *tx, const char *what, char *err, size_t errlen) {
  R_xlen_t k, cnt = 0;
  int r, c, j;
  double v;
#define PUT(R, C, V)                                                         \
  do {                                                                       \
    if (ti) {                                                                \
      ti[cnt] = (R);                                                         \
      tj[cnt] = (C);                                                         \
      tx[cnt] = (V);                                                         \
    }                                                                        \
    cnt++;                                                                   \
  } while (0)
#define ONE(R0, C0, V0)                                                      \
  do {                                                                       \
    r = (R0);                                                                \
    c = (C0);                                                                \
    v = (V0);                                                                \
    if (r < 0 || r >= ms->m || c < 0 || c >= ms->n) {                        \
      snprintf(err, errlen,                                                  \
               "%s: entry (%d, %d) is outside the %d x %d matrix", what,     \
               r + 1, c + 1, ms->m, ms->n);                                  \
      return -1;                                                             \
    }                                                                        \
    if (target == 0) {                                                       \
      PUT(r, c, v);                                                          \
      if (ms->stored != 0 && r != c) PUT(c, r, v);                           \
    } else {                                                                 \
      if (ms->stored == 2) {                                                 \
        int t_ = r;                                                          \
        r = c;                                                               \
        c = t_;                                                              \
      }                                                                      \
      if (r <= c) PUT(r, c, v);                                              \
    }                                                                        \
  } while (0)
  if (ms->kind == 0) {
    for (j = 0; j < ms->n; j++) {
      if (ms->pj[j + 1] < ms->pj[j]) {
        snprintf(err, errlen, "%s: decreasing column pointers at column %d",
                 what, j + 1);
        return -1;
      }
      for (k = ms->pj[j]; k < ms->pj[j + 1]; k++) {
        if (ms->i[k] == NA_INTEGER) {
          snprintf(err, errlen, "%s: NA row index", what);
          return -1;
        }
        ONE(ms->i[k] - ms->base, j, ms->x ? ms->x[k] : 1.0);
      }
    }
  } else if (ms->kind == 1) {
    for (k = 0; k < ms->nnz; k++) {
      if (ms->i[k] == NA_INTEGER || ms->pj[k] == NA_INTEGER) {
        snprintf(err, errlen, "%s: NA index", what);
        return -1;
      }
      ONE(ms->i[k] - ms->base, ms->pj[k] - ms->base, ms->x ? ms->x[k] : 1.0);
    }
  } else {
    for (j = 0; j < ms->n; j++)
      for (r = 0; r < ms->m; r++) {
        double d = ms->x[(R_xlen_t)j * ms->m + r];
        if (d != 0.0 || ISNAN(d)) { /* NaN is kept: libscs reports it */
          int rr = r;
          ONE(rr, j, d);
        }
      }
  }
#undef ONE
#undef PUT
  return cnt;
}

/* Triplets to CSC through CSR (gives sorted rows), summing duplicates. */
static const char *build_csc(SEXP spec, int target, ScsMatrix *out,
                             const char *what, char *err, size_t errlen) {
  MatSpec ms;
  R_xlen_t cnt, k, q;
  int *ti, *tj, *rp, *next, *cp, *ci, r, j;
  double *tx, *cx;
  scs_int *oi, *op;
  scs_float *ox;

  if (read_spec(spec, &ms, what, err, errlen)) return err;
  out->m = ms.m;
  out->n = ms.n;
  if (csc_zero_copy(&ms, target)) {
    out->x = (scs_float *)ms.x;
    out->i = (scs_int *)ms.i;
    out->p = (scs_int *)ms.pj;
    return NULL;
  }
  cnt = emit(&ms, target, NULL, NULL, NULL, what, err, errlen);
  if (cnt < 0) return err;
  if (cnt > INT32_MAX - 1) {
    snprintf(err, errlen, "%s: too many nonzeros", what);
    return err;
  }
  ti = (int *)R_alloc((size_t)cnt + 1, sizeof(int));
  tj = (int *)R_alloc((size_t)cnt + 1, sizeof(int));
  tx = (double *)R_alloc((size_t)cnt + 1, sizeof(double));
  emit(&ms, target, ti, tj, tx, what, err, errlen);

  /* rows: rp = row pointers of a CSR ordering of the triplets */
  rp = (int *)R_alloc((size_t)ms.m + 1, sizeof(int));
  memset(rp, 0, ((size_t)ms.m + 1) * sizeof(int));
  for (k = 0; k < cnt; k++) rp[ti[k] + 1]++;
  for (r = 0; r < ms.m; r++) rp[r + 1] += rp[r];
  next = (int *)R_alloc((size_t)cnt + 1, sizeof(int)); /* CSR order */
  {
    int *pos = (int *)R_alloc((size_t)ms.m + 1, sizeof(int));
    memcpy(pos, rp, ((size_t)ms.m + 1) * sizeof(int));
    for (k = 0; k < cnt; k++) next[pos[ti[k]]++] = (int)k;
  }
  /* columns: scanning rows in order gives each column sorted by row */
  cp = (int *)R_alloc((size_t)ms.n + 1, sizeof(int));
  memset(cp, 0, ((size_t)ms.n + 1) * sizeof(int));
  for (k = 0; k < cnt; k++) cp[tj[k] + 1]++;
  for (j = 0; j < ms.n; j++) cp[j + 1] += cp[j];
  ci = (int *)R_alloc((size_t)cnt + 1, sizeof(int));
  cx = (double *)R_alloc((size_t)cnt + 1, sizeof(double));
  {
    int *pos = (int *)R_alloc((size_t)ms.n + 1, sizeof(int));
    memcpy(pos, cp, ((size_t)ms.n + 1) * sizeof(int));
    for (q = 0; q < cnt; q++) {
      k = next[q];
      ci[pos[tj[k]]] = ti[k];
      cx[pos[tj[k]]++] = tx[k];
    }
  }
  /* compact: sum duplicates (adjacent now) */
  op = (scs_int *)R_alloc((size_t)ms.n + 1, sizeof(scs_int));
  oi = (scs_int *)R_alloc((size_t)cnt + 1, sizeof(scs_int));
  ox = (scs_float *)R_alloc((size_t)cnt + 1, sizeof(scs_float));
  q = 0;
  op[0] = 0;
  for (j = 0; j < ms.n; j++) {
    R_xlen_t start = q;
    for (k = cp[j]; k < cp[j + 1]; k++) {
      if (q > start && oi[q - 1] == ci[k]) {
        ox[q - 1] += (scs_float)cx[k];
      } else {
        oi[q] = ci[k];
        ox[q] = (scs_float)cx[k];
        q++;
      }
    }
    op[j + 1] = (scs_int)q;
  }
  out->x = ox;
  out->i = oi;
  out->p = op;
  return NULL;
}

/* ---- output, interrupts ------------------------------------------------- */

typedef struct {
  int interrupted;
  double last_check_ms;
} RSolveState;

static void r_print(const char *line, scs_int kind, void *user) {
  (void)user;
  /* errors become the R error itself: do not print them twice */
  if (kind == SCS_PRINT_LOG)
    Rprintf("%s", line);
  else if (kind == SCS_PRINT_WARNING)
    REprintf("%s", line);
}

static void check_interrupt(void *unused) {
  (void)unused;
  R_CheckUserInterrupt();
}

static scs_int r_progress(const ScsProgress *p, void *user) {
  RSolveState *st = (RSolveState *)user;
  /* ask R at most every 20 ms: R_CheckUserInterrupt may process events */
  if (p->elapsed_ms - st->last_check_ms < 20.0 && st->last_check_ms >= 0)
    return 0;
  st->last_check_ms = p->elapsed_ms;
  /* R_ToplevelExec returns FALSE when the check jumped (user interrupt):
   * the jump stops there, never crossing libscs's frames. */
  if (!R_ToplevelExec(check_interrupt, NULL)) {
    st->interrupted = 1;
    return 1;
  }
  return 0;
}

/* ---- result ------------------------------------------------------------- */

static void set_item(SEXP list, SEXP names, int k, const char *name, SEXP v) {
  SET_VECTOR_ELT(list, k, v);
  SET_STRING_ELT(names, k, Rf_mkChar(name));
}

static SEXP make_aa_stats(const AaStats *a) {
  const char *nm[] = {"iter",
                      "n_accept",
                      "n_reject_lapack",
                      "n_reject_rank0",
                      "n_reject_nonfinite",
                      "n_reject_weight_cap",
                      "n_safeguard_reject",
                      "last_rank",
                      "last_aa_norm",
                      "last_regularization"};
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 10));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, 10));
  set_item(out, names, 0, nm[0], Rf_ScalarInteger((int)a->iter));
  set_item(out, names, 1, nm[1], Rf_ScalarInteger((int)a->n_accept));
  set_item(out, names, 2, nm[2], Rf_ScalarInteger((int)a->n_reject_lapack));
  set_item(out, names, 3, nm[3], Rf_ScalarInteger((int)a->n_reject_rank0));
  set_item(out, names, 4, nm[4], Rf_ScalarInteger((int)a->n_reject_nonfinite));
  set_item(out, names, 5, nm[5], Rf_ScalarInteger((int)a->n_reject_weight_cap));
  set_item(out, names, 6, nm[6], Rf_ScalarInteger((int)a->n_safeguard_reject));
  set_item(out, names, 7, nm[7], Rf_ScalarInteger((int)a->last_rank));
  set_item(out, names, 8, nm[8], Rf_ScalarReal((double)a->last_aa_norm));
  set_item(out, names, 9, nm[9], Rf_ScalarReal((double)a->last_regularization));
  Rf_setAttrib(out, R_NamesSymbol, names);
  UNPROTECT(2);
  return out;
}

/* Field names of the established R package first, then the extensions. */
static SEXP make_info(const ScsInfo *info) {
  int k = 0, n = 27;
  SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, n));
  set_item(out, names, k++, "iter", Rf_ScalarInteger((int)info->iter));
  set_item(out, names, k++, "status", Rf_mkString(info->status));
  set_item(out, names, k++, "statusVal", Rf_ScalarInteger((int)info->status_val));
  set_item(out, names, k++, "scaleUpdates",
           Rf_ScalarInteger((int)info->scale_updates));
  set_item(out, names, k++, "pobj", Rf_ScalarReal(info->pobj));
  set_item(out, names, k++, "dobj", Rf_ScalarReal(info->dobj));
  set_item(out, names, k++, "resPri", Rf_ScalarReal(info->res_pri));
  set_item(out, names, k++, "resDual", Rf_ScalarReal(info->res_dual));
  set_item(out, names, k++, "gap", Rf_ScalarReal(info->gap));
  set_item(out, names, k++, "resInfeas", Rf_ScalarReal(info->res_infeas));
  set_item(out, names, k++, "resUnbddA", Rf_ScalarReal(info->res_unbdd_a));
  set_item(out, names, k++, "resUnbddP", Rf_ScalarReal(info->res_unbdd_p));
  set_item(out, names, k++, "setupTime", Rf_ScalarReal(info->setup_time));
  set_item(out, names, k++, "solveTime", Rf_ScalarReal(info->solve_time));
  set_item(out, names, k++, "scale", Rf_ScalarReal(info->scale));
  set_item(out, names, k++, "compSlack", Rf_ScalarReal(info->comp_slack));
  set_item(out, names, k++, "rejectedAccelSteps",
           Rf_ScalarInteger((int)info->rejected_accel_steps));
  set_item(out, names, k++, "acceptedAccelSteps",
           Rf_ScalarInteger((int)info->accepted_accel_steps));
  set_item(out, names, k++, "linsysTime", Rf_ScalarReal(info->lin_sys_time));
  set_item(out, names, k++, "coneTime", Rf_ScalarReal(info->cone_time));
  set_item(out, names, k++, "accelTime", Rf_ScalarReal(info->accel_time));
  /* extensions */
  set_item(out, names, k++, "lin_sys_solver", Rf_mkString(info->lin_sys_solver));
  set_item(out, names, k++, "lin_sys_iters",
           Rf_ScalarInteger((int)info->lin_sys_iters));
  set_item(out, names, k++, "aa_stats", make_aa_stats(&info->aa_stats));
  set_item(out, names, k++, "polish", Rf_mkString(scs_polish_status_name(info->polish_status)));
  set_item(out, names, k++, "polish_time", Rf_ScalarReal(info->polish_time));
  set_item(out, names, k++, "interrupted", Rf_ScalarLogical(0));
  Rf_setAttrib(out, R_NamesSymbol, names);
  UNPROTECT(2);
  return out;
}

static SEXP error_result(const char *msg) {
  SEXP out = PROTECT(Rf_allocVector(VECSXP, 1));
  SEXP names = PROTECT(Rf_allocVector(STRSXP, 1));
  set_item(out, names, 0, "error", Rf_mkString(msg));
  Rf_setAttrib(out, R_NamesSymbol, names);
  UNPROTECT(2);
  return out;
}

/* ---- the entry point ---------------------------------------------------- */

/*
 * data:    list(m, n, A = spec, P = spec or NULL, b, c, initial = NULL or
 *          list(x, y, s))
 * cone:    list(z, l, bu, bl, q, s, cs, ep, ed, p) normalized by R
 * control: the full scs_control() list, normalized by R
 */
SEXP scs_r_solve(SEXP data, SEXP cone, SEXP control) {
  char err[512];
  ScsMatrix A, P;
  ScsData d;
  ScsCone k;
  ScsSettings stgs;
  ScsSolution sol;
  ScsInfo info;
  ScsWork *w;
  RSolveState st;
  SEXP xr, yr, sr, res, names, initial, Pspec;
  const char *backend, *e;
  int m, n, warm = 0, nprot = 0;
  scs_int flag;

  memset(&A, 0, sizeof(A));
  memset(&P, 0, sizeof(P));
  memset(&d, 0, sizeof(d));
  memset(&k, 0, sizeof(k));
  memset(&sol, 0, sizeof(sol));
  memset(&info, 0, sizeof(info));

  m = get_int(data, "m");
  n = get_int(data, "n");

  if ((e = build_csc(list_get(data, "A"), 0, &A, "A", err, sizeof(err))))
    return error_result(e);
  Pspec = list_get(data, "P");
  if (Pspec != R_NilValue) {
    if ((e = build_csc(Pspec, 1, &P, "P", err, sizeof(err))))
      return error_result(e);
  }
  d.m = m;
  d.n = n;
  d.A = &A;
  d.P = Pspec != R_NilValue ? &P : NULL;
  d.b = real_array(list_get(data, "b"));
  d.c = real_array(list_get(data, "c"));

  k.z = get_int(cone, "z");
  k.l = get_int(cone, "l");
  k.bu = real_array(list_get(cone, "bu"));
  k.bl = real_array(list_get(cone, "bl"));
  k.bsize = get_int(cone, "bsize");
  k.q = int_array(list_get(cone, "q"));
  k.qsize = (scs_int)Rf_xlength(list_get(cone, "q"));
  k.s = int_array(list_get(cone, "s"));
  k.ssize = (scs_int)Rf_xlength(list_get(cone, "s"));
  k.cs = int_array(list_get(cone, "cs"));
  k.cssize = (scs_int)Rf_xlength(list_get(cone, "cs"));
  k.ep = get_int(cone, "ep");
  k.ed = get_int(cone, "ed");
  k.p = real_array(list_get(cone, "p"));
  k.psize = (scs_int)Rf_xlength(list_get(cone, "p"));

  scs_set_default_settings(&stgs);
  stgs.max_iters = get_int(control, "max_iters");
  stgs.eps_rel = get_real(control, "eps_rel");
  stgs.eps_abs = get_real(control, "eps_abs");
  stgs.eps_infeas = get_real(control, "eps_infeas");
  stgs.alpha = get_real(control, "alpha");
  stgs.rho_x = get_real(control, "rho_x");
  stgs.scale = get_real(control, "scale");
  stgs.verbose = get_int(control, "verbose");
  stgs.normalize = get_int(control, "normalize");
  stgs.acceleration_lookback = get_int(control, "acceleration_lookback");
  stgs.acceleration_interval = get_int(control, "acceleration_interval");
  stgs.adaptive_scale = get_int(control, "adaptive_scale");
  stgs.write_data_filename = get_string(control, "write_data_filename");
  stgs.log_csv_filename = get_string(control, "log_csv_filename");
  stgs.time_limit_secs = get_real(control, "time_limit_secs");
  stgs.acceleration_type_1 = get_int(control, "acceleration_type_1");
  stgs.acceleration_regularization =
      get_real(control, "acceleration_regularization");
  stgs.acceleration_relaxation = get_real(control, "acceleration_relaxation");
  stgs.disable_polish = !get_int(control, "polish");
  stgs.disable_signal_handling = 1; /* R owns SIGINT */
  stgs.print = r_print;
  stgs.print_data = NULL;
  backend = get_string(control, "lin_sys_backend");
  if (backend != NULL) {
    stgs.lin_sys_backend = scs_linsys_backend(backend);
    if (stgs.lin_sys_backend == NULL) return error_result(scs_last_error());
  }

  /* result vectors first: scs_solve writes straight into them */
  xr = PROTECT(Rf_allocVector(REALSXP, n));
  yr = PROTECT(Rf_allocVector(REALSXP, m));
  sr = PROTECT(Rf_allocVector(REALSXP, m));
  nprot += 3;
  initial = list_get(data, "initial");
  if (initial != R_NilValue) {
    memcpy(REAL(xr), REAL(list_get(initial, "x")), sizeof(double) * (size_t)n);
    memcpy(REAL(yr), REAL(list_get(initial, "y")), sizeof(double) * (size_t)m);
    memcpy(REAL(sr), REAL(list_get(initial, "s")), sizeof(double) * (size_t)m);
    warm = 1;
  }
#if SCS_SFLOAT
  sol.x = (scs_float *)R_alloc((size_t)n, sizeof(scs_float));
  sol.y = (scs_float *)R_alloc((size_t)m, sizeof(scs_float));
  sol.s = (scs_float *)R_alloc((size_t)m, sizeof(scs_float));
  {
    int t;
    for (t = 0; t < n; t++) sol.x[t] = (scs_float)REAL(xr)[t];
    for (t = 0; t < m; t++) sol.y[t] = (scs_float)REAL(yr)[t];
    for (t = 0; t < m; t++) sol.s[t] = (scs_float)REAL(sr)[t];
  }
#else
  sol.x = REAL(xr);
  sol.y = REAL(yr);
  sol.s = REAL(sr);
#endif

  /* ---- no R error may be raised from here to scs_finish ---- */
  w = scs_init(&d, &k, &stgs);
  if (w == NULL) {
    strncpy(err, scs_last_error(), sizeof(err) - 1);
    err[sizeof(err) - 1] = '\0';
    UNPROTECT(nprot);
    return error_result(err[0] ? err : "scs_init failed");
  }
  st.interrupted = 0;
  st.last_check_ms = -1.0;
  scs_set_callback(w, r_progress, &st);
  flag = scs_solve(w, &sol, &info, warm);
  if (flag == SCS_FAILED) {
    strncpy(err, scs_last_error(), sizeof(err) - 1);
    err[sizeof(err) - 1] = '\0';
  }
  scs_finish(w);
  /* ---- R errors are fine again ---- */

#if SCS_SFLOAT
  {
    int t;
    for (t = 0; t < n; t++) REAL(xr)[t] = (double)sol.x[t];
    for (t = 0; t < m; t++) REAL(yr)[t] = (double)sol.y[t];
    for (t = 0; t < m; t++) REAL(sr)[t] = (double)sol.s[t];
  }
#endif
  res = PROTECT(Rf_allocVector(VECSXP, flag == SCS_FAILED ? 5 : 4));
  names = PROTECT(Rf_allocVector(STRSXP, flag == SCS_FAILED ? 5 : 4));
  nprot += 2;
  set_item(res, names, 0, "x", xr);
  set_item(res, names, 1, "y", yr);
  set_item(res, names, 2, "s", sr);
  {
    SEXP inf = PROTECT(make_info(&info));
    nprot++;
    if (st.interrupted)
      SET_VECTOR_ELT(inf, Rf_xlength(inf) - 1, Rf_ScalarLogical(1));
    set_item(res, names, 3, "info", inf);
  }
  if (flag == SCS_FAILED) set_item(res, names, 4, "error", Rf_mkString(err));
  Rf_setAttrib(res, R_NamesSymbol, names);
  UNPROTECT(nprot);
  return res;
}

SEXP scs_r_versions(void) {
  SEXP out = PROTECT(Rf_allocVector(STRSXP, 2));
  SET_STRING_ELT(out, 0, Rf_mkChar(scs_version()));
  SET_STRING_ELT(out, 1, Rf_mkChar(scs_library_version()));
  UNPROTECT(1);
  return out;
}

/* Which built-in backend names libscs knows (asks libscs, no list here). */
SEXP scs_r_backend_ok(SEXP name) {
  const ScsLinSysBackend *b = scs_linsys_backend(CHAR(STRING_ELT(name, 0)));
  return Rf_ScalarString(Rf_mkChar(b ? b->name : ""));
}

static const R_CallMethodDef call_methods[] = {
    {"scs_r_solve", (DL_FUNC)&scs_r_solve, 3},
    {"scs_r_versions", (DL_FUNC)&scs_r_versions, 0},
    {"scs_r_backend_ok", (DL_FUNC)&scs_r_backend_ok, 1},
    {NULL, NULL, 0}};

void R_init_scs(DllInfo *dll) {
  R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  R_forceSymbols(dll, TRUE);
}
