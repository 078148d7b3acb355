#!/usr/bin/env python3
# check-po.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Every translatable string reaches translators whole, and every
translation compiles.

    check-po.py SOURCE_ROOT

- po/POTFILES.in names files that exist, in sorted order, and every file of
  src/ and data/ with a translatable string is in it (a file left out is a
  window or a message that stays in English whatever the language);
- xgettext, run the way `meson compile byline-pot` runs it, warns about
  nothing and makes no cut message: `_("No article with id %" G_GINT64_FORMAT)`
  reaches translators as "No article with id %", which no translation can
  match (write `"%" PRId64`, which xgettext and gettext understand);
- each language in po/LINGUAS has its .po, and `msgfmt --check` accepts it
  (format placeholders, plural forms, header);
- each language in po/LINGUAS is complete: its .po has no untranslated and
  no fuzzy message, and merged with the template xgettext makes from today's
  sources (as `meson compile byline-update-po` would) it still has none, so
  a message added or changed in the program without its translation fails
  here instead of reaching users in English.

Prints TAP. Without gettext's xgettext, msgfmt, msgmerge and msgattrib it
reports itself skipped.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

# meson's i18n.gettext(preset: 'glib') arguments (mesonbuild/modules/i18n.py):
# the keywords and format flags GLib's gi18n.h macros need.
XGETTEXT_ARGS = [
    "--from-code=UTF-8",
    "--add-comments",
    "--keyword=_",
    "--keyword=N_",
    "--keyword=C_:1c,2",
    "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2",
    "--keyword=g_dngettext:2,3",
    "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format",
    "--flag=C_:2:pass-c-format",
    "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format",
    "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format",
    "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format",
    "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format",
    "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format",
    "--flag=g_printerr:1:c-format",
    "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format",
    "--flag=g_sprintf:2:c-format",
    "--flag=g_snprintf:3:c-format",
]

# Where users see text: the program's sources and its data. The tests and
# benchmarks are for developers.
SCANNED = ("src", "data")
C_MARK = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dpgettext2|"
                    r"ngettext|gettext)\s*\(")
UI_MARK = re.compile(r"""translatable\s*=\s*["'](?:yes|true|1)["']""")
C_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
# The data files merged by i18n.merge_file() or read by the schema compiler,
# translated as a whole.
DATA_FILES = re.compile(r"\.(desktop|metainfo\.xml|appdata\.xml|gschema\.xml)(\.in)*$")

# A C format directive (ISO C with POSIX positions), or one of the
# <inttypes.h> macros as xgettext writes them: %<PRId64>.
DIRECTIVE = re.compile(r"%(?:%|(?:\d+\$)?[-+ #0']*(?:\d+|\*(?:\d+\$)?)?(?:\.(?:\d+|\*(?:\d+\$)?))?"
                       r"(?:<PRI[diouxX](?:8|16|32|64|FAST8|FAST16|FAST32|FAST64|LEAST8|LEAST16|"
                       r"LEAST32|LEAST64|MAX|PTR)>|(?:hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcCsSpnm]))")


class Tap:
    def __init__(self):
        self.n = 0
        self.failed = False

    def result(self, ok, what, details=()):
        self.n += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {what}")
        for line in details:
            print(f"# {line}")
        self.failed |= not ok

    def skip(self, what, why):
        self.n += 1
        print(f"ok {self.n} - {what} # SKIP {why}")

    def finish(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


def read_list(path):
    """The file's lines without comments and blank lines."""
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f
                if line.strip() and not line.lstrip().startswith("#")]


def has_translatable_strings(path):
    name = os.path.basename(path)
    if DATA_FILES.search(name):
        return True
    if name.endswith((".c", ".h")):
        with open(path, encoding="utf-8") as f:
            return C_MARK.search(C_COMMENT.sub(" ", f.read())) is not None
    if name.endswith((".ui", ".xml", ".xml.in")):
        with open(path, encoding="utf-8") as f:
            return UI_MARK.search(f.read()) is not None
    return False


def translatable_files(root):
    found = []
    for top in SCANNED:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                if has_translatable_strings(path):
                    found.append(os.path.relpath(path, root))
    return found


def parse_pot(text):
    """(flags, msgids, reference) for each entry of a .pot file."""
    entries = []
    for block in text.split("\n\n"):
        flags, refs, ids, current = [], [], [], None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags += [f.strip() for f in line[2:].split(",")]
            elif line.startswith("#:"):
                refs += line[2:].split()
            elif line.startswith(("msgid ", "msgid_plural ")):
                current = line.split(" ", 1)[1]
                ids.append(current)
            elif line.startswith('"') and current is not None and len(ids) > 0:
                ids[-1] += line
            elif line.startswith(("msgstr", "msgctxt")):
                current = None
        if ids:
            strings = ["".join(re.findall(r'"((?:[^"\\]|\\.)*)"', i)) for i in ids]
            entries.append((flags, strings, refs[0] if refs else "?"))
    return entries


def cut_directive(msgid):
    """What is wrong with the format directives of msgid, or None."""
    rest = DIRECTIVE.sub("", msgid)
    if rest.endswith("%"):
        return "it ends in the middle of a directive (a format macro concatenated to the message?)"
    if "%" in rest:
        at = rest.index("%")
        return f"“{rest[at:at + 6]}…” is not a format directive"
    return None


def msgids(msgattrib, path, which):
    """The msgids of path's entries that msgattrib's option which selects."""
    run = subprocess.run([msgattrib, which, "--no-obsolete", "--no-wrap", path],
                         capture_output=True, text=True, timeout=60, env=dict(os.environ, LC_ALL="C"))
    if run.returncode != 0:
        return [f"(msgattrib failed: {run.stderr.strip()})"]
    ids = []
    for line in run.stdout.splitlines():
        if line.startswith("msgid ") and line != 'msgid ""':
            ids.append(line[len("msgid "):])
    return ids


def unfinished(msgattrib, path):
    """The untranslated and the fuzzy msgids of a catalogue (its header aside)."""
    return msgids(msgattrib, path, "--untranslated"), msgids(msgattrib, path, "--only-fuzzy")


def describe(what, untranslated, fuzzy, fix, shown=5):
    """Lines saying how many messages are unfinished, with the first few."""
    if not untranslated and not fuzzy:
        return []
    lines = [f"{what}: {len(untranslated)} untranslated and {len(fuzzy)} fuzzy messages: {fix}"]
    lines += [f"untranslated: {m}" for m in untranslated[:shown]]
    lines += [f"fuzzy: {m}" for m in fuzzy[:shown]]
    more = len(untranslated) - min(shown, len(untranslated)) + len(fuzzy) - min(shown, len(fuzzy))
    if more:
        lines.append(f"… and {more} more")
    return lines


def main():
    root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    po = os.path.join(root, "po")
    xgettext = shutil.which("xgettext")
    msgfmt = shutil.which("msgfmt")
    msgmerge = shutil.which("msgmerge")
    msgattrib = shutil.which("msgattrib")
    if None in (xgettext, msgfmt, msgmerge, msgattrib):
        print("1..0 # SKIP gettext's xgettext, msgfmt, msgmerge and msgattrib are not installed")
        return 0

    tap = Tap()

    potfiles = read_list(os.path.join(po, "POTFILES.in"))
    missing = [p for p in potfiles if not os.path.isfile(os.path.join(root, p))]
    tap.result(not missing, "every file po/POTFILES.in names exists",
               [f"{p} does not exist: remove it from po/POTFILES.in" for p in missing])
    tap.result(potfiles == sorted(potfiles), "po/POTFILES.in is sorted",
               ["expected order:"] + sorted(potfiles) if potfiles != sorted(potfiles) else [])

    unlisted = [p for p in translatable_files(root) if p not in potfiles]
    tap.result(not unlisted, "every file of src/ and data/ with translatable strings is in po/POTFILES.in",
               [f"{p} has translatable strings: add it to po/POTFILES.in" for p in unlisted])

    with tempfile.TemporaryDirectory(prefix="byline-check-po-") as tmp:
        pot = os.path.join(tmp, "byline.pot")
        existing = [p for p in potfiles if p not in missing]
        listing = os.path.join(tmp, "POTFILES")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(existing) + "\n")
        run = subprocess.run([xgettext, "--package-name=byline", "--files-from", listing,
                              "--output", pot] + XGETTEXT_ARGS,
                             cwd=root, capture_output=True, text=True, timeout=120)
        complaints = [line for line in run.stderr.splitlines() if line.strip()]
        tap.result(run.returncode == 0 and not complaints and os.path.isfile(pot),
                   "xgettext extracts the messages without a warning",
                   complaints + ([f"xgettext exited with status {run.returncode}"] if run.returncode else []))

        entries = []
        if os.path.isfile(pot):
            with open(pot, encoding="utf-8") as f:
                entries = parse_pot(f.read())
        cut = []
        for flags, strings, ref in entries:
            for s in strings:
                # "xgettext: no-c-format" in a comment lets a "100%" through.
                checked = "no-c-format" not in flags and ("c-format" in flags or s.endswith("%"))
                why = cut_directive(s) if checked else None
                if why:
                    cut.append(f"{ref}: “{s}”: {why}")
        tap.result(len(entries) > 1 and not cut, "no message reaches translators cut short",
                   cut if entries else ["xgettext found no message at all"])

        languages = []
        for line in read_list(os.path.join(po, "LINGUAS")):
            languages += line.split()
        if not languages:
            tap.skip("every translation passes msgfmt --check", "po/LINGUAS lists no language yet")
        for lang in languages:
            path = os.path.join(po, f"{lang}.po")
            if not os.path.isfile(path):
                tap.result(False, f"{lang}: po/{lang}.po exists", [f"po/LINGUAS lists {lang} but po/{lang}.po is missing"])
                continue
            run = subprocess.run([msgfmt, "--check", "--output-file", os.devnull, path],
                                 capture_output=True, text=True, timeout=60)
            tap.result(run.returncode == 0 and not run.stderr.strip(), f"{lang}: msgfmt --check accepts po/{lang}.po",
                       run.stderr.splitlines())

            untranslated, fuzzy = unfinished(msgattrib, path)
            tap.result(not untranslated and not fuzzy, f"{lang}: po/{lang}.po has no untranslated or fuzzy message",
                       describe(f"po/{lang}.po", untranslated, fuzzy,
                                "translate them and remove the fuzzy flags"))

            if os.path.isfile(pot):
                merged = os.path.join(tmp, f"{lang}.po")
                run = subprocess.run([msgmerge, "--quiet", "--no-wrap", "--output-file", merged, path, pot],
                                     capture_output=True, text=True, timeout=120)
                if run.returncode != 0:
                    tap.result(False, f"{lang}: po/{lang}.po translates every message of the sources",
                               run.stderr.splitlines())
                    continue
                untranslated, fuzzy = unfinished(msgattrib, merged)
                tap.result(not untranslated and not fuzzy,
                           f"{lang}: po/{lang}.po translates every message of the sources",
                           describe(f"po/{lang}.po merged with today's template", untranslated, fuzzy,
                                    "run `meson compile -C _build byline-update-po` and translate them"))

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
