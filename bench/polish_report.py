#!/usr/bin/env python3
"""Per-problem report of solution polishing between two runs of
run_benchmarks.py: every problem whose outcome or iteration count changed
from BEFORE to AFTER (libscs CSVs of the same set), with what polishing did
in AFTER and its share of the solve time. Markdown on stdout.

usage: bench/polish_report.py BEFORE.csv AFTER.csv [BEFORE.csv AFTER.csv ...]
"""
import csv
import sys


def load(path):
    with open(path, newline="") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


def share(r):
    try:
        return float(r.get("polish_ms") or 0) / max(float(r["solve_ms"]), 1e-9)
    except (KeyError, ValueError):
        return float("nan")


def report(before_path, after_path):
    before, after = load(before_path), load(after_path)
    rows = []
    for name, a in after.items():
        b = before.get(name)
        if not b:
            continue
        if b["outcome"] == a["outcome"] and b["iterations"] == a["iterations"]:
            continue
        rows.append((name, b, a))
    print(f"### {after_path.split('/')[-1]} vs {before_path.split('/')[-1]}\n")
    print("| problem | before | after | iterations before / after | polish | polish share of solve time |")
    print("|---|---|---|---:|---|---:|")
    for name, b, a in sorted(rows):
        print(f"| {name} | {b['outcome']} | {a['outcome']} | "
              f"{b['iterations']} / {a['iterations']} | {a.get('polish') or ''} | "
              f"{100 * share(a):.0f}% |")
    counts = {}
    for a in after.values():
        counts[a.get("polish") or "?"] = counts.get(a.get("polish") or "?", 0) + 1
    print("\npolishing over the whole set: " +
          ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + "\n")


def main(argv):
    if len(argv) < 3 or len(argv) % 2 == 0:
        print(__doc__, file=sys.stderr)
        return 2
    for i in range(1, len(argv), 2):
        report(argv[i], argv[i + 1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
