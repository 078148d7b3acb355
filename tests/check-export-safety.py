#!/usr/bin/env python3
# check-export-safety.py: "byline --export all" killed at any moment, or
# run out of disk space, never leaves a half-written page, and never leaves
# its temporary files behind once an export has finished.
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by "meson test" (BYLINE_BIN comes from tests/meson.build). Prints TAP.
# The full-disk part mounts a small tmpfs in a private mount namespace
# (unshare -m as root, unshare -rm otherwise); where neither is allowed it
# is skipped, and the writer's own fault injection in test-exporter still
# covers a full disk.

import html.parser
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

BIN = os.environ.get("BYLINE_BIN")
KILL_RUNS = 30
TEMP_PREFIXES = (".byline-tmp-", ".goutputstream-")

n = 0
failed = False


def ok(what):
    global n
    n += 1
    print(f"ok {n} - {what}", flush=True)


def not_ok(what, why=""):
    global n, failed
    n += 1
    failed = True
    print(f"not ok {n} - {what}", flush=True)
    for line in str(why).splitlines():
        print(f"# {line}", flush=True)


def check(what, condition, why=""):
    if condition:
        ok(what)
    else:
        not_ok(what, why)


def skip(what, why):
    global n
    n += 1
    print(f"ok {n} - {what} # SKIP {why}", flush=True)


class Checker(html.parser.HTMLParser):
    """Counts the elements a whole page opens and closes."""

    def __init__(self):
        super().__init__()
        self.closed_html = False
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        if tag == "h1":
            self.h1 += 1

    def handle_endtag(self, tag):
        if tag == "html":
            self.closed_html = True


def page_problem(path):
    """Why the page at @path is not a whole page, or None."""
    with open(path, "rb") as f:
        data = f.read()
    if not data:
        return "empty"
    text = data.decode("utf-8")
    if not text.startswith("<!DOCTYPE html>"):
        return "does not start with <!DOCTYPE html>"
    if not text.endswith("</html>\n"):
        return f"ends with {text[-40:]!r}"
    checker = Checker()
    checker.feed(text)
    checker.close()
    if not checker.closed_html:
        return "no </html>"
    if os.path.basename(path) != "index.html" and checker.h1 != 1:
        return f"{checker.h1} <h1>"
    return None


def temp_files(folder):
    found = []
    for root, _dirs, files in os.walk(folder):
        found += [os.path.join(root, f) for f in files if f.startswith(TEMP_PREFIXES)]
    return found


def env_for(tmp):
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "GSETTINGS_SCHEMA_DIR"):
        env.pop(name, None)
    env.update(XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
               XDG_DATA_DIRS=os.path.join(tmp, "data-dirs"), GSETTINGS_BACKEND="memory")
    return env


def write_article(folder, i, published=True, words=400, picture=True):
    name = os.path.join(folder, f"story-{i:03d}.md")
    if picture:
        with open(os.path.join(folder, f"picture-{i:03d}.png"), "wb") as f:
            f.write(b"\x89PNG\r\n\x1a\n" + os.urandom(2048))
    paragraph = " ".join(f"word{j}" for j in range(40)) + "."
    with open(name, "w", encoding="utf-8") as f:
        f.write("---\n")
        f.write(f"headline: Harbour story number {i} of the season\n")
        f.write(f"standfirst: The {i}th report from the quay.\n")
        f.write("byline: Mara Lindqvist and Tom Ellis\n")
        f.write(f"status: {'published' if published else 'draft'}\n")
        f.write(f"published: 2024-02-{1 + i % 27:02d}T09:{i % 60:02d}:00+00:00\n")
        if picture:
            f.write(f"image: picture-{i:03d}.png\n")
        f.write("---\n\n")
        for _ in range(words // 40):
            f.write(paragraph + "\n\n")
    return name


def run(env, *args, **kwargs):
    return subprocess.run([BIN, *args], env=env, capture_output=True, text=True, **kwargs)


def kill_test(tmp, env):
    samples = os.path.join(tmp, "samples")
    os.makedirs(samples)
    files = [write_article(samples, i) for i in range(80)]
    db = os.path.join(tmp, "newsroom.db")
    result = run(env, "--database", db, "--import", *files)
    check("import 80 published articles", result.returncode == 0, result.stderr)

    site = os.path.join(tmp, "site")
    start = time.monotonic()
    result = run(env, "--database", db, "--export", "all", "--output", site)
    duration = time.monotonic() - start
    check(f"a whole export runs ({duration:.2f} s)", result.returncode == 0, result.stderr)
    print(f"# one export takes {duration:.3f} s", flush=True)

    rng = random.Random(int(os.environ.get("BYLINE_TEST_SEED", "13")))
    bad = []
    killed = 0
    for attempt in range(KILL_RUNS):
        # Every fifth run starts from nothing: the folder is made anew.
        if attempt % 5 == 0:
            shutil.rmtree(site, ignore_errors=True)
        started = time.monotonic()
        proc = subprocess.Popen([BIN, "--database", db, "--export", "all", "--output", site],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(rng.uniform(0, duration * 0.8))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        else:
            # The machine got faster: aim earlier from now on.
            duration = min(duration, time.monotonic() - started)
        proc.wait()
        proc.stderr.close()

        if not os.path.isdir(site):
            continue
        for name in os.listdir(site):
            if name.endswith(".html"):
                problem = page_problem(os.path.join(site, name))
                if problem:
                    bad.append(f"run {attempt}: {name}: {problem}")

    print(f"# {killed} of {KILL_RUNS} exports were killed part way", flush=True)
    check(f"killed {killed} times, every page left is whole", not bad and killed >= KILL_RUNS // 3,
          "\n".join(bad[:20]) or f"only {killed} runs were killed before they finished")

    result = run(env, "--database", db, "--export", "all", "--output", site)
    check("the next export after the kills succeeds", result.returncode == 0, result.stderr)
    left = temp_files(site)
    check("no temporary file is left", not left, "\n".join(left))

    try:
        with open(os.path.join(site, ".byline-export.json"), encoding="utf-8") as f:
            manifest = json.load(f)["files"]
    except (OSError, ValueError, KeyError) as e:
        manifest = {}
        print(f"# no manifest: {e}")
    pages = sorted(name for name in os.listdir(site) if name.endswith(".html"))
    check("the manifest names every page, and only those that are there",
          sorted(name for name in manifest if name.endswith(".html")) == pages and len(pages) == 81,
          f"{len(pages)} pages, manifest {len(manifest)}")
    problems = [f"{p}: {page_problem(os.path.join(site, p))}" for p in pages if page_problem(os.path.join(site, p))]
    check("every page is whole", not problems, "\n".join(problems))


FULL_DISK_SCRIPT = r'''
set -e
mount -t tmpfs -o size=192k,nr_inodes=64 tmpfs "$SITE"
"$BYLINE_BIN" --database "$DB" --export all --output "$SITE" > /dev/null
echo exported-once
cp -a "$SITE" "$BEFORE"
# A new article: the front page grows. Then the disk is filled.
"$BYLINE_BIN" --database "$DB" --import "$NEW" > /dev/null
dd if=/dev/zero of="$SITE/filler" bs=1k 2>/dev/null || true
set +e
"$BYLINE_BIN" --database "$DB" --export all --output "$SITE" 2> "$ERR"
echo "exit=$?"
rm -f "$SITE/filler"
cp -a "$SITE" "$AFTER"
'''


def unshare_command():
    if shutil.which("unshare") is None:
        return None
    candidates = [["unshare", "-m", "--propagation", "private"]] if os.geteuid() == 0 else []
    candidates.append(["unshare", "-r", "-m", "--propagation", "private"])
    for prefix in candidates:
        probe = subprocess.run(prefix + ["sh", "-c", "d=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs $d"],
                               capture_output=True)
        if probe.returncode == 0:
            return prefix
    return None


def full_disk_test(tmp, env):
    prefix = unshare_command()
    if prefix is None:
        skip("a full disk never replaces a good page with a cut one",
             "cannot mount a tmpfs here (no unshare -m or -rm)")
        return

    samples = os.path.join(tmp, "small-samples")
    os.makedirs(samples)
    files = [write_article(samples, i, words=800) for i in range(3)]
    new = write_article(samples, 50, words=800, picture=False)
    db = os.path.join(tmp, "small.db")
    result = run(env, "--database", db, "--import", *files)
    check("import 3 articles for the small disk", result.returncode == 0, result.stderr)

    site = os.path.join(tmp, "small-site")
    os.makedirs(site)
    script_env = dict(env, SITE=site, DB=db, NEW=new, BYLINE_BIN=BIN,
                      BEFORE=os.path.join(tmp, "before"), AFTER=os.path.join(tmp, "after"),
                      ERR=os.path.join(tmp, "full-disk.err"))
    result = subprocess.run(prefix + ["sh", "-c", FULL_DISK_SCRIPT], env=script_env,
                            capture_output=True, text=True)
    if "exported-once" not in result.stdout:
        not_ok("export to a 192 KiB tmpfs", result.stderr)
        return

    with open(script_env["ERR"], encoding="utf-8") as f:
        err = f.read()
    check("the export on a full disk fails and says so",
          "exit=1" in result.stdout and "disk is full" in err, result.stdout + err)

    before, after = script_env["BEFORE"], script_env["AFTER"]
    changed = []
    for name in sorted(os.listdir(before)):
        path = os.path.join(before, name)
        if not name.endswith(".html"):
            continue
        with open(path, "rb") as a, open(os.path.join(after, name), "rb") as b:
            old, now = a.read(), b.read()
        if old != now and page_problem(os.path.join(after, name)):
            changed.append(f"{name}: {page_problem(os.path.join(after, name))}")
    check("every page that was there is still whole", not changed, "\n".join(changed))
    cut = [f"{name}: {page_problem(os.path.join(after, name))}" for name in sorted(os.listdir(after))
           if name.endswith(".html") and page_problem(os.path.join(after, name))]
    check("no page on the full disk is cut short", not cut, "\n".join(cut))
    with open(os.path.join(before, "index.html"), "rb") as a, open(os.path.join(after, "index.html"), "rb") as b:
        check("the front page is the one from before", a.read() == b.read())
    left = temp_files(after)
    check("no temporary file is left on the full disk", not left, "\n".join(left))


def main():
    if not BIN or not os.access(BIN, os.X_OK):
        print("Bail out! BYLINE_BIN does not name the built byline program; run this through meson test.")
        return 1

    tmp = tempfile.mkdtemp(prefix="byline-export-safety-")
    try:
        env = env_for(tmp)
        kill_test(tmp, env)
        full_disk_test(tmp, env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"1..{n}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
