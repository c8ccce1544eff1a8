#!/bin/sh
# Build a free-threaded CPython (--disable-gil) from Debian's source package
# and cache it outside the work tree, keyed by version.
#
# Usage: scripts/build_ft_python.sh [SOURCE_PACKAGE ...]
#   default: python3.13 python3.14 (the first whose source is reachable
#   wins for each name; every reachable one is built)
# Prints, on its last lines, "FT_PYTHON=<path to the interpreter>" for each
# interpreter that is available.
#
# The archive address is read from the machine's own apt sources (the
# `URIs:` field of /etc/apt/sources.list.d/*.sources, or a `deb` line of
# /etc/apt/sources.list); a deb-src entry for it is written into a private
# apt directory under the cache, so the system's apt configuration is left
# alone and no host name is written anywhere in the repository.
set -eu

CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/libscs
APTDIR=$CACHE/apt-src
mkdir -p "$CACHE" "$APTDIR"
JOBS=$(nproc)
pkgs=${*:-"python3.13 python3.14"}

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

need=""
for p in dpkg-dev build-essential libssl-dev libffi-dev zlib1g-dev \
  libbz2-dev liblzma-dev libsqlite3-dev libreadline-dev uuid-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
    need="$need $p"
done
if [ -n "$need" ]; then
  echo "build_ft_python: installing:$need"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need >/dev/null
fi

# ---- the archive's address, from the machine's apt sources -------------------
archive_uri() {
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # the first URIs: of a stanza whose suites are Debian's main ones
    awk '
      /^[[:space:]]*$/ { if (uri != "" && suites !~ /security/ && comp ~ /main/) { print uri; exit } uri=""; suites=""; comp="" ; next }
      /^URIs:/ { uri=$2 }
      /^Suites:/ { suites=$0 }
      /^Components:/ { comp=$0 }
      END { if (uri != "" && suites !~ /security/ && comp ~ /main/) print uri }
    ' "$f" | head -n 1
  done | head -n 1
}
URI=$(archive_uri)
if [ -z "$URI" ] && [ -f /etc/apt/sources.list ]; then
  URI=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list | head -n 1)
fi
if [ -z "$URI" ]; then
  echo "build_ft_python: no archive address in the apt sources" >&2
  exit 1
fi

KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg
mkdir -p "$APTDIR/lists/partial" "$APTDIR/sources.list.d"
cat >"$APTDIR/sources.list.d/src.sources" <<EOF
Types: deb-src
URIs: $URI
Suites: trixie sid
Components: main
Signed-By: $KEYRING
EOF
: >"$APTDIR/sources.list"
APT_OPTS="-o Dir::Etc::SourceList=$APTDIR/sources.list \
 -o Dir::Etc::SourceParts=$APTDIR/sources.list.d \
 -o Dir::State::Lists=$APTDIR/lists \
 -o Dir::Cache=$APTDIR/cache -o APT::Sandbox::User=root"
mkdir -p "$APTDIR/cache/archives/partial"

# refresh the private index at most once a day
stamp=$APTDIR/updated
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440 2>/dev/null)" ]; then
  # shellcheck disable=SC2086
  if apt-get $APT_OPTS update -qq >"$APTDIR/update.log" 2>&1; then
    touch "$stamp"
  else
    echo "build_ft_python: apt-get update (deb-src) reported problems:" >&2
    tail -n 5 "$APTDIR/update.log" >&2
  fi
fi

built=""
for pkg in $pkgs; do
  # every version listed (trixie's and sid's), newest first; the first one
  # whose files the archive serves is built
  # shellcheck disable=SC2086
  versions=$(apt-cache $APT_OPTS showsrc "$pkg" 2>/dev/null |
    awk '/^Version:/ { print $2 }' | sort -uVr)
  if [ -z "$versions" ]; then
    echo "build_ft_python: $pkg: no source package listed; skipped" >&2
    continue
  fi
  cached=""
  for ver in $versions; do
    upstream=${ver%%-*}
    upstream=${upstream#*:}
    prefix=$CACHE/cpython-${upstream}t
    if [ -f "$prefix/.libscs-complete" ]; then
      cached=$prefix
      break
    fi
  done
  if [ -n "$cached" ]; then
    echo "build_ft_python: $pkg (free-threaded) is cached in $cached"
    built="$built $cached"
    continue
  fi
  got=""
  for ver in $versions; do
    work=$CACHE/src-$pkg-$ver
    rm -rf "$work"
    mkdir -p "$work"
    echo "build_ft_python: fetching the source of $pkg $ver"
    # shellcheck disable=SC2086
    if (cd "$work" && apt-get $APT_OPTS source --download-only -qq "$pkg=$ver" \
      >"$work/source.log" 2>&1); then
      got=$ver
      break
    fi
    echo "build_ft_python: $pkg $ver: the archive does not serve its files" >&2
    rm -rf "$work"
  done
  if [ -z "$got" ]; then
    echo "build_ft_python: $pkg: no version is served; skipped" >&2
    continue
  fi
  ver=$got
  upstream=${ver%%-*}
  upstream=${upstream#*:}
  prefix=$CACHE/cpython-${upstream}t
  # Only the upstream tarball is used: Debian's patches adapt CPython to
  # Debian's layout (and turn ensurepip off), which a private prefix does
  # not want, so they are not applied.
  (cd "$work" && dpkg-source --no-check --skip-patches -x ./*.dsc src \
    >"$work/extract.log" 2>&1)
  rm -rf "$prefix"
  echo "build_ft_python: configuring $pkg $upstream with --disable-gil"
  build=$work/build
  mkdir -p "$build"
  (cd "$build" && "$work/src/configure" --disable-gil --prefix="$prefix" \
    --with-ensurepip=install --without-static-libpython \
    >"$work/configure.log" 2>&1) || {
    echo "build_ft_python: configure failed (see $work/configure.log)" >&2
    exit 1
  }
  echo "build_ft_python: building (make -j$JOBS; a few minutes)"
  (cd "$build" && make -j"$JOBS" >"$work/make.log" 2>&1 &&
    make install >"$work/install.log" 2>&1) || {
    echo "build_ft_python: build failed (see $work/make.log, $work/install.log)" >&2
    tail -n 20 "$work/make.log" >&2
    rm -rf "$prefix"
    exit 1
  }
  touch "$prefix/.libscs-complete"
  rm -rf "$work"
  built="$built $prefix"
done

found=0
for prefix in $built; do
  for exe in "$prefix"/bin/python3.*t; do
    case $exe in *-config) continue ;; esac
    [ -x "$exe" ] || continue
    echo "FT_PYTHON=$exe"
    found=1
    break
  done
done
[ "$found" -eq 1 ] || {
  echo "build_ft_python: no free-threaded interpreter could be built" >&2
  exit 1
}
