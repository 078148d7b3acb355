#!/usr/bin/env python3
# check-man.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The manual page byline(1) says what the program does.

    check-man.py BYLINE MANPAGE

- every option `byline --help-all` (the window) and `byline --list --help`
  (the command line) print is documented, and the page documents no option
  the program does not have;
- every action of the command line has its line in the SYNOPSIS;
- the page's version is the program's;
- the exit statuses the page lists are the ones the program returns: 0 on
  success, 1 when the action failed, 2 on a command line that makes no sense;
- groff reads the page without a warning (when groff is installed).

Prints TAP.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = False

    def result(self, ok, what, details=()):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {what}")
        for line in details if not ok else ():
            print(f"# {line}")
        self.failed |= not ok

    def skip(self, what, why):
        self.n += 1
        print(f"ok {self.n} - {what} # SKIP {why}")

    def finish(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


def help_options(text):
    """The options a --help output lists: the lines that start with one."""
    found = set()
    for line in text.splitlines():
        m = re.match(r"\s+((?:-[a-zA-Z], )?--[a-z][a-z0-9-]*)", line)
        if m:
            found.update(OPTION.findall(m.group(1)))
    return found


def summary_actions(text):
    """The actions the command line's summary shows: "  byline --list"."""
    actions = []
    for line in text.splitlines():
        m = re.match(r"\s+byline\s+(.*)", line)
        if m:
            words = [w for w in m.group(1).split() if w.startswith("--")]
            if words and words[0] not in actions:
                actions.append(words[0])
    return actions


def roff_text(line):
    """A roff line without escapes and font changes, for matching words."""
    line = re.sub(r"\\f[BIRP]", "", line)
    line = line.replace("\\-", "-").replace("\\&", "").replace("\\(em", "—")
    line = re.sub(r'^\.(?:B|I|BR|BI|IR|RB|IB|RI|TP|SY|YS)\b\s*', "", line)
    return line.replace('"', "")


def sections(page):
    """{section name: [lines]} of a man page."""
    result, current = {}, None
    for line in page.splitlines():
        m = re.match(r'\.SH\s+"?([^"]*)"?', line)
        if m:
            current = m.group(1).strip()
            result[current] = []
        elif current is not None:
            result[current].append(line)
    return result


def documented_options(lines):
    """The options named in the tags of .TP paragraphs."""
    found = set()
    for i, line in enumerate(lines):
        if line.startswith(".TP") and i + 1 < len(lines):
            found.update(OPTION.findall(roff_text(lines[i + 1])))
    return found


def run(byline, args, env):
    return subprocess.run([byline] + args, capture_output=True, text=True, timeout=60, env=env)


def main():
    byline, manpage = sys.argv[1], sys.argv[2]
    tap = Tap()

    with open(manpage, encoding="utf-8") as f:
        page = f.read()
    parts = sections(page)

    with tempfile.TemporaryDirectory(prefix="byline-check-man-") as tmp:
        # No display, no real home, no installed settings.
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "GSETTINGS_SCHEMA_DIR")}
        env.update(XDG_DATA_HOME=os.path.join(tmp, "data"), XDG_CONFIG_HOME=os.path.join(tmp, "config"),
                   XDG_DATA_DIRS=os.path.join(tmp, "data-dirs"), GSETTINGS_BACKEND="memory",
                   LC_ALL="C.UTF-8")

        window_help = run(byline, ["--help-all"], env)
        cli_help = run(byline, ["--list", "--help"], env)
        helps_ok = window_help.returncode == 0 and cli_help.returncode == 0
        tap.result(helps_ok, "byline --help-all and byline --list --help succeed",
                   (window_help.stderr + cli_help.stderr).splitlines())
        in_help = help_options(window_help.stdout) | help_options(cli_help.stdout)
        in_page = documented_options(parts.get("OPTIONS", []) + parts.get("ACTIONS", []))

        missing = sorted(in_help - in_page)
        tap.result(helps_ok and len(in_help) > 5 and not missing,
                   "every option byline --help prints is in the man page's OPTIONS or ACTIONS",
                   [f"{o} is not documented: add a .TP paragraph for it" for o in missing])
        extra = sorted(in_page - in_help)
        tap.result(helps_ok and not extra, "the man page documents no option byline lacks",
                   [f"{o} is documented but byline --help does not list it" for o in extra])

        actions = summary_actions(cli_help.stdout)
        synopsis = " ".join(roff_text(line) for line in parts.get("SYNOPSIS", []))
        absent = [a for a in actions if a not in synopsis.split()]
        tap.result(len(actions) > 3 and not absent, "every action of the command line is in the SYNOPSIS",
                   [f"{a} is not in the SYNOPSIS" for a in absent] or
                   ([] if actions else ["no action found in byline --list --help's summary"]))

        version = run(byline, ["--version"], env).stdout.split()
        th = re.search(r'^\.TH\s+BYLINE\s+1\s+"[^"]*"\s+"Byline ([^"]+)"', page, re.M)
        tap.result(th is not None and version[-1:] == [th.group(1)],
                   "the man page's version is byline --version's",
                   [f"man page: {th.group(1) if th else 'no .TH line'}, program: {' '.join(version)}"])

        statuses = set(re.findall(r"^\.B (\d+)$", "\n".join(parts.get("EXIT STATUS", [])), re.M))
        db = os.path.join(tmp, "newsroom.db")
        cases = {
            "0": ["-d", db, "--list"],
            "1": ["--database", db, "--export", "4242", "--output", os.path.join(tmp, "page.html")],
            "2": ["--database", db, "--list", "--no-such-option"],
        }
        tap.result(statuses == set(cases), "the man page lists exit statuses 0, 1 and 2",
                   [f"EXIT STATUS lists {sorted(statuses) or 'nothing'}"])
        for status, args in sorted(cases.items()):
            done = run(byline, args, env)
            tap.result(str(done.returncode) == status, f"byline {' '.join(args[2:])} exits with status {status}",
                       [f"exit status {done.returncode}"] + done.stderr.splitlines())

    groff = shutil.which("groff")
    if groff is None:
        tap.skip("groff formats the page without a warning", "groff is not installed")
    else:
        done = subprocess.run([groff, "-man", "-ww", "-z", "-Tutf8", manpage],
                              capture_output=True, text=True, timeout=60)
        tap.result(done.returncode == 0 and not done.stderr.strip(), "groff formats the page without a warning",
                   done.stderr.splitlines())

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
