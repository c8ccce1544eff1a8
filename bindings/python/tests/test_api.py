"""The scs package's API: module attributes, known answers for every cone
family, warm start, update, the legacy solve(), backends."""
import copy
import math
import pickle
import warnings

import numpy as np
import pytest
import scipy.sparse as sp

import scs
from conftest import random_lp, random_qp

TIGHT = dict(eps_abs=1e-9, eps_rel=1e-9, verbose=False)


def test_module_attributes():
    assert scs.__version__.startswith("3.2.")
    major, minor, patch = (int(v) for v in scs.__version__.split("."))
    assert (major, minor) == (3, 2) and patch >= 4
    assert scs.__sizeof_int__ == 4
    assert scs.__sizeof_float__ == 8
    flags = dict(SOLVED=1, SOLVED_INACCURATE=2, UNFINISHED=0, UNBOUNDED=-1,
                 INFEASIBLE=-2, INDETERMINATE=-3, FAILED=-4, SIGINT=-5,
                 UNBOUNDED_INACCURATE=-6, INFEASIBLE_INACCURATE=-7)
    for name, value in flags.items():
        assert getattr(scs, name) == value
    assert scs.LinearSolver.AUTO.value == "auto"
    assert scs.LinearSolver("cpu_indirect") is scs.LinearSolver.CPU_INDIRECT
    assert {m.value for m in scs.LinearSolver} >= {
        "auto", "qdldl", "cpu_indirect", "mkl", "accelerate", "cpu_dense",
        "gpu_indirect", "cudss"}


INFO_KEYS = {"status_val", "status", "iter", "scale_updates", "scale", "pobj",
             "dobj", "res_pri", "res_dual", "gap", "res_infeas",
             "res_unbdd_a", "res_unbdd_p", "comp_slack", "solve_time",
             "setup_time", "lin_sys_time", "cone_time", "accel_time",
             "accepted_accel_steps", "rejected_accel_steps", "aa_stats"}


def test_result_shape(lp):
    data, cone = lp
    sol = scs.SCS(data, cone, **TIGHT).solve()
    assert set(sol) == {"x", "y", "s", "info"}
    info = sol["info"]
    assert INFO_KEYS <= set(info)
    assert isinstance(info["aa_stats"], dict)
    assert isinstance(info["status_val"], int) and info["status_val"] == 1
    assert info["status"] == "solved"
    assert isinstance(info["iter"], int)
    for k in ("solve_time", "setup_time", "pobj", "res_pri"):
        assert isinstance(info[k], float)
    assert info["solve_time"] > 0 and info["setup_time"] > 0
    np.testing.assert_allclose(sol["x"], [0.0, 1.0], atol=1e-7)
    assert sol["x"].dtype == np.float64 and sol["x"].flags.writeable
    assert sol["y"].shape == (3,) and sol["s"].shape == (3,)
    pickle.loads(pickle.dumps(sol))


def _solve(data, cone, **kw):
    opts = dict(TIGHT)
    opts.update(kw)
    return scs.SCS(data, cone, **opts).solve()


def _col(*v):
    return sp.csc_matrix(np.array(v, dtype=float).reshape(-1, 1))


# Each family: (A, b, c, cone, expected objective, expected x)
R2 = math.sqrt(2.0)
FAMILIES = {
    "z+l": (sp.csc_matrix(np.array([[1.0, 1.0], [-1.0, 0], [0, -1.0]])),
            [1.0, 0, 0], [-1.0, -2.0], {"z": 1, "l": 2}, -2.0, [0, 1]),
    # box: s = (t, x) with t = 1, bl <= x <= bu
    "box": (sp.csc_matrix(np.array([[0.0, 0], [-1, 0], [0, -1]])),
            [1.0, 0, 0], [-1.0, 1.0], {"bu": [2.0, 2.0], "bl": [-1.0, -1.0]},
            -3.0, [2, -1]),
    # second-order cone: ||x|| <= 1
    "q": (sp.csc_matrix(np.array([[0.0, 0], [-1, 0], [0, -1]])),
          [1.0, 0, 0], [-1.0, -1.0], {"q": [3]}, -R2, [1 / R2, 1 / R2]),
    # PSD: the smallest eigenvalue of [[2, 1], [1, 2]] is 1
    "s": (_col(1, 0, 1), [2.0, R2, 2.0], [-1.0], {"s": [2]}, -1.0, [1.0]),
    # complex PSD: [[2, i], [-i, 2]] has eigenvalues 1 and 3
    "cs": (_col(1, 0, 0, 1), [2.0, 0.0, -R2, 2.0], [-1.0], {"cs": [2]},
           -1.0, [1.0]),
    # exponential: min z with (1, 1, z) in K_exp: z = e
    "ep": (_col(0, 0, -1), [1.0, 1.0, 0.0], [1.0], {"ep": 1}, math.e,
           [math.e]),
    # dual exponential: min w with (-1, 0, w) in K_exp*: w = 1/e
    "ed": (_col(0, 0, -1), [-1.0, 0.0, 0.0], [1.0], {"ed": 1}, 1 / math.e,
           [1 / math.e]),
    # power cone, a = 0.5: max z with sqrt(4 * 1) >= |z|: z = 2
    "p": (_col(0, 0, -1), [4.0, 1.0, 0.0], [-1.0], {"p": [0.5]}, -2.0, [2.0]),
    # dual power cone, p = -0.5: (u/.5)^.5 (v/.5)^.5 >= |w| at (1, 1): w = 2
    "p-dual": (_col(0, 0, -1), [1.0, 1.0, 0.0], [-1.0], {"p": [-0.5]}, -2.0,
               [2.0]),
}


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.parametrize("backend", ["qdldl", "cpu_indirect", "cpu_dense"])
def test_cone_family_known_answer(family, backend):
    A, b, c, cone, obj, x = FAMILIES[family]
    sol = _solve({"A": A, "b": np.array(b), "c": np.array(c)}, cone,
                 linear_solver=backend)
    assert sol["info"]["status"] == "solved", sol["info"]
    assert sol["info"]["pobj"] == pytest.approx(obj, abs=1e-5)
    np.testing.assert_allclose(sol["x"], x, atol=1e-5)


def test_qp_known_answer():
    # min x'x/2 + ... : min 1/2 (x1^2 + x2^2) - x1 - x2 s.t. x1 + x2 <= 1
    P = sp.csc_matrix(np.eye(2))
    A = sp.csc_matrix(np.array([[1.0, 1.0]]))
    sol = _solve({"P": P, "A": A, "b": np.array([1.0]),
                  "c": np.array([-1.0, -1.0])}, {"l": 1})
    np.testing.assert_allclose(sol["x"], [0.5, 0.5], atol=1e-6)
    assert sol["info"]["pobj"] == pytest.approx(-0.75, abs=1e-6)


def test_infeasible_and_unbounded():
    A = sp.csc_matrix(np.array([[1.0], [-1.0]]))
    inf = _solve({"A": A, "b": np.array([-1.0, -1.0]), "c": np.array([1.0])},
                 {"l": 2})
    assert inf["info"]["status_val"] == scs.INFEASIBLE
    unb = _solve({"A": sp.csc_matrix(np.array([[-1.0]])),
                  "b": np.array([0.0]), "c": np.array([-1.0])}, {"l": 1})
    assert unb["info"]["status_val"] == scs.UNBOUNDED


def test_warm_start_and_update():
    data, cone = random_lp(3)
    solver = scs.SCS(data, cone, **TIGHT)
    cold = solver.solve(warm_start=False)
    assert cold["info"]["status"] == "solved"
    # default warm start: the previous solution -> few iterations
    again = solver.solve()
    assert again["info"]["iter"] < cold["info"]["iter"]
    np.testing.assert_allclose(again["x"], cold["x"], atol=1e-6)
    # explicit warm start from another object's solution
    other = scs.SCS(data, cone, **TIGHT)
    warm = other.solve(warm_start=True, x=cold["x"], y=cold["y"], s=cold["s"])
    assert warm["info"]["iter"] < cold["info"]["iter"]
    # results are fresh arrays
    again["x"][:] = 1e9
    third = solver.solve()
    assert np.all(third["x"] < 1e9)
    # update b and c: same as a new object with the new data
    b2 = data["b"] + 0.1
    c2 = data["c"] * 0.5
    solver.update(b=b2, c=c2)
    upd = solver.solve()
    fresh = scs.SCS(dict(data, b=b2, c=c2), cone, **TIGHT).solve()
    assert upd["info"]["pobj"] == pytest.approx(fresh["info"]["pobj"], abs=1e-6)
    solver.update(c=data["c"])
    solver.update(b=data["b"])
    back = solver.solve()
    assert back["info"]["pobj"] == pytest.approx(cold["info"]["pobj"], abs=1e-6)


def test_legacy_solve(lp):
    data, cone = lp
    sol = scs.solve(data, cone, **TIGHT)
    assert sol["info"]["status"] == "solved"
    data2 = dict(data, x=sol["x"], y=sol["y"], s=sol["s"])
    warm = scs.solve(data2, cone, **TIGHT)
    assert warm["info"]["iter"] <= 1 + sol["info"]["iter"] // 4


def test_inputs_are_not_mutated():
    data, cone = random_qp(5)
    # a non-CSC A with unsorted indices and a full (symmetric) P
    data["A"] = data["A"].tocoo()
    data["P"] = (data["P"] + data["P"].T).tocsr()
    cone["pnd"] = [1, 2]  # CVXPY's extra key: ignored
    before = copy.deepcopy((data, cone))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scs.SCS(data, cone, **TIGHT).solve()
    for k in ("A", "P"):
        assert (data[k] != before[0][k]).nnz == 0
        assert data[k].format == before[0][k].format
    for k in ("b", "c"):
        np.testing.assert_array_equal(data[k], before[0][k])
    assert cone == before[1]


def test_conversion_warnings_and_upper_triangle():
    data, cone = random_qp(7)
    ref = scs.SCS(data, cone, **TIGHT).solve()
    full_P = sp.triu(data["P"]) + sp.triu(data["P"], 1).T
    with pytest.warns(UserWarning, match="Converting A to a CSC"):
        with pytest.warns(UserWarning, match="Converting P to a CSC"):
            sol = scs.SCS(dict(data, A=data["A"].tocsr(), P=full_P.tocoo()),
                          cone, **TIGHT).solve()
    assert sol["info"]["pobj"] == pytest.approx(ref["info"]["pobj"], abs=1e-6)
    # sparse arrays (not only matrices) are accepted
    sol2 = scs.SCS(dict(data, A=sp.csc_array(data["A"])), cone,
                   **TIGHT).solve()
    assert sol2["info"]["pobj"] == pytest.approx(ref["info"]["pobj"], abs=1e-6)


def test_f_cone_is_deprecated(lp):
    data, cone = lp
    with pytest.warns(DeprecationWarning, match="'f' cone field is deprecated"):
        sol = scs.SCS(data, {"f": 1, "l": 2}, **TIGHT).solve()
    assert sol["info"]["status"] == "solved"


def test_other_dtypes_accepted(lp):
    data, cone = lp
    data32 = dict(data, A=data["A"].astype(np.float32),
                  b=data["b"].astype(np.float32))
    A64 = data["A"].copy()
    A64.indices = A64.indices.astype(np.int64)
    A64.indptr = A64.indptr.astype(np.int64)
    for d in (data32, dict(data, A=A64)):
        sol = scs.SCS(d, cone, **TIGHT).solve()
        np.testing.assert_allclose(sol["x"], [0.0, 1.0], atol=1e-6)


def test_backends():
    data, cone = random_qp(11)
    ref = _solve(data, cone)
    for kw in ({"use_indirect": True}, {"use_indirect": False},
               {"linear_solver": scs.LinearSolver.CPU_INDIRECT},
               {"linear_solver": "cpu_dense"}, {"linear_solver": "auto"},
               {"linear_solver": scs.LinearSolver.QDLDL}):
        sol = _solve(data, cone, **kw)
        assert sol["info"]["pobj"] == pytest.approx(ref["info"]["pobj"],
                                                    abs=1e-6), kw
    names = {
        "use_indirect": "sparse-indirect", "cpu_dense": "dense",
        "qdldl": "sparse-direct"}
    assert _solve(data, cone, use_indirect=True)["info"][
        "lin_sys_solver"] == names["use_indirect"]
    assert _solve(data, cone, linear_solver="cpu_dense")["info"][
        "lin_sys_solver"] == names["cpu_dense"]


def test_unavailable_backends(lp):
    data, cone = lp
    with pytest.raises(NotImplementedError, match="use_indirect=False cudss"):
        scs.SCS(data, cone, gpu=True)
    with pytest.raises(ImportError, match="_scs_gpu"):
        scs.SCS(data, cone, gpu=True, use_indirect=True)
    with pytest.raises(NotImplementedError, match="MKL indirect"):
        scs.SCS(data, cone, mkl=True, use_indirect=True)
    with pytest.raises(ImportError, match="_scs_mkl"):
        scs.SCS(data, cone, mkl=True)
    with pytest.raises(NotImplementedError, match="cuDSS is a direct solver"):
        scs.SCS(data, cone, cudss=True, use_indirect=True)
    with pytest.raises(ImportError, match="_scs_cudss"):
        scs.SCS(data, cone, cudss=True)
    for ls in ("mkl", "accelerate", "gpu_indirect", "cudss"):
        with pytest.raises(ImportError):
            scs.SCS(data, cone, linear_solver=ls)
    with pytest.raises(ValueError, match="is not a valid LinearSolver"):
        scs.SCS(data, cone, linear_solver="nope")


def test_verbose_output_goes_through_sys_stdout(lp, capsys):
    data, cone = lp
    scs.SCS(data, cone, verbose=True).solve()
    out = capsys.readouterr().out
    assert "iter | pri res" in out and "status:  solved" in out
    scs.SCS(data, cone, verbose=False).solve()
    assert capsys.readouterr().out == ""


def test_progress_callback(lp):
    data, cone = lp
    seen = []
    sol = scs.SCS(data, cone, **TIGHT).solve(progress=seen.append)
    assert sol["info"]["status"] == "solved" and seen
    assert set(seen[0]) == {"iter", "res_pri", "res_dual", "gap", "pobj",
                            "dobj", "scale", "elapsed_ms"}
    # returning True stops the solve
    data, cone = random_lp(1, 200, 100)
    stopped = scs.SCS(data, cone, **TIGHT).solve(progress=lambda p: True)
    assert stopped["info"]["status_val"] == scs.SIGINT
    assert stopped["info"]["status"] == "interrupted"
    # an exception in the callback stops the solve and propagates
    def boom(p):
        raise RuntimeError("from the callback")
    with pytest.raises(RuntimeError, match="from the callback"):
        scs.SCS(data, cone, **TIGHT).solve(progress=boom)
    # a default callback given to the constructor
    calls = []
    s = scs.SCS(data, cone, progress=calls.append, **TIGHT)
    s.solve()
    assert calls
