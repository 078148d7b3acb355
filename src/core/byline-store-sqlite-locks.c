/* byline-store-sqlite-locks.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Edit locks on a newsroom file: several windows and programs on one
 * computer (byline-store.h says what a lock means). */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-private.h"
#include "byline-store-sqlite-private.h"

gboolean
_byline_store_sqlite_lock_article (BylineStoreBackend  *backend,
                                   gint64               id,
                                   const char          *desk,
                                   const char          *name,
                                   gboolean             take_over,
                                   gint64               now,
                                   gboolean            *acquired,
                                   char               **holder,
                                   GError             **error)
{
  BylineSql *sql = BYLINE_STORE_SQLITE (backend)->sql;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("start editing the article");

  *acquired = FALSE;
  *holder = NULL;

  /* One transaction: of two desks taking a free lock at once, one wins and
   * the other is told who. */
  if (!byline_sql_begin (sql, doing, error))
    return FALSE;

  stmt = byline_sql_prepare (sql,
                             "SELECT desk, holder_name FROM edit_locks"
                             " WHERE article_id = ?1 AND heartbeat > ?2 AND desk <> ?3",
                             doing, &local_error);
  if (stmt == NULL)
    goto out;
  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_int64 (stmt, 2, now - BYLINE_LOCK_LAPSE);
  byline_sql_bind_text (stmt, 3, desk);
  /* A lock a killed or crashed program of this computer left is free:
   * its heartbeat would only let it go a minute later. */
  if (byline_sql_next (sql, stmt, doing, &local_error) && !take_over &&
      !_byline_store_desk_is_gone (byline_sql_column_text (stmt, 0)))
    {
      *holder = g_strdup (byline_sql_column_text (stmt, 1));
      goto out;
    }
  if (local_error != NULL)
    goto out;
  g_clear_pointer (&stmt, byline_sql_stmt_release);

  stmt = byline_sql_prepare (sql,
                             "INSERT INTO edit_locks (article_id, desk, holder_name, heartbeat)"
                             " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?1)"
                             " ON CONFLICT (article_id) DO UPDATE SET desk = excluded.desk,"
                             " holder_name = excluded.holder_name, heartbeat = excluded.heartbeat",
                             doing, &local_error);
  if (stmt == NULL)
    goto out;
  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_text (stmt, 2, desk);
  byline_sql_bind_text (stmt, 3, name);
  byline_sql_bind_int64 (stmt, 4, now);
  if (byline_sql_run (sql, stmt, doing, &local_error))
    *acquired = byline_sql_changes (sql) > 0;

out:
  g_clear_pointer (&stmt, byline_sql_stmt_release);
  if (local_error != NULL)
    {
      byline_sql_rollback (sql);
      g_clear_pointer (holder, g_free);
      *acquired = FALSE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return byline_sql_commit (sql, doing, error);
}

gboolean
_byline_store_sqlite_heartbeat_lock (BylineStoreBackend  *backend,
                                     gint64               id,
                                     const char          *desk,
                                     gint64               now,
                                     gboolean            *held,
                                     GError             **error)
{
  BylineSql *sql = BYLINE_STORE_SQLITE (backend)->sql;
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("keep editing the article");

  *held = FALSE;

  stmt = byline_sql_prepare (sql,
                             "UPDATE edit_locks SET heartbeat = ?3 WHERE article_id = ?1 AND desk = ?2",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_text (stmt, 2, desk);
  byline_sql_bind_int64 (stmt, 3, now);
  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  *held = byline_sql_changes (sql) > 0;
  return TRUE;
}

gboolean
_byline_store_sqlite_unlock_article (BylineStoreBackend  *backend,
                                     gint64               id,
                                     const char          *desk,
                                     GError             **error)
{
  BylineSql *sql = BYLINE_STORE_SQLITE (backend)->sql;
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("stop editing the article");

  stmt = byline_sql_prepare (sql, "DELETE FROM edit_locks WHERE article_id = ?1 AND desk = ?2",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_text (stmt, 2, desk);

  return byline_sql_run (sql, stmt, doing, error);
}
