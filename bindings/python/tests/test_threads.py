"""Threads: independent objects, one shared object, interrupt, Ctrl-C,
output from threads, the GIL released during solves."""
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest

import scs
from conftest import ENDLESS, random_lp, random_qp

TIGHT = dict(eps_abs=1e-8, eps_rel=1e-8, verbose=False)
HERE = os.path.dirname(os.path.abspath(__file__))


def _problems(k):
    return [random_qp(i) if i % 2 else random_lp(i) for i in range(k)]


def _run_threads(n, target):
    barrier = threading.Barrier(n)
    errors = []

    def run(i):
        try:
            barrier.wait()
            target(i)
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
        assert not t.is_alive()
    if errors:
        raise errors[0]


def test_threads_with_own_objects_match_sequential():
    problems = _problems(8)
    sequential = [scs.SCS(d, c, **TIGHT).solve() for d, c in problems]
    results = [[None] * len(problems) for _ in range(4)]

    def work(t):
        for i in range(len(problems)):
            j = (i + t) % len(problems)  # different orders in each thread
            d, c = problems[j]
            results[t][j] = scs.SCS(d, c, **TIGHT).solve()

    _run_threads(4, work)
    for per_thread in results:
        for got, ref in zip(per_thread, sequential):
            np.testing.assert_array_equal(got["x"], ref["x"])
            np.testing.assert_array_equal(got["y"], ref["y"])
            assert got["info"]["iter"] == ref["info"]["iter"]


def test_shared_object_solve_and_update_concurrently():
    data, cone = random_lp(21)
    b1 = data["b"]
    b2 = data["b"] + 0.5
    expected = [scs.SCS(dict(data, b=b), cone, **TIGHT).solve()["info"]["pobj"]
                for b in (b1, b2)]
    shared = scs.SCS(data, cone, **TIGHT)
    seen = []
    lock = threading.Lock()

    def work(t):
        for i in range(10):
            shared.update(b=b1 if (i + t) % 2 else b2)
            sol = shared.solve(warm_start=bool(i % 2))
            with lock:
                seen.append(sol["info"])

    _run_threads(4, work)
    assert len(seen) == 40
    for info in seen:
        assert info["status"] == "solved"
        assert min(abs(info["pobj"] - e) for e in expected) < 1e-5


def test_interrupt_from_another_thread():
    data, cone = random_lp(2, 200, 100)
    solver = scs.SCS(data, cone, **ENDLESS)
    started = threading.Event()
    out = {}

    def progress(p):
        started.set()

    def run():
        out["sol"] = solver.solve(progress=progress)

    t = threading.Thread(target=run)
    t0 = time.monotonic()
    t.start()
    assert started.wait(30)
    time.sleep(0.05)
    solver.interrupt()
    t.join(30)
    assert not t.is_alive(), "interrupt did not stop the solve"
    info = out["sol"]["info"]
    assert info["status_val"] == scs.SIGINT and info["status"] == "interrupted"
    assert info["iter"] > 0
    assert time.monotonic() - t0 < 30
    # the object remains usable
    solver2 = scs.SCS(data, cone, **TIGHT)
    assert solver2.solve()["info"]["status"] == "solved"


def test_interrupt_before_solve_is_sticky_for_one_solve():
    data, cone = random_lp(4)
    solver = scs.SCS(data, cone, **TIGHT)
    solver.interrupt()
    first = solver.solve(warm_start=False)
    assert first["info"]["status_val"] == scs.SIGINT
    second = solver.solve(warm_start=False)
    assert second["info"]["status"] == "solved"


def test_solves_release_the_gil():
    data, cone = random_lp(5, 200, 100)
    solver = scs.SCS(data, cone, time_limit_secs=0.5, **dict(ENDLESS))
    done = threading.Event()

    def run():
        solver.solve()
        done.set()

    t = threading.Thread(target=run)
    count = 0
    t.start()
    while not done.is_set():
        count += 1  # runs only if the solving thread released the GIL
        time.sleep(0.001)
    t.join()
    assert count > 50


def test_verbose_output_from_threads_reaches_sys_stdout(capsys):
    problems = _problems(3)

    def work(t):
        d, c = problems[t]
        scs.SCS(d, c, verbose=True).solve()

    _run_threads(3, work)
    out = capsys.readouterr().out
    assert out.count("status:  solved") == 3


CTRL_C_CHILD = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, {here!r})
    from conftest import ENDLESS, random_lp
    import scs
    data, cone = random_lp(2, 200, 100)
    solver = scs.SCS(data, cone, **ENDLESS)
    use_progress = {use_progress!r}
    state = {{"told": False}}
    def progress(p):
        if not state["told"]:
            state["told"] = True
            print("solving", flush=True)
    if not use_progress:
        print("solving", flush=True)
    try:
        solver.solve(progress=progress if use_progress else None)
    except KeyboardInterrupt:
        print("KeyboardInterrupt", flush=True)
        # the object is still usable afterwards
        ok = scs.SCS(data, cone, verbose=False).solve()["info"]["status"]
        print("after:", ok, flush=True)
        sys.exit(0)
    print("solve returned without KeyboardInterrupt", flush=True)
    sys.exit(3)
""")


@pytest.mark.slow
@pytest.mark.parametrize("use_progress", [False, True])
def test_ctrl_c_raises_keyboard_interrupt(use_progress):
    code = CTRL_C_CHILD.format(here=HERE, use_progress=use_progress)
    child = subprocess.Popen([sys.executable, "-c", code],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout.readline().strip() == "solving"
        time.sleep(0.3)
        t0 = time.monotonic()
        child.send_signal(signal.SIGINT)
        out, err = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == 0, (out, err)
    assert "KeyboardInterrupt" in out
    assert "after: solved" in out
    assert time.monotonic() - t0 < 30
