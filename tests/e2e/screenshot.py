#!/usr/bin/python3
# screenshot.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Take the screenshots for the README and the metainfo: Byline with a fresh
demo newsroom, in a private X server exactly the size of the window.

    /usr/bin/python3 tests/e2e/screenshot.py [--language LL] [OUTPUT_DIR]

- editor.png: the articles sidebar, the editor and the preview;
- history.png: the History window comparing the text as it is now with the
  revision kept before a few words were added, cropped to that window;
- with --language (fr, ar, ...): only the editor, with the window in that
  language, as LL.png.

OUTPUT_DIR defaults to docs/screenshots in this checkout. BYLINE_BIN picks
the binary (default: _build/src/byline next to this checkout).
"""

import gettext
import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import HarnessError, find, log, text_of, wait_for  # noqa: E402

# The window's default size (window-width/window-height in the GSettings
# schema) is 1280x820: the screen matches it.
SCREEN = "1280x820x24"
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

AUTHOR = "Tom Okafor"
STANDFIRST_MORE = " Work on the outer channel begins in April."
BODY_MORE = "\n\nThe harbour master said the first dredger would arrive from Rotterdam in late March."


def has_content(path, box):
    """Whether that part of the picture is more than one flat colour: WebKit
    paints the page some time after the window appears."""
    x, y, w, h = box
    out = subprocess.run(["convert", path, "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                          "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"],
                         capture_output=True, text=True, timeout=30, check=True)
    return float(out.stdout.strip() or 0) > 0.05


def green_marks(path):
    """How many pixels have the light green of the diff's insertions."""
    out = subprocess.run(["convert", path, "-fuzz", "6%", "-fill", "black", "+opaque", "#c4eedb",
                          "-fill", "white", "-opaque", "#c4eedb", "-format", "%[fx:mean*w*h]", "info:"],
                         capture_output=True, text=True, timeout=30, check=True)
    return float(out.stdout.strip() or 0)


def editor_shot(session, window, output, tr=lambda text: text):
    """@tr gives the accessible names in the window's language."""
    find(window.frame, "list", tr("Articles"), 15)
    wait_for("the demo newsroom's articles in the sidebar",
             lambda: harness.find_all(find(window.frame, "list", tr("Articles"), 1),
                                      lambda n: n.roleName == "list item"), 15, 0.25)
    preview = find(window.frame, "panel", tr("Preview"), 15, showing=True)
    box = harness.extents(preview)

    # Let WebKit lay out and paint the page (fonts, the masthead), then
    # insist on seeing it before keeping the picture.
    time.sleep(5)
    shot = os.path.join(session.tmp, "editor.png")

    def painted():
        session.screenshot(shot)
        return has_content(shot, box)

    wait_for("the preview to show the rendered article", painted, 20, 1)
    shutil.copyfile(shot, output)
    log(f"wrote {output}, window {window.frame.name!r}")


def append_to(window, name, text):
    """Type text at the end of a field, as a person would."""
    field = window.field(name)
    before = text_of(field)
    harness.click_node(field)
    harness.key_combo("<Control>End")
    harness.type_text(text)
    wait_for(f"the {name} field to end with what was typed",
             lambda: text_of(field) == before + text, 20, 0.2)


def history_shot(session, window, output):
    # A revision of the demo text, then a few words more, then the History.
    harness.click_node(window.field("Headline"))
    harness.key_combo("<Control>s")
    time.sleep(1)
    append_to(window, "Standfirst", STANDFIRST_MORE)
    append_to(window, "Body", BODY_MORE)
    time.sleep(2)
    wait_for('the header to say "All changes saved"',
             lambda: window.subtitle_is("All changes saved"), 20, 0.25)
    harness.click_node(window.field("Headline"))
    harness.key_combo("<Control>h")

    # The accessibility registry may lose track of the app once a second
    # window opens: find the History window by its X title instead.
    shot = os.path.join(session.tmp, "history.png")

    def diff_shown():
        try:
            session.screenshot(shot, window="History")
        except subprocess.CalledProcessError:
            return False
        # The diff's green marks (the added sentence) are there once painted.
        return green_marks(shot) > 2000

    wait_for("the History window showing the words added", diff_shown, 20, 0.5)
    time.sleep(1)
    session.screenshot(shot, window="History")
    shutil.copyfile(shot, output)
    log(f"wrote {output}")


def main():
    args = sys.argv[1:]
    language = None
    if args[:1] == ["--language"] and len(args) >= 2:
        language, args = args[1], args[2:]
    folder = os.path.abspath(args[0] if args else os.path.join(TOP, "docs", "screenshots"))
    session = harness.Session(screen=SCREEN)
    harness.install_signal_handlers(session)
    try:
        session.start()
        harness.dogtail_setup()
        import test_e2e  # the window helpers

        # Revisions carry the name set in the Preferences (else the
        # account's, which is "root" on a build machine).
        settings = os.path.join(session.config_home, "glib-2.0", "settings")
        os.makedirs(settings, exist_ok=True)
        with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as f:
            f.write(f"[io/github/bylinedesk/Byline]\nauthor-name='{AUTHOR}'\n")

        # The session's locale is C.UTF-8, where glibc honours LANGUAGE.
        app = session.start_app("--database", os.path.join(session.tmp, "newsroom.db"),
                                env={"LANGUAGE": language} if language else None)
        window = test_e2e.Window(app)
        os.makedirs(folder, exist_ok=True)
        if language:
            catalogue = gettext.translation("byline", os.path.join(session.build_root, "po"),
                                            languages=[language])
            editor_shot(session, window, os.path.join(folder, f"{language}.png"), catalogue.gettext)
            return 0
        editor_shot(session, window, os.path.join(folder, "editor.png"))
        history_shot(session, window, os.path.join(folder, "history.png"))
        return 0
    except (HarnessError, subprocess.SubprocessError, OSError) as e:
        print(f"screenshot.py: {e}", file=sys.stderr)
        return 1
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
