/* byline-store.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-media.h"
#include "byline-publication.h"
#include "byline-article-summary.h"

G_BEGIN_DECLS

#define BYLINE_STORE_ERROR (byline_store_error_quark ())

typedef enum
{
  BYLINE_STORE_ERROR_OPEN,        /* cannot open or create the file */
  BYLINE_STORE_ERROR_READ_ONLY,   /* the file or its folder cannot be written */
  BYLINE_STORE_ERROR_BUSY,        /* another program holds the database */
  BYLINE_STORE_ERROR_CORRUPT,     /* damaged, or not a Byline database */
  BYLINE_STORE_ERROR_TOO_NEW,     /* written by a newer Byline */
  BYLINE_STORE_ERROR_NOT_FOUND,   /* no such article */
  BYLINE_STORE_ERROR_INVALID,     /* a value the store refuses */
  BYLINE_STORE_ERROR_FAILED,      /* anything else the database reports */
  BYLINE_STORE_ERROR_OFFLINE,     /* the newsroom server cannot be reached */
  BYLINE_STORE_ERROR_AUTH,        /* the server refused the login */
  BYLINE_STORE_ERROR_PERMISSION,  /* the person's role may not do this */
  BYLINE_STORE_ERROR_CONFLICT,    /* someone else changed it meanwhile (a
                                   * newer version, another state) */
  BYLINE_STORE_ERROR_UNPUBLISHED_LINK, /* publishing would link to a page
                                        * that is not out */
} BylineStoreError;

GQuark byline_store_error_quark (void);

/* The newest schema this build knows for a newsroom file (PRAGMA
 * user_version); a newsroom server's steps are src/core/pg/. */
#define BYLINE_STORE_SCHEMA_VERSION 9

typedef struct
{
  const char *search;      /* words typed in a search box (FTS5), or NULL */
  int         status;      /* a BylineStatus, or -1 for every status */
  gboolean    trashed;     /* list the Trash instead of live articles */
  guint       limit;       /* 0 for no limit */
  guint       offset;
} BylineArticleQuery;

#define BYLINE_ARTICLE_QUERY_INIT { NULL, -1, FALSE, 0, 0 }

/* The store's "changed" signal (gint64 id) fires on the thread that made
 * the store, after a change is written; the id is 0 when many articles
 * changed at once. Its detail says what changed, so a list can update the
 * one row instead of reading everything again ("changed::notes"):
 *   inserted    a new article
 *   saved       an article's text (a save, a restored revision)
 *   status      its state (byline_store_set_status())
 *   trashed, restored, deleted
 *   notes       its editors' notes
 *   revisions   a revision was kept: nothing a list shows */
#define BYLINE_STORE_CHANGED_INSERTED  "inserted"
#define BYLINE_STORE_CHANGED_SAVED     "saved"
#define BYLINE_STORE_CHANGED_STATUS    "status"
#define BYLINE_STORE_CHANGED_TRASHED   "trashed"
#define BYLINE_STORE_CHANGED_RESTORED  "restored"
#define BYLINE_STORE_CHANGED_DELETED   "deleted"
#define BYLINE_STORE_CHANGED_NOTES     "notes"
#define BYLINE_STORE_CHANGED_REVISIONS "revisions"
/* Someone started or stopped editing it (its edit lock). */
#define BYLINE_STORE_CHANGED_LOCK      "lock"
/* The masthead changed (id 0). */
#define BYLINE_STORE_CHANGED_PUBLICATION "publication"
/* A word was added to or removed from the newsroom dictionary (id 0). */
#define BYLINE_STORE_CHANGED_DICTIONARY "dictionary"

#define BYLINE_TYPE_STORE (byline_store_get_type ())

G_DECLARE_FINAL_TYPE (BylineStore, byline_store, BYLINE, STORE, GObject)

/* $XDG_DATA_HOME/byline/newsroom.db */
char          *byline_store_dup_default_path   (void);

/* Opens (creating if needed) and migrates the database at @path; NULL means
 * the default path, whose folder is created. An explicit path's folder must
 * exist. As byline_store_open() without a password. */
BylineStore   *byline_store_new                (const char          *path,
                                                GError             **error);
/* Opens a newsroom: a SQLite file at @location (NULL: the default path, as
 * byline_store_new()) or a newsroom server's "postgresql://…" (or
 * "postgres://…") URI, where @password, when given, overrides ~/.pgpass
 * (the window's keyring). The location picks the engine (the backend below
 * the store). A server's newsroom is set up, or brought up to date, by the
 * first connection whose role may do it. */
BylineStore   *byline_store_open               (const char          *location,
                                                const char          *password,
                                                GError             **error);
const char    *byline_store_get_path           (BylineStore         *self);
/* Whether the newsroom opened for reading only (a file or folder this
 * process cannot write): every change fails with BYLINE_STORE_ERROR_READ_ONLY. */
gboolean       byline_store_is_read_only       (BylineStore         *self);
/* Announce changes others make as "changed" too (see the .c). */
gboolean       byline_store_watch_changes      (BylineStore         *self,
                                                GError             **error);
/* In a "changed" handler: the change came through the watch above. */
gboolean       byline_store_change_is_from_elsewhere (BylineStore   *self);
/* The person's name recorded with each save (Preferences' name). */
void           byline_store_set_user_name      (BylineStore         *self,
                                                const char          *name);
char          *byline_store_dup_user_name      (BylineStore         *self);
/* The name a newsroom server records for the person at this desk, whatever
 * name it is sent: the role they logged in as, which it writes as the
 * author of their revisions, notes and state changes and as who saved.
 * NULL for a newsroom file, where the name set above is recorded. Windows
 * show it in place of Preferences' name when there is one. */
char          *byline_store_dup_role_name      (BylineStore         *self);
/* Whether the person may approve, publish, spike and edit approved or
 * published articles: on a newsroom server, an editor's role; on a desk's
 * own file, always. Windows offer only what this allows; the server
 * refuses the rest anyway. */
gboolean       byline_store_is_editor          (BylineStore         *self);
/* How long a write waits for another program's lock before failing. */
void           byline_store_set_busy_timeout   (BylineStore         *self,
                                                guint                milliseconds);

/* Inserts the article when its id is 0 (assigning id, uuid, slug and
 * created), else updates it. Sets "updated" to now. Pins are written with the
 * article, in the same transaction. */
gboolean       byline_store_save_article       (BylineStore         *self,
                                                BylineArticle       *article,
                                                GError             **error);
/* Every field, and pins with their related articles' current headlines. */
BylineArticle *byline_store_load_article       (BylineStore         *self,
                                                gint64               id,
                                                GError             **error);
/* Newest first (by updated). Summaries, not articles: no body, no pins, so
 * a long list stays cheap, and each carries its open-note count. Load an
 * article by its id to edit it. (element-type BylineArticleSummary) */
GPtrArray     *byline_store_list_articles      (BylineStore         *self,
                                                const BylineArticleQuery *query,
                                                GError             **error);
/* Article @id as @query lists it, and its *@position among the rows @query
 * lists (its limit and offset aside): one query, for a list that follows
 * a change to one article. NULL, with no error, when @query does not list
 * it. */
BylineArticleSummary *
               byline_store_locate_article     (BylineStore         *self,
                                                const BylineArticleQuery *query,
                                                gint64               id,
                                                guint               *position,
                                                GError             **error);
guint          byline_store_count_articles     (BylineStore         *self,
                                                const BylineArticleQuery *query,
                                                GError             **error);
/* The id of the live article with exactly this headline (case-insensitive),
 * the newest if several; 0 if none. */
gint64         byline_store_find_by_headline   (BylineStore         *self,
                                                const char          *headline,
                                                GError             **error);
/* Links each unresolved pin of @article to a stored article with that
 * headline, where one exists. Does not save. */
void           byline_store_resolve_pins       (BylineStore         *self,
                                                BylineArticle       *article);

gboolean       byline_store_trash_article      (BylineStore         *self,
                                                gint64               id,
                                                GError             **error);
gboolean       byline_store_restore_article    (BylineStore         *self,
                                                gint64               id,
                                                GError             **error);
/* Deletes for good (from the Trash or not). */
gboolean       byline_store_delete_article     (BylineStore         *self,
                                                gint64               id,
                                                GError             **error);
gboolean       byline_store_empty_trash        (BylineStore         *self,
                                                GError             **error);

/* --- Pictures ----------------------------------------------------------------
 *
 * A lead picture is kept in the newsroom (byline-media.h): choosing or
 * importing one copies its bytes in, and the article's image holds the
 * reference these return, "media:<sha256>.<ext>". Previews and exports
 * read the bytes from here, never from a path. */

/* Keeps @bytes, a JPEG, PNG, WebP or GIF picture (sniffed from the bytes,
 * whatever a name says) of at most BYLINE_LIMIT_MEDIA_BYTES; the same
 * bytes added again are kept once. Returns the reference to put in an
 * article's image, or NULL with a BYLINE_STORE_ERROR_INVALID saying what
 * is wrong. */
char          *byline_store_add_media          (BylineStore         *self,
                                                GBytes              *bytes,
                                                GError             **error);
/* The same for the regular file @file, read once, now. */
char          *byline_store_add_media_file     (BylineStore         *self,
                                                GFile               *file,
                                                GCancellable        *cancellable,
                                                GError             **error);
/* The picture @reference names; BYLINE_STORE_ERROR_NOT_FOUND when this
 * newsroom does not have it, INVALID when @reference is none. */
BylineMedia   *byline_store_load_media         (BylineStore         *self,
                                                const char          *reference,
                                                GError             **error);

/* --- Offline: the outbox (byline-outbox.h) ----------------------------------- */

typedef struct _BylineOutbox BylineOutbox;

void           byline_store_set_outbox         (BylineStore         *self,
                                                BylineOutbox        *outbox);
BylineOutbox  *byline_store_get_outbox         (BylineStore         *self);
gboolean       byline_store_get_offline        (BylineStore         *self);
gboolean       byline_store_send_outbox        (BylineStore         *self,
                                                guint               *sent,
                                                guint               *conflicts,
                                                GError             **error);

/* --- Moving a newsroom ------------------------------------------------------ */

typedef struct
{
  guint    articles;
  guint    revisions;
  guint    notes;
  guint    pins;
  guint    status_events;
  guint    media;
  gboolean publication;
} BylineCopyCounts;

/* Copies everything @self holds into the empty @target, all or nothing
 * (byline-store-copy.c). */
gboolean       byline_store_copy_to            (BylineStore         *self,
                                                BylineStore         *target,
                                                BylineCopyCounts    *counts,
                                                GError             **error);

/* --- The publication ----------------------------------------------------------
 *
 * The masthead (name, tagline, web address, language) lives in the
 * newsroom, so that every desk previews and exports the same page. */

/* The stored masthead, or the defaults when none is stored (*@stored says
 * which; may be NULL). (transfer full) */
BylinePublication *byline_store_load_publication (BylineStore             *self,
                                                  gboolean                *stored,
                                                  GError                 **error);
gboolean           byline_store_save_publication (BylineStore             *self,
                                                  const BylinePublication *publication,
                                                  GError                 **error);

/* --- The newsroom dictionary ----------------------------------------------
 *
 * Words the newsroom spells its own way (names of people and places), kept
 * in the newsroom so that every desk's spell checker shares them. A word is
 * one word: no white space, at most BYLINE_DICTIONARY_WORD_CHARS
 * characters. Adding a word that is there already changes nothing. */

#define BYLINE_DICTIONARY_WORD_CHARS 100

/* Sorted. (transfer full) */
GStrv          byline_store_list_dictionary    (BylineStore         *self,
                                                GError             **error);
gboolean       byline_store_add_to_dictionary  (BylineStore         *self,
                                                const char          *word,
                                                GError             **error);
gboolean       byline_store_remove_from_dictionary (BylineStore     *self,
                                                const char          *word,
                                                GError             **error);

/* --- Edit locks -------------------------------------------------------------
 *
 * As newsrooms expect: the desk that opens an article to edit it holds its
 * lock, kept alive by a heartbeat (byline_store_heartbeat_lock() every
 * BYLINE_LOCK_HEARTBEAT seconds) and released on close; a lock not kept
 * alive for BYLINE_LOCK_LAPSE seconds (a desk that vanished) is free.
 * Others see "Being edited by <name>" (the summaries' editor name) and
 * open the article read-only, or take the lock over. */

#define BYLINE_LOCK_LAPSE     60
#define BYLINE_LOCK_HEARTBEAT 20

/* This store's desk: which locks are its own. */
const char    *byline_store_get_desk           (BylineStore         *self);
/* For a store opened on a worker thread and handed to the thread that
 * runs its main context: that thread now gets its signals at once. */
void           byline_store_adopt              (BylineStore         *self);
/* Takes article @id's edit lock for this desk (taking it from another desk
 * when @take_over). *@holder gets who holds it when another desk does and
 * it was not taken ("" otherwise). FALSE only on error. */
gboolean       byline_store_lock_article       (BylineStore         *self,
                                                gint64               id,
                                                gboolean             take_over,
                                                gboolean            *acquired,
                                                char               **holder,
                                                GError             **error);
/* Keeps this desk's lock alive; *@held FALSE when another desk took it. */
gboolean       byline_store_heartbeat_lock     (BylineStore         *self,
                                                gint64               id,
                                                gboolean            *held,
                                                GError             **error);
gboolean       byline_store_unlock_article     (BylineStore         *self,
                                                gint64               id,
                                                GError             **error);

G_END_DECLS
