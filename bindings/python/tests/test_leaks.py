"""Reference counts and memory over many create/solve/destroy cycles."""
import gc
import sys
import tracemalloc

import numpy as np

import scs
from conftest import random_qp


def _rss_kib():
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import resource

    return pages * resource.getpagesize() // 1024


def _cycle(data, cone, progress):
    s = scs.SCS(data, cone, verbose=False, progress=progress)
    sol = s.solve()
    s.update(b=data["b"], c=data["c"])
    s.solve(warm_start=True, x=sol["x"], y=sol["y"], s=sol["s"])
    try:
        s.solve(x=np.ones(1))
    except ValueError:
        pass
    del s, sol


def test_no_reference_or_memory_leak():
    data, cone = random_qp(1)
    progress = lambda p: None  # noqa: E731
    tracked = [data["A"].data, data["A"].indices, data["b"], data["c"],
               data["P"].data, cone, progress]
    for _ in range(50):  # warm up caches and lazily allocated state
        _cycle(data, cone, progress)
    gc.collect()
    refs = [sys.getrefcount(o) for o in tracked]
    rss0 = _rss_kib()
    tracemalloc.start()
    snap0 = tracemalloc.take_snapshot()
    for _ in range(1500):
        _cycle(data, cone, progress)
    gc.collect()
    snap1 = tracemalloc.take_snapshot()
    tracemalloc.stop()
    growth = sum(s.size_diff for s in snap1.compare_to(snap0, "filename"))
    assert [sys.getrefcount(o) for o in tracked] == refs
    assert growth < 200_000, growth  # Python-level allocations
    # C-level: 4500 solves of a 30-variable QP leak nothing measurable
    assert _rss_kib() - rss0 < 8 * 1024


def test_objects_are_collected():
    import weakref

    data, cone = random_qp(2)

    class Holder:
        pass

    h = Holder()
    s = scs.SCS(data, cone, verbose=False, progress=lambda p: h)
    h.s = s  # a cycle through the progress callback
    r = weakref.ref(h)
    del h, s
    gc.collect()
    assert r() is None
