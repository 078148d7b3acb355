/* byline-sql.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-sql"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "byline-sql.h"
#include "byline-store.h"

#define DEFAULT_BUSY_TIMEOUT_MS 5000

struct _BylineSql
{
  char               *path;
  sqlite3            *db;
  GHashTable         *stmts;      /* SQL text → sqlite3_stmt */
  GRecMutex           mutex;
  BylineSqlTraceFunc  trace;
  gpointer            trace_data;
  /* The file opened, to notice it moved or was replaced under us: the
   * connection would go on writing to a file nobody will open again. */
  gboolean            has_identity;
  dev_t               dev;
  ino_t               ino;
};

static void
set_error (BylineSql   *self,
           GError     **error,
           int          rc,
           const char  *doing)
{
  g_autofree char *name = g_filename_display_name (self->path);
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the database “%s” is in use by another program. "
                     "Close the other program and try again."),
                   doing, name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_READ_ONLY,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the database “%s” cannot be written. "
                     "Check that the file and its folder are writable."),
                   doing, name);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CORRUPT,
                   /* Translators: the first %s is what failed, such as “open the database”; “%s” is the database file */
                   _("Could not %s: “%s” is not a Byline database, or it is damaged. "
                     "Choose another file, or restore it from a backup."),
                   doing, name);
      break;
    case SQLITE_FULL:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
                   _("Could not %s: the disk holding “%s” is full. Free some space and try again."),
                   doing, name);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   /* Translators: what failed, such as “open the database”; the database file; the reason SQLite gives */
                   _("Could not %s: the database “%s” could not be opened or read (%s). "
                     "Check that the file exists and that its disk is available."),
                   doing, name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   /* Translators: what failed, such as “save the article”; the reason SQLite gives */
                   _("Could not %s: the database refused a value (%s)."),
                   doing, detail);
      break;
    default:
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   /* Translators: what failed, such as “save the article”; the database file; the reason SQLite gives */
                   _("Could not %s in “%s”: %s."),
                   doing, name, detail);
      break;
    }
}

void
byline_sql_set_error (BylineSql   *self,
                      GError     **error,
                      int          rc,
                      const char  *doing)
{
  g_return_if_fail (self != NULL);

  set_error (self, error, rc, doing);
}

static int
trace_cb (unsigned  type,
          void     *context,
          void     *p,
          void     *x)
{
  BylineSql *self = context;
  const char *sql = x;

  /* Trigger programs announce themselves as "-- TRIGGER name": they are
   * part of the statement that fired them, not queries of their own. */
  if (type == SQLITE_TRACE_STMT && self->trace != NULL && sql != NULL &&
      !g_str_has_prefix (sql, "--"))
    self->trace (sql, self->trace_data);

  return 0;
}

void
byline_sql_set_trace (BylineSql          *self,
                      BylineSqlTraceFunc  func,
                      gpointer            user_data)
{
  g_return_if_fail (self != NULL);

  byline_sql_lock (self);
  self->trace = func;
  self->trace_data = user_data;
  sqlite3_trace_v2 (self->db, func != NULL ? SQLITE_TRACE_STMT : 0, func != NULL ? trace_cb : NULL, self);
  byline_sql_unlock (self);
}

static BylineSql *
open_with (const char  *path,
           const char  *filename,
           int          flags,
           GError     **error)
{
  BylineSql *self;
  int rc;

  self = g_new0 (BylineSql, 1);
  self->path = g_strdup (path);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)sqlite3_finalize);
  g_rec_mutex_init (&self->mutex);

  rc = sqlite3_open_v2 (filename, &self->db, flags | SQLITE_OPEN_FULLMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, _("open the database"));
      byline_sql_close (self);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, DEFAULT_BUSY_TIMEOUT_MS);

  {
    GStatBuf st;

    if (g_stat (path, &st) == 0)
      {
        self->has_identity = TRUE;
        self->dev = st.st_dev;
        self->ino = st.st_ino;
      }
  }

  return self;
}

/**
 * byline_sql_open:
 * @path: the file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the connection
 */
BylineSql *
byline_sql_open (const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_with (path, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
}

/**
 * byline_sql_open_read_only:
 * @path: an existing file
 * @immutable: whether SQLite may take the file as one that cannot change
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL with @error set
 */
BylineSql *
byline_sql_open_read_only (const char  *path,
                           gboolean     immutable,
                           GError     **error)
{
  g_autofree char *absolute = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *uri = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  /* A URI, for immutable=1; '?' and '#' in a file name must not start
   * its query. */
  absolute = g_canonicalize_filename (path, NULL);
  escaped = g_uri_escape_string (absolute, "/", FALSE);
  uri = g_strconcat ("file:", escaped, immutable ? "?mode=ro&immutable=1" : "?mode=ro", NULL);

  return open_with (path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error);
}

void
byline_sql_close (BylineSql *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->stmts, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->path, g_free);
  g_rec_mutex_clear (&self->mutex);
  g_free (self);
}

const char *
byline_sql_get_path (BylineSql *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->path;
}

gboolean
byline_sql_is_read_only (BylineSql *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return sqlite3_db_readonly (self->db, "main") == 1;
}

void
byline_sql_set_busy_timeout (BylineSql *self,
                             guint      milliseconds)
{
  g_return_if_fail (self != NULL);
  sqlite3_busy_timeout (self->db, (int)MIN (milliseconds, G_MAXINT));
}

void
byline_sql_lock (BylineSql *self)
{
  g_rec_mutex_lock (&self->mutex);
}

void
byline_sql_unlock (BylineSql *self)
{
  g_rec_mutex_unlock (&self->mutex);
}

gboolean
byline_sql_try_lock (BylineSql *self)
{
  return g_rec_mutex_trylock (&self->mutex);
}

BylineSqlLocker *
byline_sql_locker_new (BylineSql *self)
{
  byline_sql_lock (self);
  return self;
}

void
byline_sql_locker_free (BylineSqlLocker *locker)
{
  byline_sql_unlock (locker);
}

/**
 * byline_sql_prepare:
 * @self: a connection, locked
 * @sql: one statement
 * @doing: what for, for the error message
 * @error: return location for a #GError
 *
 * Returns: (transfer none) (nullable): the statement, ready to bind
 */
BylineSqlStmt *
byline_sql_prepare (BylineSql   *self,
                    const char  *sql,
                    const char  *doing,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->stmts, sql);
  if (stmt != NULL)
    {
      /* Still stepping means two users of one statement: a bug here. */
      g_warn_if_fail (!sqlite3_stmt_busy (stmt));
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, doing);
      sqlite3_finalize (stmt);
      return NULL;
    }

  g_hash_table_insert (self->stmts, g_strdup (sql), stmt);
  return stmt;
}

void
byline_sql_stmt_release (BylineSqlStmt *stmt)
{
  if (stmt == NULL)
    return;

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

gboolean
byline_sql_next (BylineSql      *self,
                 BylineSqlStmt  *stmt,
                 const char     *doing,
                 GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc != SQLITE_DONE)
    set_error (self, error, rc, doing);

  return FALSE;
}

gboolean
byline_sql_run (BylineSql      *self,
                BylineSqlStmt  *stmt,
                const char     *doing,
                GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      set_error (self, error, rc, doing);
      sqlite3_reset (stmt);
      return FALSE;
    }

  sqlite3_reset (stmt);
  return TRUE;
}

gboolean
byline_sql_exec (BylineSql   *self,
                 const char  *sql,
                 const char  *doing,
                 GError     **error)
{
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self);
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

gboolean
byline_sql_query_int64 (BylineSql   *self,
                        const char  *sql,
                        gint64      *value,
                        const char  *doing,
                        GError     **error)
{
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;

  *value = 0;

  stmt = byline_sql_prepare (self, sql, doing, error);
  if (stmt == NULL)
    return FALSE;

  if (byline_sql_next (self, stmt, doing, &local_error))
    *value = sqlite3_column_int64 (stmt, 0);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

gint64
byline_sql_changes (BylineSql *self)
{
  return sqlite3_changes (self->db);
}

gint64
byline_sql_last_insert_id (BylineSql *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

/* The file at the path is still the one opened. A newsroom moved, deleted
 * or replaced (a backup restored over it, a sync tool, a damaged copy)
 * while open would take every later write into a file that is gone: each
 * save would seem to work and be lost at the next start. */
static gboolean
check_identity (BylineSql   *self,
                const char  *doing,
                GError     **error)
{
  g_autofree char *name = NULL;
  GStatBuf st;

  if (!self->has_identity)
    return TRUE;

  if (g_stat (self->path, &st) == 0 && st.st_dev == self->dev && st.st_ino == self->ino)
    return TRUE;

  name = g_filename_display_name (self->path);
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
               /* Translators: the first %s is what failed, such as “save the article”; “%s” is the database file */
               _("Could not %s: the database “%s” was moved, replaced or deleted while Byline had it open, "
                 "so nothing more is written to it. Put the file back, or quit Byline and open the newsroom again."),
               doing, name);
  return FALSE;
}

gboolean
byline_sql_begin (BylineSql   *self,
                  const char  *doing,
                  GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  byline_sql_lock (self);

  /* A transaction inside a transaction is a bug in the caller. */
  g_warn_if_fail (sqlite3_get_autocommit (self->db));

  if (!check_identity (self, doing, error) ||
      !byline_sql_exec (self, "BEGIN IMMEDIATE", doing, error))
    {
      byline_sql_unlock (self);
      return FALSE;
    }

  return TRUE;
}

gboolean
byline_sql_commit (BylineSql   *self,
                   const char  *doing,
                   GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!byline_sql_exec (self, "COMMIT", doing, error))
    {
      byline_sql_rollback (self);
      return FALSE;
    }

  byline_sql_unlock (self);
  return TRUE;
}

void
byline_sql_rollback (BylineSql *self)
{
  g_return_if_fail (self != NULL);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  byline_sql_unlock (self);
}

void
byline_sql_bind_text (BylineSqlStmt *stmt,
                      int            index,
                      const char    *text)
{
  sqlite3_bind_text (stmt, index, text != NULL ? text : "", -1, SQLITE_TRANSIENT);
}

void
byline_sql_bind_bytes (BylineSqlStmt *stmt,
                       int            index,
                       GBytes        *bytes)
{
  gsize size = 0;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  /* SQLite copies nothing with SQLITE_STATIC: @bytes outlive the step. */
  sqlite3_bind_blob64 (stmt, index, data != NULL ? data : "", size, SQLITE_STATIC);
}

void
byline_sql_bind_int64 (BylineSqlStmt *stmt,
                       int            index,
                       gint64         value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
byline_sql_bind_null (BylineSqlStmt *stmt,
                      int            index)
{
  sqlite3_bind_null (stmt, index);
}

void
byline_sql_bind_id (BylineSqlStmt *stmt,
                    int            index,
                    gint64         id)
{
  if (id > 0)
    sqlite3_bind_int64 (stmt, index, id);
  else
    sqlite3_bind_null (stmt, index);
}

void
byline_sql_bind_time (BylineSqlStmt *stmt,
                      int            index,
                      gint64         value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, index, value);
  else
    sqlite3_bind_null (stmt, index);
}

void
byline_sql_bind_status (BylineSqlStmt *stmt,
                        int            index,
                        int            status)
{
  if (status >= 0)
    byline_sql_bind_text (stmt, index, byline_status_to_string (status));
  else
    sqlite3_bind_null (stmt, index);
}

void
byline_sql_bind_field (BylineSqlStmt            *stmt,
                       int                       index,
                       const BylineArticleField *field,
                       BylineArticle            *article)
{
  if (byline_article_field_is_text (field))
    {
      char *text = byline_article_field_dup_text (field, article);

      sqlite3_bind_text (stmt, index, text, -1, g_free);
    }
  else if (field->flags & BYLINE_FIELD_OPTIONAL)
    byline_sql_bind_time (stmt, index, byline_article_field_get_int (field, article));
  else
    sqlite3_bind_int64 (stmt, index, byline_article_field_get_int (field, article));
}

gboolean
byline_sql_column_is_null (BylineSqlStmt *stmt,
                           int            column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL;
}

const char *
byline_sql_column_text (BylineSqlStmt *stmt,
                        int            column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

GBytes *
byline_sql_column_bytes (BylineSqlStmt *stmt,
                         int            column)
{
  const void *data = sqlite3_column_blob (stmt, column);
  int size = sqlite3_column_bytes (stmt, column);

  return g_bytes_new (data, data != NULL ? (gsize)size : 0);
}

gint64
byline_sql_column_int64 (BylineSqlStmt *stmt,
                         int            column)
{
  return sqlite3_column_int64 (stmt, column);
}

int
byline_sql_column_status (BylineSqlStmt *stmt,
                          int            column)
{
  BylineStatus status = BYLINE_STATUS_DRAFT;

  if (byline_sql_column_is_null (stmt, column))
    return -1;

  byline_status_from_string (byline_sql_column_text (stmt, column), &status);
  return status;
}

void
byline_sql_column_field (BylineSqlStmt            *stmt,
                         int                       column,
                         const BylineArticleField *field,
                         BylineArticle            *article)
{
  if (byline_article_field_is_text (field))
    byline_article_field_set_text (field, article, byline_sql_column_text (stmt, column));
  else
    byline_article_field_set_int (field, article, sqlite3_column_int64 (stmt, column));
}

/**
 * byline_sql_field_list:
 * @with: flags every field listed has
 * @without: flags no field listed has
 * @prefix: put before each name
 * @n_fields: (out) (optional): how many were listed
 *
 * Returns: (transfer full): the comma-separated names
 */
char *
byline_sql_field_list (BylineFieldFlags  with,
                       BylineFieldFlags  without,
                       const char       *prefix,
                       guint            *n_fields)
{
  GString *list = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if ((field->flags & with) != with || (field->flags & without) != 0)
        continue;

      if (n++ > 0)
        g_string_append (list, ", ");
      g_string_append (list, prefix);
      g_string_append (list, field->name);
    }

  if (n_fields != NULL)
    *n_fields = n;

  return g_string_free (list, FALSE);
}
