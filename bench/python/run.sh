#!/bin/sh
# Runs bench_python.py on the regular and the free-threaded venvs that
# scripts/test_python.sh creates (run that first).
set -eu
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/libscs
export OPENBLAS_NUM_THREADS=1
for venv in "$CACHE"/venv-cp3*; do
  [ -x "$venv/bin/python" ] || continue
  "$venv/bin/python" "$(dirname "$0")/bench_python.py" "$@"
  echo
done
