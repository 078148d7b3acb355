# harness.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later

"""A private desktop session for driving the real Byline binary.

Session() starts, each in its own process group:
  - an Xvfb server on a free display (Xvfb picks it: -displayfd),
  - a session D-Bus daemon,
  - the accessibility bus (at-spi-bus-launcher --launch-immediately),
and enables toolkit-accessibility in a keyfile GSettings backend under a
temporary XDG_CONFIG_HOME. It then points this process at that session
(DISPLAY, DBUS_SESSION_BUS_ADDRESS, ...) so that dogtail/pyatspi, imported
*after* Session.start(), talk to it.

Session.start_app() runs Byline with the same private environment.
Session.close() (also run at exit and on SIGTERM) kills every process group
it started, even when the test failed half-way.

Run everything with /usr/bin/python3 (Debian's, which has python3-dogtail).
"""

import atexit
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback

SCREEN = "1280x1024x24"


class HarnessError(Exception):
    pass


def log(*args):
    """Diagnostics go to stderr so stdout stays valid TAP."""
    print("#", *args, file=sys.stderr, flush=True)


def wait_for(what, predicate, timeout=10.0, interval=0.1):
    """Poll predicate() until it returns something truthy, or fail naming
    what was awaited. Exceptions from predicate count as "not yet" and the
    last one is reported on timeout."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = predicate()
            if result:
                return result
        except Exception as e:  # noqa: BLE001 - reported on timeout
            last_error = e
        if time.monotonic() >= deadline:
            detail = f" (last error: {last_error!r})" if last_error else ""
            raise HarnessError(f"Timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


def find_binary():
    """The byline binary: $BYLINE_BIN (set by tests/meson.build), else the
    default build directory next to this checkout."""
    path = os.environ.get("BYLINE_BIN")
    if not path:
        root = os.environ.get("BYLINE_BUILD_ROOT") or os.path.join(
            os.path.dirname(os.path.abspath(__file__)), "..", "..", "_build")
        path = os.path.join(root, "src", "byline")
    path = os.path.abspath(path)
    if not os.access(path, os.X_OK):
        raise HarnessError(f"No byline binary at {path}: build it (ninja -C _build) "
                           "or set BYLINE_BIN")
    return path


def build_root_for(binary):
    root = os.environ.get("BYLINE_BUILD_ROOT")
    if root:
        return os.path.abspath(root)
    return os.path.dirname(os.path.dirname(binary))


class App:
    """One running byline process."""

    def __init__(self, popen, log_path):
        self.popen = popen
        self.pid = popen.pid
        self.log_path = log_path

    def running(self):
        return self.popen.poll() is None

    def wait(self, timeout):
        try:
            return self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise HarnessError(f"Timed out after {timeout:.0f} s waiting for byline "
                               f"(pid {self.pid}) to exit") from None

    def kill_hard(self):
        """SIGKILL the app itself, as a crash would, and reap it; then its
        WebKit helpers (same process group), so none outlives it."""
        if self.running():
            os.kill(self.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)
        kill_group(self.pid, signal.SIGKILL)

    def log_tail(self, lines=40):
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""


def kill_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
        return True
    except (ProcessLookupError, PermissionError):
        return False


class Session:
    def __init__(self, keep_tmp=False, screen=SCREEN):
        self.screen = screen
        self.binary = find_binary()
        self.build_root = build_root_for(self.binary)
        self.tmp = tempfile.mkdtemp(prefix="byline-e2e-")
        self.keep_tmp = keep_tmp or bool(os.environ.get("BYLINE_E2E_KEEP"))
        self.runtime_dir = os.path.join(self.tmp, "runtime")
        self.config_home = os.path.join(self.tmp, "config")
        self.data_home = os.path.join(self.tmp, "data")
        self.cache_home = os.path.join(self.tmp, "cache")
        self.logs = os.path.join(self.tmp, "logs")
        for d in (self.config_home, self.data_home, self.cache_home, self.logs):
            os.makedirs(d)
        os.makedirs(self.runtime_dir, mode=0o700)
        os.chmod(self.runtime_dir, 0o700)
        self._procs = []  # (name, Popen), each the leader of its own group
        self._apps = []
        self.display = None
        self.bus_address = None
        self._closed = False
        atexit.register(self.close)

    # -- starting -----------------------------------------------------------

    def _base_env(self):
        env = dict(os.environ)
        # G_DEBUG=fatal-warnings (the unit tests' setting) would turn
        # libatspi's harmless "dbind-WARNING" in this very process, or any
        # library warning in the app, into a crash.
        for var in ("WAYLAND_DISPLAY", "NO_AT_BRIDGE", "AT_SPI_BUS_ADDRESS",
                    "GTK_A11Y", "GDK_BACKEND", "SESSION_MANAGER", "G_DEBUG"):
            env.pop(var, None)
        env.update({
            "XDG_RUNTIME_DIR": self.runtime_dir,
            "XDG_CONFIG_HOME": self.config_home,
            "XDG_DATA_HOME": self.data_home,
            "XDG_CACHE_HOME": self.cache_home,
            "GSETTINGS_BACKEND": "keyfile",
            "GDK_BACKEND": "x11",
            "LC_ALL": "C.UTF-8",
            "TZ": env.get("TZ", "UTC"),
        })
        if self.display:
            env["DISPLAY"] = self.display
        if self.bus_address:
            env["DBUS_SESSION_BUS_ADDRESS"] = self.bus_address
        return env

    def _spawn(self, name, argv, env, **kwargs):
        log_path = os.path.join(self.logs, f"{name}.log")
        logf = open(log_path, "ab")
        kwargs.setdefault("stdout", logf)
        kwargs.setdefault("stderr", logf)
        p = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                             start_new_session=True, **kwargs)
        logf.close()
        self._procs.append((name, p))
        return p, log_path

    def _read_line(self, what, fd, timeout):
        deadline = time.monotonic() + timeout
        data = b""
        while not data.endswith(b"\n"):
            left = deadline - time.monotonic()
            if left <= 0:
                raise HarnessError(f"Timed out after {timeout:.0f} s waiting for {what}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                chunk = os.read(fd, 256)
                if not chunk:
                    raise HarnessError(f"{what}: the process closed its output before answering")
                data += chunk
        return data.decode().strip()

    def start(self):
        try:
            self._start_xvfb()
            self._start_session_bus()
            self._enable_accessibility()
            self._start_atspi()
        except BaseException:
            self.close()
            raise
        # This process (dogtail/pyatspi, imported after this) joins the session.
        os.environ.clear()
        os.environ.update(self._base_env())
        return self

    def _start_xvfb(self):
        if not shutil.which("Xvfb"):
            raise HarnessError("Xvfb is not installed (apt install xvfb)")
        r, w = os.pipe()
        try:
            p, log_path = self._spawn("xvfb", ["Xvfb", "-displayfd", str(w), "-screen", "0", self.screen,
                                               "-nolisten", "tcp", "-noreset"],
                                      self._base_env(), pass_fds=(w,))
            os.close(w)
            w = None
            number = self._read_line("Xvfb to report its display number", r, 15)
        finally:
            os.close(r)
            if w is not None:
                os.close(w)
        self.display = f":{number}"
        log(f"Xvfb on {self.display} (pid {p.pid})")

    def _start_session_bus(self):
        socket = os.path.join(self.runtime_dir, "bus")
        p, _ = self._spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                    f"--address=unix:path={socket}", "--print-address=1"],
                           self._base_env(), stdout=subprocess.PIPE)
        self.bus_address = self._read_line("the session bus to print its address",
                                           p.stdout.fileno(), 15)
        p.stdout.close()
        log(f"session bus {self.bus_address} (pid {p.pid})")

    def _enable_accessibility(self):
        env = self._base_env()
        subprocess.run(["gsettings", "set", "org.gnome.desktop.interface",
                        "toolkit-accessibility", "true"],
                       env=env, check=True, timeout=30)

    def _start_atspi(self):
        launcher = "/usr/libexec/at-spi-bus-launcher"
        if not os.access(launcher, os.X_OK):
            raise HarnessError(f"{launcher} is missing (apt install at-spi2-core)")
        self._spawn("atspi", [launcher, "--launch-immediately"], self._base_env())
        env = self._base_env()

        def gdbus(dest, path, method, *args):
            return subprocess.run(["gdbus", "call", "--session", "--dest", dest,
                                   "--object-path", path, "--method", method, *args],
                                  env=env, capture_output=True, text=True, timeout=10)

        # Ask whether the launcher owns its name yet: calling org.a11y.Bus
        # before then would have the bus activate a second launcher.
        wait_for("at-spi-bus-launcher to own org.a11y.Bus",
                 lambda: "true" in gdbus("org.freedesktop.DBus", "/org/freedesktop/DBus",
                                         "org.freedesktop.DBus.NameHasOwner",
                                         "org.a11y.Bus").stdout, 20, 0.1)
        out = gdbus("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus.GetAddress")
        if out.returncode != 0 or "unix:" not in out.stdout:
            raise HarnessError(f"The accessibility bus has no address: {out.stderr.strip()}")
        address = out.stdout
        log(f"accessibility bus {address.strip()}")

    # -- the application ----------------------------------------------------

    def app_env(self):
        env = self._base_env()
        env.update({
            "GTK_A11Y": "atspi",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build_root, "data"),
            "BYLINE_MODULE_DIR": os.path.join(self.build_root, "src", "ui"),
            "BYLINE_LOCALE_DIR": os.path.join(self.build_root, "po"),
            "WEBKIT_DISABLE_DMABUF_RENDERER": "1",
            "GTK_USE_PORTAL": "0",
        })
        # WebKit's bubblewrap sandbox works here, as root too; a machine
        # where it cannot be set up may opt out for the tests only.
        if os.environ.get("BYLINE_E2E_NO_SANDBOX"):
            env["WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS"] = "1"
        return env

    def start_app(self, *args, env=None):
        """Starts byline with @args; @env (a dict) adds to or, with None
        values, takes from its environment (another desk's settings)."""
        name = f"byline-{len(self._apps) + 1}"
        app_env = self.app_env()
        for key, value in (env or {}).items():
            if value is None:
                app_env.pop(key, None)
            else:
                app_env[key] = value
        p, log_path = self._spawn(name, [self.binary, *args], app_env, cwd=self.tmp)
        app = App(p, log_path)
        self._apps.append(app)
        log(f"started {' '.join([os.path.basename(self.binary), *args])} (pid {p.pid}, log {log_path})")
        return app

    def run_cli(self, *args, timeout=60):
        """Byline's display-less command line (--list, --export ...)."""
        env = self.app_env()
        env.pop("DISPLAY", None)
        return subprocess.run([self.binary, *args], env=env, capture_output=True,
                              text=True, timeout=timeout)

    def screenshot(self, path, window="root"):
        """The whole X screen, or the window of that title, as PNG
        (ImageMagick's import)."""
        if not shutil.which("import"):
            raise HarnessError("ImageMagick's import is not installed (apt install imagemagick)")
        env = self._base_env()
        subprocess.run(["import", "-window", window, path], env=env, check=True,
                       timeout=30, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        return path

    # -- tearing down -------------------------------------------------------

    def close(self):
        if self._closed:
            return
        self._closed = True
        # The newest first: the apps, then the buses, the X server last.
        for name, p in reversed(self._procs):
            kill_group(p.pid, signal.SIGTERM)
        deadline = time.monotonic() + 5
        for name, p in reversed(self._procs):
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                pass
            # Whatever is left in the group (WebKit helpers, activated
            # services) goes too.
            kill_group(p.pid, signal.SIGKILL)
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                log(f"{name} (pid {p.pid}) did not exit after SIGKILL")
        if self.keep_tmp:
            log(f"kept {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def install_signal_handlers(session):
    """Tear the session down on SIGTERM/SIGINT too (meson's timeout sends
    SIGTERM), then exit."""
    def handler(signum, frame):
        session.close()
        sys.exit(128 + signum)
    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


# -- the steps of a test, as TAP -----------------------------------------------

class Tap:
    def __init__(self, steps):
        self.steps = steps
        self.number = 0
        self.failed = False
        print(f"1..{len(steps)}", flush=True)

    def result(self, ok, description, reason=None):
        self.number += 1
        line = f"{'ok' if ok else 'not ok'} {self.number} - {description}"
        if reason:
            line += " # " + " ".join(str(reason).split())
        print(line, flush=True)
        if not ok:
            self.failed = True


def missing_tools():
    """What the run needs and this machine lacks, as a sentence, or None."""
    import importlib.util
    needs = [("Xvfb", shutil.which("Xvfb")),
             ("dbus-daemon", shutil.which("dbus-daemon")),
             ("at-spi2-core", os.access("/usr/libexec/at-spi-bus-launcher", os.X_OK)),
             ("python3-dogtail", importlib.util.find_spec("dogtail") is not None)]
    missing = [name for name, found in needs if not found]
    return f"{', '.join(missing)} not installed" if missing else None


def save_screenshot(session, name):
    """Keep a picture of the screen (and the temporary directory with the
    logs) for whoever has to work out what went wrong."""
    try:
        path = session.screenshot(os.path.join(session.logs, f"{name}.png"))
        session.keep_tmp = True
        log(f"screenshot: {path}")
    except Exception as e:  # noqa: BLE001
        log(f"no screenshot: {e}")


def run_steps(steps, make_run, on_failure, needs=None):
    """Runs a test's @steps in a private session and prints them as TAP.

    @steps is a list of (description, step): step(run) does one step on
    the object make_run(session) returns (once the session is up, dogtail
    set up) and returns a note for its TAP line, or None. When a step
    raises, on_failure(session, run, step, error, number) keeps what would
    help (the tree, a screenshot, byline's log) and returns True when the
    steps after it may still run; else they are reported not run.

    A machine without the session's tools, or without what @needs names
    (a sentence, or None), reports the test skipped; CI sets
    BYLINE_TEST_REQUIRE_TOOLS=1 and has it all, so there it fails instead.
    Returns: the exit status."""
    missing = missing_tools() or needs
    if missing and os.environ.get("BYLINE_TEST_REQUIRE_TOOLS") != "1":
        print(f"1..0 # SKIP {missing}")
        return 0

    started = time.monotonic()
    tap = Tap(steps)
    session = None
    run = None
    blocked = missing
    if not blocked:
        try:
            session = Session()
            install_signal_handlers(session)
            session.start()
            dogtail_setup()
            run = make_run(session)
        except Exception as e:  # noqa: BLE001
            blocked = f"the private session did not start: {e}"
            traceback.print_exc(file=sys.stderr)

    for description, step in steps:
        if blocked:
            tap.result(False, description, f"not run: {blocked}")
            continue
        t0 = time.monotonic()
        try:
            note = step(run)
            tap.result(True, description, f"{note or ''} ({time.monotonic() - t0:.1f} s)")
        except Exception as e:  # noqa: BLE001 - every failure becomes a TAP line
            traceback.print_exc(file=sys.stderr)
            go_on = on_failure(session, run, step, e, tap.number + 1)
            tap.result(False, description, e)
            if not go_on:
                blocked = f"step {tap.number} failed"

    if session is not None:
        session.close()
    log(f"total {time.monotonic() - started:.1f} s")
    return 1 if tap.failed else 0


# -- accessibility tree helpers (need dogtail, imported lazily) ---------------

def dogtail_setup():
    """Import dogtail after Session.start() has set DISPLAY and the bus."""
    from dogtail.config import config
    config.checkForA11y = True
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    config.searchShowingOnly = False
    config.actionDelay = 0.2
    config.typingDelay = 0
    config.defaultDelay = 0.3
    config.searchCutoffCount = 3
    config.searchBackoffDuration = 0.3
    from dogtail import tree  # noqa: F401 - connects pyatspi
    return tree


def dump_tree(node, out=sys.stderr, depth=0, max_depth=40):
    """Role, name, position and (for text) contents of every node, indented."""
    try:
        role = node.roleName
        name = node.name
    except Exception as e:  # noqa: BLE001
        print("#" + "  " * depth + f"<gone: {e!r}>", file=out)
        return
    extra = ""
    try:
        ext = extents(node)
        extra = f" @({ext[0]},{ext[1]} {ext[2]}x{ext[3]})"
    except Exception:  # noqa: BLE001
        pass
    if role == "text":
        try:
            extra += f" text={text_of(node)!r}"
        except Exception:  # noqa: BLE001
            pass
    print("#" + "  " * depth + f"[{role}] {name!r}{extra}", file=out)
    if depth >= max_depth:
        return
    try:
        children = list(node.children)
    except Exception:  # noqa: BLE001
        return
    for child in children:
        dump_tree(child, out, depth + 1, max_depth)


def _pyatspi():
    import pyatspi
    return pyatspi


def text_of(node):
    """The whole text of a text node. (GTK 4.8 answers getText (0, -1) with
    an empty string, so ask for the character count explicitly.)"""
    t = node.queryText()
    return t.getText(0, t.characterCount)


def extents(node):
    """(x, y, width, height) on the screen. GTK 4.8 knows only window
    coordinates ("Screen coordinates not supported"); in this session
    there is no window manager and the window sits at the root window's
    origin, so window coordinates are screen coordinates. Every click is
    checked (the field must report the focused state), so an offset would
    show up as a clear failure rather than typing into the wrong field."""
    pyatspi = _pyatspi()
    e = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    return e.x, e.y, e.width, e.height


def has_state(node, state_name):
    pyatspi = _pyatspi()
    return node.getState().contains(getattr(pyatspi, state_name))


def find(parent, role, name, timeout=10, showing=False):
    """The first descendant of parent with that role and name (exact), polling
    until timeout. showing=True skips nodes of hidden stack pages (0x0)."""
    def pred(n):
        try:
            if n.roleName != role or n.name != name:
                return False
            if showing:
                return extents(n)[2] > 0 and extents(n)[3] > 0
            return True
        except Exception:  # noqa: BLE001 - a node that went away
            return False

    pyatspi = _pyatspi()
    return wait_for(f"a {role} named {name!r}",
                    lambda: pyatspi.findDescendant(parent, pred), timeout, 0.2)


def find_all(parent, pred):
    pyatspi = _pyatspi()
    return pyatspi.findAllDescendants(parent, pred)


def ancestor(node, role):
    n = node.parent
    while n is not None:
        try:
            if n.roleName == role:
                return n
            n = n.parent
        except Exception:  # noqa: BLE001
            return None
    return None


def visible_part(node, clip):
    x, y, w, h = extents(node)
    cx, cy, cw, ch = clip
    left, top = max(x, cx), max(y, cy)
    right, bottom = min(x + w, cx + cw), min(y + h, cy + ch)
    return left, top, right - left, bottom - top


def scroll_into_view(node, min_height=24, timeout=15):
    """Scroll the nearest scrolled window with the mouse wheel until at
    least min_height pixels of node are inside it; returns the visible
    rectangle."""
    from dogtail import rawinput
    pane = ancestor(node, "scroll pane")
    if pane is None:
        return extents(node)
    deadline = time.monotonic() + timeout
    while True:
        clip = extents(pane)
        vx, vy, vw, vh = visible_part(node, clip)
        x, y, w, h = extents(node)
        if vw > 0 and vh >= min(min_height, h):
            return vx, vy, vw, vh
        if time.monotonic() > deadline:
            raise HarnessError(f"Could not scroll {node.roleName} {node.name!r} at {extents(node)} "
                               f"into its scrolled window at {clip}")
        button = 5 if y + h / 2 > clip[1] + clip[3] / 2 else 4  # 5 = wheel down
        rawinput.click(clip[0] + clip[2] // 2, clip[1] + clip[3] // 2, button=button)
        time.sleep(0.15)


def focus_under_pointer():
    """Keyboard focus to whichever window is under the pointer.

    No window manager runs in this session. GTK's X11 backend focuses a
    window it presents (a dialog) itself, with "revert to parent", so when
    the dialog goes away the focus falls back to the root window and a click
    on the main window does not bring it back (that is a window manager's
    job). Do what a click-to-focus window manager would: PointerRoot focus,
    through libX11 (every GTK on X11 has it; python3-xlib is not needed)."""
    import ctypes
    import ctypes.util
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(None)
    if not dpy:
        raise HarnessError(f"Could not open the X display {os.environ.get('DISPLAY')!r}")
    POINTER_ROOT, REVERT_TO_POINTER_ROOT, CURRENT_TIME = 1, 1, 0
    x11.XSetInputFocus(dpy, POINTER_ROOT, REVERT_TO_POINTER_ROOT, CURRENT_TIME)
    x11.XCloseDisplay(dpy)  # flushes the request


def raise_app(pid):
    """Raise the windows of process pid above the others, and give them the
    keyboard: with no window manager, two apps' windows both sit at the
    screen's origin, and clicks go to whichever is on top. The windows are
    told by their _NET_WM_PID, through libX11."""
    import ctypes
    import ctypes.util
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.c_ulong),
                               ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                               ctypes.POINTER(ctypes.c_uint)]
    x11.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long,
                                       ctypes.c_long, ctypes.c_int, ctypes.c_ulong,
                                       ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
                                       ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
                                       ctypes.POINTER(ctypes.c_void_p)]
    x11.XRaiseWindow.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
    x11.XFree.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    dpy = x11.XOpenDisplay(None)
    if not dpy:
        raise HarnessError(f"Could not open the X display {os.environ.get('DISPLAY')!r}")
    raised = 0
    try:
        net_wm_pid = x11.XInternAtom(dpy, b"_NET_WM_PID", 0)
        root_ret, parent_ret = ctypes.c_ulong(), ctypes.c_ulong()
        children, n = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        x11.XQueryTree(dpy, x11.XDefaultRootWindow(dpy), ctypes.byref(root_ret), ctypes.byref(parent_ret),
                       ctypes.byref(children), ctypes.byref(n))
        for i in range(n.value):
            window = children[i]
            type_ret, format_ret = ctypes.c_ulong(), ctypes.c_int()
            n_items, after = ctypes.c_ulong(), ctypes.c_ulong()
            data = ctypes.c_void_p()
            XA_CARDINAL = 6
            if x11.XGetWindowProperty(dpy, window, net_wm_pid, 0, 1, 0, XA_CARDINAL, ctypes.byref(type_ret),
                                      ctypes.byref(format_ret), ctypes.byref(n_items), ctypes.byref(after),
                                      ctypes.byref(data)) == 0 and data.value:
                if n_items.value == 1 and ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0] == pid:
                    x11.XRaiseWindow(dpy, window)
                    raised += 1
                x11.XFree(data)
        if children:
            x11.XFree(children)
    finally:
        x11.XCloseDisplay(dpy)  # flushes the requests
    if not raised:
        raise HarnessError(f"No window of process {pid} to raise")
    time.sleep(0.3)


def click_node(node, check_focus=True, timeout=5):
    """Click the middle of the visible part of node, like a person would;
    for an input, wait until it reports the focused state."""
    from dogtail import rawinput
    x, y, w, h = scroll_into_view(node)
    focus_under_pointer()
    rawinput.click(x + w // 2, y + h // 2)
    if check_focus:
        wait_for(f"{node.roleName} {node.name!r} to take the keyboard focus after a click at "
                 f"({x + w // 2}, {y + h // 2})",
                 lambda: has_state(node, "STATE_FOCUSED"), timeout, 0.1)


def type_text(text):
    """Type like a person: one key at a time; "\n" is the Return key."""
    from dogtail import rawinput
    for line_no, line in enumerate(text.split("\n")):
        if line_no:
            rawinput.pressKey("Return")
        if line:
            rawinput.typeText(line)


def key_combo(combo):
    from dogtail import rawinput
    rawinput.keyCombo(combo)
