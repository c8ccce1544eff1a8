"""CVXPY's solver="SCS" runs on this module (installed as the scs package)."""
import math

import numpy as np
import pytest

cp = pytest.importorskip("cvxpy")

import scs  # noqa: E402

pytestmark = pytest.mark.cvxpy
TOL = dict(eps_abs=1e-7, eps_rel=1e-7)


def _solve(prob):
    value = prob.solve(solver=cp.SCS, **TOL)
    assert prob.status == cp.OPTIMAL
    assert prob.solver_stats.solver_name == "SCS"
    return value


def test_cvxpy_uses_this_module():
    import importlib.metadata as md

    assert md.version("scs").startswith("3.2.")
    assert "libscs" in md.version("scs")
    assert cp.SCS in cp.installed_solvers()
    # the info dict CVXPY receives comes from libscs (it has libscs's keys)
    x = cp.Variable(2)
    prob = cp.Problem(cp.Minimize(cp.sum(x)), [x >= 1])
    _solve(prob)
    stats = prob.solver_stats.extra_stats
    stats = stats.get("info", stats)
    assert "lin_sys_solver" in stats and "lin_sys_iters" in stats


def test_cvxpy_lp():
    c = np.array([3.0, -1.0, 2.0, 0.5])
    x = cp.Variable(4)
    prob = cp.Problem(cp.Minimize(c @ x), [x >= 0, cp.sum(x) == 1])
    assert _solve(prob) == pytest.approx(c.min(), abs=1e-5)


def test_cvxpy_qp():
    a = np.array([1.0, 2.0, -0.5, 0.3])
    x = cp.Variable(4)
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x - a)), [cp.sum(x) == 1])
    proj = a - (a.sum() - 1) / 4
    _solve(prob)
    np.testing.assert_allclose(x.value, proj, atol=1e-5)


def test_cvxpy_socp():
    a = np.array([1.0, 2.0, 3.0])
    x = cp.Variable(3)
    prob = cp.Problem(cp.Minimize(cp.norm(x - a, 2)), [cp.sum(x) == 0])
    assert _solve(prob) == pytest.approx(abs(a.sum()) / math.sqrt(3), abs=1e-5)


def test_cvxpy_sdp():
    M = np.array([[2.0, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 2.0]])
    X = cp.Variable((3, 3), symmetric=True)
    prob = cp.Problem(cp.Minimize(cp.trace(M @ X)), [X >> 0, cp.trace(X) == 1])
    assert _solve(prob) == pytest.approx(np.linalg.eigvalsh(M).min(), abs=1e-5)


def test_cvxpy_exponential_cone():
    x = cp.Variable(5)
    prob = cp.Problem(cp.Maximize(cp.sum(cp.entr(x))), [cp.sum(x) == 1])
    assert _solve(prob) == pytest.approx(math.log(5), abs=1e-5)
    np.testing.assert_allclose(x.value, 0.2, atol=1e-4)


def test_cvxpy_warm_start_and_parameters():
    b = cp.Parameter(value=1.0)
    x = cp.Variable(3)
    prob = cp.Problem(cp.Minimize(cp.sum_squares(x)), [cp.sum(x) == b])
    v1 = prob.solve(solver=cp.SCS, warm_start=True, **TOL)
    b.value = 2.0
    v2 = prob.solve(solver=cp.SCS, warm_start=True, **TOL)
    assert v1 == pytest.approx(1 / 3, abs=1e-5)
    assert v2 == pytest.approx(4 / 3, abs=1e-5)
