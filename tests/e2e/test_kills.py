#!/usr/bin/python3
# test_kills.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""Killed while typing: the real byline binary, driven through the
accessibility tree, is SIGKILLed 20 times at random moments (half of them
while keys go in, half just as the autosave writes, 400 ms after the last
key) and started again each time.

After each kill the newsroom must pass PRAGMA integrity_check, and the
stored body must hold every character typed more than a second before the
kill (the autosave promise in docs/RELIABILITY.md) and nothing that was not
typed. Each restart must show the stored body in the window, and the next
round types on from there.

Output is TAP. Run with Debian's Python, which has python3-dogtail:
    /usr/bin/python3 tests/e2e/test_kills.py
BYLINE_KILLS_SEED picks the random moments (printed on every run, so a
failure can be run again); BYLINE_KILLS_ROUNDS the number of kills (20).
"""

import os
import random
import sqlite3
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import harness  # noqa: E402
from harness import HarnessError, find, log, text_of, wait_for  # noqa: E402
from test_e2e import find_app, find_window  # noqa: E402

HEADLINE = "Kill test: the night ferry"
FIRST_BODY = "Start."
# What a person might type; each round types the next piece of it.
WORDS = ("the night ferry left late and the harbour lights went out one by one "
         "while the crew counted the cars on deck and the wind turned east ").split()
# Nothing typed longer ago than this may be lost.
DURABILITY_S = 1.0


def stored_body(db):
    """integrity_check, and the article's body, read as another program
    would (a connection of our own, after the writer died)."""
    con = sqlite3.connect(db, timeout=10)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        rows = con.execute("SELECT body FROM articles WHERE headline = ?", (HEADLINE,)).fetchall()
    finally:
        con.close()
    if check != "ok":
        raise AssertionError(f"PRAGMA integrity_check says {check!r}")
    if len(rows) != 1:
        raise AssertionError(f"{len(rows)} articles with the headline, expected 1")
    return rows[0][0]


class Kills:
    def __init__(self, session, rng):
        self.session = session
        self.rng = rng
        self.db = os.path.join(session.tmp, "newsroom.db")
        self.article = os.path.join(session.tmp, "ferry.md")
        self.process = None
        self.body = None       # the body node of the running window
        self.expected = None   # what the stored body reads now
        self.word = 0

    def prepare(self):
        with open(self.article, "w", encoding="utf-8") as f:
            f.write(f"---\nheadline: \"{HEADLINE}\"\n---\n\n{FIRST_BODY}\n")
        out = self.session.run_cli("--database", self.db, "--import", self.article)
        if out.returncode != 0:
            raise AssertionError(f"byline --import failed: {out.stderr.strip()}")
        self.expected = stored_body(self.db)

    def start(self):
        self.process = self.session.start_app("--database", self.db)
        app = find_app(self.process.pid)
        frame = find_window(app)
        wait_for("the window to open the article",
                 lambda: frame.name == f"{HEADLINE} — Byline", 20, 0.1)
        self.body = find(frame, "text", "Body", 10, showing=True)
        shown = text_of(self.body)
        if shown != self.expected:
            raise AssertionError(f"the restarted window shows {shown!r}, the newsroom holds {self.expected!r}")
        harness.click_node(self.body)
        harness.key_combo("<Control>End")
        # The window just started may still be busy (the preview's web view
        # starting): keys sent now would wait in its queue, and the clock
        # below would run before they were typed. One key, seen in the
        # field, says it takes keys as they come.
        from dogtail import rawinput
        rawinput.typeText(" ")
        self.expected += " "
        try:
            wait_for("the first key in the body", lambda: text_of(self.body) == self.expected, 10, 0.05)
        except HarnessError:
            log(f"the body reads {text_of(self.body)!r}")
            raise

    def round(self, number, during_autosave):
        """Types, kills at a random moment, checks the newsroom."""
        self.start()
        saved = self.expected[:-1]   # the newsroom's text, before the first key
        typed = [(time.monotonic(), self.expected)]  # (when a key went in, the text so far)
        text = self.expected
        n_words = self.rng.randint(1, 3)
        kill_after_chars = None
        if not during_autosave:
            n_chars = sum(len(w) + 1 for w in self._next_words(n_words))
            kill_after_chars = self.rng.randint(1, n_chars)

        from dogtail import rawinput
        n_done = 0
        killed_at = None
        for word in self._next_words(n_words):
            for ch in " " + word:
                rawinput.typeText(ch)
                text += ch
                n_done += 1
                typed.append((time.monotonic(), text))
                if kill_after_chars is not None and n_done == kill_after_chars:
                    killed_at = self._kill()
                    break
                # A person's pace, with a pause now and then.
                time.sleep(self.rng.choice((0.02, 0.05, 0.08, 0.3)) if self.rng.random() < 0.15
                           else 0.03)
            if killed_at is not None:
                break
        self.word += n_words

        if killed_at is None:
            # During the autosave: it starts 400 ms after the last key.
            time.sleep(0.4 + self.rng.uniform(0.0, 0.06))
            killed_at = self._kill()

        stored = stored_body(self.db)
        if not text.startswith(stored) or len(stored) < len(saved):
            raise AssertionError(f"the newsroom holds {stored!r}, which is not what was typed: {text!r}")
        safe = saved
        for when, so_far in typed:
            if when <= killed_at - DURABILITY_S:
                safe = so_far
        if not stored.startswith(safe):
            raise AssertionError(f"lost words typed more than {DURABILITY_S} s before the kill: "
                                 f"the newsroom holds {stored!r}, expected at least {safe!r}")
        lost = len(text) - len(stored)
        self.expected = stored
        return (f"{'during an autosave' if during_autosave else 'while typing'}: "
                f"{len(text) - len(saved)} characters typed, {lost} not yet saved")

    def _next_words(self, n):
        return [WORDS[(self.word + i) % len(WORDS)] for i in range(n)]

    def _kill(self):
        killed_at = time.monotonic()
        self.process.kill_hard()
        rc = self.process.popen.returncode
        if rc != -9:
            raise AssertionError(f"byline ended with {rc}, expected death by SIGKILL (-9)")
        return killed_at


def show_failure(session, kills, step, error, number):
    """byline's log, and no byline left running; after a check that failed
    (not the harness) the next round goes on from what the newsroom holds."""
    if kills.process is not None:
        log(f"byline's log (pid {kills.process.pid}):\n{kills.process.log_tail()}")
        if kills.process.running():
            kills.process.kill_hard()
    if isinstance(error, HarnessError):
        return False
    try:
        kills.expected = stored_body(kills.db)
    except Exception:  # noqa: BLE001
        return False
    return True


def main():
    seed = int(os.environ.get("BYLINE_KILLS_SEED") or time.time())
    rounds = int(os.environ.get("BYLINE_KILLS_ROUNDS") or 20)
    rng = random.Random(seed)

    def make_kills(session):
        kills = Kills(session, rng)
        kills.prepare()
        return kills

    def kill(i):
        return lambda kills: kills.round(i, during_autosave=bool(i % 2))

    steps = [(f"kill {i + 1} of {rounds}, {'during an autosave' if i % 2 else 'while typing'}", kill(i))
             for i in range(rounds)]
    log(f"seed {seed} (BYLINE_KILLS_SEED={seed} repeats this run)")
    return harness.run_steps(steps, make_kills, show_failure)


if __name__ == "__main__":
    sys.exit(main())
