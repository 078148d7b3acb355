/* byline-store-sqlite.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-sqlite"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "byline-article-summary-private.h"
#include "byline-store-private.h"
#include "byline-store-sqlite-private.h"

/* Query parameters every list query binds the same way. */
enum {
  PARAM_FTS = 1,
  PARAM_STATUS,
  PARAM_LIMIT,
  PARAM_OFFSET,
  PARAM_ID,
};

static BylineSql *
get_sql (BylineStoreBackend *backend)
{
  return BYLINE_STORE_SQLITE (backend)->sql;
}

BylineArticleSummary *
_byline_store_sqlite_summary_from_row (BylineSqlStmt *stmt)
{
  BylineArticleSummary *summary = _byline_article_summary_new ();
  int status = byline_sql_column_status (stmt, SUMMARY_STATUS);

  summary->id = byline_sql_column_int64 (stmt, SUMMARY_ID);
  summary->uuid = g_strdup (byline_sql_column_text (stmt, SUMMARY_UUID));
  summary->slug = g_strdup (byline_sql_column_text (stmt, SUMMARY_SLUG));
  summary->headline = g_strdup (byline_sql_column_text (stmt, SUMMARY_HEADLINE));
  summary->standfirst = g_strdup (byline_sql_column_text (stmt, SUMMARY_STANDFIRST));
  summary->section = g_strdup (byline_sql_column_text (stmt, SUMMARY_SECTION));
  _byline_article_summary_set_tags_string (summary, byline_sql_column_text (stmt, SUMMARY_TAGS));
  summary->status = status >= 0 ? status : BYLINE_STATUS_DRAFT;
  summary->created = byline_sql_column_int64 (stmt, SUMMARY_CREATED);
  summary->updated = byline_sql_column_int64 (stmt, SUMMARY_UPDATED);
  summary->published = byline_sql_column_int64 (stmt, SUMMARY_PUBLISHED);
  summary->trashed = byline_sql_column_int64 (stmt, SUMMARY_TRASHED);
  summary->open_notes = (guint)MAX (byline_sql_column_int64 (stmt, SUMMARY_OPEN_NOTES), 0);
  summary->editor_name = g_strdup (byline_sql_column_text (stmt, SUMMARY_EDITOR_NAME));
  summary->editor_desk = g_strdup (byline_sql_column_text (stmt, SUMMARY_EDITOR_DESK));

  return summary;
}

/* --- opening ------------------------------------------------------------- */

static void
sqlite_close (BylineStoreBackend *backend)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);

  g_clear_pointer (&self->watch, _byline_sqlite_watch_free);
  g_clear_pointer (&self->sql, byline_sql_close);
  g_free (self->article_columns);
  g_free (self->insert_article);
  g_free (self->update_article);
  g_free (self->select_revision);
  g_free (self->insert_revision);
  g_free (self);
}

static gboolean
sqlite_load_publication (BylineStoreBackend  *backend,
                         BylinePublication  **publication,
                         GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the publication’s settings");

  *publication = NULL;

  stmt = byline_sql_prepare (sql, "SELECT name, tagline, base_url, language FROM publication WHERE id = 1",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      *publication = byline_publication_new ();
      byline_publication_set (*publication, byline_sql_column_text (stmt, 0),
                              byline_sql_column_text (stmt, 1), byline_sql_column_text (stmt, 2));
      g_free ((*publication)->language);
      (*publication)->language = g_strdup (byline_sql_column_text (stmt, 3));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_save_publication (BylineStoreBackend       *backend,
                         const BylinePublication  *publication,
                         GError                  **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the publication’s settings");

  stmt = byline_sql_prepare (sql,
                             "INSERT INTO publication (id, name, tagline, base_url, language)"
                             " VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET"
                             " name = excluded.name, tagline = excluded.tagline,"
                             " base_url = excluded.base_url, language = excluded.language",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, publication->name);
  byline_sql_bind_text (stmt, 2, publication->tagline);
  byline_sql_bind_text (stmt, 3, publication->base_url);
  byline_sql_bind_text (stmt, 4, publication->language);

  return byline_sql_run (sql, stmt, doing, error);
}

static GPtrArray *
sqlite_list_dictionary (BylineStoreBackend  *backend,
                        GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the newsroom dictionary");

  stmt = byline_sql_prepare (sql, "SELECT word FROM dictionary ORDER BY word", doing, error);
  if (stmt == NULL)
    return NULL;

  while (byline_sql_next (sql, stmt, doing, &local_error))
    g_ptr_array_add (words, g_strdup (byline_sql_column_text (stmt, 0)));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&words);
}

static gboolean
sqlite_add_dictionary_word (BylineStoreBackend  *backend,
                            const char          *word,
                            const char          *added_by,
                            gint64               added,
                            GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("add a word to the newsroom dictionary");

  stmt = byline_sql_prepare (sql,
                             "INSERT INTO dictionary (word, added_by, added) VALUES (?1, ?2, ?3)"
                             " ON CONFLICT (word) DO NOTHING",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, word);
  byline_sql_bind_text (stmt, 2, added_by);
  byline_sql_bind_int64 (stmt, 3, added);

  return byline_sql_run (sql, stmt, doing, error);
}

static gboolean
sqlite_remove_dictionary_word (BylineStoreBackend  *backend,
                               const char          *word,
                               GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("remove a word from the newsroom dictionary");

  stmt = byline_sql_prepare (sql, "DELETE FROM dictionary WHERE word = ?1", doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, word);

  return byline_sql_run (sql, stmt, doing, error);
}

static gboolean
sqlite_insert_media (BylineStoreBackend  *backend,
                     const BylineMedia   *media,
                     gboolean            *added,
                     GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("keep the picture");

  *added = FALSE;
  stmt = byline_sql_prepare (sql,
                             "INSERT INTO media (checksum, mime_type, bytes, size, width, height,"
                             " created, added_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                             " ON CONFLICT (checksum) DO NOTHING",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, media->checksum);
  byline_sql_bind_text (stmt, 2, media->mime_type);
  byline_sql_bind_bytes (stmt, 3, media->bytes);
  byline_sql_bind_int64 (stmt, 4, (gint64)g_bytes_get_size (media->bytes));
  byline_sql_bind_id (stmt, 5, media->width);
  byline_sql_bind_id (stmt, 6, media->height);
  byline_sql_bind_int64 (stmt, 7, media->created);
  byline_sql_bind_text (stmt, 8, media->added_by);

  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  *added = byline_sql_changes (sql) > 0;
  return TRUE;
}

static gboolean
sqlite_load_media (BylineStoreBackend  *backend,
                   const char          *checksum,
                   BylineMedia        **media,
                   GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the picture");

  *media = NULL;
  stmt = byline_sql_prepare (sql,
                             "SELECT mime_type, bytes, width, height, created, added_by"
                             " FROM media WHERE checksum = ?1",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, checksum);

  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      BylineMedia *found = g_new0 (BylineMedia, 1);

      found->checksum = g_strdup (checksum);
      found->mime_type = g_strdup (byline_sql_column_text (stmt, 0));
      found->bytes = byline_sql_column_bytes (stmt, 1);
      found->width = (int)byline_sql_column_int64 (stmt, 2);
      found->height = (int)byline_sql_column_int64 (stmt, 3);
      found->created = byline_sql_column_int64 (stmt, 4);
      found->added_by = g_strdup (byline_sql_column_text (stmt, 5));
      *media = found;
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_list_media (BylineStoreBackend  *backend,
                   GPtrArray           *checksums,
                   GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("list the pictures");

  stmt = byline_sql_prepare (sql, "SELECT checksum FROM media ORDER BY id", doing, error);
  if (stmt == NULL)
    return FALSE;

  while (byline_sql_next (sql, stmt, doing, &local_error))
    g_ptr_array_add (checksums, g_strdup (byline_sql_column_text (stmt, 0)));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_watch_changes (BylineStoreBackend     *backend,
                      BylineStoreChangeFunc   func,
                      gpointer                user_data,
                      GError                **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);

  g_clear_pointer (&self->watch, _byline_sqlite_watch_free);
  self->watch = _byline_sqlite_watch_new (self->sql, func, user_data, error);

  return self->watch != NULL;
}

static void
sqlite_set_busy_timeout (BylineStoreBackend *backend,
                         guint               milliseconds)
{
  byline_sql_set_busy_timeout (get_sql (backend), milliseconds);
}

static void
sqlite_set_trace (BylineStoreBackend   *backend,
                  BylineStoreTraceFunc  func,
                  gpointer              user_data)
{
  byline_sql_set_trace (get_sql (backend), func, user_data);
}

static gboolean
sqlite_begin (BylineStoreBackend  *backend,
              const char          *doing,
              GError             **error)
{
  return byline_sql_begin (get_sql (backend), doing, error);
}

static gboolean
sqlite_commit (BylineStoreBackend  *backend,
               const char          *doing,
               GError             **error)
{
  return byline_sql_commit (get_sql (backend), doing, error);
}

static void
sqlite_rollback (BylineStoreBackend *backend)
{
  byline_sql_rollback (get_sql (backend));
}

/* --- articles ------------------------------------------------------------ */

static void
bind_stamped (BylineSqlStmt            *stmt,
              int                       index,
              const BylineArticleField *field,
              const BylineArticleStamp *stamp)
{
  if (g_str_equal (field->name, "uuid"))
    byline_sql_bind_text (stmt, index, stamp->uuid);
  else if (g_str_equal (field->name, "slug"))
    byline_sql_bind_text (stmt, index, stamp->slug);
  else if (g_str_equal (field->name, "created"))
    byline_sql_bind_int64 (stmt, index, stamp->created);
  else if (g_str_equal (field->name, "updated"))
    byline_sql_bind_int64 (stmt, index, stamp->updated);
  else if (g_str_equal (field->name, "updated_by"))
    byline_sql_bind_text (stmt, index, stamp->updated_by);
  else if (g_str_equal (field->name, "version"))
    byline_sql_bind_int64 (stmt, index, 1);
  else
    g_assert_not_reached ();
}

/* Binds every field but the key and those flagged @without, in table
 * order from parameter 1; returns the next parameter's number. */
static int
bind_article (BylineSqlStmt            *stmt,
              BylineArticle            *article,
              const BylineArticleStamp *stamp,
              BylineFieldFlags          without)
{
  int index = 1;

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & (BYLINE_FIELD_KEY | without))
        continue;

      if (field->flags & BYLINE_FIELD_STAMPED)
        bind_stamped (stmt, index++, field, stamp);
      else
        byline_sql_bind_field (stmt, index++, field, article);
    }

  return index;
}

static gboolean
sqlite_insert_article (BylineStoreBackend        *backend,
                       BylineArticle             *article,
                       BylineArticleStamp        *stamp,
                       gint64                    *id,
                       GError                   **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the article");

  stmt = byline_sql_prepare (self->sql, self->insert_article, doing, error);
  if (stmt == NULL)
    return FALSE;

  bind_article (stmt, article, stamp, 0);
  if (!byline_sql_run (self->sql, stmt, doing, error))
    return FALSE;

  *id = byline_sql_last_insert_id (self->sql);
  stamp->version = 1;
  return TRUE;
}

static gboolean
sqlite_update_article (BylineStoreBackend        *backend,
                       gint64                     id,
                       BylineArticle             *article,
                       BylineArticleStamp        *stamp,
                       gboolean                  *found,
                       GError                   **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("save the article");
  int index;

  stmt = byline_sql_prepare (self->sql, self->update_article, doing, error);
  if (stmt == NULL)
    return FALSE;

  index = bind_article (stmt, article, stamp, BYLINE_FIELD_WORKFLOW | BYLINE_FIELD_VERSION);
  byline_sql_bind_int64 (stmt, index, id);
  byline_sql_bind_int64 (stmt, index + 1, stamp->version);

  *found = byline_sql_next (self->sql, stmt, doing, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (*found)
    stamp->version = byline_sql_column_int64 (stmt, 0);

  return TRUE;
}

static gboolean
sqlite_write_pins (BylineStoreBackend  *backend,
                   gint64               id,
                   GListModel          *pins,
                   GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("save the related links");
  guint n_pins = g_list_model_get_n_items (pins);

  stmt = byline_sql_prepare (sql, "DELETE FROM pins WHERE article_id = ?1", doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_int64 (stmt, 1, id);
  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  /* A link to an article deleted meanwhile is kept as an unresolved pin
   * with its headline: a vanished related article must never stop the
   * journalist's own text from being saved. */
  stmt = byline_sql_prepare (sql,
                             "INSERT INTO pins (article_id, sort, position, related_id, headline)"
                             " VALUES (?1, ?2, ?3, (SELECT id FROM articles WHERE id = ?4), ?5)",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
      gint64 related_id = byline_pin_get_related_id (pin);

      byline_sql_stmt_release (stmt);
      byline_sql_bind_int64 (stmt, 1, id);
      byline_sql_bind_int64 (stmt, 2, i);
      byline_sql_bind_int64 (stmt, 3, byline_pin_get_position (pin));
      byline_sql_bind_id (stmt, 4, related_id);
      byline_sql_bind_text (stmt, 5, byline_pin_get_headline (pin));

      if (!byline_sql_run (sql, stmt, doing, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_pins (BylineSql      *sql,
           BylineArticle  *article,
           GError        **error)
{
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("load the related links");

  stmt = byline_sql_prepare (sql,
                             "SELECT p.position, r.id, COALESCE (r.headline, p.headline), r.slug,"
                             " r.status, r.trashed IS NOT NULL"
                             " FROM pins p LEFT JOIN articles r ON r.id = p.related_id"
                             " WHERE p.article_id = ?1 ORDER BY p.sort",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_int64 (stmt, 1, byline_article_get_id (article));
  while (byline_sql_next (sql, stmt, doing, &local_error))
    {
      int status = byline_sql_column_status (stmt, 4);

      byline_article_add_pin (article,
                              _byline_store_pin_from_row (byline_sql_column_int64 (stmt, 0),
                                                          byline_sql_column_int64 (stmt, 1),
                                                          byline_sql_column_text (stmt, 2),
                                                          byline_sql_column_text (stmt, 3),
                                                          status >= 0 ? status : BYLINE_STATUS_DRAFT,
                                                          byline_sql_column_int64 (stmt, 5) != 0));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static BylineArticle *
sqlite_load_article (BylineStoreBackend  *backend,
                     gint64               id,
                     gboolean             with_pins,
                     GError             **error)
{
  BylineStoreSqlite *self = BYLINE_STORE_SQLITE (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (self->sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM articles WHERE id = ?1", self->article_columns);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("load the article");

  stmt = byline_sql_prepare (self->sql, sql, doing, error);
  if (stmt == NULL)
    return NULL;

  byline_sql_bind_int64 (stmt, 1, id);
  if (!byline_sql_next (self->sql, stmt, doing, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  article = byline_article_new ();
  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    byline_sql_column_field (stmt, i, &byline_article_fields[i], article);
  byline_sql_stmt_release (stmt);

  if (with_pins && !load_pins (self->sql, article, error))
    return NULL;

  return g_steal_pointer (&article);
}

/* " FROM articles a ... WHERE ..." for @query over table alias @alias,
 * with the parameters of PARAM_FTS and PARAM_STATUS. */
static void
append_list_clause (GString                  *sql,
                    const BylineArticleQuery *query,
                    gboolean                  fts,
                    const char               *alias)
{
  g_string_append_printf (sql, " FROM articles %s", alias);
  if (fts)
    g_string_append_printf (sql, " JOIN articles_fts f%s ON f%s.rowid = %s.id", alias, alias, alias);

  g_string_append_printf (sql, " WHERE %s.trashed IS %s", alias, query->trashed ? "NOT NULL" : "NULL");

  if (fts)
    g_string_append_printf (sql, " AND f%s.articles_fts MATCH ?%d", alias, PARAM_FTS);
  if (query->status >= 0)
    g_string_append_printf (sql, " AND %s.status = ?%d", alias, PARAM_STATUS);
}

static void
bind_list_clause (BylineSqlStmt            *stmt,
                  const BylineArticleQuery *query,
                  const char               *fts)
{
  if (fts != NULL)
    byline_sql_bind_text (stmt, PARAM_FTS, fts);
  if (query->status >= 0)
    byline_sql_bind_status (stmt, PARAM_STATUS, query->status);
}

static gboolean
sqlite_list_summaries (BylineStoreBackend        *backend,
                       const BylineArticleQuery  *query,
                       GPtrArray                 *summaries,
                       GError                   **error)
{
  BylineSql *sql = get_sql (backend);
  g_autofree char *fts = _byline_store_sqlite_fts_query (query->search);
  g_autoptr(GString) text = g_string_new ("SELECT " SUMMARY_COLUMNS);
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("list the articles");

  append_list_clause (text, query, fts != NULL, "a");
  g_string_append_printf (text, " ORDER BY a.updated DESC, a.id DESC LIMIT ?%d OFFSET ?%d",
                          PARAM_LIMIT, PARAM_OFFSET);

  locker = byline_sql_locker_new (sql);
  stmt = byline_sql_prepare (sql, text->str, doing, error);
  if (stmt == NULL)
    return FALSE;

  bind_list_clause (stmt, query, fts);
  byline_sql_bind_int64 (stmt, PARAM_LIMIT, query->limit > 0 ? (gint64)query->limit : -1);
  byline_sql_bind_int64 (stmt, PARAM_OFFSET, query->offset);

  while (byline_sql_next (sql, stmt, doing, &local_error))
    g_ptr_array_add (summaries, _byline_store_sqlite_summary_from_row (stmt));

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_count_articles (BylineStoreBackend        *backend,
                       const BylineArticleQuery  *query,
                       guint                     *count,
                       GError                   **error)
{
  BylineSql *sql = get_sql (backend);
  g_autofree char *fts = _byline_store_sqlite_fts_query (query->search);
  g_autoptr(GString) text = g_string_new ("SELECT count(*)");
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("list the articles");

  *count = 0;
  append_list_clause (text, query, fts != NULL, "a");

  locker = byline_sql_locker_new (sql);
  stmt = byline_sql_prepare (sql, text->str, doing, error);
  if (stmt == NULL)
    return FALSE;

  bind_list_clause (stmt, query, fts);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    *count = (guint)CLAMP (byline_sql_column_int64 (stmt, 0), 0, G_MAXUINT);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static BylineArticleSummary *
sqlite_locate_summary (BylineStoreBackend        *backend,
                       const BylineArticleQuery  *query,
                       gint64                     id,
                       guint                     *position,
                       GError                   **error)
{
  BylineSql *sql = get_sql (backend);
  g_autofree char *fts = _byline_store_sqlite_fts_query (query->search);
  g_autoptr(GString) text = g_string_new ("SELECT " SUMMARY_COLUMNS ", (SELECT count(*)");
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  BylineArticleSummary *summary = NULL;
  const char *doing = _("list the articles");

  /* The rows listed before it: the partial indexes on (updated, id) make
   * this a short range scan for an article near the top. */
  append_list_clause (text, query, fts != NULL, "b");
  g_string_append (text, " AND (b.updated, b.id) > (a.updated, a.id))");

  g_string_append_printf (text, " FROM articles a WHERE a.id = ?%d AND a.trashed IS %s",
                          PARAM_ID, query->trashed ? "NOT NULL" : "NULL");
  if (fts != NULL)
    g_string_append_printf (text, " AND EXISTS (SELECT 1 FROM articles_fts"
                            " WHERE articles_fts MATCH ?%d AND rowid = a.id)", PARAM_FTS);
  if (query->status >= 0)
    g_string_append_printf (text, " AND a.status = ?%d", PARAM_STATUS);

  locker = byline_sql_locker_new (sql);
  stmt = byline_sql_prepare (sql, text->str, doing, error);
  if (stmt == NULL)
    return NULL;

  bind_list_clause (stmt, query, fts);
  byline_sql_bind_int64 (stmt, PARAM_ID, id);

  if (byline_sql_next (sql, stmt, doing, &local_error))
    {
      summary = _byline_store_sqlite_summary_from_row (stmt);
      *position = (guint)CLAMP (byline_sql_column_int64 (stmt, N_SUMMARY_COLUMNS), 0, G_MAXUINT);
    }

  if (local_error != NULL)
    {
      g_clear_object (&summary);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  return summary;
}

static gboolean
sqlite_find_by_headline (BylineStoreBackend  *backend,
                         const char          *headline,
                         gint64              *id,
                         GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("look up a headline");

  *id = 0;
  stmt = byline_sql_prepare (sql,
                             "SELECT id FROM articles WHERE headline = ?1 COLLATE NOCASE"
                             " AND trashed IS NULL ORDER BY updated DESC, id DESC LIMIT 1",
                             doing, error);
  if (stmt == NULL)
    return FALSE;

  byline_sql_bind_text (stmt, 1, headline);
  if (byline_sql_next (sql, stmt, doing, &local_error))
    *id = byline_sql_column_int64 (stmt, 0);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Runs @text with article @id as parameter 1 and @when (NULL for 0) as
 * parameter 2, if it has one; *@found says whether a row changed. */
static gboolean
run_on_article (BylineStoreBackend  *backend,
                const char          *text,
                gint64               id,
                gint64               when,
                const char          *doing,
                gboolean            *found,
                GError             **error)
{
  BylineSql *sql = get_sql (backend);
  g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
  g_autoptr(BylineSqlStmt) stmt = NULL;

  stmt = byline_sql_prepare (sql, text, doing, error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    byline_sql_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    byline_sql_bind_time (stmt, 2, when);

  /* One statement is one transaction: pins go with a deleted article
   * (ON DELETE CASCADE) or not at all. */
  if (!byline_sql_run (sql, stmt, doing, error))
    return FALSE;

  if (found != NULL)
    *found = byline_sql_changes (sql) > 0;

  return TRUE;
}

static gboolean
sqlite_set_trashed (BylineStoreBackend  *backend,
                    gint64               id,
                    gint64               when,
                    gboolean            *found,
                    GError             **error)
{
  return run_on_article (backend, "UPDATE articles SET trashed = ?2 WHERE id = ?1", id, when,
                         when > 0 ? _("move the article to the Trash") : _("restore the article"),
                         found, error);
}

static gboolean
sqlite_delete_article (BylineStoreBackend  *backend,
                       gint64               id,
                       gboolean            *found,
                       GError             **error)
{
  return run_on_article (backend, "DELETE FROM articles WHERE id = ?1", id, 0,
                         _("delete the article"), found, error);
}

static gboolean
sqlite_empty_trash (BylineStoreBackend  *backend,
                    GError             **error)
{
  return run_on_article (backend, "DELETE FROM articles WHERE trashed IS NOT NULL", 0, 0,
                         _("empty the Trash"), NULL, error);
}

/* --- the table of operations ---------------------------------------------- */

static const BylineStoreBackendVTable sqlite_vtable = {
  .name = "sqlite",
  .close = sqlite_close,
  .watch_changes = sqlite_watch_changes,
  .load_publication = sqlite_load_publication,
  .save_publication = sqlite_save_publication,

  .insert_media = sqlite_insert_media,
  .load_media = sqlite_load_media,
  .list_media = sqlite_list_media,
  .list_dictionary = sqlite_list_dictionary,
  .add_dictionary_word = sqlite_add_dictionary_word,
  .remove_dictionary_word = sqlite_remove_dictionary_word,
  .lock_article = _byline_store_sqlite_lock_article,
  .heartbeat_lock = _byline_store_sqlite_heartbeat_lock,
  .unlock_article = _byline_store_sqlite_unlock_article,
  .set_busy_timeout = sqlite_set_busy_timeout,
  .set_trace = sqlite_set_trace,
  .begin = sqlite_begin,
  .commit = sqlite_commit,
  .rollback = sqlite_rollback,

  .insert_article = sqlite_insert_article,
  .update_article = sqlite_update_article,
  .write_pins = sqlite_write_pins,
  .load_article = sqlite_load_article,
  .list_summaries = sqlite_list_summaries,
  .count_articles = sqlite_count_articles,
  .locate_summary = sqlite_locate_summary,
  .find_by_headline = sqlite_find_by_headline,
  .set_trashed = sqlite_set_trashed,
  .delete_article = sqlite_delete_article,
  .empty_trash = sqlite_empty_trash,

  .estimate_articles = _byline_store_sqlite_estimate_articles,
  .count_term_documents = _byline_store_sqlite_count_term_documents,
  .search_related = _byline_store_sqlite_search_related,

  .read_status = _byline_store_sqlite_read_status,
  .change_status = _byline_store_sqlite_change_status,
  .list_unpublished_links = _byline_store_sqlite_list_unpublished_links,
  .list_status_events = _byline_store_sqlite_list_status_events,
  .import_status_event = _byline_store_sqlite_import_status_event,

  .insert_revision = _byline_store_sqlite_insert_revision,
  .load_revision = _byline_store_sqlite_load_revision,
  .latest_revision = _byline_store_sqlite_latest_revision,
  .list_revisions = _byline_store_sqlite_list_revisions,

  .load_note = _byline_store_sqlite_load_note,
  .insert_note = _byline_store_sqlite_insert_note,
  .resolve_thread = _byline_store_sqlite_resolve_thread,
  .delete_note = _byline_store_sqlite_delete_note,
  .anchor_thread = _byline_store_sqlite_anchor_thread,
  .read_notes_base = _byline_store_sqlite_read_notes_base,
  .write_notes_base = _byline_store_sqlite_write_notes_base,
  .list_notes = _byline_store_sqlite_list_notes,
  .count_open_notes = _byline_store_sqlite_count_open_notes,
};

BylineSql *
_byline_store_sqlite_get_sql (BylineStore *store)
{
  BylineStoreBackend *backend = _byline_store_get_backend (store);

  if (backend->vtable != &sqlite_vtable)
    return NULL;

  return BYLINE_STORE_SQLITE (backend)->sql;
}

/* The statements that follow the field table, made once. */
static void
build_statements (BylineStoreSqlite *self)
{
  g_autofree char *insert_columns = NULL;
  g_autofree char *revision_columns = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(GString) update = g_string_new ("UPDATE articles SET ");
  guint n_insert = 0;
  guint n_revision = 0;
  int index = 1;

  self->article_columns = byline_sql_field_list (0, 0, "", NULL);

  insert_columns = byline_sql_field_list (0, BYLINE_FIELD_KEY, "", &n_insert);
  for (guint i = 1; i <= n_insert; i++)
    g_string_append_printf (values, "%s?%u", i > 1 ? ", " : "", i);
  self->insert_article = g_strdup_printf ("INSERT INTO articles (%s) VALUES (%s)",
                                          insert_columns, values->str);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (field->flags & (BYLINE_FIELD_KEY | BYLINE_FIELD_WORKFLOW | BYLINE_FIELD_VERSION))
        continue;
      g_string_append_printf (update, "%s%s = ?%d", index > 1 ? ", " : "", field->name, index);
      index++;
    }
  /* Compare and set: a save applies only to the version it edited (0
   * names none), so one desk never silently overwrites another's. */
  g_string_append_printf (update,
                          ", version = version + 1 WHERE id = ?%d AND (?%d = 0 OR version = ?%d)"
                          " RETURNING version",
                          index, index + 1, index + 1);
  self->update_article = g_string_free (g_steal_pointer (&update), FALSE);

  revision_columns = byline_sql_field_list (BYLINE_FIELD_REVISION, 0, "", &n_revision);
  self->select_revision =
    g_strdup_printf ("SELECT id, article_id, created, author, status, reason, words_added,"
                     " words_removed, %s FROM revisions", revision_columns);
  g_string_truncate (values, 0);
  for (guint i = 1; i <= n_revision + 7; i++)
    g_string_append_printf (values, "%s?%u", i > 1 ? ", " : "", i);
  self->insert_revision =
    g_strdup_printf ("INSERT INTO revisions (article_id, created, author, status, reason,"
                     " words_added, words_removed, %s) VALUES (%s)",
                     revision_columns, values->str);
}

/* How long opening waits for other programs opening the same new file. */
#define WAL_SWITCH_TIMEOUT_MS 5000
#define WAL_SWITCH_PAUSE_MS   10

/* Switching a new file to WAL takes an exclusive lock, and SQLite does not
 * wait for it (the busy handler is not called: two readers both asking
 * would wait for each other). Programs opening a new newsroom at once all
 * ask: the ones that find it taken try again shortly. Once switched, the
 * file stays in WAL and asking again takes no lock. */
static gboolean
switch_to_wal (BylineSql  *sql,
               GError    **error)
{
  gint64 deadline = g_get_monotonic_time () + WAL_SWITCH_TIMEOUT_MS * G_TIME_SPAN_MILLISECOND;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (byline_sql_exec (sql, "PRAGMA journal_mode = WAL", _("open the database"), &local_error))
        return TRUE;

      if (!g_error_matches (local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_BUSY) ||
          g_get_monotonic_time () > deadline)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_usleep (WAL_SWITCH_PAUSE_MS * G_TIME_SPAN_MILLISECOND);
    }
}

/* The checks a path needs before SQLite makes a file there. */
static gboolean
check_path (const char  *path,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *display_dir = g_filename_display_name (dir);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file. Choose a file name instead."),
                   name);
      return FALSE;
    }

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OPEN,
                   _("The folder “%s” does not exist. Create it first, or choose a database in another folder."),
                   display_dir);
      return FALSE;
    }

  return TRUE;
}

/* An existing newsroom file this process cannot write, or one in a folder
 * where it cannot make files (an archive on a read-only share): it opens
 * for reading. *@immutable: the folder is read-only and holds no WAL, so
 * SQLite, which could not make the shared-memory file there, must take the
 * file as one that cannot change. A WAL left in the folder holds commits
 * the file lacks; SQLite reads it when its shared-memory file is there
 * too, and otherwise the open fails with a message. */
static gboolean
is_read_only_place (const char *path,
                    gboolean   *immutable)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  gboolean folder_writable;

  *immutable = FALSE;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return FALSE;

  folder_writable = g_access (dir, W_OK) == 0;
  if (folder_writable && g_access (path, W_OK) == 0)
    return FALSE;

  *immutable = !folder_writable && !g_file_test (wal, G_FILE_TEST_EXISTS);
  return TRUE;
}

static BylineStoreBackend *
open_read_only (const char  *path,
                gboolean     immutable,
                GError     **error)
{
  BylineStoreSqlite *self;
  BylineSql *sql;

  sql = byline_sql_open_read_only (path, immutable, error);
  if (sql == NULL)
    return NULL;

  self = g_new0 (BylineStoreSqlite, 1);
  self->parent.vtable = &sqlite_vtable;
  self->parent.read_only = TRUE;
  self->sql = sql;
  build_statements (self);

  if (!_byline_store_sqlite_check_read_only (sql, error))
    {
      sqlite_close (&self->parent);
      return NULL;
    }

  return &self->parent;
}

/**
 * _byline_store_sqlite_open:
 * @path: the database file
 * @error: return location for a #GError
 *
 * Opens (creating if needed) and migrates the newsroom in @path, or opens
 * it for reading only when this process cannot write it.
 *
 * Returns: (transfer full) (nullable): the backend
 */
BylineStoreBackend *
_byline_store_sqlite_open (const char  *path,
                           GError     **error)
{
  const char *doing = _("open the database");
  BylineStoreSqlite *self;
  BylineSql *sql;
  gboolean immutable;

  if (!check_path (path, error))
    return NULL;

  if (is_read_only_place (path, &immutable))
    return open_read_only (path, immutable, error);

  sql = byline_sql_open (path, error);
  if (sql == NULL)
    return NULL;

  self = g_new0 (BylineStoreSqlite, 1);
  self->parent.vtable = &sqlite_vtable;
  self->sql = sql;
  build_statements (self);

  /* SQLite quietly falls back to read-only when it cannot write the file
   * after all (a check above raced with a change of modes): autosave would
   * then fail on the first keystroke, so say it now. */
  if (byline_sql_is_read_only (sql))
    {
      byline_sql_set_error (sql, error, SQLITE_READONLY, doing);
      sqlite_close (&self->parent);
      return NULL;
    }

  if (!byline_sql_exec (sql, "PRAGMA foreign_keys = ON", doing, error) ||
      !_byline_store_sqlite_migrate (sql, error) ||
      !switch_to_wal (sql, error) ||
      !byline_sql_exec (sql, "PRAGMA synchronous = FULL", doing, error))
    {
      sqlite_close (&self->parent);
      return NULL;
    }

  /* Statements that do not fit the file fail here, not at the first save. */
  {
    g_autoptr(BylineSqlLocker) locker = byline_sql_locker_new (sql);
    gboolean ok = byline_sql_prepare (sql, self->insert_article, doing, error) != NULL &&
                  byline_sql_prepare (sql, self->update_article, doing, error) != NULL &&
                  byline_sql_prepare (sql, self->insert_revision, doing, error) != NULL;

    if (!ok)
      {
        g_clear_pointer (&locker, byline_sql_locker_free);
        sqlite_close (&self->parent);
        return NULL;
      }
  }

  return &self->parent;
}
