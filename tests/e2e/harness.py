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
        """SIGKILL the app itself (not its group: its WebKit helpers are
        left to notice, as they would after a crash), then reap it."""
        if self.running():
            os.kill(self.pid, signal.SIGKILL)
        self.popen.wait(timeout=10)
        # The helpers share the process group; make sure none outlive it.
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
    def __init__(self, keep_tmp=False):
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
        for var in ("WAYLAND_DISPLAY", "NO_AT_BRIDGE", "AT_SPI_BUS_ADDRESS",
                    "GTK_A11Y", "GDK_BACKEND", "SESSION_MANAGER"):
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
            p, log_path = self._spawn("xvfb", ["Xvfb", "-displayfd", str(w), "-screen", "0", SCREEN,
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
        p, _ = self._spawn("dbus", ["dbus-daemon", "--session", "--nofork", "--nopidfile",
                                    "--print-address=1"],
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

        def a11y_bus():
            out = subprocess.run(["gdbus", "call", "--session", "--dest", "org.a11y.Bus",
                                  "--object-path", "/org/a11y/bus",
                                  "--method", "org.a11y.Bus.GetAddress"],
                                 env=env, capture_output=True, text=True, timeout=10)
            return out.returncode == 0 and "unix:" in out.stdout and out.stdout

        address = wait_for("the accessibility bus (org.a11y.Bus.GetAddress)", a11y_bus, 20, 0.2)
        log(f"accessibility bus {address.strip()}")

    # -- the application ----------------------------------------------------

    def app_env(self):
        env = self._base_env()
        env.update({
            "GTK_A11Y": "atspi",
            "GSETTINGS_SCHEMA_DIR": os.path.join(self.build_root, "data"),
            "WEBKIT_DISABLE_DMABUF_RENDERER": "1",
            "GTK_USE_PORTAL": "0",
            "GDK_DEBUG": "no-portals",
        })
        # The meson test environment makes warnings fatal for unit tests; a
        # warning from a library in this session must not abort the app.
        env.pop("G_DEBUG", None)
        if os.geteuid() == 0:
            # bubblewrap cannot set up WebKit's sandbox for root here.
            env["WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS"] = "1"
        return env

    def start_app(self, *args):
        name = f"byline-{len(self._apps) + 1}"
        p, log_path = self._spawn(name, [self.binary, *args], self.app_env())
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


# -- accessibility tree helpers (need dogtail, imported lazily) ---------------

def dogtail_setup():
    """Import dogtail after Session.start() has set DISPLAY and the bus."""
    from dogtail.config import config
    config.checkForA11y = True
    config.logDebugToStdOut = False
    config.logDebugToFile = False
    config.searchShowingOnly = False
    config.actionDelay = 0.2
    config.typingDelay = 0.02
    config.defaultDelay = 0.3
    config.searchCutoffCount = 3
    config.searchBackoffDuration = 0.3
    from dogtail import tree  # noqa: F401 - connects pyatspi
    return tree


def dump_tree(node, out=sys.stderr, depth=0, max_depth=40):
    """Role, name and (for text) contents of every node, indented."""
    try:
        role = node.roleName
        name = node.name
    except Exception as e:  # noqa: BLE001
        print("  " * depth + f"<gone: {e!r}>", file=out)
        return
    extra = ""
    try:
        ext = node.extents
        extra = f" @({ext[0]},{ext[1]} {ext[2]}x{ext[3]})"
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
