#!/bin/sh
# The library without the problem-file readers (-DSCS_WITH_READERS=OFF):
# configure, build, run ctest (the core tests and the install test), then
# check that nothing links zlib and that the readers and scs-solve are gone.
#   scripts/test_noio.sh [BUILD_DIR]   (default: build-noio)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build-noio}
JOBS=$(nproc)
export OPENBLAS_NUM_THREADS=1
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Debug -DSCS_WITH_READERS=OFF \
  -DSCS_BUILD_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j "$JOBS"
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
fail() {
  echo "test_noio: $*" >&2
  exit 1
}
lib=$(ls "$BUILD"/libscs.so.* | head -n 1)
grep -q "define SCS_WITH_READERS 0" "$BUILD/include/scs_types.h" ||
  fail "scs_types.h does not say SCS_WITH_READERS 0"
if readelf -d "$lib" | grep NEEDED | grep -q libz; then
  fail "$lib needs libz"
fi
if ldd "$lib" | grep -q libz; then
  fail "$lib loads libz"
fi
if nm -D --defined-only "$lib" | grep -q scs_read_problem; then
  fail "$lib exports scs_read_problem"
fi
nm -D --defined-only "$lib" | grep -q " scs_read_data$" ||
  fail "$lib does not export scs_read_data"
[ ! -e "$BUILD/scs-solve" ] || fail "scs-solve was built"
if grep -q zlib "$BUILD/scs.pc"; then
  fail "scs.pc requires zlib"
fi
echo "test_noio: no readers, no scs-solve, no zlib"
