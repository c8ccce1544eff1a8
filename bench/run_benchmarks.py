#!/usr/bin/env python3
"""Run libscs (scs-solve) on the benchmark problem sets and judge the answers.

Sets: maros_meszaros (QPS), netlib_lp (MPS), sdplib and cblib (CBF), each a
folder of gzip-compressed problem files with an optimal.csv
(name,status,optimal_objective,source). For every problem the runner calls
`scs-solve FILE --json ...`, compares the status and objective with
optimal.csv, writes one CSV per set and solver (plus a sidecar .txt with the
machine and settings), prints a summary with the shifted geometric mean of
the wall time, and draws a performance profile when it can.

With --peer-lib/--peer-include it also builds bench/solve_peer.c against
another SCS 3.2 library (e.g. SCS 3.2.11's out/libscsdir.a), converts each
problem once with `scs-solve --write-data DUMP --convert-only`, solves the
dump with that library and compares the two.

Python 3 standard library only. See bench/README.md, section "Benchmark sets
(run_benchmarks.py)".
"""

import argparse
import concurrent.futures
import csv
import datetime
import hashlib
import json
import math
import os
import platform
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = ["maros_meszaros", "netlib_lp", "sdplib", "cblib"]
FILE_RE = re.compile(r"^(?P<name>.+)\.(?:qps|mps|cbf|sif)(?:\.gz)?$", re.I)

SHIFT_MS = 10.0           # shift of the geometric mean
REL_TOL = 1e-3            # |obj - opt| <= REL_TOL * (1 + |opt|)
DEFAULT_MAX_ITERS = 100000  # SCS 3.2 default, to recognise "max iters"

# SCS exit flags
SOLVED = 1
UNBOUNDED, INFEASIBLE = -1, -2
INACCURATE_VALS = (2, -6, -7)
EXPECTED_VAL = {"optimal": SOLVED, "unknown": SOLVED,
                "infeasible": INFEASIBLE, "unbounded": UNBOUNDED}

# outcome -> meaning (column "outcome"); the first two count as solved
OUTCOMES = [
    ("correct", "status as expected, objective within tolerance "
                "(or none needed: infeasible/unbounded)"),
    ("no_ref", "status solved, but no published objective to check"),
    ("wrong_obj", "status solved, objective off by more than the tolerance"),
    ("wrong_status", "a definite status (solved/infeasible/unbounded) other "
                     "than the expected one"),
    ("inaccurate", "an inaccurate status (2, -6, -7) before any limit"),
    ("max_iters", "stopped at the iteration limit"),
    ("timeout", "stopped at the time limit, or killed by the hard timeout"),
    ("failed", "indeterminate, failed or interrupted (-3, -4, -5)"),
    ("error", "the program failed (nonzero exit, no JSON, crash)"),
]
SOLVED_OUTCOMES = ("correct", "no_ref")

CSV_COLUMNS = [
    "set", "name", "solver", "status", "status_val", "expected", "outcome",
    "solved", "iterations", "setup_ms", "solve_ms", "total_ms", "objective",
    "optimal", "rel_err", "pobj", "dobj", "res_pri", "res_dual", "gap",
    "m", "n", "nnz_a", "nnz_p", "lin_sys_solver", "wall_ms", "time_limit",
    "eps_abs", "eps_rel", "max_iters", "file", "error", "polish",
    "polish_ms",
]

print_lock = threading.Lock()


def log(msg=""):
    with print_lock:
        print(msg, file=sys.stderr, flush=True)


def warn(msg):
    log("warning: " + msg)


# --------------------------------------------------------------------------
# problems


def read_optimal(path):
    rows = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            status = (row.get("status") or "").strip().lower()
            val = (row.get("optimal_objective") or "").strip()
            rows[name] = {
                "status": status,
                "optimal": float(val) if val else None,
            }
    return rows


def list_problems(bench_dir, set_name, name_filter):
    """[(name, path, expected_status, optimal)] sorted by name."""
    d = os.path.join(bench_dir, set_name)
    if not os.path.isdir(d):
        warn("no folder %s" % d)
        return []
    opt_path = os.path.join(d, "optimal.csv")
    if not os.path.exists(opt_path):
        warn("no optimal.csv in %s" % d)
        rows = {}
    else:
        rows = read_optimal(opt_path)
    files = {}
    for fn in sorted(os.listdir(d)):
        m = FILE_RE.match(fn)
        if not m:
            continue
        name = m.group("name")
        if name in files:
            warn("%s: two files for %s (%s, %s); using the first"
                 % (set_name, name, os.path.basename(files[name]), fn))
            continue
        files[name] = os.path.join(d, fn)
    for name in sorted(set(files) - set(rows)):
        warn("%s: %s has no row in optimal.csv (skipped)"
             % (set_name, os.path.basename(files[name])))
    for name in sorted(set(rows) - set(files)):
        warn("%s: optimal.csv lists %s but there is no file for it"
             % (set_name, name))
    out = []
    for name in sorted(set(files) & set(rows), key=lambda s: s.lower()):
        if name_filter and not name_filter.search(name):
            continue
        r = rows[name]
        if r["status"] not in EXPECTED_VAL:
            warn("%s: %s has unknown expected status %r"
                 % (set_name, name, r["status"]))
        out.append((name, files[name], r["status"], r["optimal"]))
    return out


# --------------------------------------------------------------------------
# running


def child_env():
    env = dict(os.environ)
    # one BLAS thread: timings of a single-threaded solver, not of a pool
    env.setdefault("OPENBLAS_NUM_THREADS", "1")
    env.setdefault("OMP_NUM_THREADS", "1")
    return env


def hard_timeout(limit):
    return limit * 1.5 + 10 if limit and limit > 0 else None


def parse_json(stdout):
    """The last line of stdout that parses as a JSON object, else None."""
    for line in reversed(stdout.splitlines()):
        line = line.strip()
        if line.startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                return obj
    # perhaps pretty-printed over several lines
    i = stdout.find("{")
    if i >= 0:
        try:
            obj = json.loads(stdout[i:])
            if isinstance(obj, dict):
                return obj
        except ValueError:
            pass
    return None


def run_cmd(cmd, timeout):
    """(returncode or None if killed, stdout, stderr, wall_ms)."""
    t0 = time.monotonic()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           stdin=subprocess.DEVNULL, timeout=timeout,
                           env=child_env(), universal_newlines=True,
                           errors="replace")
        rc, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        rc = None
        out = e.stdout if isinstance(e.stdout, str) else ""
        err = e.stderr if isinstance(e.stderr, str) else ""
    except OSError as e:
        rc, out, err = 127, "", str(e)
    return rc, out or "", err or "", (time.monotonic() - t0) * 1e3


def num(v):
    """A JSON number (or null/str) as float, None when absent/non-finite."""
    if v is None or isinstance(v, bool):
        return None
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def first_line(text):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def judge(rec, expected, optimal, args):
    """Fill rel_err, outcome and solved of a record from its status."""
    obj = rec.get("objective")
    if obj is not None and optimal is not None:
        rec["rel_err"] = abs(obj - optimal) / (1.0 + abs(optimal))
    sv = rec.get("status_val")
    status = (rec.get("status") or "").lower()
    limit_ms = args.time_limit * 1e3 if args.time_limit > 0 else None
    max_iters = args.max_iters or DEFAULT_MAX_ITERS
    want = EXPECTED_VAL.get(expected)
    if rec.get("outcome") in ("error", "timeout"):   # set by the runner
        pass
    elif sv is not None and sv == want:
        if sv != SOLVED:
            rec["outcome"] = "correct"             # infeasible / unbounded
        elif expected == "unknown" or optimal is None:
            rec["outcome"] = "no_ref"
        elif obj is None:
            rec["outcome"] = "wrong_obj"
            rec["error"] = rec.get("error") or "no objective"
        elif rec["rel_err"] <= REL_TOL:
            rec["outcome"] = "correct"
        else:
            rec["outcome"] = "wrong_obj"
    elif sv in (SOLVED, INFEASIBLE, UNBOUNDED):
        rec["outcome"] = "wrong_status"
    elif "time_limit" in status or "time limit" in status:
        rec["outcome"] = "timeout"
    elif "max_iters" in status or "max iter" in status:
        rec["outcome"] = "max_iters"
    elif (limit_ms is not None and rec.get("total_ms") is not None
          and rec["total_ms"] >= 0.97 * limit_ms):
        rec["outcome"] = "timeout"
    elif (rec.get("iterations") is not None
          and rec["iterations"] >= max_iters):
        rec["outcome"] = "max_iters"
    elif sv in INACCURATE_VALS:
        rec["outcome"] = "inaccurate"
    else:
        rec["outcome"] = "failed"
    rec["solved"] = rec["outcome"] in SOLVED_OUTCOMES
    return rec


def new_record(set_name, name, path, solver, expected, optimal, args):
    return {
        "set": set_name, "name": name, "solver": solver, "status": None,
        "status_val": None, "expected": expected, "outcome": None,
        "solved": False, "iterations": None, "setup_ms": None,
        "solve_ms": None, "total_ms": None, "objective": None,
        "optimal": optimal, "rel_err": None, "pobj": None, "dobj": None,
        "res_pri": None, "res_dual": None, "gap": None, "m": None, "n": None,
        "nnz_a": None, "nnz_p": None, "lin_sys_solver": None,
        "wall_ms": None, "time_limit": args.time_limit,
        "eps_abs": args.eps_abs, "eps_rel": args.eps_rel,
        "max_iters": args.max_iters, "file": os.path.basename(path),
        "error": None, "polish": None, "polish_ms": None,
    }


def fill_from_json(rec, js):
    rec["status"] = js.get("status")
    sv = js.get("status_val")
    rec["status_val"] = int(sv) if isinstance(sv, (int, float)) and \
        not isinstance(sv, bool) else None
    it = num(js.get("iterations"))
    rec["iterations"] = int(it) if it is not None else None
    for key in ("pobj", "dobj", "res_pri", "res_dual", "gap"):
        rec[key] = num(js.get(key))
    for key in ("m", "n", "nnz_a", "nnz_p"):
        v = num(js.get(key))
        rec[key] = int(v) if v is not None else None
    rec["setup_ms"] = num(js.get("setup_time_ms"))
    rec["solve_ms"] = num(js.get("solve_time_ms"))
    if rec["setup_ms"] is not None or rec["solve_ms"] is not None:
        rec["total_ms"] = (rec["setup_ms"] or 0.0) + (rec["solve_ms"] or 0.0)
    rec["lin_sys_solver"] = js.get("lin_sys_solver")
    rec["polish"] = js.get("polish")            # libscs only
    rec["polish_ms"] = num(js.get("polish_time_ms"))


def run_ours(prob, set_name, solver, args):
    name, path, expected, optimal = prob
    rec = new_record(set_name, name, path, solver, expected, optimal, args)
    cmd = [args.scs_solve, path, "--json", "--quiet",
           "--eps-abs", repr(args.eps_abs), "--eps-rel", repr(args.eps_rel)]
    if args.time_limit > 0:
        cmd += ["--time-limit", repr(args.time_limit)]
    if args.max_iters:
        cmd += ["--max-iters", str(args.max_iters)]
    if args.backend:
        cmd += ["--backend", args.backend]
    rc, out, err, wall = run_cmd(cmd, hard_timeout(args.time_limit))
    rec["wall_ms"] = wall
    js = None
    if rc is None:
        rec["outcome"], rec["status"] = "timeout", "killed"
        rec["error"] = "killed after %.0f s" % (wall / 1e3)
        rec["total_ms"] = wall
    else:
        js = parse_json(out)
        if rc == 2:     # bad arguments: the same for every problem
            raise SystemExit("error: scs-solve rejected its arguments: %s\n"
                             "$ %s" % (first_line(err),
                                       " ".join(shlex.quote(c) for c in cmd)))
        if rc != 0 or js is None:
            rec["outcome"], rec["status"] = "error", "error"
            rec["error"] = first_line(err) or (
                "exit %d" % rc if rc != 0 else "no JSON on stdout")
            js = None
        else:
            fill_from_json(rec, js)
            obj = num(js.get("objective"))
            if obj is None and rec["pobj"] is not None:
                sign = num(js.get("objective_sign"))
                off = num(js.get("objective_offset"))
                obj = (sign if sign is not None else 1.0) * rec["pobj"] + \
                    (off or 0.0)
            rec["objective"] = obj
    judge(rec, expected, optimal, args)
    return rec, js


class Peer:
    """bench/solve_peer.c built against another SCS 3.2 library."""

    def __init__(self, args):
        self.args = args
        self.exe = None
        self.name = args.peer_name
        self.version = None
        self.convert_json = True   # does --convert-only accept --json?
        self.lock = threading.Lock()

    def build(self):
        a = self.args
        lib = os.path.abspath(a.peer_lib)
        if not os.path.exists(lib):
            sys.exit("error: --peer-lib %s does not exist" % lib)
        incs = []
        for spec in a.peer_include:
            incs += [p for p in spec.split(os.pathsep) if p]
        incs = [os.path.abspath(p) for p in incs]
        if not any(os.path.exists(os.path.join(p, "scs.h")) for p in incs):
            sys.exit("error: no scs.h in --peer-include %s"
                     % os.pathsep.join(incs))
        src = os.path.join(ROOT, "bench", "solve_peer.c")
        cc = shlex.split(os.environ.get("CC", "cc"))
        cflags = shlex.split(a.peer_cflags or "")
        ldflags = shlex.split(a.peer_ldflags or "")
        st = os.stat(lib)
        h = hashlib.sha1()
        with open(src, "rb") as f:
            h.update(f.read())
        h.update(repr((cc, lib, st.st_size, st.st_mtime_ns, incs, cflags,
                       ldflags)).encode())
        cache = a.peer_cache or default_cache()
        os.makedirs(cache, exist_ok=True)
        exe = os.path.join(cache, "solve_peer-" + h.hexdigest()[:12])
        base = cc + ["-O2"] + cflags + ["-I" + p for p in incs] + [src, lib]
        if lib.endswith(".so") or ".so." in os.path.basename(lib):
            base.append("-Wl,-rpath," + os.path.dirname(lib))
        libs = ldflags + ["-llapack", "-lblas", "-lm", "-lrt"]
        errors = []
        # one temporary per process: two runs started together must not
        # link into (and then execute) the same file
        tmp = "%s.tmp%d" % (exe, os.getpid())
        # SCS 3.2 names its dump reader _scs_read_data; libscs scs_read_data
        for fn in ("_scs_read_data", "scs_read_data"):
            cmd = base[:1] + ["-DSOLVE_PEER_READ_DATA=" + fn] + base[1:] + \
                libs + ["-o", tmp]
            p = subprocess.run(cmd, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT,
                               universal_newlines=True)
            if p.returncode == 0:
                os.replace(tmp, exe)
                self.build_cmd = " ".join(shlex.quote(c) for c in cmd)
                self.reader = fn
                break
            errors.append("$ %s\n%s" % (" ".join(shlex.quote(c) for c in cmd),
                                        p.stdout.strip()))
        else:
            sys.exit("error: cannot build solve_peer:\n" + "\n".join(errors))
        self.exe = exe
        p = subprocess.run([exe, "--version"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, universal_newlines=True,
                           env=child_env())
        self.version = p.stdout.strip() or "unknown"
        if not self.name:
            # libscs (reader scs_read_data) also reports scs_version 3.2.x
            self.name = ("scs-" + self.version
                         if self.reader == "_scs_read_data" else "libscs-peer")
        log("peer: %s built as %s" % (self.name, exe))

    def run(self, prob, set_name, ours_js, tmpdir, args):
        name, path, expected, optimal = prob
        rec = new_record(set_name, name, path, self.name, expected, optimal,
                         args)
        dump = os.path.join(tmpdir, "p%d-%s.dump" % (
            threading.get_ident(), re.sub(r"\W", "_", name)))
        try:
            # 1. convert with our reader
            conv_timeout = hard_timeout(max(args.time_limit, 60))
            while True:
                cmd = [args.scs_solve, path, "--write-data", dump,
                       "--convert-only"]
                if self.convert_json:
                    cmd.append("--json")
                rc, out, err, _ = run_cmd(cmd, conv_timeout)
                if rc == 2 and self.convert_json:
                    with self.lock:
                        self.convert_json = False
                    continue
                break
            if rc != 0 or not os.path.exists(dump):
                rec["outcome"], rec["status"] = "error", "error"
                rec["error"] = "convert: " + (first_line(err) or (
                    "killed" if rc is None else "exit %s" % rc))
                return judge(rec, expected, optimal, args)
            conv_js = parse_json(out) if self.convert_json else None
            sign = off = None
            for js in (conv_js, ours_js):
                if js and num(js.get("objective_sign")) is not None:
                    sign = num(js.get("objective_sign"))
                    off = num(js.get("objective_offset")) or 0.0
                    break
            # 2. solve with the peer
            cmd = [self.exe, dump, "--eps-abs", repr(args.eps_abs),
                   "--eps-rel", repr(args.eps_rel)]
            if args.time_limit > 0:
                cmd += ["--time-limit", repr(args.time_limit)]
            if args.max_iters:
                cmd += ["--max-iters", str(args.max_iters)]
            rc, out, err, wall = run_cmd(cmd, hard_timeout(args.time_limit))
            rec["wall_ms"] = wall
            if rc is None:
                rec["outcome"], rec["status"] = "timeout", "killed"
                rec["error"] = "killed after %.0f s" % (wall / 1e3)
                rec["total_ms"] = wall
                return judge(rec, expected, optimal, args)
            js = parse_json(out)
            if rc != 0 or js is None:
                rec["outcome"], rec["status"] = "error", "error"
                rec["error"] = first_line(err) or (
                    "exit %d" % rc if rc != 0 else "no JSON on stdout")
                return judge(rec, expected, optimal, args)
            fill_from_json(rec, js)
            if rec["pobj"] is not None:
                if sign is None:
                    rec["error"] = "objective sign/offset unknown " \
                                   "(our run gave no JSON)"
                else:
                    rec["objective"] = sign * rec["pobj"] + off
            return judge(rec, expected, optimal, args)
        finally:
            try:
                os.unlink(dump)
            except OSError:
                pass


# --------------------------------------------------------------------------
# output


def fmt_cell(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, float):
        return "%.12g" % v
    return str(v)


def eps_tag(x):
    e = math.log10(x) if x > 0 else None
    if e is not None and abs(e - round(e)) < 1e-9:
        return "1e%d" % round(e)
    return "%g" % x


class CsvOut:
    """One CSV per (set, solver), written as results come in."""

    def __init__(self, args, stamp, host, info_text):
        self.args = args
        self.stamp = stamp
        self.host = host
        self.info_text = info_text
        self.files = {}
        self.paths = []
        self.lock = threading.Lock()

    def _open(self, set_name, solver):
        a = self.args
        eps = eps_tag(a.eps_abs)
        if a.eps_rel != a.eps_abs:
            eps += "-" + eps_tag(a.eps_rel)
        parts = [set_name, solver, "eps" + eps, self.stamp, self.host]
        if a.tag:
            parts.append(a.tag)
        base = re.sub(r"[^\w.+=-]+", "_", "-".join(parts))
        path = os.path.join(a.out, base + ".csv")
        k = 2
        while os.path.exists(path):    # never overwrite an earlier run
            path = os.path.join(a.out, "%s-%d.csv" % (base, k))
            k += 1
        f = open(path, "w", newline="")
        w = csv.writer(f)
        w.writerow(CSV_COLUMNS)
        f.flush()
        with open(path[:-4] + ".txt", "w") as t:
            t.write(self.info_text)
            t.write("set: %s\nsolver: %s\n" % (set_name, solver))
        self.paths.append(path)
        return f, w

    def write(self, rec):
        with self.lock:
            key = (rec["set"], rec["solver"])
            if key not in self.files:
                self.files[key] = self._open(*key)
            f, w = self.files[key]
            w.writerow([fmt_cell(rec.get(c)) for c in CSV_COLUMNS])
            f.flush()

    def close(self):
        for f, _ in self.files.values():
            f.close()


def cmd_out(cmd, cwd=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.DEVNULL, universal_newlines=True,
                           cwd=cwd, timeout=30)
        return p.stdout.strip() if p.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def machine_info(args, peer, now):
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    commit = cmd_out(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT)
    if commit and cmd_out(["git", "status", "--porcelain",
                           "--untracked-files=no"], cwd=ROOT):
        commit += " (with uncommitted changes)"
    try:
        affinity = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        affinity = os.cpu_count()
    try:
        load = " ".join("%.2f" % x for x in os.getloadavg())
    except OSError:
        load = ""
    lines = [
        "date: %s" % now.isoformat(timespec="seconds"),
        "hostname: %s" % socket.gethostname(),
        "uname: %s" % (cmd_out(["uname", "-a"]) or " ".join(platform.uname())),
        "cpu: %s" % cpu,
        "nproc: %s (online %s)" % (affinity, os.cpu_count()),
        "load average at start: %s" % load,
        "git commit: %s" % (commit or "unknown"),
        "python: %s" % platform.python_version(),
        "command: %s" % " ".join(shlex.quote(a) for a in sys.argv),
        "scs-solve: %s" % os.path.abspath(args.scs_solve),
        "bench dir: %s" % args.bench_dir,
        "settings: eps_abs=%g eps_rel=%g time_limit=%g s max_iters=%s "
        "backend=%s jobs=%d" % (args.eps_abs, args.eps_rel, args.time_limit,
                                args.max_iters or "default",
                                args.backend or "default", args.jobs),
        "OPENBLAS_NUM_THREADS=%s OMP_NUM_THREADS=%s"
        % (child_env().get("OPENBLAS_NUM_THREADS"),
           child_env().get("OMP_NUM_THREADS")),
    ]
    if peer:
        lines += ["peer: %s (scs_version %s)" % (peer.name, peer.version),
                  "peer library: %s" % os.path.abspath(args.peer_lib),
                  "peer build: %s" % peer.build_cmd]
    return "\n".join(lines) + "\n"


def fmt_time(ms):
    if ms is None:
        return "-"
    if ms < 1000:
        return "%.0f ms" % ms if ms >= 10 else "%.1f ms" % ms
    return "%.2f s" % (ms / 1e3)


def short(rec):
    """'solved  1234 it  0.53 s  rel err 2e-06  OK' for progress lines."""
    parts = [rec.get("status") or "?"]
    if rec.get("iterations") is not None:
        parts.append("%d it" % rec["iterations"])
    parts.append(fmt_time(rec.get("total_ms")))
    if rec.get("rel_err") is not None:
        parts.append("rel err %.1e" % rec["rel_err"])
    o = rec["outcome"]
    parts.append("OK" if o == "correct" else
                 "OK (no ref)" if o == "no_ref" else o.upper())
    if rec.get("error") and o in ("error",):
        parts.append("(%s)" % rec["error"][:100])
    return "  ".join(parts)


def capped_time(rec, limit_ms):
    """Time for the geometric mean: total if solved, else the limit."""
    if rec["solved"] and rec.get("total_ms") is not None:
        return rec["total_ms"]
    return limit_ms


def sgm(times, shift=SHIFT_MS):
    times = [t for t in times if t is not None]
    if not times:
        return None
    return math.exp(sum(math.log(t + shift) for t in times) / len(times)) \
        - shift


def limit_ms_for(records, time_limit):
    if time_limit and time_limit > 0:
        return time_limit * 1e3
    # no limit: count unsolved at the longest time seen
    ts = [r["total_ms"] for r in records if r.get("total_ms") is not None]
    return max(ts) if ts else 0.0


SUMMARY_COLS = [("problems", None), ("solved", None), ("no-ref", "no_ref"),
                ("wrong-obj", "wrong_obj"), ("wrong-status", "wrong_status"),
                ("inaccurate", "inaccurate"), ("max-iters", "max_iters"),
                ("timeout", "timeout"), ("failed", "failed"),
                ("error", "error")]


def summarize(records, solvers, time_limit, out=sys.stdout):
    """Per set: one line per solver. Returns {(set, solver): sgm}."""
    result = {}
    sets = []
    for r in records:
        if r["set"] not in sets:
            sets.append(r["set"])
    for s in sets:
        recs = [r for r in records if r["set"] == s]
        names = sorted({r["name"] for r in recs})
        lim = limit_ms_for(recs, time_limit)
        print("\n== %s: %d problems, time limit %s, shifted geometric mean "
              "(shift %g ms, unsolved at the limit)"
              % (s, len(names), fmt_time(lim), SHIFT_MS), file=out)
        sw = max([16] + [len(sv) + 1 for sv in solvers])
        hdr = "%-*s" % (sw, "solver") + "".join(
            "%*s" % (len(c) + 2, c) for c, _ in SUMMARY_COLS) + \
            "%12s%12s" % ("sgm-ms", "iters")
        print(hdr, file=out)
        for sv in solvers:
            rs = [r for r in recs if r["solver"] == sv]
            if not rs:
                continue
            counts = {"problems": len(rs),
                      "solved": sum(r["solved"] for r in rs)}
            for _, o in SUMMARY_COLS[2:]:
                counts[o] = sum(r["outcome"] == o for r in rs)
            g = sgm([capped_time(r, lim) for r in rs])
            result[(s, sv)] = g
            iters = sum(r["iterations"] or 0 for r in rs)
            line = "%-*s" % (sw, sv) + "".join(
                "%*d" % (len(c) + 2, counts[o or c]) for c, o in SUMMARY_COLS)
            line += "%12.1f%12d" % (g, iters)
            print(line, file=out)
        unk = [r for r in recs if r["expected"] == "unknown"]
        if unk:
            print("  (%d of the problems have expected status 'unknown': "
                  "status solved counts as solved, no objective check)"
                  % len({r["name"] for r in unk}), file=out)
    return result


def compare(records, ours, peer, time_limit, out=sys.stdout):
    """Side-by-side summary of two solvers, ratios ours/peer, losses."""
    sets = []
    for r in records:
        if r["set"] not in sets:
            sets.append(r["set"])
    for s in sets:
        a = {r["name"]: r for r in records
             if r["set"] == s and r["solver"] == ours}
        b = {r["name"]: r for r in records
             if r["set"] == s and r["solver"] == peer}
        names = sorted(set(a) & set(b), key=str.lower)
        if not names:
            continue
        lim = limit_ms_for([a[n] for n in names] + [b[n] for n in names],
                           time_limit)
        ga = sgm([capped_time(a[n], lim) for n in names])
        gb = sgm([capped_time(b[n], lim) for n in names])
        both = [n for n in names if a[n]["solved"] and b[n]["solved"]]
        tr = [a[n]["total_ms"] / b[n]["total_ms"] for n in both
              if a[n]["total_ms"] and b[n]["total_ms"]]
        ir = [a[n]["iterations"] / b[n]["iterations"] for n in both
              if a[n]["iterations"] and b[n]["iterations"]]

        def gm(xs):
            return math.exp(sum(map(math.log, xs)) / len(xs)) if xs else None

        print("\n== %s: %s vs %s on %d problems" % (s, ours, peer,
                                                   len(names)), file=out)
        print("  solved: %s %d, %s %d (both %d; only %s %d, only %s %d)"
              % (ours, sum(a[n]["solved"] for n in names),
                 peer, sum(b[n]["solved"] for n in names), len(both),
                 ours, sum(a[n]["solved"] and not b[n]["solved"]
                           for n in names),
                 peer, sum(b[n]["solved"] and not a[n]["solved"]
                           for n in names)), file=out)
        print("  shifted geomean time: %s %.1f ms, %s %.1f ms, ratio "
              "%s/%s %.3f" % (ours, ga, peer, gb, ours, peer,
                              ga / gb if gb else float("nan")), file=out)
        if tr:
            print("  on the %d solved by both: geomean time ratio %.3f, "
                  "iterations ratio %s" % (len(both), gm(tr),
                                           "%.3f" % gm(ir) if ir else "-"),
                  file=out)
        lose = []
        for n in names:
            if b[n]["solved"] and not a[n]["solved"]:
                lose.append("%s (%s: %s; %s: solved in %s)"
                            % (n, ours, a[n]["outcome"], peer,
                               fmt_time(b[n]["total_ms"])))
            elif (n in both and a[n]["total_ms"] and b[n]["total_ms"]
                  and a[n]["total_ms"] > 1.5 * b[n]["total_ms"]):
                lose.append("%s (%.2fx slower: %s vs %s, %s vs %s it)%s"
                            % (n, a[n]["total_ms"] / b[n]["total_ms"],
                               fmt_time(a[n]["total_ms"]),
                               fmt_time(b[n]["total_ms"]),
                               a[n]["iterations"], b[n]["iterations"],
                               "  [both < %g ms: timer noise?]" % SHIFT_MS
                               if a[n]["total_ms"] < SHIFT_MS else ""))
        if lose:
            print("  where %s loses (%d):" % (ours, len(lose)), file=out)
            for line in lose:
                print("    " + line, file=out)
        else:
            print("  %s loses nowhere (no peer-only solve, nothing > 1.5x "
                  "slower)" % ours, file=out)


# --------------------------------------------------------------------------
# plots


def profile_data(records, solvers, limit_ms):
    """Per solver: ({ratio list}, {time list}, n problems) for one set."""
    names = sorted({r["name"] for r in records})
    t = {(r["solver"], r["name"]): (r["total_ms"] if r["solved"] and
                                    r.get("total_ms") is not None else None)
         for r in records}
    ratios = {s: [] for s in solvers}
    times = {s: [] for s in solvers}
    for n in names:
        ts = [t.get((s, n)) for s in solvers]
        ok = [x for x in ts if x is not None]
        best = min(ok) if ok else None
        for s, x in zip(solvers, ts):
            if x is not None:
                # max(.., 1e-3): guard against a reported time of 0
                ratios[s].append(max(x, 1e-3) / max(best, 1e-3))
                times[s].append(x)
    return ratios, times, len(names)


def step_points(values, n, x_max):
    """Sorted step curve (x, fraction) from values, ending at x_max."""
    pts = [(None, 0.0)]
    for i, v in enumerate(sorted(values)):
        pts.append((v, (i + 1) / n))
    pts.append((x_max, len(values) / n if n else 0.0))
    return pts


def plot_set(set_name, records, solvers, limit_ms, png, note):
    recs = [r for r in records if r["set"] == set_name]
    solvers = [s for s in solvers if any(r["solver"] == s for r in recs)]
    if not recs or not solvers:
        return None
    ratios, times, n = profile_data(recs, solvers, limit_ms)
    if len(solvers) > 1:
        xs = {s: [math.log2(x) for x in ratios[s]] for s in solvers}
        x_max = max([x for s in solvers for x in xs[s]] + [1.0]) * 1.05
        x_min = 0.0
        xlabel = "log2(tau): time within a factor tau of the fastest solver"
        ylabel = "fraction of problems solved"
        title = "%s: performance profile (%d problems)%s" % (set_name, n, note)
        logx = False
    else:
        s = solvers[0]
        xs = {s: [max(x, 1e-3) / 1e3 for x in times[s]]}
        x_max = max(xs[s] + [limit_ms / 1e3 if limit_ms else 1.0])
        x_min = min(xs[s] + [x_max]) / 2
        xlabel = "time (setup + solve), s"
        ylabel = "fraction of problems solved"
        title = "%s: %s, fraction solved within a time (%d problems)%s" % (
            set_name, s, n, note)
        logx = True
    curves = {s: step_points(xs[s], n, x_max) for s in solvers}
    for s in solvers:
        curves[s][0] = (x_min, 0.0)
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except Exception:  # noqa: BLE001 - any import problem means "absent"
        plt = None
    if plt is not None:
        fig, ax = plt.subplots(figsize=(7, 4.5))
        for s in solvers:
            x = [p[0] for p in curves[s]]
            y = [p[1] for p in curves[s]]
            ax.step(x, y, where="post", label=s)
        if logx:
            ax.set_xscale("log")
        ax.set_xlim(x_min, x_max)
        ax.set_ylim(0, 1.02)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=9)
        ax.grid(True, alpha=0.3)
        ax.legend(loc="lower right")
        fig.tight_layout()
        fig.savefig(png, dpi=120)
        plt.close(fig)
        return png
    gp = shutil.which("gnuplot")
    if not gp:
        return None
    base = png[:-4]
    script = [
        "set terminal %s size 840,540" % gnuplot_terminal(gp),
        "set output %s" % gq(png),
        "set title %s noenhanced" % gq(title),
        "set xlabel %s noenhanced" % gq(xlabel),
        "set ylabel %s" % gq(ylabel),
        "set key bottom right noenhanced",
        "set grid",
        "set yrange [0:1.02]",
        "set xrange [%g:%g]" % (x_min, x_max),
    ]
    if logx:
        script.append("set logscale x")
    plots = []
    for i, s in enumerate(solvers):
        dat = "%s-%d.dat" % (base, i)
        with open(dat, "w") as f:
            f.write("# %s\n" % s)
            for x, y in curves[s]:
                f.write("%.9g %.9g\n" % (x, y))
        plots.append("%s using 1:2 with steps lw 2 title %s"
                     % (gq(dat), gq(s)))
    script.append("plot " + ", \\\n     ".join(plots))
    gpf = base + ".gp"
    with open(gpf, "w") as f:
        f.write("\n".join(script) + "\n")
    p = subprocess.run([gp, gpf], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    if p.returncode != 0 or not os.path.exists(png):
        warn("gnuplot failed on %s: %s" % (gpf, first_line(p.stdout)))
        return None
    return png


def gq(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def gnuplot_terminal(gp):
    p = subprocess.run([gp, "-e", "set terminal"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, universal_newlines=True)
    return "pngcairo" if "pngcairo" in p.stdout else "png"


def plots(records, solvers, args, stamp, host):
    made = []
    sets = []
    for r in records:
        if r["set"] not in sets:
            sets.append(r["set"])
    note = ""
    if args.eps_abs is not None:
        note = ", eps %s" % eps_tag(args.eps_abs)
        if args.eps_rel is not None and args.eps_rel != args.eps_abs:
            note += "/" + eps_tag(args.eps_rel)
    for s in sets:
        recs = [r for r in records if r["set"] == s]
        lim = limit_ms_for(recs, args.time_limit)
        parts = [s, "profile", stamp, host] + ([args.tag] if args.tag else [])
        base = os.path.join(args.out, re.sub(r"[^\w.+=-]+", "_",
                                             "-".join(parts)))
        png, k = base + ".png", 2
        while os.path.exists(png):     # never overwrite an earlier plot
            png, k = "%s-%d.png" % (base, k), k + 1
        try:
            got = plot_set(s, records, solvers, lim, png, note)
        except Exception as e:  # noqa: BLE001 - a plot never fails the run
            warn("plot of %s failed: %s" % (s, e))
            continue
        if got is None:
            log("plot: skipped (neither matplotlib nor gnuplot available)")
            return made
        made.append(got)
    return made


# --------------------------------------------------------------------------
# reading earlier CSVs


def load_csv(path):
    recs = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            r = dict(row)
            for k in ("status_val", "iterations", "m", "n", "nnz_a", "nnz_p",
                      "max_iters"):
                r[k] = int(float(r[k])) if r.get(k) else None
            for k in ("setup_ms", "solve_ms", "total_ms", "objective",
                      "optimal", "rel_err", "pobj", "dobj", "res_pri",
                      "res_dual", "gap", "wall_ms", "time_limit", "eps_abs",
                      "eps_rel"):
                r[k] = float(r[k]) if r.get(k) else None
            r["solved"] = r.get("solved") in ("1", "True", "true")
            recs.append(r)
    return recs


# --------------------------------------------------------------------------
# main


def default_cache():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "libscs-bench")


def default_scs_solve():
    for d in ("build-release", "build"):
        p = os.path.join(ROOT, d, "scs-solve")
        if os.path.exists(p):
            return p
    return os.path.join(ROOT, "build-release", "scs-solve")


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description="Run scs-solve on the benchmark sets (and optionally "
                    "another SCS 3.2 library) and judge the answers.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="outcomes (CSV column 'outcome'; the first two count as "
               "solved):\n" + "".join("  %-13s %s\n" % o for o in OUTCOMES) +
               "\nSee bench/README.md, 'Benchmark sets (run_benchmarks.py)'.")
    ap.add_argument("--sets", default=",".join(SETS),
                    help="comma list of %s (default all)" % ", ".join(SETS))
    ap.add_argument("--bench-dir",
                    default=os.path.normpath(
                        os.path.join(ROOT, "..", "shared", "benchmarks")),
                    help="folder holding the sets (default: %(default)s)")
    ap.add_argument("--filter", metavar="REGEX",
                    help="only problems whose name matches (re.search)")
    ap.add_argument("--time-limit", type=float, default=60.0,
                    metavar="SECONDS",
                    help="solver time limit per problem (default 60; 0 = "
                         "none); the process is killed after 1.5x+10 s")
    ap.add_argument("--eps-abs", type=float, default=1e-4)
    ap.add_argument("--eps-rel", type=float, default=1e-4)
    ap.add_argument("--max-iters", type=int,
                    help="iteration limit (default: the solver's, 100000)")
    ap.add_argument("--backend", help="scs-solve --backend NAME")
    ap.add_argument("--jobs", type=int, default=1,
                    help="problems run in parallel (default 1; timings are "
                         "only comparable at 1 or under equal load)")
    ap.add_argument("--scs-solve", default=None, metavar="PATH",
                    help="scs-solve binary (default: build-release/scs-solve"
                         ", else build/scs-solve)")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "results"),
                    metavar="DIR", help="results folder (default "
                                        "bench/results)")
    ap.add_argument("--tag", default="", help="text added to file names")
    ap.add_argument("--solver-name", default=None,
                    help="name of our solver in CSVs and tables (default "
                         "libscs, libscs-BACKEND with --backend)")
    ap.add_argument("--no-ours", action="store_true",
                    help="with --peer-lib: run only the peer (our scs-solve "
                         "still converts the problems)")
    ap.add_argument("--peer-lib", metavar="PATH",
                    help="another SCS 3.2 library (libscsdir.a or .so) to "
                         "compare with")
    ap.add_argument("--peer-include", action="append", default=[],
                    metavar="DIR",
                    help="its include directory (scs.h, scs_types.h); may "
                         "be repeated or be a %s-separated list" % os.pathsep)
    ap.add_argument("--peer-cflags", default="",
                    help="extra compiler flags for solve_peer, e.g. "
                         "'-DDLONG=1'")
    ap.add_argument("--peer-ldflags", default="",
                    help="extra link flags for solve_peer (before -llapack "
                         "-lblas -lm -lrt)")
    ap.add_argument("--peer-name", default=None,
                    help="name of the peer (default scs-VERSION from its "
                         "scs_version())")
    ap.add_argument("--peer-cache", default=None, metavar="DIR",
                    help="where solve_peer is built (default "
                         "$XDG_CACHE_HOME/libscs-bench, else "
                         "~/.cache/libscs-bench)")
    ap.add_argument("--plot", dest="plot", action="store_true", default=True,
                    help="draw performance profiles (default)")
    ap.add_argument("--no-plot", dest="plot", action="store_false")
    ap.add_argument("--from-csv", nargs="+", metavar="CSV",
                    help="run nothing: summarize, compare and plot these "
                         "CSVs of earlier runs")
    args = ap.parse_args(argv)
    if args.jobs < 1:
        ap.error("--jobs must be >= 1")
    if args.peer_lib and not args.peer_include:
        ap.error("--peer-lib needs --peer-include")
    if args.no_ours and not args.peer_lib:
        ap.error("--no-ours needs --peer-lib")
    args.sets = [s.strip() for s in args.sets.split(",") if s.strip()]
    for s in args.sets:
        if s not in SETS:
            ap.error("unknown set %r (choose from %s)" % (s, ", ".join(SETS)))
    try:
        args.filter_re = re.compile(args.filter) if args.filter else None
    except re.error as e:
        ap.error("--filter: %s" % e)
    args.out = os.path.abspath(args.out)
    args.bench_dir = os.path.abspath(args.bench_dir)
    if args.scs_solve is None:
        args.scs_solve = default_scs_solve()
    return args


def from_csv(args):
    records, solvers = [], []
    for p in args.from_csv:
        for r in load_csv(p):
            records.append(r)
            if r["solver"] not in solvers:
                solvers.append(r["solver"])
    tl = None
    for r in records:
        if r.get("time_limit") is not None:
            tl = r["time_limit"]
    tl = tl if tl is not None else args.time_limit
    args.time_limit = tl
    eps = {r.get("eps_abs") for r in records}
    args.eps_abs = eps.pop() if len(eps) == 1 else None
    eps = {r.get("eps_rel") for r in records}
    args.eps_rel = eps.pop() if len(eps) == 1 else None
    summarize(records, solvers, tl)
    if len(solvers) == 2:
        compare(records, solvers[0], solvers[1], tl)
    if args.plot:
        os.makedirs(args.out, exist_ok=True)
        now = datetime.datetime.now()
        for p in plots(records, solvers, args, now.strftime("%Y%m%d"),
                       re.sub(r"\W", "_", socket.gethostname())):
            print("plot: %s" % p)
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.from_csv:
        return from_csv(args)
    if not os.path.exists(args.scs_solve):
        sys.exit("error: no scs-solve at %s (build it: cmake --preset release "
                 "&& cmake --build build-release -j2, or pass --scs-solve)"
                 % args.scs_solve)
    os.makedirs(args.out, exist_ok=True)
    now = datetime.datetime.now()
    stamp = now.strftime("%Y%m%d")
    host = re.sub(r"[^\w.-]+", "_", socket.gethostname().split(".")[0])

    peer = None
    if args.peer_lib:
        peer = Peer(args)
        peer.build()
    ours = args.solver_name or (
        "libscs-" + args.backend if args.backend else "libscs")
    if peer and peer.name == ours:
        peer.name += "-peer"
    solvers = ([] if args.no_ours else [ours]) + ([peer.name] if peer else [])

    info = machine_info(args, peer, now)
    out = CsvOut(args, stamp, host, info)
    tmpdir = tempfile.mkdtemp(prefix="scs-bench-") if peer else None
    log(info.rstrip())

    records = []
    interrupted = False
    try:
        for set_name in args.sets:
            probs = list_problems(args.bench_dir, set_name, args.filter_re)
            if not probs:
                warn("%s: no problems to run" % set_name)
                continue
            log("\n== %s: %d problems" % (set_name, len(probs)))
            width = max(len(p[0]) for p in probs)
            total = len(probs)
            done = [0]

            def task(prob, set_name=set_name, width=width, total=total,
                     done=done):
                recs = []
                ours_js = None
                if not args.no_ours:
                    rec, ours_js = run_ours(prob, set_name, ours, args)
                    recs.append(rec)
                    out.write(rec)
                if peer:
                    prec = peer.run(prob, set_name, ours_js, tmpdir, args)
                    recs.append(prec)
                    out.write(prec)
                with print_lock:
                    done[0] += 1
                    k = done[0]
                line = "[%*d/%d] %-*s  " % (len(str(total)), k, total,
                                           width, prob[0])
                if len(recs) == 1:
                    line += short(recs[0])
                else:
                    a, b = recs
                    line += "%s: %s | %s: %s" % (a["solver"], short(a),
                                                 b["solver"], short(b))
                    if a.get("total_ms") and b.get("total_ms"):
                        line += " | time x%.2f" % (a["total_ms"] /
                                                   b["total_ms"])
                    if a.get("iterations") and b.get("iterations"):
                        line += " it x%.2f" % (a["iterations"] /
                                               b["iterations"])
                log(line)
                return recs

            if args.jobs == 1:
                for prob in probs:
                    records.extend(task(prob))
            else:
                with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
                    futs = [ex.submit(task, p) for p in probs]
                    try:
                        for f in futs:
                            records.extend(f.result())
                    except KeyboardInterrupt:
                        for f in futs:
                            f.cancel()
                        raise
    except KeyboardInterrupt:
        interrupted = True
        log("\ninterrupted: summarizing what has finished")
    finally:
        out.close()
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)

    if not records:
        log("nothing was run")
        return 1
    summarize(records, solvers, args.time_limit)
    if peer and not args.no_ours:
        compare(records, ours, peer.name, args.time_limit)
    print()
    for p in out.paths:
        print("csv: %s" % p)
    if args.plot:
        for p in plots(records, solvers, args, stamp, host):
            print("plot: %s" % p)
    return 130 if interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
