"""Batch solves: ``scs.solve_many`` over a thread pool or a Dask cluster."""
import os
from concurrent.futures import ThreadPoolExecutor

__all__ = ["solve_many", "SolveError"]


class SolveError(Exception):
    """Stands in the results of :func:`solve_many` for a problem that failed.

    ``index`` is the problem's position in the batch, ``error`` the exception
    it raised (also its ``__cause__``).
    """

    def __init__(self, index, error):
        super().__init__(index, error)
        self.index = index
        self.error = error
        self.__cause__ = error

    def __str__(self):
        return (f"problem {self.index}: "
                f"{type(self.error).__name__}: {self.error}")

    def __reduce__(self):
        return (SolveError, (self.index, self.error))


def _unpack(problem):
    """(data, cone, settings) from a dict or a (data, cone[, settings]) tuple."""
    if isinstance(problem, dict) and "data" in problem and "cone" in problem:
        return problem["data"], problem["cone"], problem.get("settings") or {}
    if isinstance(problem, (tuple, list)) and len(problem) in (2, 3):
        settings = problem[2] if len(problem) == 3 else {}
        return problem[0], problem[1], settings or {}
    raise TypeError(
        "each problem must be {'data': ..., 'cone': ..., 'settings': {...}} "
        "or a (data, cone) or (data, cone, settings) tuple")


def _solve_one(index, problem, settings):
    """Solves one problem; returns its result, or a SolveError. Runs in a
    worker thread or on a Dask worker (so it never raises)."""
    import scs  # on a Dask worker: imported there

    try:
        data, cone, own = _unpack(problem)
        merged = dict(settings)
        merged.update(own)
        return scs.SCS(data, cone, **merged).solve()
    except Exception as e:  # reported in place, the batch goes on
        return SolveError(index, e)


def solve_many(problems, *, client=None, max_workers=None, **settings):
    """Solves a batch of problems in parallel; returns results in order.

    ``problems``: an iterable of ``{"data": ..., "cone": ..., "settings":
    {...}}`` dicts or ``(data, cone)`` / ``(data, cone, settings)`` tuples.
    ``settings`` apply to every problem (a problem's own settings win);
    ``verbose`` defaults to False here.

    Without ``client``: a thread pool of ``max_workers`` threads (default:
    the number of CPUs) in this process; nothing is pickled, and since the
    solves run without the GIL they run in parallel on regular and
    free-threaded builds alike.

    With a ``dask.distributed.Client``: one task per problem on the
    cluster's workers (``max_workers`` is ignored); problems and results
    travel pickled.

    Each result is the dict ``SCS.solve`` returns; a problem that raised is
    reported by a :class:`SolveError` in its place (``isinstance(r,
    scs.SolveError)``), the others are unaffected.
    """
    problems = list(problems)
    settings = dict(settings)
    settings.setdefault("verbose", False)
    if client is not None:
        futures = client.map(
            _solve_one, range(len(problems)), problems,
            settings=settings, pure=False)
        return client.gather(futures)
    if not problems:
        return []
    workers = max_workers or os.cpu_count() or 1
    workers = max(1, min(workers, len(problems)))
    if workers == 1:
        return [_solve_one(i, p, settings) for i, p in enumerate(problems)]
    with ThreadPoolExecutor(max_workers=workers,
                            thread_name_prefix="scs-solve") as pool:
        futures = [pool.submit(_solve_one, i, p, settings)
                   for i, p in enumerate(problems)]
        return [f.result() for f in futures]
