/* byline-store-sqlite-review.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-review-private.h"
#include "byline-store-sqlite-private.h"

/* Editors' review in SQLite: the rows of states, revisions and notes. What
 * they mean (the workflow, word counts, anchors that follow edits) is the
 * store's business, above the backend. */

static BylineSql *
get_sql (BylineStoreBackend *backend)
{
  return BYLINE_STORE_SQLITE (backend)->sql;
}

/* Moves *@local_error into @error; TRUE when there was none. */
static gboolean
propagate (GError **local_error,
           GError **error)
{
  if (*local_error == NULL)
    return TRUE;

  g_propagate_error (error, g_steal_pointer (local_error));
  return FALSE;
}

/* Runs @text on article or note @id (parameter 1), for statements whose
 * other parameters need no binding. */
static gboolean
run_on_id (BylineStoreBackend  *backend,
           const char          *text,
           gint64               id,
           const char          *doing,
           GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = byline_sql_prepare (sql, text, doing, error);

  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, id);
  return byline_sql_run (sql, stmt, doing, error);
}

/* --- workflow ------------------------------------------------------------ */

gboolean
_byline_store_sqlite_read_status (BylineStoreBackend  *backend,
                                  gint64               id,
                                  BylineStatus        *status,
                                  int                 *spiked_from,
                                  gboolean            *found,
                                  GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the article");

  *status = BYLINE_STATUS_DRAFT;
  *spiked_from = -1;
  *found = FALSE;

  stmt = byline_sql_prepare (sql, "SELECT status, spiked_from FROM articles WHERE id = ?1", doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, id);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      int stored = byline_sql_column_status (stmt, 0);

      *status = stored >= 0 ? stored : BYLINE_STATUS_DRAFT;
      *spiked_from = byline_sql_column_status (stmt, 1);
      *found = TRUE;
    }

  return propagate (&local_error, error);
}

gboolean
_byline_store_sqlite_list_unpublished_links (BylineStoreBackend  *backend,
                                             gint64               id,
                                             GPtrArray           *links,
                                             GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the related links");

  /* The transaction holds the file's write lock: nobody else unpublishes
   * a linked article before it ends. */
  stmt = byline_sql_prepare (sql,
                             "SELECT p.sort, r.id, COALESCE (r.headline, p.headline), r.status,"
                             " r.trashed IS NOT NULL"
                             " FROM pins p LEFT JOIN articles r ON r.id = p.related_id"
                             " WHERE p.article_id = ?1"
                             " AND (r.id IS NULL OR r.status IS NOT 'published' OR r.trashed IS NOT NULL)"
                             " ORDER BY p.sort",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, id);
  while (byline_sql_next (sql, stmt, doing, &local_error))
    {
      BylineUnpublishedLink *link = g_new0 (BylineUnpublishedLink, 1);
      int status = byline_sql_column_status (stmt, 3);

      link->index = byline_sql_column_int64 (stmt, 0);
      link->related_id = byline_sql_column_int64 (stmt, 1);
      link->headline = g_strdup (byline_sql_column_text (stmt, 2));
      link->status = status >= 0 ? status : BYLINE_STATUS_DRAFT;
      link->trashed = byline_sql_column_int64 (stmt, 4) != 0;
      g_ptr_array_add (links, link);
    }

  return propagate (&local_error, error);
}

gboolean
_byline_store_sqlite_change_status (BylineStoreBackend  *backend,
                                    gint64               id,
                                    BylineStatus         from,
                                    BylineStatus         to,
                                    gint64              *published,
                                    int                  spiked_from,
                                    gint64               updated,
                                    const char          *author,
                                    BylineRevision      *revision,
                                    gboolean            *moved,
                                    GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("change the article’s state");
  gint64 revision_id;

  *moved = FALSE;

  /* Compare and set: only from the state the caller saw. */
  stmt = byline_sql_prepare (sql,
                             "UPDATE articles SET status = ?3, published = ?4, spiked_from = ?5,"
                             " updated = ?6, version = version + 1 WHERE id = ?1 AND status = ?2",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_status (stmt, 2, from);
  byline_sql_bind_status (stmt, 3, to);
  byline_sql_bind_time (stmt, 4, *published);
  byline_sql_bind_status (stmt, 5, spiked_from);
  byline_sql_bind_int64 (stmt, 6, updated);

  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  if (byline_sql_changes (sql) == 0)
    return TRUE;

  stmt = byline_sql_prepare (sql,
                             "INSERT INTO status_events (article_id, created, author, from_status, to_status)"
                             " VALUES (?1, ?2, ?3, ?4, ?5)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, id);
  byline_sql_bind_int64 (stmt, 2, updated);
  byline_sql_bind_text (stmt, 3, author);
  byline_sql_bind_status (stmt, 4, from);
  byline_sql_bind_status (stmt, 5, to);

  if (!byline_sql_run (sql, stmt, doing, error) ||
      !_byline_store_sqlite_insert_revision (backend, revision, &revision_id, error))
    return FALSE;

  _byline_revision_set_id (revision, revision_id);
  *moved = TRUE;
  return TRUE;
}

gboolean
_byline_store_sqlite_import_status_event (BylineStoreBackend       *backend,
                                          const BylineStatusEvent  *event,
                                          int                       spiked_from,
                                          GError                  **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("copy the article’s history");

  if (event != NULL)
    {
      stmt = byline_sql_prepare (sql,
                                 "INSERT INTO status_events (article_id, created, author, from_status, to_status)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)",
                                 doing, error);
      if (stmt == NULL)
        return FALSE;
      byline_sql_bind_int64 (stmt, 1, event->article_id);
      byline_sql_bind_int64 (stmt, 2, event->created);
      byline_sql_bind_text (stmt, 3, event->author);
      byline_sql_bind_status (stmt, 4, event->from);
      byline_sql_bind_status (stmt, 5, event->to);
      if (!byline_sql_run (sql, stmt, doing, error))
        return FALSE;
      g_clear_pointer (&stmt, byline_sql_stmt_release);
    }

  if (spiked_from >= 0 && event != NULL)
    {
      stmt = byline_sql_prepare (sql, "UPDATE articles SET spiked_from = ?2 WHERE id = ?1", doing, error);
      if (stmt == NULL)
        return FALSE;
      byline_sql_bind_int64 (stmt, 1, event->article_id);
      byline_sql_bind_status (stmt, 2, spiked_from);
      if (!byline_sql_run (sql, stmt, doing, error))
        return FALSE;
    }

  return TRUE;
}

GPtrArray *
_byline_store_sqlite_list_status_events (BylineStoreBackend  *backend,
                                         gint64               article_id,
                                         GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the article’s history");

  stmt = byline_sql_prepare (sql,
                             "SELECT article_id, created, author, from_status, to_status FROM status_events"
                             " WHERE article_id = ?1 ORDER BY id",
                             doing, error);
  if (stmt == NULL)
    return NULL;

  events = g_ptr_array_new_with_free_func ((GDestroyNotify)byline_status_event_free);
  byline_sql_bind_int64 (stmt, 1, article_id);
  while (byline_sql_next (sql, stmt, doing, &local_error))
    {
      BylineStatusEvent *event = g_new0 (BylineStatusEvent, 1);
      int from = byline_sql_column_status (stmt, 3);
      int to = byline_sql_column_status (stmt, 4);

      event->article_id = byline_sql_column_int64 (stmt, 0);
      event->created = byline_sql_column_int64 (stmt, 1);
      event->author = g_strdup (byline_sql_column_text (stmt, 2));
      event->from = from >= 0 ? from : BYLINE_STATUS_DRAFT;
      event->to = to >= 0 ? to : BYLINE_STATUS_DRAFT;
      g_ptr_array_add (events, event);
    }

  if (!propagate (&local_error, error))
    return NULL;

  return g_steal_pointer (&events);
}

/* --- revisions ----------------------------------------------------------- */

enum {
  REVISION_ID, REVISION_ARTICLE_ID, REVISION_CREATED, REVISION_AUTHOR, REVISION_STATUS,
  REVISION_REASON, REVISION_WORDS_ADDED, REVISION_WORDS_REMOVED,
  REVISION_FIRST_FIELD
};

static BylineRevision *
revision_from_row (BylineSqlStmt *stmt)
{
  BylineArticle *article = byline_article_new ();
  BylineRevision *revision;
  int column = REVISION_FIRST_FIELD;
  int status = byline_sql_column_status (stmt, REVISION_STATUS);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & BYLINE_FIELD_REVISION)
        byline_sql_column_field (stmt, column++, field, article);
    }

  revision = _byline_revision_new (byline_sql_column_int64 (stmt, REVISION_ARTICLE_ID),
                                   byline_sql_column_int64 (stmt, REVISION_CREATED),
                                   byline_sql_column_text (stmt, REVISION_AUTHOR),
                                   status >= 0 ? status : BYLINE_STATUS_DRAFT,
                                   _byline_revision_reason_from_string (byline_sql_column_text (stmt, REVISION_REASON)),
                                   MAX (byline_sql_column_int64 (stmt, REVISION_WORDS_ADDED), 0),
                                   MAX (byline_sql_column_int64 (stmt, REVISION_WORDS_REMOVED), 0),
                                   article);
  _byline_revision_set_id (revision, byline_sql_column_int64 (stmt, REVISION_ID));

  return revision;
}

gboolean
_byline_store_sqlite_insert_revision (BylineStoreBackend  *backend,
                                      BylineRevision      *revision,
                                      gint64              *id,
                                      GError             **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  BylineArticle *article = byline_revision_get_article (revision);
  const char *doing = _("save the revision");
  int index = REVISION_FIRST_FIELD;

  stmt = byline_sql_prepare (self->sql, self->insert_revision, doing, error);
  if (stmt == NULL)
    return FALSE;

  /* Parameters are numbered from 1: the metadata after the id, then the
   * fields. */
  byline_sql_bind_int64 (stmt, 1, byline_revision_get_article_id (revision));
  byline_sql_bind_int64 (stmt, 2, byline_revision_get_created (revision));
  byline_sql_bind_text (stmt, 3, byline_revision_get_author (revision));
  byline_sql_bind_status (stmt, 4, byline_revision_get_status (revision));
  byline_sql_bind_text (stmt, 5, byline_revision_reason_to_string (byline_revision_get_reason (revision)));
  byline_sql_bind_int64 (stmt, 6, byline_revision_get_words_added (revision));
  byline_sql_bind_int64 (stmt, 7, byline_revision_get_words_removed (revision));

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & BYLINE_FIELD_REVISION)
        byline_sql_bind_field (stmt, index++, field, article);
    }

  if (!byline_sql_run (self->sql, stmt, doing, error))
    return FALSE;

  *id = byline_sql_last_insert_id (self->sql);
  return TRUE;
}

/* The first revision @where (on parameters 1 and 2) finds, or NULL. */
static BylineRevision *
query_revision (BylineStoreSqlite  *self,
                const char         *where,
                gint64              number,
                const char         *text,
                GError            **error)
{
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autofree char *query = g_strconcat (self->select_revision, " ", where, NULL);
  g_autoptr(GError) local_error = NULL;
  BylineRevision *revision = NULL;
  const char *doing = _("read the revisions");

  stmt = byline_sql_prepare (self->sql, query, doing, error);
  if (stmt == NULL)
    return NULL;

  byline_sql_bind_int64 (stmt, 1, number);
  if (text != NULL)
    byline_sql_bind_text (stmt, 2, text);

  if (byline_sql_next (self->sql, stmt, doing, &local_error))
    revision = revision_from_row (stmt);

  propagate (&local_error, error);
  return revision;
}

BylineRevision *
_byline_store_sqlite_load_revision (BylineStoreBackend  *backend,
                                    gint64               revision_id,
                                    GError             **error)
{
  return query_revision (BYLINE_STORE_SQLITE (backend), "WHERE id = ?1", revision_id, NULL, error);
}

BylineRevision *
_byline_store_sqlite_latest_revision (BylineStoreBackend  *backend,
                                      gint64               article_id,
                                      const char          *not_by,
                                      GError             **error)
{
  if (not_by != NULL)
    return query_revision (BYLINE_STORE_SQLITE (backend),
                           "WHERE article_id = ?1 AND author != ?2 ORDER BY created DESC, id DESC LIMIT 1",
                           article_id, not_by, error);

  return query_revision (BYLINE_STORE_SQLITE (backend),
                         "WHERE article_id = ?1 ORDER BY created DESC, id DESC LIMIT 1",
                         article_id, NULL, error);
}

GPtrArray *
_byline_store_sqlite_list_revisions (BylineStoreBackend  *backend,
                                     gint64               article_id,
                                     GError             **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *query = g_strconcat (self->select_revision,
                                        " WHERE article_id = ?1 ORDER BY created DESC, id DESC", NULL);
  const char *doing = _("read the revisions");

  stmt = byline_sql_prepare (self->sql, query, doing, error);
  if (stmt == NULL)
    return NULL;

  revisions = g_ptr_array_new_with_free_func (g_object_unref);
  byline_sql_bind_int64 (stmt, 1, article_id);
  while (byline_sql_next (self->sql, stmt, doing, &local_error))
    g_ptr_array_add (revisions, revision_from_row (stmt));

  if (!propagate (&local_error, error))
    return NULL;

  return g_steal_pointer (&revisions);
}

/* --- notes --------------------------------------------------------------- */

/* A note with its thread's anchor and resolution. */
#define NOTE_SELECT \
  "SELECT n.id, n.article_id, n.parent_id, n.author, n.created, n.text," \
  " t.anchor_start, t.anchor_end, t.anchor_text, t.resolved" \
  " FROM notes n JOIN notes t ON t.id = COALESCE (n.parent_id, n.id)"

static BylineNote *
note_from_row (BylineSqlStmt *stmt)
{
  gboolean anchored = !byline_sql_column_is_null (stmt, 6);

  return _byline_note_new (byline_sql_column_int64 (stmt, 0),
                           byline_sql_column_int64 (stmt, 1),
                           byline_sql_column_int64 (stmt, 2),
                           byline_sql_column_text (stmt, 3),
                           byline_sql_column_int64 (stmt, 4),
                           byline_sql_column_text (stmt, 5),
                           anchored ? (int)byline_sql_column_int64 (stmt, 6) : -1,
                           anchored ? (int)byline_sql_column_int64 (stmt, 7) : -1,
                           byline_sql_column_text (stmt, 8),
                           byline_sql_column_int64 (stmt, 9));
}

BylineNote *
_byline_store_sqlite_load_note (BylineStoreBackend  *backend,
                                gint64               note_id,
                                GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  BylineNote *note = NULL;
  const char *doing = _("read the note");

  stmt = byline_sql_prepare (sql, NOTE_SELECT " WHERE n.id = ?1", doing, error);
  if (stmt == NULL)
    return NULL;

  byline_sql_bind_int64 (stmt, 1, note_id);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    note = note_from_row (stmt);

  propagate (&local_error, error);
  return note;
}

static void
bind_anchor (BylineSqlStmt *stmt,
             int            index,
             int            start,
             int            end)
{
  if (start >= 0)
    {
      byline_sql_bind_int64 (stmt, index, start);
      byline_sql_bind_int64 (stmt, index + 1, end);
    }
  else
    {
      byline_sql_bind_null (stmt, index);
      byline_sql_bind_null (stmt, index + 1);
    }
}

gboolean
_byline_store_sqlite_insert_note (BylineStoreBackend  *backend,
                                  gint64               article_id,
                                  gint64               parent_id,
                                  const char          *author,
                                  gint64               created,
                                  const char          *text,
                                  int                  start,
                                  int                  end,
                                  const char          *anchor_text,
                                  gint64              *id,
                                  GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the note");

  stmt = byline_sql_prepare (sql,
                             "INSERT INTO notes (article_id, parent_id, author, created, text,"
                             " anchor_start, anchor_end, anchor_text)"
                             " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, article_id);
  byline_sql_bind_id (stmt, 2, parent_id);
  byline_sql_bind_text (stmt, 3, author);
  byline_sql_bind_int64 (stmt, 4, created);
  byline_sql_bind_text (stmt, 5, text);
  bind_anchor (stmt, 6, start, end);
  byline_sql_bind_text (stmt, 8, anchor_text);

  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  *id = byline_sql_last_insert_id (sql);
  return TRUE;
}

gboolean
_byline_store_sqlite_resolve_thread (BylineStoreBackend  *backend,
                                     gint64               thread_id,
                                     gint64               resolved,
                                     GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the note");

  stmt = byline_sql_prepare (sql, "UPDATE notes SET resolved = ?2 WHERE id = ?1", doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, thread_id);
  byline_sql_bind_time (stmt, 2, resolved);

  return byline_sql_run (sql, stmt, doing, error);
}

gboolean
_byline_store_sqlite_delete_note (BylineStoreBackend  *backend,
                                  gint64               note_id,
                                  GError             **error)
{
  /* Deleting the first note deletes its replies (ON DELETE CASCADE). */
  return run_on_id (backend, "DELETE FROM notes WHERE id = ?1", note_id, _("delete the note"), error);
}

gboolean
_byline_store_sqlite_anchor_thread (BylineStoreBackend  *backend,
                                    gint64               thread_id,
                                    int                  start,
                                    int                  end,
                                    const char          *anchor_text,
                                    GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("update the notes");

  stmt = byline_sql_prepare (sql,
                             "UPDATE notes SET anchor_start = ?2, anchor_end = ?3,"
                             " anchor_text = COALESCE (?4, anchor_text) WHERE id = ?1",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, thread_id);
  bind_anchor (stmt, 2, start, end);
  if (anchor_text != NULL)
    byline_sql_bind_text (stmt, 4, anchor_text);
  else
    byline_sql_bind_null (stmt, 4);

  return byline_sql_run (sql, stmt, doing, error);
}

gboolean
_byline_store_sqlite_read_notes_base (BylineStoreBackend  *backend,
                                      gint64               article_id,
                                      char               **body,
                                      char               **base,
                                      gboolean            *found,
                                      GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("update the notes");

  *body = NULL;
  *base = NULL;
  *found = FALSE;

  stmt = byline_sql_prepare (sql,
                             "SELECT a.body, b.body FROM articles a"
                             " LEFT JOIN notes_base b ON b.article_id = a.id WHERE a.id = ?1",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, article_id);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      *body = g_strdup (byline_sql_column_text (stmt, 0));
      if (!byline_sql_column_is_null (stmt, 1))
        *base = g_strdup (byline_sql_column_text (stmt, 1));
      *found = TRUE;
    }

  return propagate (&local_error, error);
}

gboolean
_byline_store_sqlite_write_notes_base (BylineStoreBackend  *backend,
                                       gint64               article_id,
                                       const char          *body,
                                       GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the note");

  stmt = byline_sql_prepare (sql, "INSERT OR REPLACE INTO notes_base (article_id, body) VALUES (?1, ?2)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, article_id);
  byline_sql_bind_text (stmt, 2, body);

  return byline_sql_run (sql, stmt, doing, error);
}

GPtrArray *
_byline_store_sqlite_list_notes (BylineStoreBackend  *backend,
                                 gint64               article_id,
                                 GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the notes");

  stmt = byline_sql_prepare (sql,
                             NOTE_SELECT " WHERE n.article_id = ?1"
                             " ORDER BY COALESCE (n.parent_id, n.id), n.parent_id IS NOT NULL, n.created, n.id",
                             doing, error);
  if (stmt == NULL)
    return NULL;

  notes = g_ptr_array_new_with_free_func (g_object_unref);
  byline_sql_bind_int64 (stmt, 1, article_id);
  while (byline_sql_next (sql, stmt, doing, &local_error))
    g_ptr_array_add (notes, note_from_row (stmt));

  if (!propagate (&local_error, error))
    return NULL;

  return g_steal_pointer (&notes);
}

gboolean
_byline_store_sqlite_count_open_notes (BylineStoreBackend  *backend,
                                       gint64               article_id,
                                       guint               *count,
                                       GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("count the notes");

  *count = 0;
  stmt = byline_sql_prepare (sql,
                             "SELECT count(*) FROM notes"
                             " WHERE article_id = ?1 AND parent_id IS NULL AND resolved IS NULL",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, article_id);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    *count = (guint)MAX (byline_sql_column_int64 (stmt, 0), 0);

  return propagate (&local_error, error);
}
