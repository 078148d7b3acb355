# Shared by .ci/start and .ci/test: install what is missing, then build.
# shellcheck shell=bash

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${BYLINE_BUILD_DIR:-$top/_build}"

byline_build () {
  bash "$top/.ci/setup" "$@"
  if [ -f "$build/build.ninja" ]; then
    meson setup --reconfigure "$build" "$top" >/dev/null
  else
    meson setup "$build" "$top" >/dev/null
  fi
  ninja -C "$build"
}
