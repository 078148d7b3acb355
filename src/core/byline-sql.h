/* byline-sql.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "byline-article-fields.h"

G_BEGIN_DECLS

/* The one way the SQLite backend speaks SQL: a connection with its lock,
 * prepared statements cached by their text, binding and reading helpers
 * that know the store's conventions ("" for absent text, NULL for an unset
 * time, states by their nicks, article fields by the field table),
 * transactions, and SQLite's result codes turned into BYLINE_STORE_ERRORs
 * a person can act on.
 *
 * Locking: one connection serves the main thread and the workers. Every
 * use of it happens with the (recursive) lock held: take it with
 * byline_sql_lock() for reads, or byline_sql_begin() for a write
 * transaction, which holds it until byline_sql_commit() or
 * byline_sql_rollback(). Statements from byline_sql_prepare() belong to
 * the cache: release them (g_autoptr(BylineSqlStmt) does) before the lock
 * goes, so an unfinished read never pins an old snapshot of the file. */

typedef struct _BylineSql BylineSql;
typedef sqlite3_stmt BylineSqlStmt;

/* Called as each statement starts to run, on the thread that runs it:
 * tests and benchmarks count the queries a step makes. */
typedef void (*BylineSqlTraceFunc) (const char *sql,
                                    gpointer    user_data);

/* Opens (creating if needed) the file at @path read-write. */
BylineSql     *byline_sql_open            (const char    *path,
                                           GError       **error);
/* Opens the existing file at @path for reading only. @immutable: the file
 * cannot change while it is open (a read-only folder, where SQLite could
 * not make the shared-memory file a WAL database needs). */
BylineSql     *byline_sql_open_read_only  (const char    *path,
                                           gboolean       immutable,
                                           GError       **error);
void           byline_sql_close           (BylineSql     *self);
const char    *byline_sql_get_path        (BylineSql     *self);
/* SQLite opens a file it cannot write read-only, quietly. */
gboolean       byline_sql_is_read_only    (BylineSql     *self);
void           byline_sql_set_busy_timeout (BylineSql    *self,
                                           guint          milliseconds);
void           byline_sql_set_trace       (BylineSql          *self,
                                           BylineSqlTraceFunc  func,
                                           gpointer            user_data);

void           byline_sql_lock            (BylineSql     *self);
void           byline_sql_unlock          (BylineSql     *self);
/* The lock if no other thread holds it now: for work that can wait. */
gboolean       byline_sql_try_lock        (BylineSql     *self);
/* g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql); */
typedef BylineSql BylineSqlLocker;
BylineSqlLocker *byline_sql_locker_new    (BylineSql     *self);
void           byline_sql_locker_free     (BylineSqlLocker *locker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSqlLocker, byline_sql_locker_free)

/* Turns @rc into a BYLINE_STORE_ERROR; @doing is a translated phrase such
 * as "save the article". */
void           byline_sql_set_error       (BylineSql     *self,
                                           GError       **error,
                                           int            rc,
                                           const char    *doing);

/* The cached statement for @sql, reset, bindings cleared. With the lock. */
BylineSqlStmt *byline_sql_prepare         (BylineSql     *self,
                                           const char    *sql,
                                           const char    *doing,
                                           GError       **error);
/* Resets @stmt for its next user. */
void           byline_sql_stmt_release    (BylineSqlStmt *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineSqlStmt, byline_sql_stmt_release)

/* Steps @stmt: TRUE with a row to read; FALSE when done, or on a failure
 * with @error set. */
gboolean       byline_sql_next            (BylineSql     *self,
                                           BylineSqlStmt *stmt,
                                           const char    *doing,
                                           GError       **error);
/* Runs @stmt, which gives no rows. */
gboolean       byline_sql_run             (BylineSql     *self,
                                           BylineSqlStmt *stmt,
                                           const char    *doing,
                                           GError       **error);
/* Runs @sql (any number of statements, no parameters, no rows). */
gboolean       byline_sql_exec            (BylineSql     *self,
                                           const char    *sql,
                                           const char    *doing,
                                           GError       **error);
/* The first column of the first row of @sql (0 when NULL or no row). */
gboolean       byline_sql_query_int64     (BylineSql     *self,
                                           const char    *sql,
                                           gint64        *value,
                                           const char    *doing,
                                           GError       **error);
gint64         byline_sql_changes         (BylineSql     *self);
gint64         byline_sql_last_insert_id  (BylineSql     *self);

/* A write transaction (BEGIN IMMEDIATE): takes the lock, and keeps it
 * until commit or rollback. A failed begin holds nothing. */
gboolean       byline_sql_begin           (BylineSql     *self,
                                           const char    *doing,
                                           GError       **error);
/* Commits and lets go of the lock; on failure it rolls back first. */
gboolean       byline_sql_commit          (BylineSql     *self,
                                           const char    *doing,
                                           GError       **error);
void           byline_sql_rollback        (BylineSql     *self);

/* Binding, with parameters numbered from 1 */
void           byline_sql_bind_text       (BylineSqlStmt *stmt,
                                           int            index,
                                           const char    *text);
void           byline_sql_bind_int64      (BylineSqlStmt *stmt,
                                           int            index,
                                           gint64         value);
/* A blob; the bytes are referenced until the statement is reset. */
void           byline_sql_bind_bytes      (BylineSqlStmt *stmt,
                                           int            index,
                                           GBytes        *bytes);
void           byline_sql_bind_null       (BylineSqlStmt *stmt,
                                           int            index);
/* A row's id; NULL for 0 ("none"). */
void           byline_sql_bind_id         (BylineSqlStmt *stmt,
                                           int            index,
                                           gint64         id);
/* NULL for 0 or less. */
void           byline_sql_bind_time       (BylineSqlStmt *stmt,
                                           int            index,
                                           gint64         value);
/* NULL for a negative @status ("none"). */
void           byline_sql_bind_status     (BylineSqlStmt *stmt,
                                           int            index,
                                           int            status);
void           byline_sql_bind_field      (BylineSqlStmt *stmt,
                                           int            index,
                                           const BylineArticleField *field,
                                           BylineArticle *article);

/* Reading, with columns numbered from 0 */
gboolean       byline_sql_column_is_null  (BylineSqlStmt *stmt,
                                           int            column);
const char    *byline_sql_column_text     (BylineSqlStmt *stmt,
                                           int            column);
gint64         byline_sql_column_int64    (BylineSqlStmt *stmt,
                                           int            column);
/* A blob, copied. */
GBytes        *byline_sql_column_bytes    (BylineSqlStmt *stmt,
                                           int            column);
/* -1 for NULL; a state this build does not know reads as a draft. */
int            byline_sql_column_status   (BylineSqlStmt *stmt,
                                           int            column);
void           byline_sql_column_field    (BylineSqlStmt *stmt,
                                           int            column,
                                           const BylineArticleField *field,
                                           BylineArticle *article);

/* "a.headline, a.body" for the fields that have all of @with and none of
 * @without, each after @prefix ("a." or ""). @n_fields (optional) gets how
 * many. */
char          *byline_sql_field_list      (BylineFieldFlags  with,
                                           BylineFieldFlags  without,
                                           const char       *prefix,
                                           guint            *n_fields);

G_END_DECLS
