/* scs._scs: a thin CPython extension over libscs.
 *
 * One type, Solver, owning one libscs workspace. The Python layer
 * (scs/__init__.py) prepares the data (CSC conversion, dtypes) and calls
 *
 *   Solver(m, n, Ax, Ai, Ap, Px, Pi, Pp, b, c, cone, backend, progress,
 *          **settings)
 *   Solver.solve(warm_start, x, y, s, progress) -> dict
 *   Solver.update(b, c)
 *   Solver.interrupt()
 *
 * Threading (docs/python.md):
 * - no global state: the type and the cached helpers live in module state;
 * - each Solver has its own lock (PyMutex on 3.13+), always acquired after
 *   detaching from the interpreter (GIL released), and the "workspace
 *   exists" test is made under it;
 * - scs_init, scs_solve and scs_update run detached; results are copied out
 *   of the workspace's solution under the lock, before any Python object is
 *   built;
 * - interrupt() is lock-free (scs_interrupt);
 * - the print hook and the progress callback re-attach (PyGILState_Ensure)
 *   only when they have Python work to do.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pycompat.h"
#include "scs.h"

/* ------------------------------------------------------------------------ */
/* module state                                                             */
/* ------------------------------------------------------------------------ */

typedef struct {
  PyTypeObject *solver_type;
  PyObject *np_empty; /* numpy.empty */
} ModState;

static inline ModState *get_state(PyObject *module) {
  return (ModState *)PyModule_GetState(module);
}

/* ------------------------------------------------------------------------ */
/* the Solver object                                                        */
/* ------------------------------------------------------------------------ */

/* Per-call context of one scs_init / scs_solve: read by the hooks, which run
 * on the calling thread while it owns the object's lock. */
typedef struct {
  PyObject *progress; /* borrowed; NULL: no Python callback */
  PyObject *exc;      /* first exception raised by a hook (owned) */
} CallCtx;

typedef struct {
  PyObject_HEAD
  scspy_lock lock;
  int lock_ready;
  ScsWork *work;    /* written under the lock; read atomically by interrupt */
  scs_int m, n;     /* written once, under the lock, by a successful init */
  ScsSolution sol;  /* the last solution, the default warm start */
  PyObject *progress; /* default progress callable, or NULL */
  CallCtx *ctx;     /* the running call's context, under the lock */
  PyObject *module; /* strong ref, to reach the module state */
} SolverObject;

static ScsWork *load_work(SolverObject *self) {
  return __atomic_load_n(&self->work, __ATOMIC_ACQUIRE);
}

/* Keep the first exception raised by a hook; drop later ones. */
static void ctx_keep_exception(CallCtx *ctx) {
  PyObject *exc = PyErr_GetRaisedException();
  if (ctx && !ctx->exc) {
    ctx->exc = exc;
  } else {
    Py_XDECREF(exc);
  }
}

/* ---- the print hook: every line goes to sys.stdout / sys.stderr ---------- */
static void print_hook(const char *line, scs_int kind, void *user_data) {
  SolverObject *self = (SolverObject *)user_data;
  PyGILState_STATE g = PyGILState_Ensure();
  PyObject *stream = PyImport_ImportModuleAttrString(
      "sys", kind == SCS_PRINT_LOG ? "stdout" : "stderr");
  if (stream && stream != Py_None) {
    PyObject *res = PyObject_CallMethod(stream, "write", "s", line);
    Py_XDECREF(res);
  }
  Py_XDECREF(stream);
  if (PyErr_Occurred()) {
    if (PyErr_ExceptionMatches(PyExc_KeyboardInterrupt)) {
      /* Ctrl-C handled by Python code while printing: stop the solve and
       * re-raise it when the solve returns. */
      ctx_keep_exception(self->ctx);
      ScsWork *w = load_work(self);
      if (w) {
        scs_interrupt(w);
      }
    } else {
      PyErr_Clear(); /* an unwritable stream does not stop a solve */
    }
  }
  PyGILState_Release(g);
}

/* ---- the progress callback --------------------------------------------- */
static scs_int progress_hook(const ScsProgress *p, void *user_data) {
  SolverObject *self = (SolverObject *)user_data;
  CallCtx *ctx = self->ctx;
  scs_int stop = 0;
  if (!ctx || !ctx->progress || ctx->exc) {
    return ctx && ctx->exc ? 1 : 0;
  }
  PyGILState_STATE g = PyGILState_Ensure();
  PyObject *d = Py_BuildValue(
      "{s:i,s:d,s:d,s:d,s:d,s:d,s:d,s:d}", "iter", (int)p->iter, "res_pri",
      (double)p->res_pri, "res_dual", (double)p->res_dual, "gap",
      (double)p->gap, "pobj", (double)p->pobj, "dobj", (double)p->dobj,
      "scale", (double)p->scale, "elapsed_ms", (double)p->elapsed_ms);
  if (d) {
    PyObject *r = PyObject_CallOneArg(ctx->progress, d);
    Py_DECREF(d);
    if (r) {
      int t = PyObject_IsTrue(r);
      Py_DECREF(r);
      if (t > 0) {
        stop = 1;
      }
    }
  }
  if (PyErr_Occurred()) {
    ctx_keep_exception(ctx);
    stop = 1;
  }
  PyGILState_Release(g);
  return stop;
}

/* ---- buffers ------------------------------------------------------------- */

/* A 1-D C-contiguous buffer of doubles ('d') or of scs_int. */
static int get_vec(PyObject *obj, Py_buffer *view, int want_int,
                   const char *what) {
  if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) < 0) {
    PyErr_Clear();
    view->obj = NULL;
    goto bad;
  }
  {
    const char *f = view->format ? view->format : "B";
    if (*f == '@' || *f == '=' || *f == '<') {
      f++;
    }
    int ok = view->ndim == 1;
    if (want_int) {
      ok = ok && view->itemsize == (Py_ssize_t)sizeof(scs_int) &&
           (f[0] == 'i' || f[0] == 'l' || f[0] == 'q') && f[1] == 0;
    } else {
      ok = ok && view->itemsize == (Py_ssize_t)sizeof(scs_float) &&
           (f[0] == (sizeof(scs_float) == 8 ? 'd' : 'f')) && f[1] == 0;
    }
    if (ok) {
      return 0;
    }
    PyBuffer_Release(view);
    view->obj = NULL;
  }
bad:
  PyErr_Format(PyExc_TypeError, "%s must be a 1-D numpy array of %s", what,
               want_int ? "ints" : "floats");
  return -1;
}

/* A float vector of length len (b: m, c: n), else -1 with ValueError
 * "<what> has incompatible dimension with A" (the view is then still to be
 * released by the caller, as after get_vec). */
static int get_vec_len(PyObject *obj, Py_buffer *view, Py_ssize_t len,
                       const char *what) {
  if (get_vec(obj, view, 0, what) < 0) {
    return -1;
  }
  if (view->shape[0] != len) {
    PyErr_Format(PyExc_ValueError, "%s has incompatible dimension with A",
                 what);
    return -1;
  }
  return 0;
}

static void release(Py_buffer *v) {
  if (v->obj) {
    PyBuffer_Release(v);
    v->obj = NULL;
  }
}

/* ---- cone parsing ---------------------------------------------------------- */

static int cone_err(const char *key) {
  if (!PyErr_Occurred()) {
    PyErr_Format(PyExc_ValueError, "Invalid value for cone field '%s'", key);
  }
  return -1;
}

/* a Python int >= 0 that fits scs_int (bools are ints, as in the scs package) */
static int as_count(PyObject *o, scs_int *out) {
  if (!PyLong_Check(o)) {
    return -1;
  }
  long long v = PyLong_AsLongLong(o);
  if (v == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return -1;
  }
  if (v < 0 || (long long)(scs_int)v != v) {
    return -1;
  }
  *out = (scs_int)v;
  return 0;
}

static int cone_count(PyObject *cone, const char *key, scs_int *out) {
  PyObject *o = NULL;
  *out = 0;
  int rc = PyDict_GetItemStringRef(cone, key, &o);
  if (rc < 0) {
    return cone_err(key);
  }
  if (rc == 0) {
    return 0;
  }
  /* numpy integer scalars too */
  if (!PyLong_Check(o) && PyIndex_Check(o) && !PyBool_Check(o)) {
    PyObject *i = PyNumber_Index(o);
    Py_DECREF(o);
    if (!i) {
      PyErr_Clear();
      return cone_err(key);
    }
    o = i;
  }
  rc = as_count(o, out);
  Py_DECREF(o);
  return rc < 0 ? cone_err(key) : 0;
}

/* An int, a list of ints, or a 1-D integer array -> scs_int[]. */
static int cone_int_array(PyObject *cone, const char *key, scs_int **arr,
                          scs_int *len) {
  PyObject *o = NULL, *seq = NULL;
  *arr = NULL;
  *len = 0;
  int rc = PyDict_GetItemStringRef(cone, key, &o);
  if (rc < 0) {
    return cone_err(key);
  }
  if (rc == 0) {
    return 0;
  }
  if (PyLong_Check(o)) {
    scs_int v;
    if (as_count(o, &v) < 0) {
      Py_DECREF(o);
      return cone_err(key);
    }
    *arr = (scs_int *)malloc(sizeof(scs_int));
    if (!*arr) {
      Py_DECREF(o);
      PyErr_NoMemory();
      return -1;
    }
    (*arr)[0] = v;
    *len = 1;
    Py_DECREF(o);
    return 0;
  }
  if (!PyList_Check(o) && !PyTuple_Check(o)) {
    /* numpy arrays: must be integer-valued (kind 'i' or 'u'), 1-D */
    PyObject *dt = PyObject_GetAttrString(o, "dtype");
    PyObject *kind = dt ? PyObject_GetAttrString(dt, "kind") : NULL;
    PyObject *ndim = PyObject_GetAttrString(o, "ndim");
    Py_XDECREF(dt);
    int ok = kind && ndim && PyUnicode_Check(kind) &&
             (PyUnicode_CompareWithASCIIString(kind, "i") == 0 ||
              PyUnicode_CompareWithASCIIString(kind, "u") == 0) &&
             PyLong_Check(ndim) && PyLong_AsLong(ndim) == 1;
    Py_XDECREF(kind);
    Py_XDECREF(ndim);
    if (!ok) {
      PyErr_Clear();
      Py_DECREF(o);
      return cone_err(key);
    }
    seq = PySequence_List(o);
    Py_DECREF(o);
    if (!seq) {
      PyErr_Clear();
      return cone_err(key);
    }
    o = seq;
  }
  PyObject *fast = PySequence_Fast(o, key);
  Py_DECREF(o);
  if (!fast) {
    return -1;
  }
  Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
  *arr = (scs_int *)calloc(n > 0 ? (size_t)n : 1, sizeof(scs_int));
  if (!*arr) {
    Py_DECREF(fast);
    PyErr_NoMemory();
    return -1;
  }
  for (Py_ssize_t i = 0; i < n; i++) {
    PyObject *it = PySequence_Fast_GET_ITEM(fast, i);
    PyObject *idx = NULL;
    if (!PyLong_Check(it)) {
      if (PyBool_Check(it) || !PyIndex_Check(it) ||
          !(idx = PyNumber_Index(it))) {
        PyErr_Clear();
        goto fail;
      }
      it = idx;
    }
    int r = as_count(it, &(*arr)[i]);
    Py_XDECREF(idx);
    if (r < 0) {
      goto fail;
    }
  }
  *len = (scs_int)n;
  Py_DECREF(fast);
  return 0;
fail:
  Py_DECREF(fast);
  free(*arr);
  *arr = NULL;
  return cone_err(key);
}

/* A float, a list of floats, or a 1-D float array -> scs_float[]. */
static int cone_float_array(PyObject *cone, const char *key, scs_float **arr,
                            scs_int *len) {
  PyObject *o = NULL;
  *arr = NULL;
  *len = 0;
  int rc = PyDict_GetItemStringRef(cone, key, &o);
  if (rc < 0) {
    return cone_err(key);
  }
  if (rc == 0) {
    return 0;
  }
  if (PyFloat_Check(o) || PyLong_Check(o)) {
    double v = PyFloat_AsDouble(o);
    Py_DECREF(o);
    if (v == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      return cone_err(key);
    }
    *arr = (scs_float *)malloc(sizeof(scs_float));
    if (!*arr) {
      PyErr_NoMemory();
      return -1;
    }
    (*arr)[0] = (scs_float)v;
    *len = 1;
    return 0;
  }
  PyObject *fast = NULL;
  if (PyList_Check(o) || PyTuple_Check(o)) {
    fast = PySequence_Fast(o, key);
  } else {
    PyObject *ndim = PyObject_GetAttrString(o, "ndim");
    int ok = ndim && PyLong_Check(ndim) && PyLong_AsLong(ndim) == 1;
    Py_XDECREF(ndim);
    PyErr_Clear();
    if (ok) {
      PyObject *lst = PySequence_List(o);
      if (lst) {
        fast = PySequence_Fast(lst, key);
        Py_DECREF(lst);
      }
    }
  }
  Py_DECREF(o);
  if (!fast) {
    PyErr_Clear();
    return cone_err(key);
  }
  Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
  *arr = (scs_float *)calloc(n > 0 ? (size_t)n : 1, sizeof(scs_float));
  if (!*arr) {
    Py_DECREF(fast);
    PyErr_NoMemory();
    return -1;
  }
  for (Py_ssize_t i = 0; i < n; i++) {
    double v = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(fast, i));
    if (v == -1.0 && PyErr_Occurred()) {
      PyErr_Clear();
      Py_DECREF(fast);
      free(*arr);
      *arr = NULL;
      return cone_err(key);
    }
    (*arr)[i] = (scs_float)v;
  }
  *len = (scs_int)n;
  Py_DECREF(fast);
  return 0;
}

static void free_cone(ScsCone *k) {
  free(k->bu);
  free(k->bl);
  free(k->q);
  free(k->s);
  free(k->cs);
  free(k->p);
  memset(k, 0, sizeof(*k));
}

static int parse_cone(PyObject *cone, ScsCone *k) {
  scs_int f = 0, nbu = 0, nbl = 0;
  memset(k, 0, sizeof(*k));
  if (cone_count(cone, "f", &f) < 0) {
    goto fail;
  }
  if (cone_count(cone, "z", &k->z) < 0) {
    goto fail;
  }
  if (f > 0) {
    if (PyErr_WarnEx(PyExc_DeprecationWarning,
                     "The 'f' cone field is deprecated; use 'z' (Zero cone) "
                     "instead. If both 'f' and 'z' are set they are summed.",
                     1) < 0) {
      goto fail;
    }
    k->z += f;
  }
  if (cone_count(cone, "l", &k->l) < 0 ||
      cone_float_array(cone, "bu", &k->bu, &nbu) < 0 ||
      cone_float_array(cone, "bl", &k->bl, &nbl) < 0) {
    goto fail;
  }
  if (nbu != nbl) {
    PyErr_SetString(PyExc_ValueError, "bu different dimension to bl");
    goto fail;
  }
  k->bsize = nbu > 0 ? nbu + 1 : 0;
  if (cone_int_array(cone, "q", &k->q, &k->qsize) < 0 ||
      cone_int_array(cone, "s", &k->s, &k->ssize) < 0 ||
      cone_int_array(cone, "cs", &k->cs, &k->cssize) < 0 ||
      cone_float_array(cone, "p", &k->p, &k->psize) < 0 ||
      cone_count(cone, "ep", &k->ep) < 0 ||
      cone_count(cone, "ed", &k->ed) < 0) {
    goto fail;
  }
  return 0;
fail:
  free_cone(k);
  return -1;
}

/* ---- settings checks of the scs package (same messages) -------------------- */
static const char *check_settings(const ScsSettings *s) {
  if (s->max_iters <= 0) {
    return "max_iters must be positive";
  }
  if (s->acceleration_lookback < 0) {
    return "acceleration_lookback must be nonnegative "
           "(use acceleration_type_1=0 for type-II AA)";
  }
  if (s->acceleration_interval <= 0) {
    return "acceleration_interval must be positive";
  }
  if (!isfinite(s->acceleration_regularization) ||
      s->acceleration_regularization < 0) {
    return "acceleration_regularization must be a nonnegative finite number";
  }
  if (!isfinite(s->acceleration_relaxation) ||
      s->acceleration_relaxation < 0 || s->acceleration_relaxation > 2) {
    return "acceleration_relaxation must be in [0, 2]";
  }
  if (!isfinite(s->scale) || s->scale <= 0) {
    return "scale must be a positive finite number";
  }
  if (isnan(s->time_limit_secs) || s->time_limit_secs < 0) {
    return "time_limit_secs must be nonnegative";
  }
  if (isnan(s->eps_abs) || s->eps_abs < 0) {
    return "eps_abs must be nonnegative";
  }
  if (isnan(s->eps_rel) || s->eps_rel < 0) {
    return "eps_rel must be nonnegative";
  }
  if (isnan(s->eps_infeas) || s->eps_infeas < 0) {
    return "eps_infeas must be nonnegative";
  }
  if (!isfinite(s->alpha) || s->alpha <= 0 || s->alpha >= 2) {
    return "alpha must be in (0, 2)";
  }
  if (!isfinite(s->rho_x) || s->rho_x <= 0) {
    return "rho_x must be a positive finite number";
  }
  return NULL;
}

/* ---- type slots ------------------------------------------------------------ */

static PyObject *Solver_new(PyTypeObject *type, PyObject *args,
                            PyObject *kwargs) {
  (void)args;
  (void)kwargs;
  SolverObject *self = (SolverObject *)type->tp_alloc(type, 0);
  if (!self) {
    return NULL;
  }
  if (scspy_lock_init(&self->lock) < 0) {
    Py_DECREF(self);
    PyErr_SetString(PyExc_MemoryError, "Unable to allocate instance lock");
    return NULL;
  }
  self->lock_ready = 1;
  PyObject *mod = PyType_GetModule(type);
  if (!mod) {
    Py_DECREF(self);
    return NULL;
  }
  self->module = Py_NewRef(mod);
  return (PyObject *)self;
}

static int Solver_init(SolverObject *self, PyObject *args, PyObject *kwargs) {
  static char *kwlist[] = {"", "", "", "", "", "", "", "", "", "", "", "", "",
                           "verbose", "normalize", "adaptive_scale",
                           "max_iters", "scale", "eps_abs", "eps_rel",
                           "eps_infeas", "alpha", "rho_x", "time_limit_secs",
                           "acceleration_lookback", "acceleration_interval",
                           "acceleration_type_1",
                           "acceleration_regularization",
                           "acceleration_relaxation", "write_data_filename",
                           "log_csv_filename", "polish", NULL};
  long long m = 0, n = 0;
  PyObject *oAx, *oAi, *oAp, *oPx, *oPi, *oPp, *ob, *oc, *cone, *progress;
  const char *backend_name = NULL;
  PyObject *verbose = NULL, *normalize = NULL, *adaptive = NULL;
  PyObject *polish = NULL;
  ScsSettings stgs;
  ScsData d;
  ScsCone k;
  ScsMatrix A, P;
  Py_buffer vAx = {0}, vAi = {0}, vAp = {0}, vPx = {0}, vPi = {0},
            vPp = {0}, vb = {0}, vc = {0};
  int have_P = 0, rc = -1;
  scs_float *sx = NULL, *sy = NULL, *ss = NULL;
  CallCtx ctx = {NULL, NULL};
  char errbuf[600];

  memset(&k, 0, sizeof(k));
  scs_set_default_settings(&stgs);
#if SCS_DLONG
#define SCSPY_I "L"
  long long *pmi = &stgs.max_iters, *pal = &stgs.acceleration_lookback,
            *pai = &stgs.acceleration_interval,
            *pat = &stgs.acceleration_type_1;
#else
#define SCSPY_I "i"
  int *pmi = &stgs.max_iters, *pal = &stgs.acceleration_lookback,
      *pai = &stgs.acceleration_interval, *pat = &stgs.acceleration_type_1;
#endif
#if SCS_SFLOAT
#define SCSPY_F "f"
#else
#define SCSPY_F "d"
#endif
  if (!PyArg_ParseTupleAndKeywords(
          args, kwargs,
          "LLOOOOOOOOO!zO|$O!O!O!" SCSPY_I SCSPY_F SCSPY_F SCSPY_F SCSPY_F
              SCSPY_F SCSPY_F SCSPY_F SCSPY_I SCSPY_I SCSPY_I SCSPY_F SCSPY_F
                  "zzO!",
          kwlist, &m, &n, &oAx, &oAi, &oAp, &oPx, &oPi, &oPp, &ob, &oc,
          &PyDict_Type, &cone, &backend_name, &progress, &PyBool_Type,
          &verbose, &PyBool_Type, &normalize, &PyBool_Type, &adaptive, pmi,
          &stgs.scale, &stgs.eps_abs, &stgs.eps_rel, &stgs.eps_infeas,
          &stgs.alpha, &stgs.rho_x, &stgs.time_limit_secs, pal, pai, pat,
          &stgs.acceleration_regularization, &stgs.acceleration_relaxation,
          &stgs.write_data_filename, &stgs.log_csv_filename, &PyBool_Type,
          &polish)) {
    return -1;
  }
  if (m <= 0 || (long long)(scs_int)m != m) {
    PyErr_SetString(PyExc_ValueError, "m must be a positive integer");
    return -1;
  }
  if (n <= 0 || (long long)(scs_int)n != n) {
    PyErr_SetString(PyExc_ValueError, "n must be a positive integer");
    return -1;
  }
  if (progress != Py_None && !PyCallable_Check(progress)) {
    PyErr_SetString(PyExc_TypeError, "progress must be callable or None");
    return -1;
  }
  if (backend_name) {
    stgs.lin_sys_backend = scs_linsys_backend(backend_name);
    if (!stgs.lin_sys_backend) {
      PyErr_Format(PyExc_ImportError, "libscs has no '%s' backend: %s",
                   backend_name, scs_last_error());
      return -1;
    }
  }
  if (verbose) {
    stgs.verbose = PyObject_IsTrue(verbose);
  }
  if (normalize) {
    stgs.normalize = PyObject_IsTrue(normalize);
  }
  if (adaptive) {
    stgs.adaptive_scale = PyObject_IsTrue(adaptive);
  }
  if (polish) {
    stgs.disable_polish = !PyObject_IsTrue(polish);
  }
  stgs.warm_start = 0;
  stgs.print = print_hook;
  stgs.print_data = self;

  if (get_vec(oAx, &vAx, 0, "Ax") < 0 || get_vec(oAi, &vAi, 1, "Ai") < 0 ||
      get_vec(oAp, &vAp, 1, "Ap") < 0) {
    goto done;
  }
  if (oPx != Py_None && oPi != Py_None && oPp != Py_None) {
    if (get_vec(oPx, &vPx, 0, "Px") < 0 || get_vec(oPi, &vPi, 1, "Pi") < 0 ||
        get_vec(oPp, &vPp, 1, "Pp") < 0) {
      goto done;
    }
    have_P = 1;
  }
  if (get_vec_len(oc, &vc, (Py_ssize_t)n, "c") < 0 ||
      get_vec_len(ob, &vb, (Py_ssize_t)m, "b") < 0) {
    goto done;
  }
  /* column pointers: n + 1 entries, so that libscs may read p[n] */
  if (vAp.shape[0] != (Py_ssize_t)n + 1 ||
      (have_P && vPp.shape[0] != (Py_ssize_t)n + 1)) {
    PyErr_SetString(PyExc_ValueError,
                    "column pointers must have n + 1 entries");
    goto done;
  }
  {
    scs_int nnzA = ((scs_int *)vAp.buf)[n];
    if (nnzA < 0 || vAi.shape[0] < nnzA || vAx.shape[0] < nnzA) {
      PyErr_SetString(PyExc_ValueError,
                      "A: Ap[n] exceeds the length of Ai or Ax");
      goto done;
    }
    if (have_P) {
      scs_int nnzP = ((scs_int *)vPp.buf)[n];
      if (nnzP < 0 || vPi.shape[0] < nnzP || vPx.shape[0] < nnzP) {
        PyErr_SetString(PyExc_ValueError,
                        "P: Pp[n] exceeds the length of Pi or Px");
        goto done;
      }
    }
  }
  if (parse_cone(cone, &k) < 0) {
    goto done;
  }
  {
    const char *bad = check_settings(&stgs);
    if (bad) {
      PyErr_SetString(PyExc_ValueError, bad);
      goto done;
    }
  }

  A.x = (scs_float *)vAx.buf;
  A.i = (scs_int *)vAi.buf;
  A.p = (scs_int *)vAp.buf;
  A.m = (scs_int)m;
  A.n = (scs_int)n;
  if (have_P) {
    P.x = (scs_float *)vPx.buf;
    P.i = (scs_int *)vPi.buf;
    P.p = (scs_int *)vPp.buf;
    P.m = (scs_int)n;
    P.n = (scs_int)n;
  }
  d.m = (scs_int)m;
  d.n = (scs_int)n;
  d.A = &A;
  d.P = have_P ? &P : NULL;
  d.b = (scs_float *)vb.buf;
  d.c = (scs_float *)vc.buf;

  sx = (scs_float *)calloc((size_t)n, sizeof(scs_float));
  sy = (scs_float *)calloc((size_t)m, sizeof(scs_float));
  ss = (scs_float *)calloc((size_t)m, sizeof(scs_float));
  if (!sx || !sy || !ss) {
    PyErr_NoMemory();
    goto done;
  }

  {
    int already = 0;
    ScsWork *w = NULL;
    errbuf[0] = 0;
    Py_BEGIN_ALLOW_THREADS
    scspy_lock_acquire(&self->lock);
    if (self->work) {
      already = 1;
    } else {
      self->ctx = &ctx;
      w = scs_init(&d, &k, &stgs);
      if (w) {
        scs_set_callback(w, progress_hook, self);
        self->m = (scs_int)m;
        self->n = (scs_int)n;
        self->sol.x = sx;
        self->sol.y = sy;
        self->sol.s = ss;
        sx = sy = ss = NULL;
        __atomic_store_n(&self->work, w, __ATOMIC_RELEASE);
      } else {
        snprintf(errbuf, sizeof(errbuf), "%s", scs_last_error());
      }
      self->ctx = NULL;
    }
    scspy_lock_release(&self->lock);
    Py_END_ALLOW_THREADS
    if (already) {
      PyErr_SetString(PyExc_ValueError, "Workspace already setup!");
      goto done;
    }
    if (ctx.exc) {
      PyErr_SetRaisedException(ctx.exc);
      ctx.exc = NULL;
      goto done;
    }
    if (!w) {
      PyErr_Format(PyExc_ValueError, "ScsWork allocation error! (%s)",
                   errbuf[0] ? errbuf : "scs_init failed");
      goto done;
    }
    if (progress != Py_None) {
      Py_XSETREF(self->progress, Py_NewRef(progress));
    }
  }
  rc = 0;
done:
  free(sx);
  free(sy);
  free(ss);
  Py_XDECREF(ctx.exc);
  free_cone(&k);
  release(&vAx);
  release(&vAi);
  release(&vAp);
  release(&vPx);
  release(&vPi);
  release(&vPp);
  release(&vb);
  release(&vc);
  return rc;
}

static int Solver_traverse(SolverObject *self, visitproc visit, void *arg) {
  Py_VISIT(Py_TYPE(self));
  Py_VISIT(self->progress);
  Py_VISIT(self->module);
  return 0;
}

static int Solver_clear(SolverObject *self) {
  Py_CLEAR(self->progress);
  Py_CLEAR(self->module);
  return 0;
}

static void Solver_dealloc(SolverObject *self) {
  PyTypeObject *tp = Py_TYPE(self);
  PyObject_GC_UnTrack(self);
  ScsWork *w = load_work(self);
  if (w) {
    /* Nobody else holds a reference, so no call runs on w: scs_finish
     * returns at once. */
    __atomic_store_n(&self->work, NULL, __ATOMIC_RELEASE);
    scs_finish(w);
  }
  free(self->sol.x);
  free(self->sol.y);
  free(self->sol.s);
  if (self->lock_ready) {
    scspy_lock_free(&self->lock);
  }
  Solver_clear(self);
  tp->tp_free((PyObject *)self);
  Py_DECREF(tp);
}

/* ---- solve ------------------------------------------------------------------ */

/* The warm-start vector: None, or a 1-D float64 buffer of the right length. */
static int get_warm(PyObject *o, Py_buffer *v, scs_int len, const char *name) {
  v->obj = NULL;
  if (o == Py_None) {
    return 0;
  }
  if (get_vec(o, v, 0, name) < 0 || v->shape[0] != (Py_ssize_t)len) {
    release(v);
    PyErr_Clear();
    PyErr_Format(PyExc_ValueError,
                 "Warm-start must be a 1-D float array of length %ld",
                 (long)len);
    return -1;
  }
  return 0;
}

static PyObject *new_array(ModState *st, const scs_float *src, scs_int len) {
  PyObject *nlen = PyLong_FromLongLong((long long)len);
  if (!nlen) {
    return NULL;
  }
  PyObject *arr = PyObject_CallOneArg(st->np_empty, nlen);
  Py_DECREF(nlen);
  if (!arr) {
    return NULL;
  }
  Py_buffer v;
  if (PyObject_GetBuffer(arr, &v, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE) < 0) {
    Py_DECREF(arr);
    return NULL;
  }
  if (len > 0) {
    memcpy(v.buf, src, (size_t)len * sizeof(scs_float));
  }
  PyBuffer_Release(&v);
  return arr;
}

static PyObject *info_dict(const ScsInfo *info, const char *err) {
  const AaStats *a = &info->aa_stats;
  PyObject *aa = Py_BuildValue(
      "{s:L,s:L,s:L,s:L,s:L,s:L,s:L,s:L,s:d,s:d}", "iter", (long long)a->iter,
      "n_accept", (long long)a->n_accept, "n_reject_lapack",
      (long long)a->n_reject_lapack, "n_reject_rank0",
      (long long)a->n_reject_rank0, "n_reject_nonfinite",
      (long long)a->n_reject_nonfinite, "n_reject_weight_cap",
      (long long)a->n_reject_weight_cap, "n_safeguard_reject",
      (long long)a->n_safeguard_reject, "last_rank", (long long)a->last_rank,
      "last_aa_norm", (double)a->last_aa_norm, "last_regularization",
      (double)a->last_regularization);
  if (!aa) {
    return NULL;
  }
  PyObject *d = Py_BuildValue(
      "{s:L,s:s,s:L,s:L,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,s:d,"
      "s:d,s:d,s:L,s:L,s:N,s:s,s:L,s:s,s:d}",
      "status_val", (long long)info->status_val, "status", info->status,
      "iter", (long long)info->iter, "scale_updates",
      (long long)info->scale_updates, "scale", (double)info->scale, "pobj",
      (double)info->pobj, "dobj", (double)info->dobj, "res_pri",
      (double)info->res_pri, "res_dual", (double)info->res_dual, "gap",
      (double)info->gap, "res_infeas", (double)info->res_infeas,
      "res_unbdd_a", (double)info->res_unbdd_a, "res_unbdd_p",
      (double)info->res_unbdd_p, "comp_slack", (double)info->comp_slack,
      "solve_time", (double)info->solve_time, "setup_time",
      (double)info->setup_time, "lin_sys_time", (double)info->lin_sys_time,
      "cone_time", (double)info->cone_time, "accel_time",
      (double)info->accel_time, "accepted_accel_steps",
      (long long)info->accepted_accel_steps, "rejected_accel_steps",
      (long long)info->rejected_accel_steps, "aa_stats", aa,
      "lin_sys_solver", info->lin_sys_solver, "lin_sys_iters",
      (long long)info->lin_sys_iters, "polish",
      scs_polish_status_name(info->polish_status), "polish_time",
      (double)info->polish_time);
  if (d && err && err[0]) {
    PyObject *e = PyUnicode_FromString(err);
    if (!e || PyDict_SetItemString(d, "error", e) < 0) {
      Py_XDECREF(e);
      Py_DECREF(d);
      return NULL;
    }
    Py_DECREF(e);
  }
  return d;
}

static PyObject *Solver_solve(SolverObject *self, PyObject *args) {
  PyObject *warm, *ox = Py_None, *oy = Py_None, *os = Py_None,
                  *progress = Py_None;
  Py_buffer vx = {0}, vy = {0}, vs = {0};
  ScsInfo info;
  scs_int m, n, status = SCS_FAILED;
  scs_float *rx = NULL, *ry = NULL, *rs = NULL;
  int not_ready = 0, no_mem = 0;
  char err[512];
  CallCtx ctx = {NULL, NULL};
  PyObject *result = NULL;

  if (!PyArg_ParseTuple(args, "O!|OOOO", &PyBool_Type, &warm, &ox, &oy, &os,
                        &progress)) {
    return NULL;
  }
  int warm_start = warm == Py_True;
  if (progress != Py_None && !PyCallable_Check(progress)) {
    PyErr_SetString(PyExc_TypeError, "progress must be callable or None");
    return NULL;
  }
  /* m and n are written once by init, before work is published */
  if (!load_work(self)) {
    PyErr_SetString(PyExc_ValueError, "Workspace not initialized!");
    return NULL;
  }
  m = self->m;
  n = self->n;
  if (warm_start) {
    if (get_warm(ox, &vx, n, "x") < 0 || get_warm(oy, &vy, m, "y") < 0 ||
        get_warm(os, &vs, m, "s") < 0) {
      goto done;
    }
  }
  ctx.progress = progress != Py_None ? progress : self->progress;
  Py_XINCREF(ctx.progress);
  memset(&info, 0, sizeof(info));
  err[0] = 0;

  Py_BEGIN_ALLOW_THREADS
  scspy_lock_acquire(&self->lock);
  if (!self->work) {
    not_ready = 1;
  } else {
    if (vx.obj) {
      memcpy(self->sol.x, vx.buf, (size_t)n * sizeof(scs_float));
    }
    if (vy.obj) {
      memcpy(self->sol.y, vy.buf, (size_t)m * sizeof(scs_float));
    }
    if (vs.obj) {
      memcpy(self->sol.s, vs.buf, (size_t)m * sizeof(scs_float));
    }
    self->ctx = &ctx;
    status = scs_solve(self->work, &self->sol, &info, warm_start);
    self->ctx = NULL;
    if (status == SCS_FAILED) {
      snprintf(err, sizeof(err), "%s", scs_last_error());
    }
    /* copy the results out while the lock is held */
    rx = (scs_float *)malloc((size_t)(n > 0 ? n : 1) * sizeof(scs_float));
    ry = (scs_float *)malloc((size_t)(m > 0 ? m : 1) * sizeof(scs_float));
    rs = (scs_float *)malloc((size_t)(m > 0 ? m : 1) * sizeof(scs_float));
    if (rx && ry && rs) {
      memcpy(rx, self->sol.x, (size_t)n * sizeof(scs_float));
      memcpy(ry, self->sol.y, (size_t)m * sizeof(scs_float));
      memcpy(rs, self->sol.s, (size_t)m * sizeof(scs_float));
    } else {
      no_mem = 1;
    }
  }
  scspy_lock_release(&self->lock);
  Py_END_ALLOW_THREADS

  release(&vx);
  release(&vy);
  release(&vs);
  Py_CLEAR(ctx.progress);
  if (not_ready) {
    PyErr_SetString(PyExc_ValueError, "Workspace not initialized!");
    goto done;
  }
  if (ctx.exc) {
    PyErr_SetRaisedException(ctx.exc);
    ctx.exc = NULL;
    goto done;
  }
  if (status == SCS_SIGINT && PyErr_CheckSignals() < 0) {
    goto done; /* Ctrl-C: KeyboardInterrupt */
  }
  if (no_mem) {
    PyErr_NoMemory();
    goto done;
  }
  {
    ModState *st = get_state(self->module);
    PyObject *x = new_array(st, rx, n);
    PyObject *y = x ? new_array(st, ry, m) : NULL;
    PyObject *s = y ? new_array(st, rs, m) : NULL;
    PyObject *inf = s ? info_dict(&info, err) : NULL;
    if (inf) {
      result = Py_BuildValue("{s:N,s:N,s:N,s:N}", "x", x, "y", y, "s", s,
                             "info", inf);
    } else {
      Py_XDECREF(x);
      Py_XDECREF(y);
      Py_XDECREF(s);
    }
  }
done:
  release(&vx);
  release(&vy);
  release(&vs);
  Py_XDECREF(ctx.progress);
  Py_XDECREF(ctx.exc);
  free(rx);
  free(ry);
  free(rs);
  return result;
}

/* ---- update ------------------------------------------------------------------ */

static PyObject *Solver_update(SolverObject *self, PyObject *args) {
  PyObject *ob = Py_None, *oc = Py_None;
  Py_buffer vb = {0}, vc = {0};
  int not_ready = 0;
  scs_int rc = 0;
  char err[512];
  PyObject *result = NULL;

  if (!PyArg_ParseTuple(args, "|OO", &ob, &oc)) {
    return NULL;
  }
  if (!load_work(self)) {
    PyErr_SetString(PyExc_ValueError, "Workspace not initialized!");
    return NULL;
  }
  if ((oc != Py_None &&
       get_vec_len(oc, &vc, (Py_ssize_t)self->n, "c_new") < 0) ||
      (ob != Py_None &&
       get_vec_len(ob, &vb, (Py_ssize_t)self->m, "b_new") < 0)) {
    goto done;
  }
  err[0] = 0;
  Py_BEGIN_ALLOW_THREADS
  scspy_lock_acquire(&self->lock);
  if (!self->work) {
    not_ready = 1;
  } else {
    rc = scs_update(self->work, vb.obj ? (scs_float *)vb.buf : NULL,
                    vc.obj ? (scs_float *)vc.buf : NULL);
    if (rc != 0) {
      snprintf(err, sizeof(err), "%s", scs_last_error());
    }
  }
  scspy_lock_release(&self->lock);
  Py_END_ALLOW_THREADS
  if (not_ready) {
    PyErr_SetString(PyExc_ValueError, "Workspace not initialized!");
    goto done;
  }
  if (rc != 0) {
    PyErr_Format(PyExc_ValueError, "update failed: %s", err);
    goto done;
  }
  result = Py_NewRef(Py_None);
done:
  release(&vb);
  release(&vc);
  return result;
}

/* ---- interrupt (lock-free) ------------------------------------------------- */

static PyObject *Solver_interrupt(SolverObject *self, PyObject *unused) {
  (void)unused;
  ScsWork *w = load_work(self);
  if (w) {
    scs_interrupt(w);
  }
  Py_RETURN_NONE;
}

static PyObject *Solver_get_m(SolverObject *self, void *c) {
  (void)c;
  return PyLong_FromLongLong(load_work(self) ? (long long)self->m : 0);
}

static PyObject *Solver_get_n(SolverObject *self, void *c) {
  (void)c;
  return PyLong_FromLongLong(load_work(self) ? (long long)self->n : 0);
}

static PyMethodDef Solver_methods[] = {
    {"solve", (PyCFunction)Solver_solve, METH_VARARGS,
     PyDoc_STR("solve(warm_start, x=None, y=None, s=None, progress=None)")},
    {"update", (PyCFunction)Solver_update, METH_VARARGS,
     PyDoc_STR("update(b=None, c=None)")},
    {"interrupt", (PyCFunction)Solver_interrupt, METH_NOARGS,
     PyDoc_STR("Stop the running solve (or the next one); any thread.")},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef Solver_getset[] = {
    {"m", (getter)Solver_get_m, NULL, "rows of A", NULL},
    {"n", (getter)Solver_get_n, NULL, "columns of A", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PyType_Slot Solver_slots[] = {
    {Py_tp_new, Solver_new},
    {Py_tp_init, Solver_init},
    {Py_tp_dealloc, Solver_dealloc},
    {Py_tp_traverse, Solver_traverse},
    {Py_tp_clear, Solver_clear},
    {Py_tp_methods, Solver_methods},
    {Py_tp_getset, Solver_getset},
    {Py_tp_doc, (void *)"A libscs workspace (internal; use scs.SCS)."},
    {0, NULL}};

static PyType_Spec Solver_spec = {
    "scs._scs.Solver", sizeof(SolverObject), 0,
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC | Py_TPFLAGS_IMMUTABLETYPE,
    Solver_slots};

/* ------------------------------------------------------------------------ */
/* module functions                                                         */
/* ------------------------------------------------------------------------ */

static PyObject *mod_version(PyObject *m, PyObject *u) {
  (void)m;
  (void)u;
  return PyUnicode_FromString(scs_version());
}

static PyObject *mod_library_version(PyObject *m, PyObject *u) {
  (void)m;
  (void)u;
  return PyUnicode_FromString(scs_library_version());
}

static PyObject *mod_sizeof_int(PyObject *m, PyObject *u) {
  (void)m;
  (void)u;
  return PyLong_FromSize_t(sizeof(scs_int));
}

static PyObject *mod_sizeof_float(PyObject *m, PyObject *u) {
  (void)m;
  (void)u;
  return PyLong_FromSize_t(sizeof(scs_float));
}

static PyObject *mod_has_backend(PyObject *m, PyObject *arg) {
  (void)m;
  const char *name = PyUnicode_AsUTF8(arg);
  if (!name) {
    return NULL;
  }
  return PyBool_FromLong(scs_linsys_backend(name) != NULL);
}

static PyMethodDef mod_methods[] = {
    {"version", mod_version, METH_NOARGS, "The SCS API version (3.2.x)."},
    {"library_version", mod_library_version, METH_NOARGS,
     "The libscs release."},
    {"sizeof_int", mod_sizeof_int, METH_NOARGS, "sizeof(scs_int)."},
    {"sizeof_float", mod_sizeof_float, METH_NOARGS, "sizeof(scs_float)."},
    {"has_backend", mod_has_backend, METH_O,
     "Whether libscs has a linear-system backend of this name."},
    {NULL, NULL, 0, NULL}};

static int mod_exec(PyObject *module) {
  ModState *st = get_state(module);
  st->np_empty = PyImport_ImportModuleAttrString("numpy", "empty");
  if (!st->np_empty) {
    return -1;
  }
  st->solver_type = (PyTypeObject *)PyType_FromModuleAndSpec(
      module, &Solver_spec, NULL);
  if (!st->solver_type) {
    return -1;
  }
  if (PyModule_AddObjectRef(module, "Solver", (PyObject *)st->solver_type) <
      0) {
    return -1;
  }
  if (PyModule_AddStringConstant(module, "LOCK_KIND", SCSPY_LOCK_KIND) < 0) {
    return -1;
  }
  return 0;
}

static int mod_traverse(PyObject *module, visitproc visit, void *arg) {
  ModState *st = get_state(module);
  Py_VISIT(st->solver_type);
  Py_VISIT(st->np_empty);
  return 0;
}

static int mod_clear(PyObject *module) {
  ModState *st = get_state(module);
  Py_CLEAR(st->solver_type);
  Py_CLEAR(st->np_empty);
  return 0;
}

static void mod_free(void *module) { mod_clear((PyObject *)module); }

static PyModuleDef_Slot mod_slots[] = {
    {Py_mod_exec, mod_exec},
#if PY_VERSION_HEX >= 0x030D0000
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}};

static struct PyModuleDef moddef = {
    PyModuleDef_HEAD_INIT,
    "scs._scs",
    "Thin CPython binding of libscs (see the scs package).",
    sizeof(ModState),
    mod_methods,
    mod_slots,
    mod_traverse,
    mod_clear,
    mod_free};

PyMODINIT_FUNC PyInit__scs(void) { return PyModuleDef_Init(&moddef); }
