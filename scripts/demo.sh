#!/bin/sh
# Set up a fresh Debian machine, build libscs (release) and solve the bundled
# example problem (a 2000-asset portfolio QP), printing the progress table.
set -eu
cd "$(dirname "$0")/.."
sh scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target scs_example
./build-release/scs_example "$@"
