#!/usr/bin/env python3
# check-install.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""`meson install --destdir` installs what a distribution packages, and
nothing of the build tree.

    check-install.py MESON BUILD_ROOT SOURCE_ROOT APP_ID

Installs the build into a temporary folder and checks that it holds the
program, the preview module, the desktop file, the metainfo, the settings
schema, both icons, the manual page and a translation for each language of
po/LINGUAS; that no header or static library is installed; and that no
installed file names the build or source folder (debug information aside,
which distributions strip).

Prints TAP; the installed files are listed as comments.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile


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

    def finish(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


def languages(source_root):
    found = []
    with open(os.path.join(source_root, "po", "LINGUAS"), encoding="utf-8") as f:
        for line in f:
            if not line.lstrip().startswith("#"):
                found += line.split()
    return found


def is_elf(path):
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def names_folder(path, folders, tmp):
    """The first of folders that path's contents name, or None."""
    target = path
    if is_elf(path) and shutil.which("objcopy"):
        target = os.path.join(tmp, "stripped")
        subprocess.run(["objcopy", "--strip-debug", path, target], check=True, timeout=60)
    with open(target, "rb") as f:
        data = f.read()
    for folder in folders:
        if folder.encode() in data:
            return folder
    return None


def main():
    meson, build_root, source_root, app_id = sys.argv[1:5]
    build_root, source_root = os.path.realpath(build_root), os.path.realpath(source_root)
    tap = Tap()

    expected = {
        "the program": r"/bin/byline",
        "the preview module": r"/byline/libbyline-preview-web\.so",
        "the desktop file": rf"/share/applications/{re.escape(app_id)}\.desktop",
        "the metainfo": rf"/share/metainfo/{re.escape(app_id)}\.metainfo\.xml",
        "the settings schema": rf"/share/glib-2\.0/schemas/{re.escape(app_id)}\.gschema\.xml",
        "the icon": rf"/share/icons/hicolor/scalable/apps/{re.escape(app_id)}\.svg",
        "the symbolic icon": rf"/share/icons/hicolor/symbolic/apps/{re.escape(app_id)}-symbolic\.svg",
        "the manual page": r"/share/man/man1/byline\.1",
    }
    for lang in languages(source_root):
        expected[f"the {lang} translation"] = rf"/share/locale/{re.escape(lang)}/LC_MESSAGES/byline\.mo"

    with tempfile.TemporaryDirectory(prefix="byline-check-install-") as tmp:
        destdir = os.path.join(tmp, "root")
        done = subprocess.run([meson, "install", "-C", build_root, "--no-rebuild", "--quiet",
                               "--destdir", destdir],
                              capture_output=True, text=True, timeout=300)
        tap.result(done.returncode == 0, "meson install --destdir succeeds",
                   (done.stdout + done.stderr).splitlines()[-20:])

        installed = []
        for folder, dirs, files in os.walk(destdir):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                if not os.path.islink(path):
                    installed.append(path)
        shown = ["/" + os.path.relpath(p, destdir) for p in installed]
        for path in shown:
            print(f"# installed: {path}")

        for what, pattern in expected.items():
            hits = [p for p in shown if re.search(pattern + "$", p)]
            tap.result(len(hits) == 1, f"installs {what}", [f"no installed file matches {pattern}$"])

        development = [p for p in shown if p.endswith((".a", ".la", ".h", ".pc"))]
        tap.result(not development, "installs no header, static library or pkg-config file",
                   [f"{p} is installed" for p in development])

        leaks = []
        for path, show in zip(installed, shown):
            folder = names_folder(path, (build_root, source_root), tmp)
            if folder:
                leaks.append(f"{show} names {folder}")
        tap.result(bool(installed) and not leaks, "no installed file names the build or source folder", leaks)

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
