#!/usr/bin/python3
# screenshot.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Take the screenshot for the README and the metainfo: Byline with a fresh
demo newsroom (articles sidebar, editor and preview), in a private X server
exactly the size of the window, so the picture is the window and nothing
else.

    /usr/bin/python3 tests/e2e/screenshot.py [OUTPUT.png]

OUTPUT defaults to docs/screenshot.png in this checkout. BYLINE_BIN picks the
binary (default: _build/src/byline next to this checkout).
"""

import os
import shutil
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import HarnessError, find, log, wait_for  # noqa: E402

# The window's default size (window-width/window-height in the GSettings
# schema) is 1280x820: the screen matches it.
SCREEN = "1280x820x24"
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def preview_has_content(session, path, box):
    """Whether the preview's part of the picture is more than one flat
    colour: WebKit paints the page some time after the window appears."""
    x, y, w, h = box
    out = subprocess.run(["convert", path, "-crop", f"{w}x{h}+{x}+{y}", "+repage",
                          "-colorspace", "Gray", "-format", "%[fx:standard_deviation]", "info:"],
                         capture_output=True, text=True, timeout=30, check=True)
    return float(out.stdout.strip() or 0) > 0.05


def main():
    output = os.path.abspath(sys.argv[1] if len(sys.argv) > 1
                             else os.path.join(TOP, "docs", "screenshot.png"))
    session = harness.Session(screen=SCREEN)
    harness.install_signal_handlers(session)
    try:
        session.start()
        harness.dogtail_setup()
        import test_e2e  # the window helpers

        app = session.start_app("--database", os.path.join(session.tmp, "newsroom.db"))
        window = test_e2e.Window(app)
        find(window.frame, "list", "Articles", 15)
        wait_for("the demo newsroom's articles in the sidebar",
                 lambda: harness.find_all(find(window.frame, "list", "Articles", 1),
                                          lambda n: n.roleName == "list item"), 15, 0.25)
        preview = find(window.frame, "panel", "Preview", 15, showing=True)
        box = harness.extents(preview)

        # Let WebKit lay out and paint the page (fonts, the masthead), then
        # insist on seeing it before keeping the picture.
        time.sleep(5)
        shot = os.path.join(session.tmp, "screen.png")

        def painted():
            session.screenshot(shot)
            return preview_has_content(session, shot, box)

        wait_for("the preview to show the rendered article", painted, 20, 1)
        os.makedirs(os.path.dirname(output), exist_ok=True)
        shutil.copyfile(shot, output)
        log(f"wrote {output} ({SCREEN.rsplit('x', 1)[0]}), window {window.frame.name!r}")
        return 0
    except (HarnessError, subprocess.SubprocessError, OSError) as e:
        print(f"screenshot.py: {e}", file=sys.stderr)
        return 1
    finally:
        session.close()


if __name__ == "__main__":
    sys.exit(main())
