#!/bin/sh
# The Python binding's whole test flow (bindings/python, docs/python.md):
#   1. the Debian packages libscs needs (scripts/deps.sh);
#   2. a venv for the regular interpreter, the binding built and installed
#      into it (libscs linked statically), then CVXPY, which keeps it;
#   3. a free-threaded CPython built once from Debian's source package and
#      cached (scripts/build_ft_python.sh), a venv for it, the binding;
#   4. pytest on both interpreters.
# Venvs, the CPython build and the CMake build trees live outside the work
# tree, under ${XDG_CACHE_HOME:-$HOME/.cache}/libscs/. The exit status is
# non-zero if any pytest run fails.
#
# Usage: scripts/test_python.sh [regular|ft ...]   (default: both)
#   PYTHON=...          the regular interpreter (default: python3, >= 3.11)
#   SCS_PY_SKIP_FT=1    skip the free-threaded interpreter
#   SCS_PY_FT_REQUIRED=1  fail if no free-threaded interpreter can be built
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/libscs
mkdir -p "$CACHE"
export OPENBLAS_NUM_THREADS=1 PYTHONDONTWRITEBYTECODE=1 PIP_DISABLE_PIP_VERSION_CHECK=1
PIP_Q="-q"
which_runs=${*:-"regular ft"}

t_all=$(date +%s)
stage_start() { t_stage=$(date +%s); echo "==== python: $1"; }
stage_end() { echo "==== python: $1 took $(($(date +%s) - t_stage)) s"; }

stage_start "deps"
sh scripts/deps.sh
stage_end "deps"

# A venv at $1 for interpreter $2, with the binding and the test packages.
# $3: "required" or "optional" for dask/cvxpy (optional on new interpreters
# whose wheels may be missing).
setup_venv() {
  venv=$1 py=$2 extras=$3 tag=$4
  if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv" || {
      echo "venv failed for $py" >&2
      return 1
    }
  fi
  "$venv/bin/python" -m pip install $PIP_Q --upgrade pip
  # wheels only for numpy and scipy: pip takes the newest release that has
  # one for this interpreter (a source build of scipy takes far too long)
  "$venv/bin/python" -m pip install $PIP_Q --only-binary numpy,scipy \
    numpy scipy pytest "scikit-build-core>=0.10"
  # --no-build-isolation + a cached build tree: rebuilds are incremental;
  # its dependencies (numpy, scipy) are installed just above
  "$venv/bin/python" -m pip install $PIP_Q --no-build-isolation \
    --force-reinstall --no-deps \
    -C build-dir="$CACHE/build/$tag" ./bindings/python
  # CVXPY requires scs>=3.2.4: the binding satisfies it and stays installed
  if [ "$extras" = required ]; then
    "$venv/bin/python" -m pip install $PIP_Q --only-binary numpy,scipy \
      "dask[distributed]" cvxpy
  else
    "$venv/bin/python" -m pip install $PIP_Q --only-binary numpy,scipy \
      --prefer-binary "dask[distributed]" ||
      echo "note: dask[distributed] is not installable for $tag; its test is skipped"
    # wheels only: CVXPY has no source build for a new interpreter
    "$venv/bin/python" -m pip install $PIP_Q --only-binary :all: cvxpy ||
      echo "note: cvxpy is not installable for $tag; its tests are skipped"
  fi
  v=$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("scs"))')
  case $v in
  *libscs*) echo "scs in $tag venv: $v" ;;
  *)
    echo "the scs package was replaced ($v)" >&2
    return 1
    ;;
  esac
}

run_pytest() {
  venv=$1 tag=$2
  echo "---- pytest ($tag): $("$venv/bin/python" -VV | head -n 1)"
  set +e
  (cd bindings/python && "$venv/bin/python" -m pytest -p no:cacheprovider \
    -q -rs tests)
  rc=$?
  set -e
  echo "---- pytest ($tag) exit status: $rc"
  return $rc
}

status=0
for which in $which_runs; do
  case $which in
  regular)
    PY=${PYTHON:-python3}
    "$PY" -c 'import sys; assert sys.version_info >= (3, 11)' || {
      echo "$PY is older than 3.11" >&2
      exit 1
    }
    if ! "$PY" -c 'import venv, ensurepip' 2>/dev/null; then
      SUDO=""
      [ "$(id -u)" -eq 0 ] || SUDO="sudo"
      $SUDO apt-get install -y -qq python3-venv >/dev/null
    fi
    tag=cp$("$PY" -c 'import sys; print("%d%d" % sys.version_info[:2])')
    stage_start "regular venv + build ($tag)"
    setup_venv "$CACHE/venv-$tag" "$PY" required "$tag"
    stage_end "regular venv + build ($tag)"
    stage_start "pytest regular ($tag)"
    run_pytest "$CACHE/venv-$tag" "$tag" || status=1
    stage_end "pytest regular ($tag)"
    ;;
  ft)
    [ "${SCS_PY_SKIP_FT:-0}" = 1 ] && continue
    stage_start "free-threaded CPython (build or cache)"
    set +e
    ft_out=$(sh scripts/build_ft_python.sh)
    ft_rc=$?
    set -e
    echo "$ft_out"
    stage_end "free-threaded CPython (build or cache)"
    ft_pys=$(echo "$ft_out" | sed -n 's/^FT_PYTHON=//p')
    if [ $ft_rc -ne 0 ] || [ -z "$ft_pys" ]; then
      echo "no free-threaded interpreter could be built" >&2
      [ "${SCS_PY_FT_REQUIRED:-0}" = 1 ] && status=1
      continue
    fi
    for FT in $ft_pys; do
      tag=cp$("$FT" -c 'import sys; print("%d%dt" % sys.version_info[:2])')
      stage_start "free-threaded venv + build ($tag)"
      setup_venv "$CACHE/venv-$tag" "$FT" optional "$tag"
      stage_end "free-threaded venv + build ($tag)"
      stage_start "pytest free-threaded ($tag)"
      "$CACHE/venv-$tag/bin/python" -c \
        'import sys; assert not sys._is_gil_enabled(), "GIL on"'
      run_pytest "$CACHE/venv-$tag" "$tag" || status=1
      stage_end "pytest free-threaded ($tag)"
    done
    ;;
  *)
    echo "unknown run: $which (regular, ft)" >&2
    exit 2
    ;;
  esac
done
echo "==== python: all stages took $(($(date +%s) - t_all)) s; status $status"
exit $status
