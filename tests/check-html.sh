#!/usr/bin/env bash
# check-html.sh: every page Byline exports is valid HTML to the Nu Html Checker,
# hostile input included, and nothing in it can run.
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by “meson test” (BYLINE_BIN and BYLINE_SOURCE_ROOT come from
# tests/meson.build). Prints TAP.

set -u

root="${BYLINE_SOURCE_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
bin="${BYLINE_BIN:-}"
vnu="$root/.ci/node_modules/vnu-jar/build/dist/vnu.jar"
samples="$root/tests/samples/cli"

n=0
failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); echo "not ok $n - $1"; failed=1; }
diag () { sed 's/^/# /' "$@"; }
bail () { echo "Bail out! $1"; echo "check-html: $1" >&2; exit 1; }
# Without Java or the checker (a distribution's build machine, a tarball)
# the test reports itself skipped, as meson's TAP reader understands it.
# CI sets BYLINE_TEST_REQUIRE_TOOLS=1: there a missing tool is a failure,
# since a check that quietly skips checks nothing.
missing_tool () {
  if [ "${BYLINE_TEST_REQUIRE_TOOLS:-0}" = 1 ]; then
    bail "$1 Run “.ci/setup --tests” to install the test tools."
  fi
  echo "1..0 # SKIP $1"
  exit 0
}

if [ -z "$bin" ] || [ ! -x "$bin" ]; then
  bail "BYLINE_BIN does not name the built byline program; run this through “meson test”."
fi
if ! command -v java >/dev/null 2>&1; then
  missing_tool "java is not installed, so the Nu Html Checker cannot run."
fi
if [ ! -f "$vnu" ]; then
  missing_tool "The Nu Html Checker is missing ($vnu)."
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-check-html-XXXXXX") || bail "Could not create a temporary folder."
trap 'rm -rf "$tmp"' EXIT

# The command line needs no display, and must not touch the real newsroom.
unset DISPLAY WAYLAND_DISPLAY GSETTINGS_SCHEMA_DIR
export XDG_DATA_HOME="$tmp/data-home" XDG_CONFIG_HOME="$tmp/config-home"
export XDG_DATA_DIRS="$tmp/data-dirs" GSETTINGS_BACKEND=memory

db="$tmp/newsroom.db"
site="$tmp/site"
single="$tmp/single"
mkdir -p "$tmp/samples" "$single"
cp "$samples"/* "$tmp/samples/"
# The pictures the Markdown samples name, beside them. Any bytes will do: the
# checker reads the pages, not the pictures.
printf '\211PNG\r\n\032\nharbour at dawn' > "$tmp/samples/harbour-dawn.png"
printf '\211PNG\r\n\032\nhostile' > "$tmp/samples/x\" onerror=\"alert(1)<b>.png"

# run DESCRIPTION COMMAND…: one TAP line; the command must succeed, saying
# nothing but which READ: links it left out (those to articles that are not
# published: the samples have some).
run () {
  local what="$1"
  shift
  if "$@" > "$tmp/out" 2> "$tmp/err" && ! grep -qv ': left out the READ: link to ' "$tmp/err"; then
    ok "$what"
  else
    not_ok "$what"
    diag "$tmp/err"
  fi
}

# The draft and the hostile article on their own, to know their ids.
run "import a plain-text draft" "$bin" --database "$db" --import "$tmp/samples/harbour-dredging.txt"
draft_id=$(tail -n 1 "$tmp/out")
run "import Markdown with hostile content in every field" \
  "$bin" --database "$db" --import "$tmp/samples/hostile.md"
hostile_id=$(tail -n 1 "$tmp/out")
# An Arabic article: a right-to-left page, its English words isolated.
run "import a plain-text Arabic article" "$bin" --database "$db" --import "$tmp/samples/arabic-port.txt"
arabic_id=$(tail -n 1 "$tmp/out")
run "import published Markdown articles" \
  "$bin" --database "$db" --import "$tmp/samples/council-budget.md" "$tmp/samples/ferry-fares.md"

run "export the whole publication" "$bin" --database "$db" --export all --output "$site"
run "export the draft on its own" \
  "$bin" --database "$db" --export "$draft_id" --output "$single/draft.html"
run "export the hostile article on its own" \
  "$bin" --database "$db" --export "$hostile_id" --output "$single/hostile.html"
run "export the Arabic article on its own" \
  "$bin" --database "$db" --export "$arabic_id" --output "$single/arabic.html"

if grep -q '^<html lang="ar" dir="rtl">$' "$single/arabic.html" && grep -q '<bdi>Harbour Works Ltd</bdi>' "$single/arabic.html"; then
  ok "the Arabic page runs right to left"
else
  not_ok "the Arabic page runs right to left"
  head -n 3 "$single/arabic.html" | diag
fi

# The index and the three published pages; the draft is not published.
pages=("$site"/*.html)
if [ "${#pages[@]}" -eq 4 ] && [ -f "$site/index.html" ]; then
  ok "the publication has index.html and 3 article pages"
else
  not_ok "the publication has index.html and 3 article pages"
  ls -l "$site" 2>&1 | diag
fi

# Kept in the newsroom and written under a name of its checksum, whatever
# the file it came from was called.
hostile_copied=
for picture in "$site"/images/*.png; do
  if [ -f "$picture" ] && cmp -s "$picture" "$tmp/samples/x\" onerror=\"alert(1)<b>.png"; then
    hostile_copied=yes
  fi
done
if [ -n "$hostile_copied" ]; then
  ok "the hostile article's picture was copied"
else
  not_ok "the hostile article's picture was copied"
  ls -l "$site/images" 2>&1 | diag
fi

for page in "$site"/*.html "$single"/*.html; do
  name="${page#"$tmp"/}"

  if java -jar "$vnu" --errors-only "$page" > "$tmp/vnu" 2>&1 && [ ! -s "$tmp/vnu" ]; then
    ok "valid HTML: $name"
  else
    not_ok "valid HTML: $name"
    diag "$tmp/vnu"
  fi

  # Only the JSON-LD block may be a script; no tag has an event handler and
  # no link runs code.
  scripts=$(grep -o '<script[^>]*>' "$page" | grep -vx '<script type="application/ld+json">')
  handlers=$(grep -Eio "<[a-z][a-z0-9-]*([[:space:]]+[a-z:-]+(=\"[^\"]*\"|='[^']*'|=[^[:space:]>\"']*)?)*[[:space:]]+on[a-z]+[[:space:]]*=" "$page")
  links=$(grep -Eio '(href|src|action)="[[:space:]]*(javascript|vbscript|data):' "$page")
  if [ -z "$scripts" ] && [ -z "$handlers" ] && [ -z "$links" ]; then
    ok "nothing runs: $name"
  else
    not_ok "nothing runs: $name"
    printf '%s\n' "$scripts" "$handlers" "$links" | diag
  fi
done

echo "1..$n"
exit "$failed"
