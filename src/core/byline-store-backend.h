/* byline-store-backend.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article-summary.h"
#include "byline-media.h"
#include "byline-publication.h"
#include "byline-review.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* What BylineStore asks of a database engine. BylineStore is the one API
 * the windows and the command line use; below it, a backend stores and
 * reads rows. Everything that does not depend on the engine stays above,
 * in the store's own files, so the next engine reuses it: validation, the
 * uuid, slug and times a save stamps, page names, the workflow check,
 * revision word counts and when to keep an automatic revision, how notes
 * follow edits, which words to look for in related articles and how to
 * rank what comes back. What does differ per engine sits behind this
 * table: the SQL dialect and full-text search, locking and transactions,
 * migrations (done when the backend opens), and in time telling the store
 * about changes other programs made.
 *
 * A table of functions rather than a GInterface: a backend is chosen once,
 * when the store opens (byline_store_open() picks it by the location), is
 * owned by that store alone and never subclassed, introspected, signalled
 * or handed to anyone else, so GType machinery (a type, a class, refs)
 * would buy nothing. The table keeps every operation of the seam on one
 * page, and a backend is a struct that starts with a pointer to its table.
 *
 * Conventions:
 * - Every operation may be called from any thread; the backend serializes
 *   what its engine cannot do at once.
 * - "Not there" is not an error: a lookup returns NULL (or *found = FALSE)
 *   with no error, and the store words the message.
 * - begin() opens a write transaction that belongs to the calling thread
 *   until commit() or rollback(); operations that thread calls meanwhile
 *   run inside it, and other threads wait for it. commit() that fails has
 *   rolled back.
 * - Errors are BYLINE_STORE_ERRORs with actionable messages.
 *
 * The engines this build has: SQLite (a newsroom file, byline-store-sqlite*.c)
 * and PostgreSQL (a newsroom server, byline-store-pg*.c). */

typedef struct _BylineStoreBackend BylineStoreBackend;

/* What byline_store_save_article() works out for each save. A backend
 * whose server keeps the clock writes back the times it stored. */
typedef struct
{
  const char *uuid;
  const char *slug;
  gint64      created;
  gint64      updated;
  /* In: the version the save edited (0: whatever is stored, for an article
   * that never came from the store). Out: the version now stored. */
  gint64      version;
  /* Who saves (the person's name; a server writes its login role). */
  const char *updated_by;
} BylineArticleStamp;

/* What a related-articles search asks the full-text index for. */
typedef enum
{
  /* Any of the terms, best match first. */
  BYLINE_RELATED_ANY_BY_RANK,
  /* All of the terms, newest first. */
  BYLINE_RELATED_ALL_NEWEST_FIRST,
} BylineRelatedMatch;

typedef struct
{
  BylineArticleSummary *summary;
  /* Higher is better; all the same for BYLINE_RELATED_ALL_NEWEST_FIRST. */
  double                score;
} BylineRelatedHit;

/* A change another program or desk made to article @article_id; @what is
 * one of the BYLINE_STORE_CHANGED_* details. */
/* Not changes: what watch_changes tells its func, with id 0, when the
 * connection it listens on drops, and when it listens again. */
#define BYLINE_STORE_WATCH_LOST "byline-watch-lost"
#define BYLINE_STORE_WATCH_BACK "byline-watch-back"

typedef void (*BylineStoreChangeFunc) (gint64      article_id,
                                       const char *what,
                                       gpointer    user_data);

/* Called as each query starts, on the thread that runs it (tests and
 * benchmarks count them). */
typedef void (*BylineStoreTraceFunc) (const char *query,
                                      gpointer    user_data);

typedef struct
{
  const char *name;

  void                  (*close)               (BylineStoreBackend        *self);
  /* The name the engine itself records for the person at this desk,
   * whatever name it is sent (a newsroom server's login role); NULL, or
   * no such operation, when it records the names it is given. */
  char                 *(*dup_role_name)       (BylineStoreBackend        *self);
  /* Whether the person may take an editor's steps (a server's roles);
   * NULL: everyone may, as on a desk's own file. */
  gboolean              (*is_editor)           (BylineStoreBackend        *self);
  void                  (*set_busy_timeout)    (BylineStoreBackend        *self,
                                                guint                      milliseconds);
  void                  (*set_trace)           (BylineStoreBackend        *self,
                                                BylineStoreTraceFunc       func,
                                                gpointer                   user_data);

  /* Starts telling @func, on the caller's thread-default main context,
   * about changes others make (SQLite: other programs on the file; a
   * server: other desks), until close(). Never about whole tables: each
   * call names one article. */
  gboolean              (*watch_changes)       (BylineStoreBackend        *self,
                                                BylineStoreChangeFunc      func,
                                                gpointer                   user_data,
                                                GError                   **error);

  /* Transactions; @doing names the work in error messages. */
  gboolean              (*begin)               (BylineStoreBackend        *self,
                                                const char                *doing,
                                                GError                   **error);
  gboolean              (*commit)              (BylineStoreBackend        *self,
                                                const char                *doing,
                                                GError                   **error);
  void                  (*rollback)            (BylineStoreBackend        *self);

  /* Articles. Insert and update write every field of the field table but
   * the key; update leaves BYLINE_FIELD_WORKFLOW ones; STAMPED ones come
   * from @stamp. */
  gboolean              (*insert_article)      (BylineStoreBackend        *self,
                                                BylineArticle             *article,
                                                BylineArticleStamp        *stamp,
                                                gint64                    *id,
                                                GError                   **error);
  /* *@found is FALSE when there is no article @id, or when @stamp names a
   * version and the stored one is another: the store tells the two apart
   * by loading the article. */
  gboolean              (*update_article)      (BylineStoreBackend        *self,
                                                gint64                     id,
                                                BylineArticle             *article,
                                                BylineArticleStamp        *stamp,
                                                gboolean                  *found,
                                                GError                   **error);
  /* Replaces the article's pins. A pin whose related article is gone is
   * kept unresolved, with its headline. */
  gboolean              (*write_pins)          (BylineStoreBackend        *self,
                                                gint64                     id,
                                                GListModel                *pins,
                                                GError                   **error);
  /* Every field; the pins with their related articles as they are now
   * when @with_pins. */
  BylineArticle        *(*load_article)        (BylineStoreBackend        *self,
                                                gint64                     id,
                                                gboolean                   with_pins,
                                                GError                   **error);
  /* Newest first (updated, then id), with open-note counts. */
  gboolean              (*list_summaries)      (BylineStoreBackend        *self,
                                                const BylineArticleQuery  *query,
                                                GPtrArray                 *summaries,
                                                GError                   **error);
  gboolean              (*count_articles)      (BylineStoreBackend        *self,
                                                const BylineArticleQuery  *query,
                                                guint                     *count,
                                                GError                   **error);
  /* Article @id's summary and its place among what @query lists (its
   * limit and offset aside), in one query; NULL when @query does not list
   * it. */
  BylineArticleSummary *(*locate_summary)      (BylineStoreBackend        *self,
                                                const BylineArticleQuery  *query,
                                                gint64                     id,
                                                guint                     *position,
                                                GError                   **error);
  gboolean              (*find_by_headline)    (BylineStoreBackend        *self,
                                                const char                *headline,
                                                gint64                    *id,
                                                GError                   **error);
  /* @when: Unix seconds to trash, 0 to restore. */
  gboolean              (*set_trashed)         (BylineStoreBackend        *self,
                                                gint64                     id,
                                                gint64                     when,
                                                gboolean                  *found,
                                                GError                   **error);
  gboolean              (*delete_article)      (BylineStoreBackend        *self,
                                                gint64                     id,
                                                gboolean                  *found,
                                                GError                   **error);
  gboolean              (*empty_trash)         (BylineStoreBackend        *self,
                                                GError                   **error);

  /* The masthead every desk previews and exports. *@publication NULL when
   * none is stored yet. */
  gboolean              (*load_publication)    (BylineStoreBackend        *self,
                                                BylinePublication        **publication,
                                                GError                   **error);
  gboolean              (*save_publication)    (BylineStoreBackend        *self,
                                                const BylinePublication   *publication,
                                                GError                   **error);

  /* Pictures (byline-media.h), by checksum. Adds @media unless a picture
   * with its checksum is there already (*@added says which); its created
   * time and adder are kept as given, except by a server, which stamps
   * its own. */
  gboolean              (*insert_media)        (BylineStoreBackend        *self,
                                                const BylineMedia         *media,
                                                gboolean                  *added,
                                                GError                   **error);
  /* *@media NULL when no picture has @checksum. */
  gboolean              (*load_media)          (BylineStoreBackend        *self,
                                                const char                *checksum,
                                                BylineMedia              **media,
                                                GError                   **error);
  /* Every picture's checksum, oldest first (for copying a newsroom). */
  gboolean              (*list_media)          (BylineStoreBackend        *self,
                                                GPtrArray                 *checksums,
                                                GError                   **error);
  /* The newsroom dictionary: words in order (element-type utf8); adding
   * a word already there is no error. */
  GPtrArray            *(*list_dictionary)     (BylineStoreBackend        *self,
                                                GError                   **error);
  gboolean              (*add_dictionary_word) (BylineStoreBackend        *self,
                                                const char                *word,
                                                const char                *added_by,
                                                gint64                     added,
                                                GError                   **error);
  gboolean              (*remove_dictionary_word) (BylineStoreBackend     *self,
                                                const char                *word,
                                                GError                   **error);

  /* Edit locks (byline-store.h). A lock whose heartbeat is older than
   * @now - BYLINE_LOCK_LAPSE is free. */
  gboolean              (*lock_article)        (BylineStoreBackend        *self,
                                                gint64                     id,
                                                const char                *desk,
                                                const char                *name,
                                                gboolean                   take_over,
                                                gint64                     now,
                                                gboolean                  *acquired,
                                                char                     **holder,
                                                GError                   **error);
  gboolean              (*heartbeat_lock)      (BylineStoreBackend        *self,
                                                gint64                     id,
                                                const char                *desk,
                                                gint64                     now,
                                                gboolean                  *held,
                                                GError                   **error);
  gboolean              (*unlock_article)      (BylineStoreBackend        *self,
                                                gint64                     id,
                                                const char                *desk,
                                                GError                   **error);

  /* Related articles: the index's side. */
  /* About how many articles there are, cheaply (the idf needs no more). */
  gboolean              (*estimate_articles)   (BylineStoreBackend        *self,
                                                gint64                    *count,
                                                GError                   **error);
  /* Optional: the terms count_term_documents() is about to be asked
   * about, in that order, for an engine that looks them up together. */
  gboolean              (*prepare_terms)       (BylineStoreBackend        *self,
                                                const char * const        *terms,
                                                GError                   **error);
  /* How many articles hold @term, counting no further than @limit. */
  gboolean              (*count_term_documents) (BylineStoreBackend       *self,
                                                const char                *term,
                                                gint64                     limit,
                                                gint64                    *count,
                                                GError                   **error);
  /* Up to @limit articles matching @terms (folded words), trashed ones
   * included (summaries say so); @idfs holds each term's inverse document
   * frequency, for an index that does not weigh terms itself; @n_matched
   * gets how many matches were read. */
  gboolean              (*search_related)      (BylineStoreBackend        *self,
                                                const char * const        *terms,
                                                const double              *idfs,
                                                BylineRelatedMatch         match,
                                                guint                      limit,
                                                GArray                    *hits,
                                                guint                     *n_matched,
                                                GError                   **error);

  /* Workflow */
  /* *@spiked_from is -1 when none is stored. */
  gboolean              (*read_status)         (BylineStoreBackend        *self,
                                                gint64                     id,
                                                BylineStatus              *status,
                                                int                       *spiked_from,
                                                gboolean                  *found,
                                                GError                   **error);
  /* Moves article @id from @from to @to, only if it is in @from (*@moved
   * says whether it was), and records the move with it, all or nothing:
   * the state, the published time (*@published; a server that keeps the
   * time writes back what it stored), where a spiked article goes back to
   * (-1 for none), the updated time, a status event by @author, and
   * @revision (the text it moved with, its words counted by the store),
   * whose id is set. */
  gboolean              (*change_status)       (BylineStoreBackend        *self,
                                                gint64                     id,
                                                BylineStatus               from,
                                                BylineStatus               to,
                                                gint64                    *published,
                                                int                        spiked_from,
                                                gint64                     updated,
                                                const char                *author,
                                                BylineRevision            *revision,
                                                gboolean                  *moved,
                                                GError                   **error);
  /* Appends to @links (element-type BylineUnpublishedLink) article @id's
   * stored READ: links whose page is not out: to an article that is not
   * published or is in the Trash, or to none. Inside a transaction the
   * linked articles stay as read until it ends, so that none is
   * unpublished while the article that links to it is published. */
  gboolean              (*list_unpublished_links) (BylineStoreBackend     *self,
                                                gint64                     id,
                                                GPtrArray                 *links,
                                                GError                   **error);
  /* For copying a newsroom whole (byline-store-copy.c): an event as it
   * was, and where a spiked article goes back to (-1 for none). */
  gboolean              (*import_status_event) (BylineStoreBackend        *self,
                                                const BylineStatusEvent   *event,
                                                int                        spiked_from,
                                                GError                   **error);
  /* Oldest first. (element-type BylineStatusEvent) */
  GPtrArray            *(*list_status_events)  (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                GError                   **error);

  /* Revisions. A revision's article holds the BYLINE_FIELD_REVISION
   * fields. */
  gboolean              (*insert_revision)     (BylineStoreBackend        *self,
                                                BylineRevision            *revision,
                                                gint64                    *id,
                                                GError                   **error);
  BylineRevision       *(*load_revision)       (BylineStoreBackend        *self,
                                                gint64                     revision_id,
                                                GError                   **error);
  /* The newest of the article's revisions, leaving out @not_by's when
   * given. */
  BylineRevision       *(*latest_revision)     (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                const char                *not_by,
                                                GError                   **error);
  /* Newest first. (element-type BylineRevision) */
  GPtrArray            *(*list_revisions)      (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                GError                   **error);

  /* Notes. A reply has its thread's anchor and resolution. */
  BylineNote           *(*load_note)           (BylineStoreBackend        *self,
                                                gint64                     note_id,
                                                GError                   **error);
  /* @parent_id 0 starts a thread; @start -1 anchors it to the whole
   * article. */
  gboolean              (*insert_note)         (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                gint64                     parent_id,
                                                const char                *author,
                                                gint64                     created,
                                                const char                *text,
                                                int                        start,
                                                int                        end,
                                                const char                *anchor_text,
                                                gint64                    *id,
                                                GError                   **error);
  /* @resolved: Unix seconds, 0 to reopen. */
  gboolean              (*resolve_thread)      (BylineStoreBackend        *self,
                                                gint64                     thread_id,
                                                gint64                     resolved,
                                                GError                   **error);
  /* Deleting the note a thread starts with deletes its replies. */
  gboolean              (*delete_note)         (BylineStoreBackend        *self,
                                                gint64                     note_id,
                                                GError                   **error);
  /* @anchor_text NULL keeps the text the thread had. */
  gboolean              (*anchor_thread)       (BylineStoreBackend        *self,
                                                gint64                     thread_id,
                                                int                        start,
                                                int                        end,
                                                const char                *anchor_text,
                                                GError                   **error);
  /* The body as stored and the body the anchors were last worked out on
   * (*@base NULL when never). */
  gboolean              (*read_notes_base)     (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                char                     **body,
                                                char                     **base,
                                                gboolean                  *found,
                                                GError                   **error);
  gboolean              (*write_notes_base)    (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                const char                *body,
                                                GError                   **error);
  /* Thread by thread in the order they were started, each followed by its
   * replies. (element-type BylineNote) */
  GPtrArray            *(*list_notes)          (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                GError                   **error);
  gboolean              (*count_open_notes)    (BylineStoreBackend        *self,
                                                gint64                     article_id,
                                                guint                     *count,
                                                GError                   **error);
} BylineStoreBackendVTable;

/* Each backend's instance starts with this. */
struct _BylineStoreBackend
{
  const BylineStoreBackendVTable *vtable;
  /* Opened for reading only: the newsroom cannot be written from here
   * (set by the backend when it opens). */
  gboolean                        read_only;
};

/* The engines this build has. */
BylineStoreBackend *_byline_store_sqlite_open (const char  *path,
                                               GError     **error);
/* @uri: a libpq connection URI; @password: overrides ~/.pgpass, or NULL */
BylineStoreBackend *_byline_store_pg_open     (const char  *uri,
                                               const char  *password,
                                               GError     **error);

G_END_DECLS
