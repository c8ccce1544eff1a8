#!/bin/sh
# Overhead of a solve through the R binding against the same solve in C.
# Needs the R package installed (scripts/test_r.sh builds it; or
# R CMD INSTALL bindings/r) and libscs at PREFIX (default build-bindings/prefix).
#   sh bench/r/run.sh [PREFIX]
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
prefix=${1:-${LIBSCS_PREFIX:-$root/build-bindings/prefix}}
out=$root/build-bindings/bench-r
mkdir -p "$out"
cc -O2 -std=c11 -I"$prefix/include/scs" bench/r/bench_c.c -o "$out/bench_c" \
  -L"$prefix/lib" -lscs -Wl,-rpath,"$prefix/lib"
export OPENBLAS_NUM_THREADS=1
Rscript bench/r/bench_r.R "$out" >"$out/r.txt"
printf '%-7s %6s %6s %7s %6s | %12s %12s | %10s %9s | %s\n' problem n m nnz iters \
  "C (us)" "R (us)" "R-C (us)" "R/C-1" "objective C / R"
while read -r name n m nnz r_us iters pobj; do
  set -- $("$out/bench_c" "$out/$name.dump" "$( [ "$name" = small ] && echo 2001 || echo 5)")
  c_us=$1 c_iters=$2 c_pobj=$3
  awk -v nm="$name" -v n="$n" -v m="$m" -v nnz="$nnz" -v it="$iters" -v cit="$c_iters" \
    -v c="$c_us" -v r="$r_us" -v cp="$c_pobj" -v rp="$pobj" 'BEGIN {
    printf "%-7s %6d %6d %7d %6s | %12.1f %12.1f | %10.1f %8.1f%% | %.8g / %.8g\n",
      nm, n, m, nnz, (it == cit ? it : it "/" cit), c, r, r - c, 100 * (r / c - 1), cp, rp }'
done <"$out/r.txt"
