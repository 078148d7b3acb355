#!/usr/bin/python3
# test_e2e.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""End-to-end: the real byline binary, driven only through the
accessibility tree (dogtail/pyatspi) in a private X server and session.

A reporter writes a new article, the app is killed (SIGKILL, no chance to
save on the way out), and the restarted app must show every word again;
then the page goes out through Export HTML… and the app quits with Ctrl+Q.

Output is TAP. Run with Debian's Python, which has python3-dogtail:
    /usr/bin/python3 tests/e2e/test_e2e.py
(BYLINE_BIN picks the binary; default _build/src/byline next to this
checkout. BYLINE_E2E_KEEP=1 keeps the temporary directory and logs.)
"""

import os
import re
import sys
import time
from html.parser import HTMLParser

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import HarnessError, find, log, text_of, wait_for  # noqa: E402

HEADLINE = "Tidal barrier test closes the estuary for a day"
CAPTION = "Sluice gates lowered at Wrenmouth quay during the trial"
CREDIT = "Ottoline Marsh"
PARAGRAPHS = [
    "Engineers lowered the barrier at dawn while cormorants circled the breakwater.",
    "Ferrymen grumbled about idle moorings but praised the harbourmaster for clear notices.",
]
BODY = "\n\n".join(PARAGRAPHS)

# The editor's AdwEntryRow fields (the others are GtkEntry/GtkTextView).
ENTRY_ROWS = {"Byline", "Dateline", "Section", "Tags", "Published",
              "Image description", "Caption", "Credit"}


def words(text):
    return re.findall(r"[A-Za-z]+", text)


# -- the page Byline exported -----------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}


class Page(HTMLParser):
    """Collects the text of <h1 class="headline">, <figcaption> (and its
    caption/credit spans) and the body's plain <p> paragraphs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, classes)
        self.headlines = []
        self.figcaptions = []
        self.captions = []
        self.credits = []
        self.paragraphs = []
        self._open = []  # (list to append to, [pieces]) for open elements

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return  # never closed: nothing to collect
        classes = (dict(attrs).get("class") or "").split()
        self.stack.append((tag, classes))
        target = None
        if tag == "h1" and "headline" in classes:
            target = self.headlines
        elif tag == "figcaption":
            target = self.figcaptions
        elif tag == "span" and "caption" in classes and self._inside("figcaption"):
            target = self.captions
        elif tag == "span" and "credit" in classes and self._inside("figcaption"):
            target = self.credits
        elif tag == "p" and not classes and self._inside("article"):
            target = self.paragraphs
        self._open.append((target, []) if target is not None else None)

    def _inside(self, tag):
        return any(t == tag for t, _ in self.stack[:-1])

    def handle_endtag(self, tag):
        # Pop to the matching start tag; a stray end tag changes nothing.
        if all(t != tag for t, _ in self.stack):
            return
        while self.stack:
            t, _ = self.stack.pop()
            entry = self._open.pop()
            if entry is not None:
                entry[0].append(" ".join("".join(entry[1]).split()))
            if t == tag:
                break

    def handle_startendtag(self, tag, attrs):
        pass  # <img .../>, <br/>: nothing to collect

    def handle_data(self, data):
        for entry in self._open:
            if entry is not None:
                entry[1].append(data)


def parse_page(path):
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if "</html>" not in html:
        raise AssertionError(f"{path} is not a complete page (no </html>)")
    page = Page()
    page.feed(html)
    page.close()
    return page


def check_page(path):
    page = parse_page(path)
    if page.headlines != [HEADLINE]:
        raise AssertionError(f"h1.headline holds {page.headlines!r}, expected [{HEADLINE!r}]")
    if len(page.figcaptions) != 1:
        raise AssertionError(f"expected one figcaption, found {page.figcaptions!r}")
    fig = page.figcaptions[0]
    if page.captions != [CAPTION] or CAPTION not in fig:
        raise AssertionError(f"figcaption {fig!r} lacks the caption {CAPTION!r}")
    if page.credits != [f"[{CREDIT}]"] or f"[{CREDIT}]" not in fig:
        raise AssertionError(f"figcaption {fig!r} lacks the credit [{CREDIT}]")
    for text in PARAGRAPHS:
        if text not in page.paragraphs:
            raise AssertionError(f"no body paragraph {text!r} among {page.paragraphs!r}")


# -- driving the window -------------------------------------------------------

def find_app(pid, timeout=40):
    """The byline process's root in the accessibility tree (by process id:
    a killed predecessor may linger in the registry for a moment)."""
    from dogtail.tree import root

    def app():
        for a in root.applications():
            try:
                if a.name == "byline" and a.get_process_id() == pid:
                    return a
            except Exception:  # noqa: BLE001 - one that is going away
                pass
        return None

    return wait_for(f'an application named "byline" with process id {pid} in the accessibility tree',
                    app, timeout, 0.25)


def find_window(app, timeout=20):
    def frame():
        for child in app.children:
            if child.roleName == "frame" and child.name.endswith("— Byline"):
                return child
        return None

    return wait_for('a frame named "… — Byline"', frame, timeout, 0.2)


class Window:
    """The main window of one byline process, found through AT-SPI."""

    def __init__(self, process):
        self.process = process
        self.app = find_app(process.pid)
        self.frame = find_window(self.app)
        self._title = None
        self._fields = {}

    def field(self, name, timeout=10):
        # The editor's widgets live as long as the window: look each up once
        # (a search of the whole tree is a few hundred D-Bus calls).
        node = self._fields.get(name)
        try:
            if node is not None and node.name == name and harness.extents(node)[2] > 0:
                return node
        except Exception:  # noqa: BLE001 - gone: look it up again
            pass
        node = self._fields[name] = find(self.frame, "text", name, timeout, showing=True)
        return node

    def button(self, name, timeout=10):
        return find(self.frame, "push button", name, timeout, showing=True)

    def fill(self, name, text):
        field = self.field(name)
        before = text_of(field)
        # GTK 4.8 puts the focused state on entries and text views, but an
        # AdwEntryRow's GtkText is not in the tree and the row never reports
        # it: for rows, the read-back below is what proves the click landed.
        harness.click_node(field, check_focus=name not in ENTRY_ROWS)
        harness.type_text(text)
        expect = before + text
        wait_for(f"the {name} field to read {expect!r}",
                 lambda: text_of(field) == expect, 20, 0.2)
        return field

    def subtitle_is(self, text):
        """Whether the header's title (headline over save state) shows text."""
        if self._title is None:
            try:
                # GTK 4.8 names an unnamed widget after its type; searching
                # only the title's two labels is much quicker than the window.
                self._title = find(self.frame, "filler", "AdwWindowTitle", 2)
            except HarnessError:
                self._title = self.frame
        return any(n.name == text for n in harness.find_all(
            self._title, lambda n: n.roleName == "label"))

    def dump(self):
        log("accessible tree of byline:")
        harness.dump_tree(self.app)
        if self.app.childCount == 0:
            # libatspi's cached list of toplevels can lose the window after
            # a dialog closes; the window itself still answers.
            harness.dump_tree(self.frame)


def check_contains_words(label, text, expected):
    missing = [w for w in words(expected) if w not in words(text)]
    if missing:
        raise AssertionError(f"{label} lacks {missing!r}: it reads {text!r}")


# -- the steps ----------------------------------------------------------------

class Run:
    def __init__(self, session):
        self.session = session
        self.db = os.path.join(session.tmp, "newsroom.db")
        self.export_dir = os.path.join(session.tmp, "export")
        os.makedirs(self.export_dir)
        self.export_path = os.path.join(self.export_dir, "tidal.html")
        self.process = None
        self.window = None
        self.ui_export = None

    def start(self):
        self.process = self.session.start_app("--database", self.db)
        self.window = Window(self.process)

    def step_start(self):
        self.start()
        # A first start fills the empty database with the demo newsroom and
        # opens an article (the frame is named after its headline).
        articles = find(self.window.frame, "list", "Articles", 10)
        rows = wait_for("articles in the sidebar",
                        lambda: harness.find_all(articles, lambda n: n.roleName == "list item"),
                        20, 0.2)
        return f"{len(rows)} demo articles, window {self.window.frame.name!r}"

    def step_write(self):
        w = self.window
        # Ctrl+N, as a reporter would, from the article the window opened on.
        harness.click_node(w.field("Headline"))
        harness.key_combo("<Control>n")
        headline = w.field("Headline")
        wait_for("the new article's empty Headline field to have the focus",
                 lambda: text_of(headline) == "" and harness.has_state(headline, "STATE_FOCUSED"),
                 20, 0.2)
        self.check_body_in_view()
        w.fill("Headline", HEADLINE)
        w.fill("Caption", CAPTION)
        w.fill("Credit", CREDIT)
        w.fill("Body", BODY)
        wait_for("the window title to follow the headline",
                 lambda: w.frame.name == f"{HEADLINE} — Byline", 20, 0.2)

    def check_body_in_view(self):
        """At the default window size a new article shows its Body field
        under the headline and standfirst, with no scrolling."""
        body = self.window.field("Body")
        pane = harness.ancestor(body, "scroll pane")
        clip = harness.extents(pane) if pane is not None else harness.extents(self.window.frame)
        x, y, width, height = harness.visible_part(body, clip)
        if width <= 0 or height < 120:
            raise AssertionError(f"after Ctrl+N only {max(height, 0)} px of the Body field are in view "
                                 f"(the field is at {harness.extents(body)}, its pane at {clip})")

    def step_kill(self):
        # Autosave writes within a second of the last keystroke; give it two,
        # then make sure the header says so before pulling the plug.
        time.sleep(2)
        wait_for('the header to say "All changes saved"',
                 lambda: self.window.subtitle_is("All changes saved"), 20, 0.25)
        self.process.kill_hard()
        rc = self.process.popen.returncode
        if rc != -9:
            raise AssertionError(f"byline ended with {rc}, expected death by SIGKILL (-9)")

    def step_reopen(self):
        self.start()
        w = self.window
        wait_for("the restarted window to reopen the article",
                 lambda: w.frame.name == f"{HEADLINE} — Byline", 20, 0.2)
        for name, typed in (("Headline", HEADLINE), ("Caption", CAPTION), ("Credit", CREDIT),
                            ("Body", BODY)):
            got = text_of(w.field(name))
            check_contains_words(name, got, typed)
            if got != typed:
                raise AssertionError(f"{name} reads {got!r}, typed {typed!r}")
        return "headline, caption, credit and both paragraphs are back"

    def step_cli_list(self):
        out = self.session.run_cli("--database", self.db, "--list")
        if out.returncode != 0:
            raise AssertionError(f"byline --list failed ({out.returncode}): {out.stderr.strip()}")
        rows = [line.split("\t") for line in out.stdout.splitlines()]
        mine = [r for r in rows if len(r) >= 4 and r[3] == HEADLINE]
        if len(mine) != 1:
            raise AssertionError(f"byline --list shows {len(mine)} rows with the headline:\n{out.stdout}")
        self.article_id = mine[0][0]
        return f"article id {self.article_id}"

    def step_export(self):
        try:
            self.export_through_dialog()
            self.ui_export = True
            check_page(self.export_path)
            return "exported through the Export HTML… file dialog"
        except HarnessError as e:
            # Driving the dialog failed: say so, and still check the page
            # the same article exports to from the command line.
            log(f"the file dialog could not be driven: {e}")
            self.ui_export = False
            self.dump_dialogs()
            harness.save_screenshot(self.session, "export-dialog")
            harness.key_combo("Escape")  # close the dialog, if it opened
            out = self.session.run_cli("--database", self.db, "--export", self.article_id,
                                       "--output", self.export_path)
            if out.returncode != 0:
                raise AssertionError(f"CLI export failed too: {out.stderr.strip()}") from None
            check_page(self.export_path)
            raise AssertionError("the Export HTML… dialog could not be driven "
                                 f"({e}); the CLI export fallback produced a correct page") from None

    def export_through_dialog(self):
        w = self.window
        # Put the keyboard focus in the window first (and prove it is there).
        harness.click_node(w.field("Headline"))
        harness.key_combo("<Control>e")
        dialog = wait_for('a window named "Export HTML"',
                          lambda: next((c for c in self.window.app.children
                                        if c.name == "Export HTML"), None), 20, 0.2)
        # GtkFileChooserWidget's save entry, labelled "_Name:"; it has the
        # focus, with the proposed page name, as soon as the dialog opens.
        name = find(dialog, "text", "Name:", 10, showing=True)
        wait_for("the Name field to offer the page name",
                 lambda: text_of(name).endswith(".html"), 20, 0.2)
        try:
            wait_for("the Name field to have the focus",
                     lambda: harness.has_state(name, "STATE_FOCUSED"), 3, 0.1)
        except HarnessError:
            harness.click_node(name)
        harness.key_combo("<Control>a")
        harness.type_text(self.export_path)
        wait_for(f"the Name field to read {self.export_path!r}",
                 lambda: text_of(name) == self.export_path, 20, 0.2)
        harness.type_text("\n")
        wait_for(f"the exported page at {self.export_path}",
                 lambda: os.path.exists(self.export_path) and
                 "</html>" in open(self.export_path, encoding="utf-8").read(), 20, 0.2)
        wait_for("the Export HTML dialog to close",
                 lambda: all(c.name != "Export HTML" for c in self.window.app.children), 20, 0.2)

    def dump_dialogs(self):
        try:
            for c in self.window.app.children:
                if c.name != self.window.frame.name:
                    harness.dump_tree(c)
        except Exception as e:  # noqa: BLE001
            log(f"could not dump the dialogs: {e!r}")

    def step_quit(self):
        # The focus is back in the main window after the dialog closed.
        harness.click_node(self.window.field("Headline"))
        harness.key_combo("<Control>q")
        t0 = time.monotonic()
        rc = self.process.wait(15)
        if rc != 0:
            raise AssertionError(f"byline exited with status {rc} after Ctrl+Q")
        return f"exit status 0 after {time.monotonic() - t0:.1f} s"


def show_failure(session, run, step, error, number):
    """What the window, the screen and byline's log looked like; only a
    failed export leaves the window usable for the steps after it."""
    if isinstance(error, HarnessError) and run.window is not None and step is not Run.step_export:
        try:
            run.window.dump()
        except Exception:  # noqa: BLE001
            pass
    harness.save_screenshot(session, f"step-{number}")
    if run.process is not None:
        log(f"byline's log (pid {run.process.pid}):\n{run.process.log_tail()}")
    return step is Run.step_export


def main():
    steps = [
        ("byline starts and shows its window", Run.step_start),
        ("a new article takes a headline, caption, credit and two body paragraphs", Run.step_write),
        ("after autosave, byline is killed with SIGKILL", Run.step_kill),
        ("restarted, byline reopens the article with every typed word", Run.step_reopen),
        ("byline --list shows the headline in the database", Run.step_cli_list),
        ("Export HTML… writes a page with the headline, caption and credit", Run.step_export),
        ("Ctrl+Q quits with exit status 0", Run.step_quit),
    ]
    return harness.run_steps(steps, Run, show_failure)


if __name__ == "__main__":
    sys.exit(main())
