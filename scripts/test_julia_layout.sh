#!/bin/sh
# The Julia binding (bindings/julia/LibSCS) checked without Julia:
#   1. every symbol the Julia code calls is exported by libscs, with the
#      argument count of its prototype;
#   2. every mirrored struct has the C layout, field by field (names, order,
#      offsets, sizes), read from the real installed headers;
#   3. a C program built on a header generated from the Julia definitions
#      runs real solves.
# Then negative controls: the checks must FAIL on a header with a field
# added to ScsSettings (at its end, and in a padding hole that leaves
# sizeof unchanged), on a Julia mirror missing a field, and on a call with
# a wrong argument count.
# Usage: scripts/test_julia_layout.sh [PREFIX]   (or $LIBSCS_PREFIX)
#   Default: build this tree (Release) into build-bindings/prefix.
set -eu
cd "$(dirname "$0")/.."
root=$(pwd)
sh scripts/deps.sh
if ! command -v python3 >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-minimal >/dev/null
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
inc=$prefix/include/scs
libdir=$prefix/lib
[ -f "$inc/scs.h" ] || { echo "no $inc/scs.h" >&2; exit 1; }
work=$root/build-bindings/julia-check
rm -rf "$work"
mkdir -p "$work"
check="python3 $root/bindings/julia/check/check_julia.py"

echo "==== Julia binding: checks against $inc and $libdir"
$check --include "$inc" --libdir "$libdir" --work "$work/ok"

# A check that passes whatever the input proves nothing: break the inputs.
expect_failure() { # label, then the check's arguments
  label=$1
  shift
  echo "==== negative control: $label"
  if $check --quiet "$@" 2>"$work/neg.err"; then
    echo "the check did NOT notice: $label" >&2
    exit 1
  fi
  sed 's/^/    /' "$work/neg.err"
}
mut=$work/mutated-end
cp -r "$inc" "$mut"
sed -i 's/^} ScsSettings;/  scs_int field_added_by_check;\n} ScsSettings;/' "$mut/scs.h"
grep -q field_added_by_check "$mut/scs.h"
expect_failure "a field added at the end of ScsSettings in scs.h" \
  --only layout --include "$mut" --libdir "$libdir" --work "$work/neg1"

mut=$work/mutated-hole
cp -r "$inc" "$mut"
sed -i 's/^\( *scs_int disable_signal_handling;\)/\1\n  scs_int field_in_padding;/' "$mut/scs.h"
grep -q field_in_padding "$mut/scs.h"
expect_failure "a field added in a padding hole of ScsSettings (same sizeof)" \
  --only layout --include "$mut" --libdir "$libdir" --work "$work/neg2"

jl=$work/LibSCS-missing-field
cp -r "$root/bindings/julia/LibSCS" "$jl"
sed -i '/^    lin_sys_iters::I$/d' "$jl/src/structs.jl"
expect_failure "the Julia ScsInfo mirror without lin_sys_iters" \
  --only layout --julia "$jl" --include "$inc" --libdir "$libdir" --work "$work/neg3"

jl=$work/LibSCS-wrong-arity
cp -r "$root/bindings/julia/LibSCS" "$jl"
sed -i 's/scs_update(w::Ptr{Cvoid}, b::Ptr{F}, c::Ptr{F})/scs_update(w::Ptr{Cvoid}, b::Ptr{F})/' "$jl/src/capi.jl"
grep -q 'scs_update(w::Ptr{Cvoid}, b::Ptr{F})::' "$jl/src/capi.jl"
expect_failure "scs_update called with 2 arguments instead of 3" \
  --only symbols --julia "$jl" --include "$inc" --libdir "$libdir" --work "$work/neg4"

echo "==== Julia binding checks passed (3 checks, 4 negative controls failed as they must)"
