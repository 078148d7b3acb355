#!/usr/bin/env python3
# check-metainfo.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""The installed metainfo has what a software centre and Flathub show.

    check-metainfo.py METAINFO SOURCE_ROOT VERSION

appstreamcli (0.16 on Debian 12) validates the format; this checks what it
cannot or does not require: a summary short enough for a software centre's
tile, a developer with an id (AppStream 1.0), the project's addresses,
light and dark branding colours, keywords, content rating, the program the
package provides, a release with notes for this version, and screenshots
with captions whose images are files of this repository, at the addresses
GitHub serves them from once the release is tagged.

Prints TAP.
"""

import os
import re
import sys
import xml.etree.ElementTree as ET

REPOSITORY = "https://github.com/bylinedesk/byline"
RAW = "https://raw.githubusercontent.com/bylinedesk/byline/"
MAX_SUMMARY = 35


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


def untranslated(parent, tag):
    """The children named tag without xml:lang (the original text)."""
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    return [e for e in parent.findall(tag) if lang not in e.attrib]


def text(element):
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def main():
    metainfo, root, version = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
    tap = Tap()
    component = ET.parse(metainfo).getroot()

    summaries = untranslated(component, "summary")
    summary = text(summaries[0]) if summaries else ""
    tap.result(0 < len(summary) <= MAX_SUMMARY and not summary.endswith("."),
               f"the summary has at most {MAX_SUMMARY} characters and no full stop",
               [f"{summary!r} has {len(summary)}"])

    developer = component.find("developer")
    tap.result(developer is not None and developer.get("id") and text(developer.find("name"))
               and component.find("developer_name") is None,
               "a <developer> with an id and a name, no deprecated <developer_name>")

    urls = {u.get("type"): text(u) for u in component.findall("url")}
    wanted = {"homepage": REPOSITORY, "bugtracker": REPOSITORY + "/issues", "vcs-browser": REPOSITORY}
    wrong = [f"<url type={t!r}> is {urls.get(t)!r}, expected {u!r}" for t, u in wanted.items()
             if urls.get(t) != u]
    tap.result(not wrong, "homepage, bug tracker and source addresses", wrong)

    colors = {c.get("scheme_preference"): text(c) for c in component.findall("branding/color")
              if c.get("type") == "primary"}
    tap.result(set(colors) == {"light", "dark"} and
               all(re.fullmatch(r"#[0-9a-fA-F]{6}", c) for c in colors.values()) and
               colors["light"].lower() != colors["dark"].lower(),
               "primary branding colours for light and dark", [f"colours: {colors}"])

    keywords = untranslated(component, "keywords/keyword")
    tap.result(len(keywords) >= 3, "at least three keywords", [f"{len(keywords)} keywords"])

    rating = component.find("content_rating")
    tap.result(rating is not None and rating.get("type") == "oars-1.1", "an OARS 1.1 content rating")

    launchable = component.find("launchable")
    app_id = text(component.find("id"))
    binaries = [text(b) for b in component.findall("provides/binary")]
    tap.result(launchable is not None and launchable.get("type") == "desktop-id"
               and text(launchable) == app_id + ".desktop" and binaries == ["byline"],
               "launches the desktop file of its id and provides the byline program",
               [f"launchable {text(launchable)!r}, binaries {binaries}"])

    release = next((r for r in component.findall("releases/release") if r.get("version") == version), None)
    notes = text(release.find("description")) if release is not None else ""
    tap.result(release is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", release.get("date", "")) and notes,
               f"a dated release {version} with notes", [f"release: {notes!r}"])

    shots = component.findall("screenshots/screenshot")
    problems = []
    for shot in shots:
        image = text(shot.find("image"))
        captions = untranslated(shot, "caption")
        if not captions or not text(captions[0]):
            problems.append(f"{image}: no caption")
        prefix = f"{RAW}v{version}/"
        if not image.startswith(prefix):
            problems.append(f"{image}: not at the tag's address, {prefix}…")
            continue
        path = os.path.join(root, image[len(prefix):])
        if not os.path.isfile(path):
            problems.append(f"{image}: {os.path.relpath(path, root)} is not in the repository")
        elif open(path, "rb").read(8) != b"\x89PNG\r\n\x1a\n":
            problems.append(f"{image}: {os.path.relpath(path, root)} is not a PNG picture")
    defaults = [s for s in shots if s.get("type") == "default"]
    tap.result(len(shots) >= 2 and len(defaults) == 1 and not problems,
               "two or more captioned screenshots, one the default, each a PNG of this repository "
               "at the release tag's address",
               problems + [f"{len(shots)} screenshots, {len(defaults)} marked default"])

    return tap.finish()


if __name__ == "__main__":
    sys.exit(main())
