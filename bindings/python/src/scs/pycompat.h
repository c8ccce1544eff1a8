/* Small compatibility layer: the strong-reference container APIs and the
 * lock type of CPython 3.13+, provided on 3.11 and 3.12 too, so that the
 * module has one code path. Nothing here has state of its own. */
#ifndef SCSPY_PYCOMPAT_H
#define SCSPY_PYCOMPAT_H

#include <Python.h>

/* ---- strong references from dicts and lists (3.13 API) ------------------- */
#if PY_VERSION_HEX < 0x030D0000
/* Returns 1 and a new reference in *result when the key is present, 0 and
 * NULL when it is absent, -1 with an exception on error. */
static inline int PyDict_GetItemRef(PyObject *d, PyObject *key,
                                    PyObject **result) {
  PyObject *item = PyDict_GetItemWithError(d, key);
  if (item) {
    Py_INCREF(item);
    *result = item;
    return 1;
  }
  *result = NULL;
  return PyErr_Occurred() ? -1 : 0;
}

static inline int PyDict_GetItemStringRef(PyObject *d, const char *key,
                                          PyObject **result) {
  PyObject *k = PyUnicode_FromString(key);
  int rc;
  if (!k) {
    *result = NULL;
    return -1;
  }
  rc = PyDict_GetItemRef(d, k, result);
  Py_DECREF(k);
  return rc;
}

static inline PyObject *PyList_GetItemRef(PyObject *list, Py_ssize_t i) {
  PyObject *item = PyList_GetItem(list, i);
  Py_XINCREF(item);
  return item;
}
#endif

/* ---- import a module's attribute (3.14 API) -------------------------------- */
#if PY_VERSION_HEX < 0x030E0000
static inline PyObject *PyImport_ImportModuleAttrString(const char *mod,
                                                       const char *attr) {
  PyObject *m = PyImport_ImportModule(mod), *a;
  if (!m) {
    return NULL;
  }
  a = PyObject_GetAttrString(m, attr);
  Py_DECREF(m);
  return a;
}
#endif

/* ---- the pending exception as one object (3.12 API) ------------------------ */
#if PY_VERSION_HEX < 0x030C0000
static inline PyObject *PyErr_GetRaisedException(void) {
  PyObject *type, *value, *tb;
  PyErr_Fetch(&type, &value, &tb);
  if (!type) {
    return NULL;
  }
  PyErr_NormalizeException(&type, &value, &tb);
  if (tb && value) {
    PyException_SetTraceback(value, tb);
  }
  Py_XDECREF(type);
  Py_XDECREF(tb);
  return value;
}

static inline void PyErr_SetRaisedException(PyObject *exc) {
  PyObject *type = (PyObject *)Py_TYPE(exc);
  Py_INCREF(type);
  PyErr_Restore(type, exc, PyException_GetTraceback(exc));
}
#endif

/* ---- a per-object lock, taken while the thread is detached -----------------
 * 3.13+: PyMutex (one byte, no allocation). Older: a PyThread lock. Both may
 * be acquired and released without an attached thread state. */
#if PY_VERSION_HEX >= 0x030D0000
typedef PyMutex scspy_lock;
static inline int scspy_lock_init(scspy_lock *l) {
  memset(l, 0, sizeof(*l));
  return 0;
}
static inline void scspy_lock_acquire(scspy_lock *l) { PyMutex_Lock(l); }
static inline void scspy_lock_release(scspy_lock *l) { PyMutex_Unlock(l); }
static inline void scspy_lock_free(scspy_lock *l) { (void)l; }
#define SCSPY_LOCK_KIND "PyMutex"
#else
typedef PyThread_type_lock scspy_lock;
static inline int scspy_lock_init(scspy_lock *l) {
  *l = PyThread_allocate_lock();
  return *l ? 0 : -1;
}
static inline void scspy_lock_acquire(scspy_lock *l) {
  PyThread_acquire_lock(*l, WAIT_LOCK);
}
static inline void scspy_lock_release(scspy_lock *l) {
  PyThread_release_lock(*l);
}
static inline void scspy_lock_free(scspy_lock *l) {
  if (*l) {
    PyThread_free_lock(*l);
    *l = NULL;
  }
}
#define SCSPY_LOCK_KIND "PyThread_type_lock"
#endif

#endif /* SCSPY_PYCOMPAT_H */
