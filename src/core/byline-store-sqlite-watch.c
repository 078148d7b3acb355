/* byline-store-sqlite-watch.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Seeing what other programs write to the same newsroom file: the command
 * line, a second window, a script. SQLite has no notifications between
 * processes, so a short timer asks PRAGMA data_version, which changes only
 * when another connection has committed and costs no disk read; then the
 * changes log (schema step 4) says which articles changed and how. */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-sqlite-private.h"

/* Well inside the second within which a change must show at another desk. */
#define POLL_INTERVAL_MS 250
/* Changes read at one tick; the rest come at the next. */
#define MAX_CHANGES 500

struct _BylineSqliteWatch
{
  BylineSql             *sql;
  BylineStoreChangeFunc  func;
  gpointer               user_data;
  GSource               *timer;
  gint64                 data_version;
  gint64                 last_seq;
};

typedef struct
{
  gint64  article_id;
  char   *what;
} Change;

static void
change_clear (gpointer data)
{
  Change *change = data;

  g_free (change->what);
}

static gboolean
read_position (BylineSql  *sql,
               gint64     *data_version,
               gint64     *last_seq,
               GError    **error)
{
  const char *doing = _("look for changes");

  return byline_sql_query_int64 (sql, "PRAGMA data_version", data_version, doing, error) &&
         (last_seq == NULL ||
          byline_sql_query_int64 (sql, "SELECT coalesce(max(seq), 0) FROM changes", last_seq,
                                  doing, error));
}

static gboolean
poll_cb (gpointer user_data)
{
  BylineSqliteWatch *self = user_data;
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("look for changes");
  gint64 data_version = 0;

  /* A save or a search on a worker holds the connection: typing must not
   * wait for it, and the next tick will do. */
  if (!byline_sql_try_lock (self->sql))
    return G_SOURCE_CONTINUE;

  if (!read_position (self->sql, &data_version, NULL, &error) ||
      data_version == self->data_version)
    goto out;

  changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (changes, change_clear);

  stmt = byline_sql_prepare (self->sql,
                             "SELECT seq, article_id, what FROM changes WHERE seq > ?1"
                             " ORDER BY seq LIMIT ?2",
                             doing, &error);
  if (stmt == NULL)
    goto out;
  byline_sql_bind_int64 (stmt, 1, self->last_seq);
  byline_sql_bind_int64 (stmt, 2, MAX_CHANGES);

  while (byline_sql_next (self->sql, stmt, doing, &error))
    {
      Change change;

      self->last_seq = byline_sql_column_int64 (stmt, 0);
      change.article_id = byline_sql_column_int64 (stmt, 1);
      change.what = g_strdup (byline_sql_column_text (stmt, 2));
      g_array_append_val (changes, change);
    }

  /* Only once the log is read to its end does this version count as seen. */
  if (error == NULL && changes->len < MAX_CHANGES)
    self->data_version = data_version;

out:
  g_clear_pointer (&stmt, byline_sql_stmt_release);
  byline_sql_unlock (self->sql);

  if (error != NULL)
    g_debug ("Could not look for changes: %s", error->message);

  /* Outside the lock: whoever is told may read the store at once. */
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      Change *change = &g_array_index (changes, Change, i);

      self->func (change->article_id, change->what, self->user_data);
    }

  return G_SOURCE_CONTINUE;
}

BylineSqliteWatch *
_byline_sqlite_watch_new (BylineSql              *sql,
                          BylineStoreChangeFunc   func,
                          gpointer                user_data,
                          GError                **error)
{
  g_autofree BylineSqliteWatch *self = g_new0 (BylineSqliteWatch, 1);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);

  self->sql = sql;
  self->func = func;
  self->user_data = user_data;

  if (!read_position (sql, &self->data_version, &self->last_seq, error))
    return NULL;

  self->timer = g_timeout_source_new (POLL_INTERVAL_MS);
  g_source_set_callback (self->timer, poll_cb, self, NULL);
  g_source_set_static_name (self->timer, "[byline] newsroom file changes");
  g_source_attach (self->timer, g_main_context_get_thread_default ());

  return g_steal_pointer (&self);
}

void
_byline_sqlite_watch_free (BylineSqliteWatch *self)
{
  if (self == NULL)
    return;

  g_source_destroy (self->timer);
  g_source_unref (self->timer);
  g_free (self);
}
