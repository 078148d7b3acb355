#!/usr/bin/env bash
# The installed program must not depend on where it was built: no build or
# source folder in what it loads at run time (debug information aside, which
# distributions strip). Usage: check-build-path.sh PROGRAM BUILD_ROOT SOURCE_ROOT
set -euo pipefail

echo "1..1"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
objcopy --strip-debug "$1" "$tmp"
for dir in "$2" "$3"; do
  if grep -qaF "$dir" "$tmp"; then
    echo "not ok 1 - $1 names $dir; find files from the install prefix or \$BYLINE_MODULE_DIR instead"
    exit 1
  fi
done
echo "ok 1 - no build or source path in $(basename "$1")"
