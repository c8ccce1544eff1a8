"""scs.solve_many on a thread pool and on a Dask LocalCluster; pickling."""
import pickle

import numpy as np
import pytest

import scs
from conftest import random_lp, random_qp

TIGHT = dict(eps_abs=1e-8, eps_rel=1e-8)


def _batch(k=6):
    return [random_qp(i) if i % 2 else random_lp(i) for i in range(k)]


def _bad_problem():
    data, cone = random_lp(99)
    return dict(data, b=data["b"][:-1]), cone  # shape mismatch


def _check(results, problems, bad_index=None):
    assert len(results) == len(problems)
    for i, (r, (d, c)) in enumerate(zip(results, problems)):
        if i == bad_index:
            assert isinstance(r, scs.SolveError)
            assert r.index == i
            assert isinstance(r.error, ValueError)
            assert "A shape not compatible" in str(r)
            continue
        ref = scs.SCS(d, c, verbose=False, **TIGHT).solve()
        np.testing.assert_array_equal(r["x"], ref["x"])
        assert r["info"]["status"] == "solved"


def test_problem_data_and_results_pickle():
    for data, cone in _batch(2):
        data2, cone2 = pickle.loads(pickle.dumps((data, cone)))
        sol = scs.SCS(data2, cone2, verbose=False).solve()
        sol2 = pickle.loads(pickle.dumps(sol))
        np.testing.assert_array_equal(sol["x"], sol2["x"])
        assert sol2["info"] == sol["info"] or sol2["info"]["iter"] == sol["info"]["iter"]
    err = pickle.loads(pickle.dumps(scs.SolveError(3, ValueError("x"))))
    assert err.index == 3 and str(err.error) == "x"


def test_solve_many_threads_in_order():
    problems = _batch(8)
    results = scs.solve_many(problems, max_workers=4, **TIGHT)
    _check(results, problems)


def test_solve_many_forms_and_errors():
    problems = _batch(4)
    bad = _bad_problem()
    mixed = [problems[0], {"data": problems[1][0], "cone": problems[1][1],
                           "settings": {"max_iters": 100000}},
             bad, (problems[2][0], problems[2][1], {}), problems[3]]
    results = scs.solve_many(mixed, max_workers=2, **TIGHT)
    _check(results, [problems[0], problems[1], bad, problems[2], problems[3]],
           bad_index=2)
    # a per-problem setting wins over the common one
    one = scs.solve_many([(problems[0][0], problems[0][1], {"max_iters": 1})],
                         max_iters=1000)
    assert one[0]["info"]["iter"] <= 1
    assert scs.solve_many([]) == []
    r = scs.solve_many(["nonsense"], max_workers=1)
    assert isinstance(r[0], scs.SolveError)
    assert isinstance(r[0].error, TypeError)


@pytest.mark.slow
def test_solve_many_on_dask_local_cluster():
    distributed = pytest.importorskip("distributed")
    problems = _batch(6)
    bad = _bad_problem()
    batch = problems[:3] + [bad] + problems[3:]
    # two worker processes, everything on the loopback interface
    with distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True,
            host="127.0.0.1", dashboard_address=None,
            worker_dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert all(addr.startswith("tcp://127.0.0.1:")
                   for addr in client.scheduler_info()["workers"])
        results = scs.solve_many(batch, client=client, **TIGHT)
        ran_on = client.run(lambda: __import__("scs").__libscs_version__)
    assert len(ran_on) == 2
    _check(results, problems[:3] + [bad] + problems[3:], bad_index=3)
