/* byline-store-pg-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article-fields.h"
#include "byline-article-summary-private.h"
#include "byline-pg-connection.h"
#include "byline-store-backend.h"
#include "byline-store-private.h"

G_BEGIN_DECLS

/* The PostgreSQL backend: a newsroom server's database, in the schema of
 * src/core/pg/ (its README.md is the contract), over five files:
 * byline-store-pg.c (opening, the SQL helpers, articles and lists),
 * byline-store-pg-search.c (the full-text index: the search box, related
 * articles), byline-store-pg-review.c (states, revisions, notes),
 * byline-store-pg-newsroom.c (edit locks, the masthead, other desks'
 * changes) and byline-store-pg-schema.c (the migrations, from the step
 * files embedded as resources).
 *
 * What the server decides, it decides: names (the login role), the times
 * it stamps, versions, and who may do what. The store's own times and
 * names are sent where the schema takes them and left out where it sets
 * them itself. */

/* "BYLN", as the SQLite store's application id: the migration lock. */
#define BYLINE_PG_MIGRATION_LOCK 1113148494

/* Seconds since the epoch of a timestamptz column, as the store counts
 * them (rounded down, as g_get_real_time() / G_USEC_PER_SEC is). */
#define BYLINE_PG_EPOCH(column) "floor(extract(epoch FROM " column "))::bigint"

/* What lists show, with the threads still open counted and who is editing
 * it (byline.held_locks: the locks still alive by the server's clock) in
 * the same query, so showing a row never asks the server again. */
#define BYLINE_PG_SUMMARY_COLUMNS \
  "a.id, a.uuid, a.slug, a.headline, a.standfirst, a.section, a.tags, a.status," \
  " " BYLINE_PG_EPOCH ("a.created") ", " BYLINE_PG_EPOCH ("a.updated") "," \
  " " BYLINE_PG_EPOCH ("a.published") ", " BYLINE_PG_EPOCH ("a.trashed") "," \
  " (SELECT count(*) FROM byline.notes n" \
  "  WHERE n.article_id = a.id AND n.parent_id IS NULL AND n.resolved IS NULL)," \
  " (SELECT coalesce(nullif(l.holder_name, ''), l.holder) FROM byline.held_locks l" \
  "  WHERE l.article_id = a.id)," \
  " (SELECT l.desk FROM byline.held_locks l WHERE l.article_id = a.id)"

enum {
  BYLINE_PG_SUMMARY_ID, BYLINE_PG_SUMMARY_UUID, BYLINE_PG_SUMMARY_SLUG,
  BYLINE_PG_SUMMARY_HEADLINE, BYLINE_PG_SUMMARY_STANDFIRST, BYLINE_PG_SUMMARY_SECTION,
  BYLINE_PG_SUMMARY_TAGS, BYLINE_PG_SUMMARY_STATUS, BYLINE_PG_SUMMARY_CREATED,
  BYLINE_PG_SUMMARY_UPDATED, BYLINE_PG_SUMMARY_PUBLISHED, BYLINE_PG_SUMMARY_TRASHED,
  BYLINE_PG_SUMMARY_OPEN_NOTES, BYLINE_PG_SUMMARY_EDITOR_NAME, BYLINE_PG_SUMMARY_EDITOR_DESK,
  BYLINE_PG_N_SUMMARY_COLUMNS
};

typedef struct _BylinePgWatch BylinePgWatch;

typedef struct
{
  BylineStoreBackend    parent;

  /* The connection queries go over. Changes from other desks are listened
   * for on a second one (LISTEN waits on its socket), made from the same
   * URI and password when watch_changes() is first called. */
  BylinePgConnection   *conn;
  BylinePgWatch        *watch;
  char                 *uri;
  char                 *password;
  /* session_user: the person at this desk, as the server records them. */
  char                 *user;
  /* Whether they hold the editor's role: -1 until asked. */
  int                   editor;
  /* The newsroom's language's text-search configuration ("english"). */
  char                 *search_config;
  /* For related articles: lexeme → the articles the server's statistics
   * put it in, when they were read, and the lexemes of the terms seen. */
  GHashTable           *common_words;
  gint64                common_words_loaded;
  GHashTable           *term_lexemes;

  /* Held by the thread using the connection, and from begin() to commit()
   * or rollback() by the thread whose transaction it is. */
  GRecMutex             mutex;
  gboolean              in_transaction;
  guint                 lock_timeout_ms;

  BylineStoreTraceFunc  trace;
  gpointer              trace_data;

  /* SQL built from the field table when the backend opens. */
  char                 *select_article;
  char                 *insert_article;
  char                 *update_article;
  char                 *select_revision;
  char                 *insert_revision;
} BylineStorePg;

#define BYLINE_STORE_PG(backend) ((BylineStorePg *)(backend))

/* Parameters of one query, as text; NULL elements are SQL NULL. */
typedef GPtrArray BylinePgParams;

BylinePgParams *_byline_pg_params_new        (void);
/* Each returns the parameter's number, for "$n". */
int             _byline_pg_params_add_text   (BylinePgParams  *params,
                                              const char      *text);
int             _byline_pg_params_add_int64  (BylinePgParams  *params,
                                              gint64           value);
/* NULL for 0 ("none"). */
int             _byline_pg_params_add_id     (BylinePgParams  *params,
                                              gint64           id);
/* Unix seconds, NULL for 0 or less: use as to_timestamp($n). */
int             _byline_pg_params_add_time   (BylinePgParams  *params,
                                              gint64           value);
/* Its nick, NULL for a negative @status ("none"). */
int             _byline_pg_params_add_status (BylinePgParams  *params,
                                              int              status);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePgParams, g_ptr_array_unref)

/* g_autoptr(BylinePgLocker) locker = _byline_pg_locker_new (self); */
typedef BylineStorePg BylinePgLocker;
BylinePgLocker *_byline_pg_locker_new        (BylineStorePg   *self);
void            _byline_pg_locker_free       (BylinePgLocker  *locker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePgLocker, _byline_pg_locker_free)

/* Runs @sql (prepared once per connection) with @params (may be NULL),
 * holding the lock; a connection lost between transactions is opened
 * again first. NULL with @error set on failure. */
PGresult       *_byline_pg_query             (BylineStorePg   *self,
                                              const char      *sql,
                                              BylinePgParams  *params,
                                              const char      *doing,
                                              GError         **error);
/* The same, planned for these values each time: for queries whose best
 * plan depends on them (a search for a rare word or a common one). */
PGresult       *_byline_pg_query_planned     (BylineStorePg   *self,
                                              const char      *sql,
                                              BylinePgParams  *params,
                                              const char      *doing,
                                              GError         **error);
/* An array literal of @terms ("{\"a\",\"b\"}"), every element quoted. */
char           *_byline_pg_dup_text_array    (const char * const *terms);
/* The number of rows a command changed. */
gint64          _byline_pg_changes           (const PGresult  *res);
/* -1 for NULL; a state this build does not know reads as a draft. */
int             _byline_pg_get_status        (const PGresult  *res,
                                              int              row,
                                              int              column);
/* A summary from the BYLINE_PG_SUMMARY_COLUMNS of row @row. */
BylineArticleSummary *
                _byline_store_pg_summary_from_row (const PGresult *res,
                                                   int             row);

/* byline-store-pg-search.c: the search box's words as the index's query
 * (*@tsquery NULL when nothing is left to search for), and related
 * articles, as the slots of BylineStoreBackendVTable of the same names
 * describe them. */
gboolean        _byline_store_pg_dup_search           (BylineStorePg        *self,
                                                       const char           *words,
                                                       char                **tsquery,
                                                       GError              **error);
gboolean        _byline_store_pg_estimate_articles    (BylineStoreBackend   *backend,
                                                       gint64               *count,
                                                       GError              **error);
gboolean        _byline_store_pg_prepare_terms        (BylineStoreBackend   *backend,
                                                       const char * const   *terms,
                                                       GError              **error);
gboolean        _byline_store_pg_count_term_documents (BylineStoreBackend   *backend,
                                                       const char           *term,
                                                       gint64                limit,
                                                       gint64               *count,
                                                       GError              **error);
gboolean        _byline_store_pg_search_related       (BylineStoreBackend   *backend,
                                                       const char * const   *terms,
                                                       const double         *idfs,
                                                       BylineRelatedMatch    match,
                                                       guint                 limit,
                                                       GArray               *hits,
                                                       guint                *n_matched,
                                                       GError              **error);

/* byline-store-pg-newsroom.c: edit locks, the masthead and other desks'
 * changes. */
gboolean        _byline_store_pg_lock_article      (BylineStoreBackend     *backend,
                                                    gint64                  id,
                                                    const char             *desk,
                                                    const char             *name,
                                                    gboolean                take_over,
                                                    gint64                  now,
                                                    gboolean               *acquired,
                                                    char                  **holder,
                                                    GError                **error);
gboolean        _byline_store_pg_heartbeat_lock    (BylineStoreBackend     *backend,
                                                    gint64                  id,
                                                    const char             *desk,
                                                    gint64                  now,
                                                    gboolean               *held,
                                                    GError                **error);
gboolean        _byline_store_pg_unlock_article    (BylineStoreBackend     *backend,
                                                    gint64                  id,
                                                    const char             *desk,
                                                    GError                **error);
gboolean        _byline_store_pg_load_publication  (BylineStoreBackend     *backend,
                                                    BylinePublication     **publication,
                                                    GError                **error);
gboolean        _byline_store_pg_save_publication  (BylineStoreBackend     *backend,
                                                    const BylinePublication *publication,
                                                    GError                **error);
gboolean        _byline_store_pg_insert_media      (BylineStoreBackend     *backend,
                                                    const BylineMedia      *media,
                                                    gboolean               *added,
                                                    GError                **error);
gboolean        _byline_store_pg_load_media        (BylineStoreBackend     *backend,
                                                    const char             *checksum,
                                                    BylineMedia           **media,
                                                    GError                **error);
gboolean        _byline_store_pg_list_media        (BylineStoreBackend     *backend,
                                                    GPtrArray              *checksums,
                                                    GError                **error);
GPtrArray      *_byline_store_pg_list_dictionary   (BylineStoreBackend     *backend,
                                                    GError                **error);
gboolean        _byline_store_pg_add_dictionary_word (BylineStoreBackend   *backend,
                                                    const char             *word,
                                                    const char             *added_by,
                                                    gint64                  added,
                                                    GError                **error);
gboolean        _byline_store_pg_remove_dictionary_word (BylineStoreBackend *backend,
                                                    const char             *word,
                                                    GError                **error);
gboolean        _byline_store_pg_watch_changes     (BylineStoreBackend     *backend,
                                                    BylineStoreChangeFunc   func,
                                                    gpointer                user_data,
                                                    GError                **error);
void            _byline_pg_watch_free              (BylinePgWatch          *watch);

/* byline-store-pg-schema.c: brings the database's schema up to date (or
 * says why it cannot), each step in its own transaction under the
 * migration lock. */
gboolean        _byline_store_pg_migrate     (BylineStorePg   *self,
                                              GError         **error);
/* How many schema steps this build carries. */
guint           _byline_store_pg_n_steps     (void);

/* byline-store-pg-review.c: states, revisions and notes, as the slots of
 * BylineStoreBackendVTable of the same names describe them. */
gboolean        _byline_store_pg_read_status         (BylineStoreBackend       *backend,
                                                      gint64                    id,
                                                      BylineStatus             *status,
                                                      int                      *spiked_from,
                                                      gboolean                 *found,
                                                      GError                  **error);
gboolean        _byline_store_pg_list_unpublished_links (BylineStoreBackend *backend,
                                                         gint64              id,
                                                         GPtrArray          *links,
                                                         GError            **error);
gboolean        _byline_store_pg_change_status       (BylineStoreBackend       *backend,
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
gboolean        _byline_store_pg_import_status_event (BylineStoreBackend       *backend,
                                                      const BylineStatusEvent  *event,
                                                      int                       spiked_from,
                                                      GError                  **error);
GPtrArray      *_byline_store_pg_list_status_events  (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      GError                  **error);
gboolean        _byline_store_pg_insert_revision     (BylineStoreBackend       *backend,
                                                      BylineRevision           *revision,
                                                      gint64                   *id,
                                                      GError                  **error);
BylineRevision *_byline_store_pg_load_revision       (BylineStoreBackend       *backend,
                                                      gint64                    revision_id,
                                                      GError                  **error);
BylineRevision *_byline_store_pg_latest_revision     (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      const char               *not_by,
                                                      GError                  **error);
GPtrArray      *_byline_store_pg_list_revisions      (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      GError                  **error);
BylineNote     *_byline_store_pg_load_note           (BylineStoreBackend       *backend,
                                                      gint64                    note_id,
                                                      GError                  **error);
gboolean        _byline_store_pg_insert_note         (BylineStoreBackend       *backend,
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
gboolean        _byline_store_pg_resolve_thread      (BylineStoreBackend       *backend,
                                                      gint64                    thread_id,
                                                      gint64                    resolved,
                                                      GError                  **error);
gboolean        _byline_store_pg_delete_note         (BylineStoreBackend       *backend,
                                                      gint64                    note_id,
                                                      GError                  **error);
gboolean        _byline_store_pg_anchor_thread       (BylineStoreBackend       *backend,
                                                      gint64                    thread_id,
                                                      int                       start,
                                                      int                       end,
                                                      const char               *anchor_text,
                                                      GError                  **error);
gboolean        _byline_store_pg_read_notes_base     (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      char                    **body,
                                                      char                    **base,
                                                      gboolean                 *found,
                                                      GError                  **error);
gboolean        _byline_store_pg_write_notes_base    (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      const char               *body,
                                                      GError                  **error);
GPtrArray      *_byline_store_pg_list_notes          (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      GError                  **error);
gboolean        _byline_store_pg_count_open_notes    (BylineStoreBackend       *backend,
                                                      gint64                    article_id,
                                                      guint                    *count,
                                                      GError                  **error);

G_END_DECLS
