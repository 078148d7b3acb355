/* byline-store-sqlite-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-sql.h"
#include "byline-store-backend.h"
#include "byline-store-private.h"

G_BEGIN_DECLS

/* The SQLite backend, over four files: byline-store-sqlite.c (opening,
 * articles, lists), byline-store-sqlite-search.c (the FTS5 index: search
 * words, related-article candidates), byline-store-sqlite-review.c
 * (states, revisions, notes) and byline-store-sqlite-schema.c (the schema
 * and its migrations). */

/* "BYLN": tells our databases from other SQLite files. */
#define BYLINE_SQLITE_APPLICATION_ID 0x42594c4e

/* byline-store-sqlite-watch.c: changes other programs made to the file. */
typedef struct _BylineSqliteWatch BylineSqliteWatch;

BylineSqliteWatch *_byline_sqlite_watch_new  (BylineSql              *sql,
                                              BylineStoreChangeFunc   func,
                                              gpointer                user_data,
                                              GError                **error);
void               _byline_sqlite_watch_free (BylineSqliteWatch      *watch);

typedef struct
{
  BylineStoreBackend  parent;

  BylineSql          *sql;
  BylineSqliteWatch  *watch;
  /* SQL built from the field table when the backend opens. */
  char               *article_columns;   /* every field, in table order */
  char               *insert_article;
  char               *update_article;
  char               *select_revision;   /* the metadata, then the fields */
  char               *insert_revision;
} BylineStoreSqlite;

#define BYLINE_STORE_SQLITE(backend) ((BylineStoreSqlite *)(backend))

/* A summary: what lists show, with the threads still open counted in the
 * same query (notes_by_article covers it), so showing a row never asks
 * the store again. */
#define SUMMARY_COLUMNS \
  "a.id, a.uuid, a.slug, a.headline, a.standfirst, a.section, a.tags, a.status," \
  " a.created, a.updated, a.published, a.trashed," \
  " (SELECT count(*) FROM notes n" \
  "  WHERE n.article_id = a.id AND n.parent_id IS NULL AND n.resolved IS NULL)," \
  " (SELECT l.holder_name FROM edit_locks l" \
  "  WHERE l.article_id = a.id AND l.heartbeat > unixepoch () - 60)," \
  " (SELECT l.desk FROM edit_locks l" \
  "  WHERE l.article_id = a.id AND l.heartbeat > unixepoch () - 60)"

enum {
  SUMMARY_ID, SUMMARY_UUID, SUMMARY_SLUG, SUMMARY_HEADLINE, SUMMARY_STANDFIRST,
  SUMMARY_SECTION, SUMMARY_TAGS, SUMMARY_STATUS, SUMMARY_CREATED, SUMMARY_UPDATED,
  SUMMARY_PUBLISHED, SUMMARY_TRASHED, SUMMARY_OPEN_NOTES, SUMMARY_EDITOR_NAME, SUMMARY_EDITOR_DESK,
  N_SUMMARY_COLUMNS
};

BylineArticleSummary *_byline_store_sqlite_summary_from_row (BylineSqlStmt *stmt);

/* byline-store-sqlite-locks.c */
gboolean  _byline_store_sqlite_lock_article           (BylineStoreBackend  *backend,
                                                       gint64               id,
                                                       const char          *desk,
                                                       const char          *name,
                                                       gboolean             take_over,
                                                       gint64               now,
                                                       gboolean            *acquired,
                                                       char               **holder,
                                                       GError             **error);
gboolean  _byline_store_sqlite_heartbeat_lock         (BylineStoreBackend  *backend,
                                                       gint64               id,
                                                       const char          *desk,
                                                       gint64               now,
                                                       gboolean            *held,
                                                       GError             **error);
gboolean  _byline_store_sqlite_unlock_article         (BylineStoreBackend  *backend,
                                                       gint64               id,
                                                       const char          *desk,
                                                       GError             **error);

/* byline-store-sqlite-search.c */
/* Words typed in a search box as an FTS5 query; NULL when none. */
char     *_byline_store_sqlite_fts_query              (const char          *words);
gboolean  _byline_store_sqlite_estimate_articles      (BylineStoreBackend  *backend,
                                                       gint64              *count,
                                                       GError             **error);
gboolean  _byline_store_sqlite_count_term_documents   (BylineStoreBackend  *backend,
                                                       const char          *term,
                                                       gint64               limit,
                                                       gint64              *count,
                                                       GError             **error);
gboolean  _byline_store_sqlite_search_related         (BylineStoreBackend  *backend,
                                                       const char * const  *terms,
                                                       const double        *idfs,
                                                       BylineRelatedMatch   match,
                                                       guint                limit,
                                                       GArray              *hits,
                                                       guint               *n_matched,
                                                       GError             **error);

/* The connection of a store on SQLite, NULL for another engine: for
 * benchmarks that check how the app runs it. */
BylineSql *_byline_store_sqlite_get_sql      (BylineStore             *store);

/* Brings the file's schema up to date, or says why it cannot. */
gboolean _byline_store_sqlite_migrate        (BylineSql               *sql,
                                              GError                 **error);
/* Checks that a file opened for reading only is a newsroom of this
 * version's schema, which it cannot migrate. */
gboolean _byline_store_sqlite_check_read_only (BylineSql              *sql,
                                               GError                **error);

/* byline-store-sqlite-review.c: states, revisions and notes, as the
 * slots of BylineStoreBackendVTable of the same names describe them. */
gboolean        _byline_store_sqlite_read_status         (BylineStoreBackend       *backend,
                                                          gint64                    id,
                                                          BylineStatus             *status,
                                                          int                      *spiked_from,
                                                          gboolean                 *found,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_list_unpublished_links (BylineStoreBackend *backend,
                                                             gint64              id,
                                                             GPtrArray          *links,
                                                             GError            **error);
gboolean        _byline_store_sqlite_change_status       (BylineStoreBackend       *backend,
                                                          gint64                    id,
                                                          BylineStatus              from,
                                                          BylineStatus              to,
                                                          gint64                   *published,
                                                          int                       spiked_from,
                                                          gint64                    updated,
                                                          const char               *author,
                                                          BylineRevision           *revision,
                                                          gboolean                 *moved,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_import_status_event (BylineStoreBackend       *backend,
                                                          const BylineStatusEvent  *event,
                                                          int                       spiked_from,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_status_events  (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_insert_revision     (BylineStoreBackend       *backend,
                                                          BylineRevision           *revision,
                                                          gint64                   *id,
                                                          GError                  **error);
BylineRevision *_byline_store_sqlite_load_revision       (BylineStoreBackend       *backend,
                                                          gint64                    revision_id,
                                                          GError                  **error);
BylineRevision *_byline_store_sqlite_latest_revision     (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          const char               *not_by,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_revisions      (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
BylineNote     *_byline_store_sqlite_load_note           (BylineStoreBackend       *backend,
                                                          gint64                    note_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_insert_note         (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          gint64                    parent_id,
                                                          const char               *author,
                                                          gint64                    created,
                                                          const char               *text,
                                                          int                       start,
                                                          int                       end,
                                                          const char               *anchor_text,
                                                          gint64                   *id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_resolve_thread      (BylineStoreBackend       *backend,
                                                          gint64                    thread_id,
                                                          gint64                    resolved,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_delete_note         (BylineStoreBackend       *backend,
                                                          gint64                    note_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_anchor_thread       (BylineStoreBackend       *backend,
                                                          gint64                    thread_id,
                                                          int                       start,
                                                          int                       end,
                                                          const char               *anchor_text,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_read_notes_base     (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          char                    **body,
                                                          char                    **base,
                                                          gboolean                 *found,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_write_notes_base    (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          const char               *body,
                                                          GError                  **error);
GPtrArray      *_byline_store_sqlite_list_notes          (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          GError                  **error);
gboolean        _byline_store_sqlite_count_open_notes    (BylineStoreBackend       *backend,
                                                          gint64                    article_id,
                                                          guint                    *count,
                                                          GError                  **error);

G_END_DECLS
