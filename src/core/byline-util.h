/* byline-util.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. NULL and "" are kept
 * apart. Returns TRUE when the string changed. */
static inline gboolean
byline_set_str (char       **str_pointer,
                const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;

  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;

  return TRUE;
}

/* Whether every string of @some is in @all (a NULL array holds none), in
 * time linear in both: a newsroom dictionary has thousands of words. */
static inline gboolean
byline_strv_contains_all (const char * const *all,
                          const char * const *some)
{
  g_autoptr(GHashTable) set = NULL;

  if (some == NULL || some[0] == NULL)
    return TRUE;
  if (all == NULL)
    return FALSE;

  set = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; all[i] != NULL; i++)
    g_hash_table_add (set, (gpointer) all[i]);
  for (guint i = 0; some[i] != NULL; i++)
    if (!g_hash_table_contains (set, some[i]))
      return FALSE;

  return TRUE;
}

/* Calls @func from an idle source on @context, so on the thread that runs
 * it, whatever thread this is. Not g_main_context_invoke(): from a worker
 * thread, that calls @func at once on the worker whenever the context is
 * free to take, as the main context is between two iterations of its loop,
 * and signal handlers would then run GTK and WebKit off the main thread. */
static inline void
byline_invoke_later (GMainContext   *context,
                     GSourceFunc     func,
                     gpointer        data,
                     GDestroyNotify  notify)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, notify);
  g_source_set_static_name (source, "[byline] from a worker thread");
  g_source_attach (source, context);
  g_source_unref (source);
}

G_END_DECLS
