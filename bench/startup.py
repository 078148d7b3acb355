#!/usr/bin/python3
# startup.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time from exec to the first frame of the main window, Byline against
gnome-text-editor (or Byline against itself on newsrooms of different
sizes), under the X server in $DISPLAY.

Each run starts the program through bench/first-frame (the same for every
program), with fresh XDG config, data and state folders and in-memory
settings, so nothing is restored from an earlier run; each program keeps
its own cache folder from run to run (compiled shaders). Runs alternate between the programs; the
first run of each is discarded (cold caches). Run under Xvfb with a
private session bus:

  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \\
    /usr/bin/python3 bench/startup.py --build _build --newsroom /tmp/n10k.db
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

COMMON_ENV = {
    'NO_AT_BRIDGE': '1',
    'GTK_A11Y': 'none',
    'WEBKIT_DISABLE_DMABUF_RENDERER': '1',
    'GDK_BACKEND': 'x11',
    'GSETTINGS_BACKEND': 'memory',
    'GTK_USE_PORTAL': '0',
}

NOTE = """Harbour board meeting, Tuesday

The board voted to postpone the second ferry berth until the spring.
Councillor Marlowe asked for the costings to be published before the vote.
"""


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def make_note(path):
    """About 4 KB of plain text for gnome-text-editor to open."""
    text = ''
    while len(text) < 4000:
        text += NOTE + '\n'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text[:4096])


# gnome-text-editor --standalone opens at 700 × 520; Byline at 1280 × 820.
# Under Xvfb every pixel is drawn by the CPU (llvmpipe), so --same-size
# opens Byline at the text editor's size too.
SAME_SIZE_KEYFILE = """[io/github/bylinedesk/Byline]
window-width=700
window-height=520
"""


def run_once(first_frame, argv, extra_env, settle_ms, keyfile=None, cache=None):
    home = tempfile.mkdtemp(prefix='byline-startup-')
    env = dict(os.environ)
    env.update(COMMON_ENV)
    env.update(extra_env)
    for var, sub in (('XDG_CONFIG_HOME', 'config'), ('XDG_DATA_HOME', 'data'),
                     ('XDG_STATE_HOME', 'state'), ('XDG_CACHE_HOME', 'cache')):
        env[var] = os.path.join(home, sub)
        os.makedirs(env[var])
    # The cache folder (Mesa's compiled shaders above all) lives on from run
    # to run of the same program, as a person's does: only the first run,
    # the one discarded, compiles every shader.
    if cache is not None:
        env['XDG_CACHE_HOME'] = cache
    if keyfile is not None:
        # Settings from a file in the fresh config folder, for both programs.
        env['GSETTINGS_BACKEND'] = 'keyfile'
        os.makedirs(os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings'))
        with open(os.path.join(env['XDG_CONFIG_HOME'], 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
            f.write(keyfile)
    try:
        out = subprocess.run([first_frame, '--settle', str(settle_ms), '--'] + argv,
                             env=env, capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if out.returncode != 0:
        sys.exit(f'{argv[0]} failed: {out.stderr.strip()}')
    return json.loads(out.stdout.strip().splitlines()[-1])


def summary(name, results):
    frame = [r['frame_ms'] for r in results]
    mapped = [r['map_ms'] for r in results]
    cpu = [r['cpu_ms'] for r in results]
    rss = [r['rss_kb'] / 1024 for r in results if r['rss_kb'] > 0]
    line = (f'{name:<34} n={len(results):<3} first frame median {statistics.median(frame):7.1f} ms'
            f'  p90 {percentile(frame, 0.9):7.1f} ms | mapped median {statistics.median(mapped):7.1f} ms'
            f' | CPU to first frame median {statistics.median(cpu):7.1f} ms')
    if rss:
        line += f' | RSS {statistics.median(rss):6.1f} MiB'
    print(line)
    return statistics.median(frame), statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--build', default='_build', help='the meson build folder (default: _build)')
    parser.add_argument('--newsroom', action='append', required=True,
                        help='a newsroom database for Byline (give several to compare sizes)')
    parser.add_argument('--runs', type=int, default=15, help='runs per program, the first discarded')
    parser.add_argument('--no-text-editor', action='store_true',
                        help='only Byline (for comparing newsroom sizes)')
    parser.add_argument('--settle', type=int, default=1000,
                        help='ms after the first frame to read the resident memory (default 1000)')
    parser.add_argument('--floor', action='store_true',
                        help='also time bench/empty-window and empty-window-webkit (the floor)')
    parser.add_argument('--gl-too', action='store_true',
                        help='also run Byline with GSK_RENDERER=gl (GTK’s own renderer choice)')
    parser.add_argument('--same-size', action='store_true',
                        help='open Byline at gnome-text-editor’s window size (700 × 520)')
    parser.add_argument('--json', help='write every run to this file')
    args = parser.parse_args()

    build = os.path.abspath(args.build)
    first_frame = os.path.join(build, 'bench', 'first-frame')
    byline = os.path.join(build, 'src', 'byline')
    if not os.path.exists(first_frame):
        sys.exit(f'Build the helper first: ninja -C {args.build} bench/first-frame')
    if 'DISPLAY' not in os.environ:
        sys.exit('No X display: run under xvfb-run (see --help).')

    programs = []
    renderer_env = {}
    for db in args.newsroom:
        # Byline writes nothing to the newsroom until something is edited.
        programs.append((f'byline {os.path.basename(db)}', os.path.abspath(db)))
        if args.gl_too:
            # What GTK draws with when Byline does not choose (src/ui/byline-gl.c).
            name = f'byline {os.path.basename(db)} GSK_RENDERER=gl'
            programs.append((name, os.path.abspath(db)))
            renderer_env[name] = {'GSK_RENDERER': 'gl'}
    work = tempfile.mkdtemp(prefix='byline-startup-files-')
    note = os.path.join(work, 'note.txt')
    make_note(note)
    if not args.no_text_editor:
        if not shutil.which('gnome-text-editor'):
            sys.exit('gnome-text-editor is not installed (apt-get install gnome-text-editor).')
        programs.append(('gnome-text-editor --standalone', None))
    if args.floor:
        for name in ('empty-window', 'empty-window-webkit'):
            path = os.path.join(build, 'bench', name)
            if not os.path.exists(path):
                sys.exit(f'Build the floor first: ninja -C {args.build} bench/{name}')
            programs.append((name, [path]))

    results = {name: [] for name, _ in programs}
    caches = {name: tempfile.mkdtemp(prefix='cache-', dir=work) for name, _ in programs}
    for run in range(args.runs):
        for name, db in programs:
            if isinstance(db, list):
                r = run_once(first_frame, db, {}, args.settle, None, caches[name])
            elif db is not None:
                r = run_once(first_frame, [byline, '--database', db],
                             {'GSETTINGS_SCHEMA_DIR': os.path.join(build, 'data'),
                              'BYLINE_MODULE_DIR': os.path.join(build, 'src', 'ui'),
                              **renderer_env.get(name, {})}, args.settle,
                             SAME_SIZE_KEYFILE if args.same_size else None, caches[name])
            else:
                r = run_once(first_frame, ['gnome-text-editor', '--standalone', note], {}, args.settle,
                             '' if args.same_size else None, caches[name])
            r['run'] = run
            print(f'  {name:<34} run {run:2}: first frame {r["frame_ms"]:7.1f} ms'
                  f'  (mapped {r["map_ms"]:7.1f}, CPU {r["cpu_ms"]:7.1f}, RSS {r["rss_kb"] / 1024:6.1f} MiB,'
                  f' {r["width"]}×{r["height"]})',
                  file=sys.stderr)
            results[name].append(r)

    shutil.rmtree(work, ignore_errors=True)

    print(f'\n{os.cpu_count()} CPUs, {args.runs} runs each, first discarded; load average now '
          f'{os.getloadavg()[0]:.2f}')
    medians = {}
    for name, _ in programs:
        medians[name] = summary(name, results[name][1:])

    if not args.no_text_editor:
        te = medians['gnome-text-editor --standalone']
        for name, db in programs:
            if db is not None:
                print(f'{name}: {100 * medians[name][0] / te[0]:.0f}% of gnome-text-editor’s first-frame time '
                      f'({100 * medians[name][1] / te[1]:.0f}% of its CPU time)'
                      + ('; the goal is 60%' if isinstance(db, str) else ''))

    if args.json:
        with open(args.json, 'w') as f:
            json.dump(results, f, indent=1)


if __name__ == '__main__':
    main()
