#!/bin/sh
# Runs the Brian2 COBA network (tests/brian2/coba.py) and prints its JSON line.
# Needs Brian2 for /usr/bin/python3 (Debian): apt-get install -y python3-brian
# Usage: tests/brian2/run-coba.sh [--target numpy|cython|cpp_standalone] [--seeds 1,2,3] [--duration-ms D]
# Exit 3 when Brian2 is missing.
set -e
here=$(cd "$(dirname "$0")" && pwd)
if ! /usr/bin/python3 -c "import brian2" >/dev/null 2>&1; then
  echo "Brian2 is not installed for /usr/bin/python3; install it with: apt-get install -y python3-brian" >&2
  exit 3
fi
exec /usr/bin/python3 -W ignore "$here/coba.py" "$@"
