#!/bin/sh
# Install the Debian packages libscs needs to build and test.
set -eu
PACKAGES="build-essential cmake zlib1g-dev pkg-config libopenblas-dev liblapacke-dev \
libsuitesparse-dev libcriterion-dev clang"
missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing:$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
