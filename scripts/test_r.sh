#!/bin/sh
# The R binding (bindings/r): install its Debian dependencies, build libscs
# (or use an installed one), then R CMD build and R CMD check --no-manual,
# which installs the package and runs its testthat tests. Fails on any
# check ERROR or WARNING; NOTEs are printed.
# Usage: scripts/test_r.sh [PREFIX]
#   PREFIX (or $LIBSCS_PREFIX): an installed libscs (PREFIX/lib/pkgconfig/scs.pc).
#   Default: build this tree (Release) into build-bindings/ and install it
#   into build-bindings/prefix (shared with scripts/test_julia_layout.sh).
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
sh scripts/deps.sh

R_PACKAGES="r-base-dev r-cran-matrix r-cran-testthat r-cran-slam"
missing=""
for p in $R_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "installing:$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends $missing >/dev/null
fi

prefix=${1:-${LIBSCS_PREFIX:-}}
if [ -z "$prefix" ]; then
  echo "==== building libscs into build-bindings/prefix"
  cmake -S . -B build-bindings -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DSCS_BUILD_BENCH=OFF -DCMAKE_INSTALL_PREFIX="$root/build-bindings/prefix" >/dev/null
  cmake --build build-bindings -j "$(nproc)" >/dev/null
  cmake --install build-bindings >/dev/null
  prefix=$root/build-bindings/prefix
fi
LIBSCS_PREFIX=$prefix
export LIBSCS_PREFIX
export OPENBLAS_NUM_THREADS=1
# Debian's R does not have every suggested package for every check.
export _R_CHECK_FORCE_SUGGESTS_=false

work=$root/build-bindings/r-check
rm -rf "$work"
mkdir -p "$work"
cd "$work"
echo "==== R CMD build bindings/r"
R CMD build "$root/bindings/r" >build.log 2>&1 || { cat build.log; exit 1; }
tarball=$(ls scs_*.tar.gz)
echo "==== R CMD check --no-manual $tarball (libscs from $LIBSCS_PREFIX)"
status=0
R CMD check --no-manual "$tarball" >check.log 2>&1 || status=$?
log=scs.Rcheck/00check.log
if [ "$status" -ne 0 ] || grep -q -E "^\* .*(ERROR|WARNING)$|^Status: .*(ERROR|WARNING)" "$log"; then
  cat check.log
  for f in scs.Rcheck/00install.out scs.Rcheck/tests/testthat.Rout.fail; do
    [ -f "$f" ] && { echo "---- $f"; tail -60 "$f"; }
  done
  echo "==== R CMD check failed" >&2
  exit 1
fi
grep -E "NOTE" -A8 "$log" || true
grep -E "^\[ FAIL" scs.Rcheck/tests/testthat.Rout
grep "^Status:" "$log"
echo "==== R binding passed"
