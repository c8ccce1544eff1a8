"""Benchmark of the Python binding (not a test).

1. Threads: K = 1, 2, 4 threads, each solving the same list of independent
   problems (one scs.SCS object per solve); speedup = throughput with K threads /
   throughput with 1 thread, on this interpreter.
2. Python-call overhead: wall time of SCS(...) and .solve() from Python
   against the C-side setup_time / solve_time that libscs reports, on a
   small problem.

Run with OPENBLAS_NUM_THREADS=1 (set here if unset). Prints a Markdown table;
--json writes the numbers too.
"""
import argparse
import json
import os
import platform
import statistics
import sys
import threading
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402

import scs  # noqa: E402


def lp(seed, m, n, density):
    rng = np.random.default_rng(seed)
    A = sp.random(m, n, density=density, random_state=rng, format="csc")
    A = sp.vstack([A, sp.eye(n), -sp.eye(n)], format="csc")
    x0 = rng.standard_normal(n)
    b = A @ x0 + rng.uniform(0.1, 1.0, A.shape[0])
    c = rng.standard_normal(n)
    return {"A": A, "b": b, "c": c}, {"l": A.shape[0]}


SETTINGS = dict(verbose=False, eps_abs=1e-6, eps_rel=1e-6)


def threads_bench(per_thread, m, n, repeats):
    # every thread solves the same list (each with its own objects), so the
    # work per thread is the same for every K
    problems = [lp(i, m, n, 0.05) for i in range(per_thread)]
    # one solve to warm up (page faults, lazy loading)
    scs.SCS(*problems[0], **SETTINGS).solve()
    rows = {}
    for k in (1, 2, 4):
        best = float("inf")
        for _ in range(repeats):
            barrier = threading.Barrier(k + 1)

            def work(t):
                barrier.wait()
                for i in range(per_thread):
                    d, c = problems[(i + t) % per_thread]
                    scs.SCS(d, c, **SETTINGS).solve()

            ths = [threading.Thread(target=work, args=(t,)) for t in range(k)]
            for th in ths:
                th.start()
            barrier.wait()
            t0 = time.perf_counter()
            for th in ths:
                th.join()
            best = min(best, time.perf_counter() - t0)
        rows[k] = {"solves": k * per_thread, "seconds": best,
                   "solves_per_s": k * per_thread / best}
    base = rows[1]["solves_per_s"]
    for k in rows:
        rows[k]["speedup"] = rows[k]["solves_per_s"] / base
    return rows


def overhead_bench(n_calls):
    A = sp.csc_matrix(np.array([[1.0, 1.0], [-1.0, 0.0], [0.0, -1.0]]))
    data = {"A": A, "b": np.array([1.0, 0.0, 0.0]), "c": np.array([-1.0, -2.0])}
    cone = {"z": 1, "l": 2}
    solver = scs.SCS(data, cone, **SETTINGS)
    for _ in range(200):
        solver.solve(warm_start=False)
    walls, cs = [], []
    for _ in range(n_calls):
        t0 = time.perf_counter()
        r = solver.solve(warm_start=False)
        walls.append((time.perf_counter() - t0) * 1e6)
        cs.append(r["info"]["solve_time"] * 1e3)
    init_walls, init_cs = [], []
    for _ in range(n_calls // 4):
        t0 = time.perf_counter()
        s = scs.SCS(data, cone, **SETTINGS)
        init_walls.append((time.perf_counter() - t0) * 1e6)
        init_cs.append(s.solve()["info"]["setup_time"] * 1e3)
    med = statistics.median
    return {
        "solve_wall_us": med(walls), "solve_c_us": med(cs),
        "solve_overhead_us": med(w - c for w, c in zip(walls, cs)),
        "init_wall_us": med(init_walls), "init_c_us": med(init_cs),
        "init_overhead_us": med(w - c for w, c in zip(init_walls, init_cs)),
        "iters": r["info"]["iter"],
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-thread", type=int, default=6)
    ap.add_argument("--m", type=int, default=600)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--calls", type=int, default=4000)
    ap.add_argument("--json")
    args = ap.parse_args()
    ft = hasattr(sys, "_is_gil_enabled") and not sys._is_gil_enabled()
    label = f"{platform.python_version()}{'t (free-threaded)' if ft else ' (GIL)'}"
    th = threads_bench(args.per_thread, args.m, args.n, args.repeats)
    ov = overhead_bench(args.calls)
    print(f"## {label}, {os.cpu_count()} CPUs, OPENBLAS_NUM_THREADS="
          f"{os.environ['OPENBLAS_NUM_THREADS']}\n")
    print(f"Independent LP solves (m={args.m}+{2 * args.n}, n={args.n}), "
          f"best of {args.repeats}:\n")
    print("| threads | solves | seconds | solves/s | speedup |")
    print("|---:|---:|---:|---:|---:|")
    for k, r in th.items():
        print(f"| {k} | {r['solves']} | {r['seconds']:.3f} | "
              f"{r['solves_per_s']:.1f} | {r['speedup']:.2f} |")
    print(f"\nPython-call overhead, 3x2 LP ({ov['iters']} iterations), "
          f"median of {args.calls} calls:\n")
    print("| call | wall (us) | C time (us) | overhead (us) |")
    print("|---|---:|---:|---:|")
    print(f"| SCS(data, cone) | {ov['init_wall_us']:.1f} | "
          f"{ov['init_c_us']:.1f} | {ov['init_overhead_us']:.1f} |")
    print(f"| .solve() | {ov['solve_wall_us']:.1f} | {ov['solve_c_us']:.1f} | "
          f"{ov['solve_overhead_us']:.1f} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"python": label, "threads": th, "overhead": ov}, f,
                      indent=1)


if __name__ == "__main__":
    main()
