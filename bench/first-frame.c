/* first-frame.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-bench"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <glib.h>
#include <X11/Xlib.h>
#include <X11/Xatom.h>
#include <X11/Xutil.h>
#include <X11/extensions/Xdamage.h>

/* Runs a program and reports, in milliseconds from just before exec:
 *   map_ms    when its first large top-level window was mapped (viewable),
 *   frame_ms  when the app first drew into that window (the first frame:
 *             XDamage reports a change and the window is no longer just
 *             its background colour),
 *   cpu_ms    the CPU time its threads had used by then,
 *   width, height  the window's size when mapped,
 *   start_ms  the CLOCK_MONOTONIC time of the exec, to line up the
 *             program's own timestamps,
 * then optionally the program's resident memory a little later, and stops
 * it. Event-driven (no polling), so any program is measured the same way.
 *
 * Usage: first-frame [--settle MS] [--timeout S] [--min-size N] -- PROGRAM ARGS…
 * Prints one line of JSON. */

typedef struct
{
  Window   window;
  Damage   damage;
  gboolean mapped;
} Tracked;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
x_error_cb (Display     *display,
            XErrorEvent *event)
{
  /* Windows come and go while we look at them; a BadWindow or BadDamage
   * about one that is already gone is expected. */
  return 0;
}

static long
read_status_kb (pid_t       pid,
                const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int)pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len = strlen (field);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return -1;

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, len) == 0 && lines[i][len] == ':')
      return strtol (lines[i] + len + 1, NULL, 10);

  return -1;
}

/* The process that owns @window, from _NET_WM_PID (GTK sets it), or 0. */
static pid_t
window_pid (Display *display,
            Window   window)
{
  Atom wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Atom type;
  int format;
  unsigned long n_items, after;
  unsigned char *data = NULL;
  pid_t pid = 0;

  if (XGetWindowProperty (display, window, wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n_items, &after, &data) == Success &&
      data != NULL && format == 32 && n_items == 1)
    pid = (pid_t)*(unsigned long *)data;
  if (data != NULL)
    XFree (data);

  return pid;
}

/* CPU time of every live thread of @pid, in ms: how much work the first
 * frame took, whatever else the machine was doing meanwhile. */
static double
cpu_ms (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/task", (int)pid);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  double total = 0;

  if (dir == NULL)
    return -1;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stat = g_build_filename (path, name, "schedstat", NULL);
      g_autofree char *contents = NULL;

      if (g_file_get_contents (stat, &contents, NULL, NULL))
        total += g_ascii_strtod (contents, NULL) / 1e6;
    }

  return total;
}

/* Mapping paints the window's background (one flat colour, and a damage
 * event); the app's first frame draws its header bar, with text and
 * buttons. So a frame counts once the top of the window is not flat. */
static gboolean
has_content (Display *display,
             Window   window)
{
  XWindowAttributes attrs;
  XImage *image;
  gboolean content = FALSE;
  int rows;

  if (!XGetWindowAttributes (display, window, &attrs))
    return FALSE;

  rows = MIN (attrs.height, 120);
  image = XGetImage (display, window, 0, 0, attrs.width, rows, AllPlanes, ZPixmap);
  if (image == NULL)
    return FALSE;

  for (int y = 0; y < rows && !content; y++)
    for (int x = 0; x < attrs.width && !content; x++)
      content = XGetPixel (image, x, y) != XGetPixel (image, 0, 0);

  XDestroyImage (image);
  return content;
}

static void
stop_child (pid_t pid)
{
  /* The child leads its own process group, with any helpers it started
   * (WebKit's web and network processes). */
  kill (-pid, SIGTERM);
  for (int i = 0; i < 200; i++)
    {
      if (waitpid (pid, NULL, WNOHANG) == pid)
        goto out;
      g_usleep (10000);
    }
  kill (-pid, SIGKILL);
  waitpid (pid, NULL, 0);
out:
  /* Helpers that outlived the leader. */
  kill (-pid, SIGKILL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) tracked = g_array_new (FALSE, TRUE, sizeof (Tracked));
  Display *display;
  Window root;
  int damage_event, damage_error;
  int settle_ms = 0;
  int timeout_s = 60;
  int min_size = 300;
  int first_arg = -1;
  double start, map_ms = -1, frame_ms = -1, frame_cpu_ms = -1;
  int width = 0, height = 0;
  long rss_kb = -1, hwm_kb = -1;
  int status = 0;
  pid_t pid;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--") && i + 1 < argc)
        {
          first_arg = i + 1;
          break;
        }
      else if (g_str_equal (argv[i], "--settle") && i + 1 < argc)
        settle_ms = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--timeout") && i + 1 < argc)
        timeout_s = atoi (argv[++i]);
      else if (g_str_equal (argv[i], "--min-size") && i + 1 < argc)
        min_size = atoi (argv[++i]);
      else
        break;
    }

  if (first_arg < 0)
    {
      g_printerr ("Usage: %s [--settle MS] [--timeout S] [--min-size N] -- PROGRAM ARGS…\n", argv[0]);
      return 2;
    }

  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_printerr ("Could not open the X display “%s”. Run under Xvfb (xvfb-run -a).\n",
                  g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "");
      return 1;
    }
  if (!XDamageQueryExtension (display, &damage_event, &damage_error))
    {
      g_printerr ("The X server has no DAMAGE extension; first frames cannot be seen.\n");
      return 1;
    }

  XSetErrorHandler (x_error_cb);
  fcntl (ConnectionNumber (display), F_SETFD, FD_CLOEXEC);
  root = DefaultRootWindow (display);
  XSelectInput (display, root, SubstructureNotifyMask);
  XSync (display, False);

  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      g_printerr ("Could not start “%s”: %s\n", argv[first_arg], g_strerror (errno));
      return 1;
    }
  if (pid == 0)
    {
      setpgid (0, 0);
      execvp (argv[first_arg], argv + first_arg);
      fprintf (stderr, "Could not run “%s”: %s\n", argv[first_arg], strerror (errno));
      _exit (127);
    }
  setpgid (pid, pid);

  while (frame_ms < 0)
    {
      XEvent event;

      while (!XPending (display))
        {
          fd_set fds;
          struct timeval tv = { 0, 200 };

          if (waitpid (pid, &status, WNOHANG) == pid)
            {
              g_printerr ("“%s” exited (status %d) before showing a window.\n", argv[first_arg], status);
              return 1;
            }
          if (now_ms () - start > timeout_s * 1000.0)
            {
              g_printerr ("No window from “%s” after %d s.\n", argv[first_arg], timeout_s);
              stop_child (pid);
              return 1;
            }
          /* Sleeps until the X connection has something, at most 0.2 ms. */
          FD_ZERO (&fds);
          FD_SET (ConnectionNumber (display), &fds);
          select (ConnectionNumber (display) + 1, &fds, NULL, NULL, &tv);
        }

      XNextEvent (display, &event);

      if (event.type == CreateNotify && !event.xcreatewindow.override_redirect)
        {
          Tracked t = { event.xcreatewindow.window, 0, FALSE };

          /* Watch for drawing from birth, so no early frame slips past. */
          t.damage = XDamageCreate (display, t.window, XDamageReportNonEmpty);
          g_array_append_val (tracked, t);
        }
      else if (event.type == MapNotify && !event.xmap.override_redirect)
        {
          XWindowAttributes attrs;

          pid_t owner;

          if (!XGetWindowAttributes (display, event.xmap.window, &attrs) ||
              attrs.width < min_size || attrs.height < min_size)
            continue;

          /* Another program's window on the same display. The program may
           * run under a wrapper (perf record, valgrind): its group counts. */
          owner = window_pid (display, event.xmap.window);
          if (owner != 0 && owner != pid && getpgid (owner) != pid)
            continue;

          for (guint i = 0; i < tracked->len; i++)
            {
              Tracked *t = &g_array_index (tracked, Tracked, i);

              if (t->window == event.xmap.window)
                {
                  t->mapped = TRUE;
                  /* Anything drawn while unmapped doesn't count. */
                  XDamageSubtract (display, t->damage, None, None);
                  if (map_ms < 0)
                    {
                      map_ms = now_ms () - start;
                      width = attrs.width;
                      height = attrs.height;
                    }
                }
            }
        }
      else if (event.type == damage_event + XDamageNotify)
        {
          XDamageNotifyEvent *notify = (XDamageNotifyEvent *)&event;

          for (guint i = 0; i < tracked->len; i++)
            {
              Tracked *t = &g_array_index (tracked, Tracked, i);

              if (t->damage == notify->damage)
                {
                  double when = now_ms () - start;

                  XDamageSubtract (display, t->damage, None, None);
                  if (t->mapped && has_content (display, t->window))
                    {
                      frame_ms = when;
                      frame_cpu_ms = cpu_ms (pid);
                    }
                }
            }
        }
    }

  if (settle_ms > 0)
    {
      g_usleep ((gulong)settle_ms * 1000);
      rss_kb = read_status_kb (pid, "VmRSS");
      hwm_kb = read_status_kb (pid, "VmHWM");
    }

  stop_child (pid);

  g_print ("{\"start_ms\": %.2f, \"map_ms\": %.2f, \"frame_ms\": %.2f, \"cpu_ms\": %.2f, "
           "\"width\": %d, \"height\": %d, \"rss_kb\": %ld, \"hwm_kb\": %ld}\n",
           start, map_ms, frame_ms, frame_cpu_ms, width, height, rss_kb, hwm_kb);

  return 0;
}
