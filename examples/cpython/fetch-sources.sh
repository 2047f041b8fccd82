#!/bin/sh
# Fetch CPython 3.11's sources as Debian ships them (source package python3.11: CPython 3.11.2 plus
# Debian's patches, unpacked and patched by dpkg-source) into <dir>, without changing the machine's
# apt configuration: apt reads a private sources.list and keeps its lists, state and downloads in a
# temporary directory, which is removed afterwards.
#
#   examples/cpython/fetch-sources.sh [<dir>]     # default: examples/cpython/src (git-ignored)
#
# <dir> becomes the CPython tree (Include/, Lib/, Modules/, ...); the script prints its path. If
# <dir> already holds a CPython 3.11 tree, nothing is downloaded. Needs apt-get and dpkg-source
# (package dpkg-dev: apt-get install -y dpkg-dev) and access to a Debian mirror
# (CPYTHON_FETCH_MIRROR, default http://deb.debian.org/debian; suite CPYTHON_FETCH_SUITE, default
# bookworm). A CPython 3.11 checkout of your own works as well: skip this script.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
dest=${1:-$here/src}
mirror=${CPYTHON_FETCH_MIRROR:-http://deb.debian.org/debian}
suite=${CPYTHON_FETCH_SUITE:-bookworm}
package=python3.11

if [ $# -gt 1 ]; then
  echo "usage: $0 [<dir>]" >&2
  exit 2
fi

if [ -f "$dest/Include/patchlevel.h" ]; then
  if grep -q '^#define PY_VERSION *"3\.11\.' "$dest/Include/patchlevel.h"; then
    (cd "$dest" && pwd)
    exit 0
  fi
  echo "$0: $dest holds a CPython tree that is not 3.11" >&2
  exit 1
fi
if [ -e "$dest" ] && [ -n "$(ls -A "$dest" 2>/dev/null)" ]; then
  echo "$0: $dest exists and is not a CPython tree; give an empty or new directory" >&2
  exit 1
fi
for tool in apt-get dpkg-source; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool not found (install dpkg-dev: apt-get install -y dpkg-dev)" >&2
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/cpython-fetch.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/download"
echo "deb-src $mirror $suite main" > "$work/sources.list"
# apt downloads as the unprivileged user _apt when run as root: let it write there.
if [ "$(id -u)" = 0 ] && id _apt >/dev/null 2>&1; then
  chown -R _apt "$work/lists" "$work/cache" "$work/download"
  chmod 755 "$work"
fi
set -- \
  -o "Dir::Etc::SourceList=$work/sources.list" \
  -o "Dir::Etc::SourceParts=/dev/null" \
  -o "Dir::State::Lists=$work/lists" \
  -o "Dir::Cache=$work/cache" \
  -o "APT::Get::Only-Source=true"

apt-get "$@" -q update >&2
(cd "$work/download" && apt-get "$@" -q source --download-only "$package" >&2)

if [ -d "$dest" ]; then rmdir "$dest"; fi
mkdir -p "$(dirname "$dest")"
dpkg-source -x "$work"/download/"$package"_*.dsc "$dest" >&2
# dpkg-source leaves quilt's bookkeeping in .pc/: pre-patch copies of the patched files. CPython's
# `make clinic` walks the whole tree and would write clinic headers for those copies into .pc/.
# Nothing else reads it (it only serves to unapply the patches with quilt).
rm -rf "$dest/.pc"
(cd "$dest" && pwd)
