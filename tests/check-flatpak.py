#!/usr/bin/env python3
# check-flatpak.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Flatpak manifests are what Flathub would accept.

    check-flatpak.py SOURCE_ROOT

What Flathub's linter and reviewers check, with the standard library only:
both manifests (flatpak/io.github.bylinedesk.Byline.json, the release, and
….Devel.json, the working tree with the development profile) use a GNOME
runtime still supported, run the program meson builds, pin every source
(an archive by URL and sha256, a git repository by commit; a value still to
be filled in is named as such), build every library meson asks for that the
runtime lacks, clean up what a library installs for building only, and ask
for no more of the host than the app needs. The release builds the tagged
commit of this repository, never a folder.

Prints TAP.
"""

import json
import os
import re
import subprocess
import sys

APP_ID = "io.github.bylinedesk.Byline"
REPOSITORY = "https://github.com/bylinedesk/byline"
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
# GNOME runtimes are supported for a year: two releases. 51 came out in
# September 2026; 50 reaches its end of life when 52 does (March 2027).
OLDEST_SUPPORTED_RUNTIME = 50

# pkg-config names meson.build asks for that the GNOME runtime has.
IN_RUNTIME = {
    "glib-2.0", "gio-2.0", "gobject-2.0", "gmodule-2.0", "sqlite3", "json-glib-1.0",
    "gtk4", "libadwaita-1", "gtksourceview-5", "webkitgtk-6.0", "epoxy", "libsecret-1",
    "libxml-2.0", "enchant-2",
}
# The others, and the module of the manifest that builds each.
BUNDLED = {
    "libcmark": "cmark",
    "yaml-0.1": "libyaml",
    "libpq": "libpq",
}

# Host access the app must not ask for: files go through the portal.
FORBIDDEN_ARGS = re.compile(r"^--(filesystem=(home|host|host-os|host-etc)(:.*)?|socket=x11|device=all"
                            r"|socket=session-bus|socket=system-bus)$")
REQUIRED_ARGS = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri",
                 "--share=network"}
HEX = {"sha256": re.compile(r"^[0-9a-f]{64}$"), "commit": re.compile(r"^[0-9a-f]{40}$")}


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


def pin_problems(module, source):
    """What keeps @source from being pinned, as sentences."""
    where = f"module {module.get('name')!r}, {source.get('type')} source"
    kind = source.get("type")
    problems = []

    def check(key):
        value = source.get(key)
        if value is None:
            problems.append(f"{where}: no {key}")
        elif not HEX[key].match(value) or set(value) == {"0"}:
            problems.append(f"{where}: the {key} {value!r} is a placeholder, not a real one: "
                            f"fill it in from the upstream release")

    if kind in ("archive", "file"):
        if "url" not in source and kind == "archive":
            problems.append(f"{where}: no url")
        if "url" in source:
            check("sha256")
    elif kind == "git":
        if "url" not in source:
            problems.append(f"{where}: no url")
        check("commit")
        if "branch" in source:
            problems.append(f"{where}: a branch moves; pin a tag and its commit")
    elif kind not in ("dir", "patch", "shell"):
        problems.append(f"{where}: unknown source type")
    return problems


def meson_dependencies(root):
    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        return set(re.findall(r"dependency\(\s*'([^']+)'", f.read()))


def git_has_commit(root, commit):
    """True or False, or None when @root is not a git checkout."""
    if not os.path.exists(os.path.join(root, ".git")):
        return None
    try:
        done = subprocess.run(["git", "-C", root, "cat-file", "-e", f"{commit}^{{commit}}"],
                              capture_output=True, timeout=30)
    except OSError:
        return None
    return done.returncode == 0


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    tap = Tap()

    with open(os.path.join(root, "meson.build"), encoding="utf-8") as f:
        version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)

    manifests = {}
    for kind, app_id in (("release", APP_ID), ("devel", APP_ID + ".Devel")):
        path = os.path.join(root, "flatpak", app_id + ".json")
        try:
            with open(path, encoding="utf-8") as f:
                manifests[kind] = json.load(f)
            tap.result(True, f"flatpak/{app_id}.json is JSON")
        except (OSError, ValueError) as e:
            tap.result(False, f"flatpak/{app_id}.json is JSON", [str(e)])

    for kind, m in manifests.items():
        name = f"{kind} manifest"
        app_id = APP_ID + (".Devel" if kind == "devel" else "")
        tap.result(m.get("id") == app_id, f"{name}: the id is {app_id}", [f"id: {m.get('id')!r}"])

        runtime_version = str(m.get("runtime-version", ""))
        tap.result(m.get("runtime") == RUNTIME and m.get("sdk") == SDK and runtime_version.isdigit()
                   and int(runtime_version) >= OLDEST_SUPPORTED_RUNTIME,
                   f"{name}: a supported GNOME runtime ({RUNTIME} {OLDEST_SUPPORTED_RUNTIME} or newer) and its SDK",
                   [f"runtime {m.get('runtime')} {runtime_version!r}, sdk {m.get('sdk')}"])

        tap.result(m.get("command") == "byline", f"{name}: runs byline, the program meson installs",
                   [f"command: {m.get('command')!r}"])

        modules = m.get("modules", [])
        unpinned = [p for mod in modules for s in mod.get("sources", []) for p in pin_problems(mod, s)]
        empty = [mod.get("name") for mod in modules if not mod.get("sources")]
        tap.result(bool(modules) and not unpinned and not empty,
                   f"{name}: every source is pinned (archive by sha256, git by commit)",
                   unpinned + [f"module {n!r} has no sources" for n in empty])

        names = {mod.get("name") for mod in modules}
        needed = meson_dependencies(root)
        missing = sorted(f"meson.build needs {dep}: add the {BUNDLED[dep]!r} module" for dep in needed
                         if dep in BUNDLED and BUNDLED[dep] not in names)
        unknown = sorted(f"meson.build needs {dep}, which neither the runtime nor a module provides"
                         for dep in needed if dep not in BUNDLED and dep not in IN_RUNTIME)
        tap.result(not missing and not unknown, f"{name}: a module for every library the runtime lacks",
                   missing + unknown)

        args = m.get("finish-args", [])
        forbidden = [a for a in args if FORBIDDEN_ARGS.match(a)]
        absent = sorted(REQUIRED_ARGS - set(args))
        tap.result(not forbidden and not absent,
                   f"{name}: finish-args give Wayland, X11 as a fallback, the GPU and the network, no host files",
                   [f"{a} gives more than the app needs" for a in forbidden] +
                   [f"{a} is missing" for a in absent])

        cleanup = set(m.get("cleanup", []))
        by_module = {mod.get("name"): set(mod.get("cleanup", [])) for mod in modules}
        wanted = {"/include", "/lib/pkgconfig", "*.a", "*.la", "/lib/cmake"}
        cmark_wanted = {"/bin", "/share/man"}
        tap.result(wanted <= cleanup and cmark_wanted <= by_module.get("cmark", set()),
                   f"{name}: cleanup drops headers, pkg-config and cmake files, static libraries, cmark's program and manuals",
                   [f"cleanup lacks {c}" for c in sorted(wanted - cleanup)] +
                   [f"the cmark module's cleanup lacks {c}"
                    for c in sorted(cmark_wanted - by_module.get("cmark", set()))])

        app = modules[-1] if modules else {}
        app_sources = app.get("sources", [])
        opts = app.get("config-opts", [])
        if kind == "release":
            dirs = [f"module {mod.get('name')!r}" for mod in modules for s in mod.get("sources", [])
                    if s.get("type") == "dir"]
            tap.result(not dirs, f"{name}: no folder source (Flathub builds from the repository)",
                       [f"{d} builds a local folder" for d in dirs])
            git = app_sources[0] if len(app_sources) == 1 else {}
            ok = (app.get("name") == "byline" and git.get("type") == "git"
                  and git.get("url", "").rstrip("/").removesuffix(".git") == REPOSITORY
                  and git.get("tag") == "v" + version and "-Dprofile=default" in opts)
            tap.result(ok, f"{name}: byline comes from {REPOSITORY} by tag v{version} and commit",
                       [f"byline's module: {json.dumps(app)}"])
            known = git_has_commit(root, git.get("commit", ""))
            if known is None:
                tap.skip(f"{name}: byline's commit is one of this repository", "not a git checkout")
            else:
                tap.result(known, f"{name}: byline's commit is one of this repository",
                           [f"{git.get('commit')} is not a commit here; use the one tag v{version} names"])
        else:
            d = app_sources[0] if len(app_sources) == 1 else {}
            folder = os.path.normpath(os.path.join(root, "flatpak", d.get("path", "")))
            tap.result(app.get("name") == "byline" and d.get("type") == "dir" and folder == root
                       and "-Dprofile=development" in opts,
                       f"{name}: byline builds the working tree with the development profile",
                       [f"byline's module: {json.dumps(app)}"])

    if len(manifests) == 2:
        libraries = [json.dumps(m.get("modules", [])[:-1], sort_keys=True) for m in manifests.values()]
        tap.result(libraries[0] == libraries[1], "both manifests build the same libraries the same way",
                   ["the modules before byline's differ between the two manifests"])

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
