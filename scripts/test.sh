#!/bin/sh
# The whole test suite: every build configuration, every ctest test.
#   default  gcc, Debug, -Wall -Wextra -Werror
#   clang    clang, optimized, -Wall -Wextra -Werror
#   asan     AddressSanitizer + UndefinedBehaviorSanitizer (leaks included)
#   tsan     ThreadSanitizer (OPENBLAS_NUM_THREADS=1)
#   dlong    64-bit scs_int
#   sfloat   single-precision scs_float
# Usage: scripts/test.sh [configuration ...]   (default: all of them)
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
JOBS=$(nproc)
export OPENBLAS_NUM_THREADS=1
configs=${*:-"default clang asan tsan dlong sfloat"}
for cfg in $configs; do
  echo "==== $cfg"
  case $cfg in
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
