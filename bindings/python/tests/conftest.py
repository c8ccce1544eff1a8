"""Shared fixtures. On a free-threaded interpreter the run fails if the GIL
was switched back on (an extension without Py_MOD_GIL_NOT_USED would do it
silently at import)."""
import os
import sys

# one BLAS thread per solve: parallel solves are then bitwise reproducible
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import pytest
import scipy.sparse as sp

FREE_THREADED_BUILD = hasattr(sys, "_is_gil_enabled")
GIL_AT_START = sys._is_gil_enabled() if FREE_THREADED_BUILD else True


def pytest_report_header(config):
    import scs

    kind = "free-threaded" if FREE_THREADED_BUILD else "regular"
    gil = sys._is_gil_enabled() if FREE_THREADED_BUILD else True
    return (f"scs {scs.__version__} (libscs {scs.__libscs_version__}), "
            f"{kind} CPython, GIL enabled: {gil}, lock: {scs._scs.LOCK_KIND}")


def pytest_sessionfinish(session, exitstatus):
    if FREE_THREADED_BUILD and not GIL_AT_START and sys._is_gil_enabled():
        print("\nERROR: the GIL was re-enabled during the run "
              "(an extension module lacks Py_MOD_GIL_NOT_USED)",
              file=sys.stderr)
        session.exitstatus = 1


@pytest.fixture(scope="session", autouse=True)
def _gil_stays_off():
    # importing scs (and numpy/scipy) must not switch the GIL back on
    import scs  # noqa: F401

    if FREE_THREADED_BUILD and not GIL_AT_START:
        assert not sys._is_gil_enabled(), "importing scs re-enabled the GIL"
    yield
    if FREE_THREADED_BUILD and not GIL_AT_START:
        assert not sys._is_gil_enabled(), "the GIL was re-enabled"


def random_lp(seed, m=60, n=40, density=0.3):
    """A feasible, bounded LP: min c'x s.t. Ax <= b (all in the l cone)."""
    rng = np.random.default_rng(seed)
    A = sp.random(m, n, density=density, random_state=rng, format="csc")
    A = sp.vstack([A, sp.eye(n), -sp.eye(n)], format="csc")
    x0 = rng.standard_normal(n)
    b = A @ x0 + rng.uniform(0.1, 1.0, A.shape[0])
    c = rng.standard_normal(n)
    return {"A": A, "b": b, "c": c}, {"l": A.shape[0]}


def random_qp(seed, m=40, n=30):
    rng = np.random.default_rng(seed)
    data, cone = random_lp(seed, m, n)
    G = sp.random(n, n, density=0.2, random_state=rng)
    data["P"] = (G.T @ G + 0.1 * sp.eye(n)).tocsc()
    return data, cone


# Settings under which a solve never converges: it runs until interrupted.
ENDLESS = dict(eps_abs=0.0, eps_rel=0.0, eps_infeas=0.0, max_iters=10**9,
               verbose=False)


@pytest.fixture
def lp():
    """min -x1 - 2 x2 s.t. x1 + x2 = 1, x >= 0: x = (0, 1), objective -2."""
    A = sp.csc_matrix(np.array([[1.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]))
    return ({"A": A, "b": np.array([1.0, 0.0, 0.0]),
             "c": np.array([-1.0, -2.0])}, {"z": 1, "l": 2})
