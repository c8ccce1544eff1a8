#!/bin/sh
# The whole test suite: every build configuration, every ctest test.
#   default  gcc, Debug, -Wall -Wextra -Werror
#   clang    clang, optimized, -Wall -Wextra -Werror
#   asan     AddressSanitizer + UndefinedBehaviorSanitizer (leaks included)
#   tsan     ThreadSanitizer (OPENBLAS_NUM_THREADS=1)
#   dlong    64-bit scs_int
#   sfloat   single-precision scs_float
#   noio     the library without the problem-file readers and zlib
#   python   the Python binding: pytest on the regular and the free-threaded
#            interpreter (CPython --disable-gil, built once and cached)
#   r        the R binding: R CMD check and its testthat tests
#   julia    the Julia binding's layout and symbol checks (no Julia needed)
# Usage: scripts/test.sh [configuration ...]   (default: all of them)
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
JOBS=$(nproc)
export OPENBLAS_NUM_THREADS=1
configs=${*:-"default clang asan tsan dlong sfloat noio python r julia"}
for cfg in $configs; do
  echo "==== $cfg"
  case $cfg in
  noio) sh scripts/test_noio.sh ;;
  python) sh scripts/test_python.sh ;;
  r) sh scripts/test_r.sh ;;
  julia) sh scripts/test_julia_layout.sh ;;
  clang)
    CC=clang cmake -S . -B build-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DSCS_BUILD_BENCH=OFF >/dev/null
    cmake --build build-clang -j "$JOBS"
    ctest --test-dir build-clang --output-on-failure -j "$JOBS"
    ;;
  *)
    cmake --preset "$cfg" >/dev/null
    cmake --build --preset "$cfg" -j "$JOBS"
    ctest --preset "$cfg" -j "$JOBS"
    ;;
  esac
done
echo "==== all configurations passed: $configs"
