#!/bin/sh
# Run SCS's own C test problems (test/problems of an SCS checkout) against
# libscs. Fetches nothing: give it a local SCS checkout (any 3.x tag or
# main) and a configured + built libscs build directory.
#
#   bench/scs_test_problems/run.sh SCS_CHECKOUT LIBSCS_BUILD_DIR [WORK_DIR]
#
# SCS's test sources are copied into WORK_DIR (default: a new temporary
# directory) and compiled there; nothing is written into this tree or into
# the checkout. See README.md.
set -eu

if [ $# -lt 2 ]; then
  echo "usage: $0 SCS_CHECKOUT LIBSCS_BUILD_DIR [WORK_DIR]" >&2
  exit 2
fi
SCS_DIR=$(cd "$1" && pwd)
BUILD=$(cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=${3:-$(mktemp -d "${TMPDIR:-/tmp}/scs-test-problems.XXXXXX")}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
CC=${CC:-cc}

[ -f "$SCS_DIR/test/run_tests.c" ] || {
  echo "$SCS_DIR/test/run_tests.c not found (not an SCS checkout?)" >&2
  exit 2
}
[ -f "$BUILD/libscs.a" ] || {
  echo "$BUILD/libscs.a not found (build libscs first)" >&2
  exit 2
}

rm -rf "$WORK/test"
cp -R "$SCS_DIR/test" "$WORK/test"
# our minunit.h records every test instead of stopping at the first failure
cp "$HERE/shim/minunit.h" "$WORK/test/minunit.h"

# SCS's driver: upstream main renamed, LAPACK on (SDPs), file tests on,
# spectral cones off (libscs has none).
"$CC" -std=gnu11 -O1 -g -w -DUSE_LAPACK -DNO_VALIDATE=0 -DNO_READ_WRITE=0 \
  -Dmain=scs_upstream_main \
  -I"$HERE/shim" -I"$BUILD/include" -I"$ROOT/include" -I"$WORK/test" \
  -c "$WORK/test/run_tests.c" -o "$WORK/run_tests.o"
# the shim, against libscs's own headers
"$CC" -std=gnu11 -O1 -g -Wall \
  -I"$ROOT/src" -I"$ROOT/src/cones" -I"$ROOT/linsys" -I"$BUILD/include" \
  -I"$ROOT/include" -c "$HERE/shim.c" -o "$WORK/shim.o"
LIBS="$(pkg-config --libs lapacke openblas) -lamd -lz -lm -lpthread"
# shellcheck disable=SC2086
"$CC" -o "$WORK/run_scs_tests" "$WORK/run_tests.o" "$WORK/shim.o" \
  "$BUILD/libscs.a" $LIBS

# the data-file tests open test/problems/... relative to the current
# directory, and two tests write their dump there
cd "$WORK"
echo "running $WORK/run_scs_tests (log: $WORK/log.txt)"
set +e
OPENBLAS_NUM_THREADS=1 ./run_scs_tests > log.txt 2>&1
rc=$?
set -e
sed -n '/^==== SCS test problems/,$p' log.txt
exit $rc
