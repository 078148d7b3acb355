#!/usr/bin/python3
# interaction.py
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""CPU time Byline spends drawing while someone types and scrolls, with each
of GTK's renderers, under the X server in $DISPLAY.

Byline draws with GTK's cairo renderer when OpenGL is drawn by the CPU
(src/ui/byline-gl.c); this compares that with GTK's own choice (GSK_RENDERER=gl)
on the same machine. Each run opens a copy of the newsroom, waits for the
window to settle, then with xdotool: types 120 characters into the standfirst
(40 ms apart), scrolls the editor down and up (20 + 20 wheel steps, 50 ms
apart) and the drafts list (40 steps). For each step it reports the CPU time
of every thread of the process (the rasterizer's too) from /proc. Needs
xdotool (bench only). Run under Xvfb with a private session bus:

  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- \\
    /usr/bin/python3 bench/interaction.py --build _build --newsroom /tmp/n10k.db
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from startup import COMMON_ENV

TEXT = 'The ferry board will publish the costings before the vote in March. '


def cpu_ms(pid):
    """User + system time of every thread of @pid so far, in ms."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    return 1000.0 * ticks / os.sysconf('SC_CLK_TCK')


def xdo(*args):
    subprocess.run(['xdotool'] + [str(a) for a in args], check=True, capture_output=True)


def run_once(byline, build, newsroom, renderer):
    home = tempfile.mkdtemp(prefix='byline-interaction-')
    db = os.path.join(home, 'newsroom.db')
    shutil.copyfile(newsroom, db)
    env = dict(os.environ)
    env.update(COMMON_ENV)
    env['GSETTINGS_SCHEMA_DIR'] = os.path.join(build, 'data')
    env['BYLINE_MODULE_DIR'] = os.path.join(build, 'src', 'ui')
    for var in ('XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME'):
        env[var] = os.path.join(home, var.lower())
        os.makedirs(env[var])
    env.pop('GSK_RENDERER', None)
    if renderer != 'byline':
        env['GSK_RENDERER'] = renderer
    proc = subprocess.Popen([byline, '--database', db], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = {}
    try:
        subprocess.run(['xdotool', 'search', '--sync', '--pid', str(proc.pid), '--name', 'Byline'],
                       check=True, capture_output=True, timeout=30)
        # The preview's web process, highlighting and the list's later rows.
        time.sleep(4)

        before = cpu_ms(proc.pid)
        # The standfirst, below the headline in the window's default layout.
        xdo('mousemove', 650, 195, 'click', 1)
        xdo('key', 'ctrl+End')
        time.sleep(0.5)
        start = cpu_ms(proc.pid)
        xdo('type', '--delay', 40, (TEXT * 2)[:120])
        time.sleep(1.5)  # the preview's refresh and the autosave
        result['type'] = cpu_ms(proc.pid) - start

        xdo('mousemove', 650, 500)
        time.sleep(0.3)
        start = cpu_ms(proc.pid)
        for button in (5, 4):
            xdo('click', '--repeat', 20, '--delay', 50, button)
        time.sleep(0.5)
        result['scroll editor'] = cpu_ms(proc.pid) - start

        xdo('mousemove', 150, 500)
        time.sleep(0.3)
        start = cpu_ms(proc.pid)
        xdo('click', '--repeat', 40, '--delay', 50, 5)
        time.sleep(0.5)
        result['scroll list'] = cpu_ms(proc.pid) - start
        result['all'] = cpu_ms(proc.pid) - before
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(home, ignore_errors=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--build', default='_build')
    parser.add_argument('--newsroom', required=True, help='a newsroom database (copied for each run)')
    parser.add_argument('--runs', type=int, default=5)
    args = parser.parse_args()

    if not shutil.which('xdotool'):
        sys.exit('xdotool is not installed (apt-get install xdotool).')
    if 'DISPLAY' not in os.environ:
        sys.exit('No X display: run under xvfb-run (see --help).')
    build = os.path.abspath(args.build)
    byline = os.path.join(build, 'src', 'byline')

    renderers = {'byline': "Byline's choice", 'gl': 'GSK_RENDERER=gl'}
    results = {name: [] for name in renderers}
    for run in range(args.runs):
        for name in renderers:
            r = run_once(byline, build, os.path.abspath(args.newsroom), name)
            print(f'  {renderers[name]:<16} run {run}: ' +
                  ', '.join(f'{k} {v:6.0f} ms' for k, v in r.items()), file=sys.stderr)
            results[name].append(r)

    print(f'\nCPU time of the Byline process, median of {args.runs} runs '
          f'(load average now {os.getloadavg()[0]:.2f})')
    steps = list(results['byline'][0].keys())
    print(f'{"":<18}' + ''.join(f'{s:>16}' for s in steps))
    for name, label in renderers.items():
        print(f'{label:<18}' + ''.join(
            f'{statistics.median(r[s] for r in results[name]):13.0f} ms' for s in steps))


if __name__ == '__main__':
    main()
