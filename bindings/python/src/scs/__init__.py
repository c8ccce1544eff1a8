"""A drop-in ``scs`` module backed by libscs (SCS 3.2 C API).

Code written for the ``scs`` package runs unchanged::

    import scs
    solver = scs.SCS(data, cone, eps_abs=1e-6)
    sol = solver.solve()

Beyond it: ``SCS.interrupt()``, a ``progress=`` callback, verbose output
through ``sys.stdout``, and :func:`solve_many` for batches over threads or a
Dask cluster. See docs/python.md.
"""
import enum
import importlib
import warnings

import numpy as np
from scipy import sparse

from scs import _scs

__all__ = [
    "SCS",
    "solve",
    "solve_many",
    "SolveError",
    "LinearSolver",
    "SOLVED",
    "SOLVED_INACCURATE",
    "UNFINISHED",
    "UNBOUNDED",
    "INFEASIBLE",
    "INDETERMINATE",
    "FAILED",
    "SIGINT",
    "UNBOUNDED_INACCURATE",
    "INFEASIBLE_INACCURATE",
]

__version__ = _scs.version()  # the SCS API version: "3.2.x"
__sizeof_int__ = _scs.sizeof_int()
__sizeof_float__ = _scs.sizeof_float()
__libscs_version__ = _scs.library_version()

# Exit flags (info["status_val"]), as in SCS.
SOLVED = 1
SOLVED_INACCURATE = 2
UNFINISHED = 0
UNBOUNDED = -1
INFEASIBLE = -2
INDETERMINATE = -3
FAILED = -4
SIGINT = -5
UNBOUNDED_INACCURATE = -6
INFEASIBLE_INACCURATE = -7


class LinearSolver(enum.Enum):
    """Linear-system backend, for ``linear_solver=``."""

    AUTO = "auto"
    QDLDL = "qdldl"
    CPU_INDIRECT = "cpu_indirect"
    MKL = "mkl"
    ACCELERATE = "accelerate"
    CPU_DENSE = "cpu_dense"
    GPU_INDIRECT = "gpu_indirect"
    CUDSS = "cudss"


# The backends libscs has, by the scs package's names; the other members
# name extension modules that the scs package loads and this one lacks.
_LIBSCS_BACKEND = {
    LinearSolver.AUTO: "direct",
    LinearSolver.QDLDL: "direct",
    LinearSolver.CPU_INDIRECT: "indirect",
    LinearSolver.CPU_DENSE: "dense",
}
_MISSING_MODULE = {
    LinearSolver.MKL: "_scs_mkl",
    LinearSolver.ACCELERATE: "_scs_accelerate",
    LinearSolver.GPU_INDIRECT: "_scs_gpu",
    LinearSolver.CUDSS: "_scs_cudss",
}


def _unavailable(module):
    # Raises the ImportError that importing a missing extension gives.
    importlib.import_module("scs." + module)
    raise ImportError(f"libscs has no backend for scs.{module}")  # pragma: no cover


def _backend_from_settings(settings):
    """Pops the backend keywords from ``settings``; returns libscs's name."""
    legacy = {k: settings.pop(k) for k in ("gpu", "mkl", "cudss", "use_indirect")
              if k in settings}
    linear_solver = settings.pop("linear_solver", None)
    if linear_solver is not None:
        if isinstance(linear_solver, str):
            linear_solver = LinearSolver(linear_solver)
        elif not isinstance(linear_solver, LinearSolver):
            raise TypeError("linear_solver must be a LinearSolver or a str")
        if linear_solver in _MISSING_MODULE:
            _unavailable(_MISSING_MODULE[linear_solver])
        return _LIBSCS_BACKEND[linear_solver]
    use_indirect = legacy.get("use_indirect", False)
    if legacy.get("gpu", False):
        if not use_indirect:
            raise NotImplementedError(
                "For the GPU direct solver, pass `use_indirect=False cudss=True`."
            )
        _unavailable("_scs_gpu")
    if legacy.get("mkl", False):
        if use_indirect:
            raise NotImplementedError(
                "MKL indirect solver not yet available, pass `use_indirect=False`."
            )
        _unavailable("_scs_mkl")
    if legacy.get("cudss", False):
        if use_indirect:
            raise NotImplementedError(
                "cuDSS is a direct solver, pass `use_indirect=False`."
            )
        _unavailable("_scs_cudss")
    return "indirect" if use_indirect else "direct"


def _as_csc(M, name):
    if not sparse.issparse(M):
        raise TypeError(f"{name} is required to be a sparse matrix")
    if M.format != "csc":
        warnings.warn(
            f"Converting {name} to a CSC (compressed sparse column) matrix;"
            " may take a while.",
            stacklevel=3,
        )
        M = M.tocsc()
    if not M.has_sorted_indices:
        M = M.sorted_indices()  # a copy: the caller's matrix is left alone
    return M


def _csc_arrays(M, name):
    if M.dtype.kind != "f":
        raise TypeError(f"{name}x must be a 1-D numpy array of floats")
    return (
        np.ascontiguousarray(M.data, dtype=np.float64),
        np.ascontiguousarray(M.indices, dtype=np.intc),
        np.ascontiguousarray(M.indptr, dtype=np.intc),
    )


def _dense_vector(v):
    if sparse.issparse(v):
        v = np.asarray(v.todense()).ravel()
    return v


def _float_vector(v, name):
    if (not isinstance(v, np.ndarray) or v.dtype.kind != "f"
            or v.ndim != 1):
        raise TypeError(f"{name} must be a 1-D numpy array of floats")
    return np.ascontiguousarray(v, dtype=np.float64)


def _has_lower_entries(P):
    rows = P.indices
    cols = np.repeat(np.arange(P.shape[1]), np.diff(P.indptr))
    return bool(np.any(rows > cols))


class SCS:
    """A problem set up for repeated solves (the scs package's ``SCS``).

    ``data`` holds ``A``, ``b``, ``c`` and optionally ``P`` (any scipy sparse
    format; non-CSC is converted with a warning; only P's upper triangle is
    used). ``cone`` holds ``z``, ``l``, ``bu``, ``bl``, ``q``, ``s``, ``cs``,
    ``ep``, ``ed``, ``p``. ``settings`` are SCS's settings; ``progress`` is
    an optional callable called at every residual check (see
    :meth:`solve`). Nothing passed in is modified.
    """

    def __init__(self, data, cone, *, progress=None, **settings):
        if not data or not cone:
            raise ValueError("Missing data or cone information")
        if "b" not in data or "c" not in data:
            raise ValueError("Missing one of b, c from data dictionary")
        if "A" not in data:
            raise ValueError("Missing A from data dictionary")
        A, b, c = data["A"], data["b"], data["c"]
        if A is None or b is None or c is None:
            raise ValueError("Incomplete data specification")
        A = _as_csc(A, "A")
        b = _dense_vector(b)
        c = _dense_vector(c)
        m, n = len(b), len(c)
        if A.shape != (m, n):
            raise ValueError("A shape not compatible with b,c")
        Ax, Ai, Ap = _csc_arrays(A, "A")
        Px = Pi = Pp = None
        P = data.get("P") if hasattr(data, "get") else (
            data["P"] if "P" in data else None)
        if P is not None:
            if not sparse.issparse(P):
                raise TypeError("P is required to be a sparse matrix")
            if P.shape != (n, n):
                raise ValueError("P shape not compatible with A,b,c")
            P = _as_csc(P, "P")
            if _has_lower_entries(P):
                P = sparse.triu(P, format="csc")
                if not P.has_sorted_indices:
                    P = P.sorted_indices()
            Px, Pi, Pp = _csc_arrays(P, "P")
        settings = dict(settings)
        backend = _backend_from_settings(settings)
        c = _float_vector(c, "c")
        b = _float_vector(b, "b")
        self._solver = _scs.Solver(
            m, n, Ax, Ai, Ap, Px, Pi, Pp, b, c, cone, backend, progress,
            **settings)

    @property
    def m(self):
        """Rows of A."""
        return self._solver.m

    @property
    def n(self):
        """Columns of A."""
        return self._solver.n

    def solve(self, warm_start=True, x=None, y=None, s=None, *, progress=None):
        """Solves the problem; returns ``{"x", "y", "s", "info"}``.

        With ``warm_start`` the solve starts from the last solution (or
        zeros), each of ``x``, ``y``, ``s`` given overriding it. The arrays
        returned are fresh copies. ``progress(p)``, if given, is called at
        every residual check with a dict (``iter``, ``res_pri``,
        ``res_dual``, ``gap``, ``pobj``, ``dobj``, ``scale``,
        ``elapsed_ms``); returning True stops the solve (status
        ``"interrupted"``, ``SIGINT``). Ctrl-C during the solve stops it and
        raises KeyboardInterrupt.
        """
        if warm_start:
            x = _warm(x, self._solver.n)
            y = _warm(y, self._solver.m)
            s = _warm(s, self._solver.m)
        return self._solver.solve(warm_start, x, y, s, progress)

    def update(self, b=None, c=None):
        """Replaces ``b`` and/or ``c`` for the next solve (no refactoring)."""
        if c is not None:
            c = _update_vector(c, self._solver.n, "c_new")
        if b is not None:
            b = _update_vector(b, self._solver.m, "b_new")
        self._solver.update(b, c)

    def interrupt(self):
        """Stops the running solve (from any thread), or the next one.

        The solve returns its best iterate with status ``"interrupted"``
        (``status_val == scs.SIGINT``).
        """
        self._solver.interrupt()


def _warm(v, length):
    if v is None:
        return None
    if (not isinstance(v, np.ndarray) or v.dtype.kind != "f" or v.ndim != 1
            or v.shape[0] != length):
        raise ValueError(
            f"Warm-start must be a 1-D float array of length {length}")
    return np.ascontiguousarray(v, dtype=np.float64)


def _update_vector(v, length, name):
    if not isinstance(v, np.ndarray) or v.dtype.kind != "f" or v.ndim != 1:
        raise TypeError(f"{name} must be a 1-D numpy array of floats")
    if v.shape[0] != length:
        raise ValueError(f"{name} has incompatible dimension with A")
    return np.ascontiguousarray(v, dtype=np.float64)


def solve(data, cone, **settings):
    """The scs package's legacy one-call API: set up, solve, return.

    A warm start is taken from ``data["x"]``, ``data["y"]``, ``data["s"]``
    when present.
    """
    solver = SCS(data, cone, **settings)
    x = data["x"] if "x" in data else None
    y = data["y"] if "y" in data else None
    s = data["s"] if "s" in data else None
    return solver.solve(warm_start=True, x=x, y=y, s=s)


from scs._batch import SolveError, solve_many  # noqa: E402
