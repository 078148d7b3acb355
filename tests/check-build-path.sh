#!/usr/bin/env bash
# What gets installed must not depend on where it was built: no build or
# source folder in what it loads at run time (debug information aside, which
# distributions strip). Usage: check-build-path.sh BUILD_ROOT SOURCE_ROOT FILE...
set -euo pipefail

build_root="$1"
source_root="$2"
shift 2

echo "1..$#"
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
n=0
status=0
for file in "$@"; do
  n=$((n + 1))
  objcopy --strip-debug "$file" "$tmp"
  found=""
  for dir in "$build_root" "$source_root"; do
    if grep -qaF "$dir" "$tmp"; then
      found="$dir"
    fi
  done
  if [ -n "$found" ]; then
    echo "not ok $n - $(basename "$file") names $found; find files from the install prefix or \$BYLINE_MODULE_DIR instead"
    status=1
  else
    echo "ok $n - no build or source path in $(basename "$file")"
  fi
done
exit "$status"
