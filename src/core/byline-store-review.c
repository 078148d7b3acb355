/* byline-store-review.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-review"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <sqlite3.h>
#include <string.h>

#include "byline-diff.h"
#include "byline-notes.h"
#include "byline-review.h"
#include "byline-store-private.h"
#include "byline-text.h"
#include "byline-workflow.h"

/* "More than ten minutes since the last revision". */
#define AUTO_REVISION_INTERVAL (10 * 60)

/* --- BylineRevision ------------------------------------------------------ */

struct _BylineRevision
{
  GObject               parent_instance;

  gint64                id;
  gint64                article_id;
  gint64                created;
  char                 *author;
  BylineStatus          status;
  BylineRevisionReason  reason;
  guint                 words_added;
  guint                 words_removed;
  BylineArticle        *article;
};

G_DEFINE_FINAL_TYPE (BylineRevision, byline_revision, G_TYPE_OBJECT)

static void
byline_revision_finalize (GObject *object)
{
  BylineRevision *self = (BylineRevision *)object;

  g_clear_pointer (&self->author, g_free);
  g_clear_object (&self->article);

  G_OBJECT_CLASS (byline_revision_parent_class)->finalize (object);
}

static void
byline_revision_class_init (BylineRevisionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_revision_finalize;
}

static void
byline_revision_init (BylineRevision *self)
{
}

gint64
byline_revision_get_id (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->id;
}

gint64
byline_revision_get_article_id (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->article_id;
}

gint64
byline_revision_get_created (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->created;
}

const char *
byline_revision_get_author (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), NULL);
  return self->author;
}

BylineStatus
byline_revision_get_status (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

BylineRevisionReason
byline_revision_get_reason (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), BYLINE_REVISION_AUTO);
  return self->reason;
}

guint
byline_revision_get_words_added (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->words_added;
}

guint
byline_revision_get_words_removed (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), 0);
  return self->words_removed;
}

/**
 * byline_revision_get_article:
 * @self: a revision
 *
 * Returns: (transfer none): the article as it was in this revision
 */
BylineArticle *
byline_revision_get_article (BylineRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_REVISION (self), NULL);
  return self->article;
}

static const char * const reason_names[] = {
  [BYLINE_REVISION_STATE] = "state",
  [BYLINE_REVISION_MANUAL] = "manual",
  [BYLINE_REVISION_AUTO] = "auto",
  [BYLINE_REVISION_RESTORE] = "restore",
};

const char *
byline_revision_reason_to_string (BylineRevisionReason reason)
{
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), "auto");
  return reason_names[reason];
}

const char *
byline_revision_reason_get_label (BylineRevisionReason reason)
{
  switch (reason)
    {
    case BYLINE_REVISION_STATE:
      return _("State changed");
    case BYLINE_REVISION_MANUAL:
      return _("Saved");
    case BYLINE_REVISION_AUTO:
      return _("Automatic");
    case BYLINE_REVISION_RESTORE:
      return _("Restored");
    default:
      g_return_val_if_reached ("");
    }
}

static BylineRevisionReason
reason_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (reason_names); i++)
    {
      if (g_strcmp0 (text, reason_names[i]) == 0)
        return i;
    }

  return BYLINE_REVISION_AUTO;
}

/* --- BylineNote ---------------------------------------------------------- */

struct _BylineNote
{
  GObject  parent_instance;

  gint64   id;
  gint64   article_id;
  gint64   parent_id;
  char    *author;
  gint64   created;
  char    *text;
  int      start;
  int      end;
  char    *anchor_text;
  gint64   resolved;
};

G_DEFINE_FINAL_TYPE (BylineNote, byline_note, G_TYPE_OBJECT)

static void
byline_note_finalize (GObject *object)
{
  BylineNote *self = (BylineNote *)object;

  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->anchor_text, g_free);

  G_OBJECT_CLASS (byline_note_parent_class)->finalize (object);
}

static void
byline_note_class_init (BylineNoteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_note_finalize;
}

static void
byline_note_init (BylineNote *self)
{
  self->start = -1;
  self->end = -1;
}

gint64
byline_note_get_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->id;
}

gint64
byline_note_get_article_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->article_id;
}

gint64
byline_note_get_parent_id (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->parent_id;
}

const char *
byline_note_get_author (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->author;
}

gint64
byline_note_get_created (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->created;
}

const char *
byline_note_get_text (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->text;
}

int
byline_note_get_start (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), -1);
  return self->start;
}

int
byline_note_get_end (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), -1);
  return self->end;
}

const char *
byline_note_get_anchor_text (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), NULL);
  return self->anchor_text;
}

gint64
byline_note_get_resolved (BylineNote *self)
{
  g_return_val_if_fail (BYLINE_IS_NOTE (self), 0);
  return self->resolved;
}

/* --- BylineStatusEvent --------------------------------------------------- */

void
byline_status_event_free (BylineStatusEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->author);
  g_free (event);
}

/* --- SQL helpers --------------------------------------------------------- */

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
bind_status (sqlite3_stmt *stmt,
             int           index,
             BylineStatus  status)
{
  _byline_store_bind_text (stmt, index, byline_status_to_string (status));
}

static BylineStatus
column_status (sqlite3_stmt *stmt,
               int           column)
{
  BylineStatus status = BYLINE_STATUS_DRAFT;

  byline_status_from_string (_byline_store_column_text (stmt, column), &status);
  return status;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static sqlite3_stmt *
prepare (BylineStore  *self,
         sqlite3      *db,
         const char   *sql,
         const char   *doing,
         GError      **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _byline_store_set_error (self, error, rc, doing);
      sqlite3_finalize (stmt);
      return NULL;
    }

  return stmt;
}

/* Runs @stmt, which returns no rows. */
static gboolean
step_done (BylineStore   *self,
           sqlite3_stmt  *stmt,
           const char    *doing,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    {
      _byline_store_set_error (self, error, rc, doing);
      return FALSE;
    }

  return TRUE;
}

static gboolean
begin (BylineStore  *self,
       const char   *doing,
       GError      **error)
{
  return _byline_store_exec (self, "BEGIN IMMEDIATE", doing, error);
}

static gboolean
commit (BylineStore  *self,
        const char   *doing,
        GError      **error)
{
  if (!_byline_store_exec (self, "COMMIT", doing, error))
    {
      _byline_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/* Ends a write that began with _byline_store_lock(): finalizes *@stmt (if
 * @stmt is given), rolls back if *@local_error is set, unlocks, then moves
 * *@local_error into @error. Returns %TRUE if the write succeeded; the
 * caller emits "changed" after this, never under the lock. */
static gboolean
finish_write (BylineStore    *self,
              sqlite3_stmt  **stmt,
              GError        **local_error,
              GError        **error)
{
  if (stmt != NULL)
    g_clear_pointer (stmt, sqlite3_finalize);
  if (*local_error != NULL)
    _byline_store_rollback (self);
  _byline_store_unlock (self);

  if (*local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (local_error));
      return FALSE;
    }

  return TRUE;
}

static void
set_article_not_found (GError **error,
                       gint64   article_id)
{
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
               _("No article with id %" PRId64 ". Run “byline --list” to see the ids."),
               article_id);
}

static gboolean
check_text (const char  *text,
            const char  *what,
            GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed, “name” or “note” */
                   _("The %s is not valid UTF-8 text, so it was not saved. Retype or paste it again."),
                   what);
      return FALSE;
    }

  return TRUE;
}

/* --- Revisions ----------------------------------------------------------- */

#define REVISION_COLUMNS \
  "id, article_id, created, author, status, reason, headline, standfirst, byline," \
  " dateline, caption, credit, image, image_alt, body, tags, section, published," \
  " language, words_added, words_removed"

static BylineRevision *
revision_from_row (sqlite3_stmt *stmt)
{
  BylineRevision *revision = g_object_new (BYLINE_TYPE_REVISION, NULL);
  BylineArticle *article = byline_article_new ();

  revision->id = sqlite3_column_int64 (stmt, 0);
  revision->article_id = sqlite3_column_int64 (stmt, 1);
  revision->created = sqlite3_column_int64 (stmt, 2);
  revision->author = g_strdup (_byline_store_column_text (stmt, 3));
  revision->status = column_status (stmt, 4);
  revision->reason = reason_from_string (_byline_store_column_text (stmt, 5));
  revision->words_added = MAX (sqlite3_column_int64 (stmt, 19), 0);
  revision->words_removed = MAX (sqlite3_column_int64 (stmt, 20), 0);

  byline_article_set_id (article, revision->article_id);
  byline_article_set_headline (article, _byline_store_column_text (stmt, 6));
  byline_article_set_standfirst (article, _byline_store_column_text (stmt, 7));
  byline_article_set_byline (article, _byline_store_column_text (stmt, 8));
  byline_article_set_dateline (article, _byline_store_column_text (stmt, 9));
  byline_article_set_caption (article, _byline_store_column_text (stmt, 10));
  byline_article_set_credit (article, _byline_store_column_text (stmt, 11));
  byline_article_set_image (article, _byline_store_column_text (stmt, 12));
  byline_article_set_image_alt (article, _byline_store_column_text (stmt, 13));
  byline_article_set_body (article, _byline_store_column_text (stmt, 14));
  byline_article_set_tags_string (article, _byline_store_column_text (stmt, 15));
  byline_article_set_section (article, _byline_store_column_text (stmt, 16));
  byline_article_set_published (article, sqlite3_column_int64 (stmt, 17));
  byline_article_set_language (article, _byline_store_column_text (stmt, 18));
  byline_article_set_status (article, revision->status);
  byline_article_set_updated (article, revision->created);
  revision->article = article;

  return revision;
}

/* The fields a revision keeps and a restore writes back, but the state and
 * the published time. */
static gboolean
same_text (BylineArticle *a,
           BylineArticle *b)
{
  static const char *(*getters[]) (BylineArticle *) = {
    byline_article_get_headline, byline_article_get_standfirst, byline_article_get_byline,
    byline_article_get_dateline, byline_article_get_caption, byline_article_get_credit,
    byline_article_get_image, byline_article_get_image_alt, byline_article_get_body,
    byline_article_get_section, byline_article_get_language,
  };
  g_autofree char *tags_a = byline_article_dup_tags_string (a);
  g_autofree char *tags_b = byline_article_dup_tags_string (b);

  for (guint i = 0; i < G_N_ELEMENTS (getters); i++)
    {
      if (g_strcmp0 (getters[i] (a), getters[i] (b)) != 0)
        return FALSE;
    }

  return g_strcmp0 (tags_a, tags_b) == 0;
}

static gboolean
is_blank_article (BylineArticle *article)
{
  g_autoptr(BylineArticle) blank = byline_article_new ();

  /* A new article's language is the default one: compare without it. */
  byline_article_set_language (blank, byline_article_get_language (article));
  return same_text (article, blank);
}

/* Words added and removed from @before (NULL: nothing) to @after, over the
 * text a reader reads. */
static void
count_words (BylineArticle *before,
             BylineArticle *after,
             guint         *added,
             guint         *removed)
{
  static const char *(*getters[]) (BylineArticle *) = {
    byline_article_get_headline, byline_article_get_standfirst,
    byline_article_get_caption, byline_article_get_body,
  };

  *added = 0;
  *removed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (getters); i++)
    {
      const char *old_text = before != NULL ? getters[i] (before) : "";
      const char *new_text = getters[i] (after);
      g_autoptr(GPtrArray) ops = NULL;
      guint field_added, field_removed;

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      ops = byline_diff_words (old_text, new_text);
      byline_text_count_changes (ops,
                                 getters[i] == byline_article_get_body ? BYLINE_TEXT_MARKDOWN : BYLINE_TEXT_PLAIN,
                                 &field_added, &field_removed);
      *added += field_added;
      *removed += field_removed;
    }
}

/* With the lock held. NULL with no error when the article has none. */
static BylineRevision *
load_latest_revision_locked (BylineStore  *self,
                             sqlite3      *db,
                             gint64        article_id,
                             const char   *not_by,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db,
                  not_by == NULL
                  ? "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_id = ?1"
                    " ORDER BY created DESC, id DESC LIMIT 1"
                  : "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_id = ?1"
                    " AND author != ?2 ORDER BY created DESC, id DESC LIMIT 1",
                  _("read the revisions"), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  if (not_by != NULL)
    _byline_store_bind_text (stmt, 2, not_by);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return revision_from_row (stmt);

  if (rc != SQLITE_DONE)
    _byline_store_set_error (self, error, rc, _("read the revisions"));

  return NULL;
}

/* Inserts a revision of @article, counting words against @previous; with
 * the lock held, inside a transaction. */
static BylineRevision *
insert_revision_locked (BylineStore           *self,
                        sqlite3               *db,
                        BylineArticle         *article,
                        BylineStatus           status,
                        const char            *author,
                        BylineRevisionReason   reason,
                        gint64                 created,
                        BylineRevision        *previous,
                        GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autofree char *tags = NULL;
  guint added, removed;

  count_words (previous != NULL ? previous->article : NULL, article, &added, &removed);

  stmt = prepare (self, db,
                  "INSERT INTO revisions (article_id, created, author, status, reason, headline,"
                  " standfirst, byline, dateline, caption, credit, image, image_alt, body, tags,"
                  " section, published, language, words_added, words_removed)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                  " ?16, ?17, ?18, ?19, ?20)",
                  _("save the revision"), error);
  if (stmt == NULL)
    return NULL;

  tags = byline_article_dup_tags_string (article);

  sqlite3_bind_int64 (stmt, 1, byline_article_get_id (article));
  sqlite3_bind_int64 (stmt, 2, created);
  _byline_store_bind_text (stmt, 3, author);
  bind_status (stmt, 4, status);
  _byline_store_bind_text (stmt, 5, byline_revision_reason_to_string (reason));
  _byline_store_bind_text (stmt, 6, byline_article_get_headline (article));
  _byline_store_bind_text (stmt, 7, byline_article_get_standfirst (article));
  _byline_store_bind_text (stmt, 8, byline_article_get_byline (article));
  _byline_store_bind_text (stmt, 9, byline_article_get_dateline (article));
  _byline_store_bind_text (stmt, 10, byline_article_get_caption (article));
  _byline_store_bind_text (stmt, 11, byline_article_get_credit (article));
  _byline_store_bind_text (stmt, 12, byline_article_get_image (article));
  _byline_store_bind_text (stmt, 13, byline_article_get_image_alt (article));
  _byline_store_bind_text (stmt, 14, byline_article_get_body (article));
  _byline_store_bind_text (stmt, 15, tags);
  _byline_store_bind_text (stmt, 16, byline_article_get_section (article));
  if (byline_article_get_published (article) > 0)
    sqlite3_bind_int64 (stmt, 17, byline_article_get_published (article));
  else
    sqlite3_bind_null (stmt, 17);
  _byline_store_bind_text (stmt, 18, byline_article_get_language (article));
  sqlite3_bind_int64 (stmt, 19, added);
  sqlite3_bind_int64 (stmt, 20, removed);

  if (!step_done (self, stmt, _("save the revision"), error))
    return NULL;

  revision = g_object_new (BYLINE_TYPE_REVISION, NULL);
  revision->id = sqlite3_last_insert_rowid (db);
  revision->article_id = byline_article_get_id (article);
  revision->created = created;
  revision->author = g_strdup (author ? author : "");
  revision->status = status;
  revision->reason = reason;
  revision->words_added = added;
  revision->words_removed = removed;
  revision->article = byline_article_copy (article);
  byline_article_clear_pins (revision->article);
  byline_article_set_status (revision->article, status);
  byline_article_set_updated (revision->article, created);

  return g_steal_pointer (&revision);
}

static gboolean
article_exists_locked (BylineStore  *self,
                       sqlite3      *db,
                       gint64        article_id,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db, "SELECT 1 FROM articles WHERE id = ?1", _("read the article"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    set_article_not_found (error, article_id);
  else
    _byline_store_set_error (self, error, rc, _("read the article"));

  return FALSE;
}

static gboolean
check_saved (BylineArticle  *article,
             GError        **error)
{
  if (byline_article_get_id (article) > 0)
    return TRUE;

  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
               _("The article “%s” has not been saved yet, so it has no history. "
                 "Save it first."),
               byline_article_get_headline (article));
  return FALSE;
}

/**
 * byline_store_save_revision:
 * @self: a store
 * @article: a saved article, with the text to keep
 * @author: who is saving it
 * @reason: why
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the new revision
 */
BylineRevision *
byline_store_save_revision (BylineStore           *self,
                            BylineArticle         *article,
                            const char            *author,
                            BylineRevisionReason   reason,
                            GError               **error)
{
  g_autoptr(BylineRevision) previous = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("save the revision");
  gint64 article_id;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail ((guint) reason < G_N_ELEMENTS (reason_names), NULL);

  if (!check_saved (article, error) || !check_text (author, _("name"), error))
    return NULL;

  article_id = byline_article_get_id (article);
  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error))
    goto out;

  if (!article_exists_locked (self, db, article_id, &local_error))
    goto out;

  previous = load_latest_revision_locked (self, db, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  revision = insert_revision_locked (self, db, article, byline_article_get_status (article),
                                     author, reason, now_seconds (), previous, &local_error);
  if (revision == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, NULL, &local_error, error))
    return NULL;

  _byline_store_emit_changed (self, article_id);
  return g_steal_pointer (&revision);
}

gboolean
byline_store_maybe_auto_revision (BylineStore    *self,
                                  BylineArticle  *article,
                                  const char     *author,
                                  gint64          now,
                                  gboolean       *created,
                                  GError        **error)
{
  g_autoptr(BylineRevision) previous = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("save the revision");
  gint64 article_id;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (created != NULL)
    *created = FALSE;

  if (!check_saved (article, error) || !check_text (author, _("name"), error))
    return FALSE;

  article_id = byline_article_get_id (article);
  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error))
    goto out;

  if (!article_exists_locked (self, db, article_id, &local_error))
    goto out;

  previous = load_latest_revision_locked (self, db, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  if (previous != NULL
      ? (now - previous->created <= AUTO_REVISION_INTERVAL || same_text (previous->article, article))
      : is_blank_article (article))
    {
      _byline_store_rollback (self);
      goto out;
    }

  revision = insert_revision_locked (self, db, article, byline_article_get_status (article),
                                     author, BYLINE_REVISION_AUTO, now, previous, &local_error);
  if (revision == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, NULL, &local_error, error))
    return FALSE;

  if (revision != NULL)
    {
      if (created != NULL)
        *created = TRUE;
      _byline_store_emit_changed (self, article_id);
    }

  return TRUE;
}

/**
 * byline_store_list_revisions:
 * @self: a store
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineRevision) (nullable): the
 *   article's revisions, newest first
 */
GPtrArray *
byline_store_list_revisions (BylineStore  *self,
                             gint64        article_id,
                             GError      **error)
{
  g_autoptr(GPtrArray) revisions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  db = _byline_store_lock (self);
  stmt = prepare (self, db,
                  "SELECT " REVISION_COLUMNS " FROM revisions WHERE article_id = ?1"
                  " ORDER BY created DESC, id DESC",
                  _("read the revisions"), error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (revisions, revision_from_row (stmt));

      if (rc != SQLITE_DONE)
        _byline_store_set_error (self, error, rc, _("read the revisions"));
    }
  else
    rc = SQLITE_ERROR;   /* prepare () set the error */
  g_clear_pointer (&stmt, sqlite3_finalize);
  _byline_store_unlock (self);

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&revisions);
}

static BylineRevision *
load_revision_locked (BylineStore  *self,
                      sqlite3      *db,
                      gint64        revision_id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db, "SELECT " REVISION_COLUMNS " FROM revisions WHERE id = ?1",
                  _("read the revision"), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, revision_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return revision_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                 _("No revision with id %" PRId64 ". "
                   "Run “byline --history ID” to see an article’s revisions."),
                 revision_id);
  else
    _byline_store_set_error (self, error, rc, _("read the revision"));

  return NULL;
}

/**
 * byline_store_load_revision:
 * @self: a store
 * @revision_id: the revision
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the revision
 */
BylineRevision *
byline_store_load_revision (BylineStore  *self,
                            gint64        revision_id,
                            GError      **error)
{
  BylineRevision *revision;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  db = _byline_store_lock (self);
  revision = load_revision_locked (self, db, revision_id, error);
  _byline_store_unlock (self);

  return revision;
}

/**
 * byline_store_last_revision_by_other:
 * @self: a store
 * @article_id: the article
 * @author: the person reviewing
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the newest revision someone else
 *   made, or %NULL
 */
BylineRevision *
byline_store_last_revision_by_other (BylineStore  *self,
                                     gint64        article_id,
                                     const char   *author,
                                     GError      **error)
{
  BylineRevision *revision;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  db = _byline_store_lock (self);
  revision = load_latest_revision_locked (self, db, article_id, author ? author : "", error);
  _byline_store_unlock (self);

  return revision;
}

static BylineArticle *
load_article_row_locked (BylineStore  *self,
                         sqlite3      *db,
                         gint64        article_id,
                         GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db,
                  "SELECT id, uuid, slug, section, headline, standfirst, byline, dateline, caption,"
                  " credit, image, image_alt, body, tags, status, created, updated, published, language"
                  " FROM articles WHERE id = ?1",
                  _("read the article"), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _byline_store_article_from_row (stmt);

  if (rc == SQLITE_DONE)
    set_article_not_found (error, article_id);
  else
    _byline_store_set_error (self, error, rc, _("read the article"));

  return NULL;
}

/* Copies what a restore brings back: every field but state and published. */
static void
copy_text (BylineArticle *to,
           BylineArticle *from)
{
  byline_article_set_headline (to, byline_article_get_headline (from));
  byline_article_set_standfirst (to, byline_article_get_standfirst (from));
  byline_article_set_byline (to, byline_article_get_byline (from));
  byline_article_set_dateline (to, byline_article_get_dateline (from));
  byline_article_set_caption (to, byline_article_get_caption (from));
  byline_article_set_credit (to, byline_article_get_credit (from));
  byline_article_set_image (to, byline_article_get_image (from));
  byline_article_set_image_alt (to, byline_article_get_image_alt (from));
  byline_article_set_body (to, byline_article_get_body (from));
  byline_article_set_tags (to, byline_article_get_tags (from));
  byline_article_set_section (to, byline_article_get_section (from));
  byline_article_set_language (to, byline_article_get_language (from));
}

/**
 * byline_store_restore_revision:
 * @self: a store
 * @article_id: the article
 * @revision_id: one of its revisions
 * @author: who restores it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the article as now stored
 */
BylineArticle *
byline_store_restore_revision (BylineStore  *self,
                               gint64        article_id,
                               gint64        revision_id,
                               const char   *author,
                               GError      **error)
{
  g_autoptr(BylineRevision) target = NULL;
  g_autoptr(BylineRevision) latest = NULL;
  g_autoptr(BylineRevision) restored = NULL;
  g_autoptr(BylineArticle) current = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *tags = NULL;
  const char *doing = _("restore the revision");
  gint64 now = now_seconds ();
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!check_text (author, _("name"), error))
    return NULL;

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error))
    goto out;

  current = load_article_row_locked (self, db, article_id, &local_error);
  if (current == NULL)
    goto out;

  target = load_revision_locked (self, db, revision_id, &local_error);
  if (target == NULL)
    goto out;

  if (target->article_id != article_id)
    {
      g_set_error (&local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("Revision %" PRId64 " belongs to another article. "
                     "Run “byline --history %" PRId64 "” to see this article’s revisions."),
                   revision_id, article_id);
      goto out;
    }

  /* Keep the text being replaced, unless the newest revision has it. */
  latest = load_latest_revision_locked (self, db, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  if (latest == NULL || !same_text (latest->article, current))
    {
      BylineRevision *kept = insert_revision_locked (self, db, current,
                                                     byline_article_get_status (current),
                                                     author, BYLINE_REVISION_AUTO, now,
                                                     latest, &local_error);

      if (kept == NULL)
        goto out;

      g_clear_object (&latest);
      latest = kept;
    }

  copy_text (current, target->article);

  /* As byline_store_save_article() does: the slug follows the headline
   * until the article is published. */
  if (byline_article_get_status (current) != BYLINE_STATUS_PUBLISHED ||
      *byline_article_get_slug (current) == '\0')
    slug = byline_slugify (byline_article_get_headline (current));
  else
    slug = g_strdup (byline_article_get_slug (current));
  tags = byline_article_dup_tags_string (current);

  stmt = prepare (self, db,
                  "UPDATE articles SET slug = ?2, section = ?3, headline = ?4, standfirst = ?5,"
                  " byline = ?6, dateline = ?7, caption = ?8, credit = ?9, image = ?10,"
                  " image_alt = ?11, body = ?12, tags = ?13, language = ?14, updated = ?15"
                  " WHERE id = ?1",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  _byline_store_bind_text (stmt, 2, slug);
  _byline_store_bind_text (stmt, 3, byline_article_get_section (current));
  _byline_store_bind_text (stmt, 4, byline_article_get_headline (current));
  _byline_store_bind_text (stmt, 5, byline_article_get_standfirst (current));
  _byline_store_bind_text (stmt, 6, byline_article_get_byline (current));
  _byline_store_bind_text (stmt, 7, byline_article_get_dateline (current));
  _byline_store_bind_text (stmt, 8, byline_article_get_caption (current));
  _byline_store_bind_text (stmt, 9, byline_article_get_credit (current));
  _byline_store_bind_text (stmt, 10, byline_article_get_image (current));
  _byline_store_bind_text (stmt, 11, byline_article_get_image_alt (current));
  _byline_store_bind_text (stmt, 12, byline_article_get_body (current));
  _byline_store_bind_text (stmt, 13, tags);
  _byline_store_bind_text (stmt, 14, byline_article_get_language (current));
  sqlite3_bind_int64 (stmt, 15, now);

  if (!step_done (self, stmt, doing, &local_error))
    goto out;

  restored = insert_revision_locked (self, db, current, byline_article_get_status (current),
                                     author, BYLINE_REVISION_RESTORE, now, latest, &local_error);
  if (restored == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    return NULL;

  _byline_store_emit_changed (self, article_id);

  return byline_store_load_article (self, article_id, error);
}

/* --- Workflow ------------------------------------------------------------ */

static gboolean
read_spiked_from_locked (BylineStore   *self,
                         sqlite3       *db,
                         gint64         article_id,
                         BylineStatus  *spiked_from,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *spiked_from = BYLINE_STATUS_DRAFT;

  stmt = prepare (self, db, "SELECT status, spiked_from FROM articles WHERE id = ?1",
                  _("read the article"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (column_status (stmt, 0) == BYLINE_STATUS_SPIKED && sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        *spiked_from = column_status (stmt, 1);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    set_article_not_found (error, article_id);
  else
    _byline_store_set_error (self, error, rc, _("read the article"));

  return FALSE;
}

BylineStatus
byline_store_get_spiked_from (BylineStore  *self,
                              gint64        article_id,
                              GError      **error)
{
  BylineStatus spiked_from = BYLINE_STATUS_DRAFT;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), BYLINE_STATUS_DRAFT);

  db = _byline_store_lock (self);
  read_spiked_from_locked (self, db, article_id, &spiked_from, error);
  _byline_store_unlock (self);

  return spiked_from;
}

/**
 * byline_store_set_status:
 * @self: a store
 * @article: the article (saved or not)
 * @to: the state it should move to
 * @author: who moves it
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the article is in state @to, on disk and in @article
 */
gboolean
byline_store_set_status (BylineStore    *self,
                         BylineArticle  *article,
                         BylineStatus    to,
                         const char     *author,
                         GError        **error)
{
  g_autoptr(BylineRevision) previous = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(BylineArticle) snapshot = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("change the article’s state");
  BylineStatus from;
  BylineStatus spiked_from = BYLINE_STATUS_DRAFT;
  gint64 article_id;
  gint64 published;
  gint64 now;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (!check_text (author, _("name"), error))
    return FALSE;

  from = byline_article_get_status (article);

  if (from == BYLINE_STATUS_SPIKED && byline_article_get_id (article) > 0)
    {
      db = _byline_store_lock (self);
      read_spiked_from_locked (self, db, byline_article_get_id (article), &spiked_from, &local_error);
      _byline_store_unlock (self);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  if (!byline_workflow_check (from, spiked_from, to, error))
    return FALSE;

  /* The edits the editor sees go with the state change; this is the same
   * save autosave makes, so a failure after it leaves nothing half done. */
  if (!byline_store_save_article (self, article, error))
    return FALSE;

  article_id = byline_article_get_id (article);
  now = now_seconds ();
  published = byline_article_get_published (article);
  if (to == BYLINE_STATUS_PUBLISHED && published <= 0)
    published = now;

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error))
    goto out;

  stmt = prepare (self, db,
                  "UPDATE articles SET status = ?2, published = ?3, spiked_from = ?4, updated = ?5"
                  " WHERE id = ?1",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  bind_status (stmt, 2, to);
  if (published > 0)
    sqlite3_bind_int64 (stmt, 3, published);
  else
    sqlite3_bind_null (stmt, 3);
  if (to == BYLINE_STATUS_SPIKED)
    bind_status (stmt, 4, from);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_int64 (stmt, 5, now);

  if (!step_done (self, stmt, doing, &local_error))
    goto out;
  if (sqlite3_changes (db) == 0)
    {
      set_article_not_found (&local_error, article_id);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (self, db,
                  "INSERT INTO status_events (article_id, created, author, from_status, to_status)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, now);
  _byline_store_bind_text (stmt, 3, author);
  bind_status (stmt, 4, from);
  bind_status (stmt, 5, to);

  if (!step_done (self, stmt, doing, &local_error))
    goto out;

  previous = load_latest_revision_locked (self, db, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  snapshot = byline_article_copy (article);
  byline_article_set_published (snapshot, published);
  revision = insert_revision_locked (self, db, snapshot, to, author, BYLINE_REVISION_STATE,
                                     now, previous, &local_error);
  if (revision == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    return FALSE;

  byline_article_set_status (article, to);
  byline_article_set_published (article, published);
  byline_article_set_updated (article, now);

  _byline_store_emit_changed (self, article_id);

  return TRUE;
}

/**
 * byline_store_list_status_events:
 * @self: a store
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineStatusEvent) (nullable):
 *   the article's changes of state, oldest first
 */
GPtrArray *
byline_store_list_status_events (BylineStore  *self,
                                 gint64        article_id,
                                 GError      **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean failed = TRUE;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_status_event_free);

  db = _byline_store_lock (self);
  stmt = prepare (self, db,
                  "SELECT article_id, created, author, from_status, to_status FROM status_events"
                  " WHERE article_id = ?1 ORDER BY created, id",
                  _("read the article’s history"), error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          BylineStatusEvent *event = g_new0 (BylineStatusEvent, 1);

          event->article_id = sqlite3_column_int64 (stmt, 0);
          event->created = sqlite3_column_int64 (stmt, 1);
          event->author = g_strdup (_byline_store_column_text (stmt, 2));
          event->from = column_status (stmt, 3);
          event->to = column_status (stmt, 4);
          g_ptr_array_add (events, event);
        }

      if (rc == SQLITE_DONE)
        failed = FALSE;
      else
        _byline_store_set_error (self, error, rc, _("read the article’s history"));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _byline_store_unlock (self);

  if (failed)
    return NULL;

  return g_steal_pointer (&events);
}

/* --- Notes --------------------------------------------------------------- */

/* A note with its thread's anchor and resolution. */
#define NOTE_SELECT \
  "SELECT n.id, n.article_id, n.parent_id, n.author, n.created, n.text," \
  " t.anchor_start, t.anchor_end, t.anchor_text, t.resolved" \
  " FROM notes n JOIN notes t ON t.id = COALESCE (n.parent_id, n.id)"

static BylineNote *
note_from_row (sqlite3_stmt *stmt)
{
  BylineNote *note = g_object_new (BYLINE_TYPE_NOTE, NULL);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->article_id = sqlite3_column_int64 (stmt, 1);
  note->parent_id = sqlite3_column_int64 (stmt, 2);
  note->author = g_strdup (_byline_store_column_text (stmt, 3));
  note->created = sqlite3_column_int64 (stmt, 4);
  note->text = g_strdup (_byline_store_column_text (stmt, 5));
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    {
      note->start = sqlite3_column_int (stmt, 6);
      note->end = sqlite3_column_int (stmt, 7);
    }
  note->anchor_text = g_strdup (_byline_store_column_text (stmt, 8));
  note->resolved = sqlite3_column_int64 (stmt, 9);

  return note;
}

static BylineNote *
load_note_locked (BylineStore  *self,
                  sqlite3      *db,
                  gint64        note_id,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self, db, NOTE_SELECT " WHERE n.id = ?1", _("read the note"), error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, note_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return note_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                 _("No note with id %" PRId64 ": it may have been deleted. "
                   "Reload the article’s notes."),
                 note_id);
  else
    _byline_store_set_error (self, error, rc, _("read the note"));

  return NULL;
}

static gboolean
set_notes_base_locked (BylineStore  *self,
                       sqlite3      *db,
                       gint64        article_id,
                       const char   *body,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self, db, "INSERT OR REPLACE INTO notes_base (article_id, body) VALUES (?1, ?2)",
                  _("save the note"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  _byline_store_bind_text (stmt, 2, body);

  return step_done (self, stmt, _("save the note"), error);
}

/* Moves the anchors of @article_id's notes from the body they were worked
 * out on to the body as stored, inside a transaction. *@body (if not NULL)
 * gets the stored body. */
static gboolean
rebase_notes_locked (BylineStore  *self,
                     sqlite3      *db,
                     gint64        article_id,
                     char        **body_out,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *body = NULL;
  g_autofree char *base = NULL;
  const char *doing = _("update the notes");
  int rc;

  stmt = prepare (self, db,
                  "SELECT a.body, b.body FROM articles a LEFT JOIN notes_base b ON b.article_id = a.id"
                  " WHERE a.id = ?1",
                  doing, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        set_article_not_found (error, article_id);
      else
        _byline_store_set_error (self, error, rc, doing);
      return FALSE;
    }

  body = g_strdup (_byline_store_column_text (stmt, 0));
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    base = g_strdup (_byline_store_column_text (stmt, 1));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (base != NULL && !g_str_equal (base, body))
    {
      g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (gint64));

      stmt = prepare (self, db,
                      "SELECT id, anchor_start, anchor_end, anchor_text FROM notes"
                      " WHERE article_id = ?1 AND parent_id IS NULL"
                      " AND (anchor_start IS NOT NULL OR anchor_text != '')",
                      doing, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, article_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gboolean anchored = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
          int start = anchored ? sqlite3_column_int (stmt, 1) : -1;
          int end = anchored ? sqlite3_column_int (stmt, 2) : -1;
          int new_start, new_end;

          /* One diff for all the notes, and none when there are none. */
          if (ops == NULL)
            ops = byline_diff_words (base, body);

          byline_notes_reanchor_with_diff (ops, base, body, start, end,
                                           _byline_store_column_text (stmt, 3),
                                           &new_start, &new_end);

          if (new_start != start || new_end != end)
            {
              gint64 move[3] = { sqlite3_column_int64 (stmt, 0), new_start, new_end };

              g_array_append_vals (moves, move, 3);
            }
        }
      if (rc != SQLITE_DONE)
        {
          _byline_store_set_error (self, error, rc, doing);
          return FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);

      stmt = prepare (self, db, "UPDATE notes SET anchor_start = ?2, anchor_end = ?3 WHERE id = ?1",
                      doing, error);
      if (stmt == NULL)
        return FALSE;

      for (guint i = 0; i < moves->len; i += 3)
        {
          gint64 new_start = g_array_index (moves, gint64, i + 1);

          sqlite3_reset (stmt);
          sqlite3_bind_int64 (stmt, 1, g_array_index (moves, gint64, i));
          if (new_start >= 0)
            {
              sqlite3_bind_int64 (stmt, 2, new_start);
              sqlite3_bind_int64 (stmt, 3, g_array_index (moves, gint64, i + 2));
            }
          else
            {
              sqlite3_bind_null (stmt, 2);
              sqlite3_bind_null (stmt, 3);
            }

          if (!step_done (self, stmt, doing, error))
            return FALSE;
        }

      if (!set_notes_base_locked (self, db, article_id, body, error))
        return FALSE;
    }

  if (body_out != NULL)
    *body_out = g_steal_pointer (&body);

  return TRUE;
}

gboolean
byline_store_update_note_anchors (BylineStore  *self,
                                  gint64        article_id,
                                  GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("update the notes");
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  db = _byline_store_lock (self);
  if (begin (self, doing, &local_error) &&
      rebase_notes_locked (self, db, article_id, NULL, &local_error))
    commit (self, doing, &local_error);
  if (local_error != NULL)
    _byline_store_rollback (self);
  _byline_store_unlock (self);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_note_text (const char  *text,
                 GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!check_text (text, _("note"), error))
    return FALSE;

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   _("The note is empty. Type what you want to say, then add it again."));
      return FALSE;
    }

  return TRUE;
}

/* The passage [@start, @end) of @body, "" for (-1, -1), NULL with @error
 * for a range that does not fit. */
static char *
dup_anchor_passage (const char  *body,
                    int          start,
                    int          end,
                    GError     **error)
{
  char *passage;

  if (start == -1 && end == -1)
    return g_strdup ("");

  passage = byline_notes_dup_passage (body, start, end);
  if (passage == NULL)
    g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                 _("The passage for the note (characters %d to %d) is not in the article’s text, "
                   "which has %ld characters. Select the passage again."),
                 start, end, g_utf8_strlen (body, -1));

  return passage;
}

/**
 * byline_store_add_note:
 * @self: a store
 * @article_id: the article
 * @author: who writes the note
 * @text: what it says
 * @start: the passage's first character in the stored body, or -1
 * @end: the character after its last, or -1
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the note
 */
BylineNote *
byline_store_add_note (BylineStore  *self,
                       gint64        article_id,
                       const char   *author,
                       const char   *text,
                       int           start,
                       int           end,
                       GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  BylineNote *note = NULL;
  const char *doing = _("save the note");
  gint64 note_id;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!check_note_text (text, error) || !check_text (author, _("name"), error))
    return NULL;

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error) ||
      !rebase_notes_locked (self, db, article_id, &body, &local_error))
    goto out;

  passage = dup_anchor_passage (body, start, end, &local_error);
  if (passage == NULL)
    goto out;

  stmt = prepare (self, db,
                  "INSERT INTO notes (article_id, author, created, text, anchor_start, anchor_end, anchor_text)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  _byline_store_bind_text (stmt, 2, author);
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  _byline_store_bind_text (stmt, 4, text);
  if (start >= 0)
    {
      sqlite3_bind_int (stmt, 5, start);
      sqlite3_bind_int (stmt, 6, end);
    }
  else
    {
      sqlite3_bind_null (stmt, 5);
      sqlite3_bind_null (stmt, 6);
    }
  _byline_store_bind_text (stmt, 7, passage);

  if (!step_done (self, stmt, doing, &local_error))
    goto out;
  note_id = sqlite3_last_insert_rowid (db);

  /* The anchors are now all on this body. */
  if (start >= 0 && !set_notes_base_locked (self, db, article_id, body, &local_error))
    goto out;

  note = load_note_locked (self, db, note_id, &local_error);
  if (note == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    {
      g_clear_object (&note);
      return NULL;
    }

  _byline_store_emit_changed (self, article_id);
  return note;
}

/* The article and the thread (the first note) @note_id belongs to. */
static gboolean
find_thread_locked (BylineStore  *self,
                    sqlite3      *db,
                    gint64        note_id,
                    gint64       *article_id,
                    gint64       *thread_id,
                    GError      **error)
{
  g_autoptr(BylineNote) note = load_note_locked (self, db, note_id, error);

  if (note == NULL)
    return FALSE;

  *article_id = note->article_id;
  *thread_id = note->parent_id > 0 ? note->parent_id : note->id;
  return TRUE;
}

/**
 * byline_store_reply_note:
 * @self: a store
 * @note_id: a note of the thread to reply to
 * @author: who replies
 * @text: the reply
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the reply
 */
BylineNote *
byline_store_reply_note (BylineStore  *self,
                         gint64        note_id,
                         const char   *author,
                         const char   *text,
                         GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  BylineNote *note = NULL;
  const char *doing = _("save the reply");
  gint64 article_id = 0;
  gint64 thread_id = 0;
  gint64 reply_id;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!check_note_text (text, error) || !check_text (author, _("name"), error))
    return NULL;

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error) ||
      !find_thread_locked (self, db, note_id, &article_id, &thread_id, &local_error))
    goto out;

  stmt = prepare (self, db,
                  "INSERT INTO notes (article_id, parent_id, author, created, text)"
                  " VALUES (?1, ?2, ?3, ?4, ?5)",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int64 (stmt, 2, thread_id);
  _byline_store_bind_text (stmt, 3, author);
  sqlite3_bind_int64 (stmt, 4, now_seconds ());
  _byline_store_bind_text (stmt, 5, text);
  if (!step_done (self, stmt, doing, &local_error))
    goto out;
  reply_id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Answering a resolved thread opens it again. */
  stmt = prepare (self, db, "UPDATE notes SET resolved = NULL WHERE id = ?1", doing, &local_error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, thread_id);
  if (!step_done (self, stmt, doing, &local_error))
    goto out;

  note = load_note_locked (self, db, reply_id, &local_error);
  if (note == NULL)
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    {
      g_clear_object (&note);
      return NULL;
    }

  _byline_store_emit_changed (self, article_id);
  return note;
}

typedef enum
{
  NOTE_RESOLVE,
  NOTE_REOPEN,
  NOTE_DELETE,
} NoteAction;

static gboolean
change_note (BylineStore  *self,
             gint64        note_id,
             NoteAction    action,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *doing = action == NOTE_DELETE ? _("delete the note") : _("save the note");
  gint64 article_id = 0;
  gint64 thread_id = 0;
  sqlite3 *db;

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error) ||
      !find_thread_locked (self, db, note_id, &article_id, &thread_id, &local_error))
    goto out;

  switch (action)
    {
    case NOTE_RESOLVE:
      stmt = prepare (self, db, "UPDATE notes SET resolved = ?2 WHERE id = ?1", doing, &local_error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, thread_id);
          sqlite3_bind_int64 (stmt, 2, now_seconds ());
        }
      break;
    case NOTE_REOPEN:
      stmt = prepare (self, db, "UPDATE notes SET resolved = NULL WHERE id = ?1", doing, &local_error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, thread_id);
      break;
    case NOTE_DELETE:
      /* Deleting the first note deletes its replies (ON DELETE CASCADE). */
      stmt = prepare (self, db, "DELETE FROM notes WHERE id = ?1", doing, &local_error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, note_id);
      break;
    default:
      g_assert_not_reached ();
    }

  if (stmt == NULL || !step_done (self, stmt, doing, &local_error))
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    return FALSE;

  _byline_store_emit_changed (self, article_id);
  return TRUE;
}

gboolean
byline_store_resolve_note (BylineStore  *self,
                           gint64        note_id,
                           gboolean      resolved,
                           GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  return change_note (self, note_id, resolved ? NOTE_RESOLVE : NOTE_REOPEN, error);
}

gboolean
byline_store_delete_note (BylineStore  *self,
                          gint64        note_id,
                          GError      **error)
{
  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  return change_note (self, note_id, NOTE_DELETE, error);
}

gboolean
byline_store_set_note_anchor (BylineStore  *self,
                              gint64        note_id,
                              int           start,
                              int           end,
                              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  const char *doing = _("save the note");
  gint64 article_id = 0;
  gint64 thread_id = 0;
  sqlite3 *db;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error) ||
      !find_thread_locked (self, db, note_id, &article_id, &thread_id, &local_error) ||
      !rebase_notes_locked (self, db, article_id, &body, &local_error))
    goto out;

  passage = dup_anchor_passage (body, start, end, &local_error);
  if (passage == NULL)
    goto out;

  stmt = prepare (self, db,
                  "UPDATE notes SET anchor_start = ?2, anchor_end = ?3, anchor_text = ?4 WHERE id = ?1",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, thread_id);
  if (start >= 0)
    {
      sqlite3_bind_int (stmt, 2, start);
      sqlite3_bind_int (stmt, 3, end);
    }
  else
    {
      sqlite3_bind_null (stmt, 2);
      sqlite3_bind_null (stmt, 3);
    }
  _byline_store_bind_text (stmt, 4, passage);

  if (!step_done (self, stmt, doing, &local_error))
    goto out;

  if (start >= 0 && !set_notes_base_locked (self, db, article_id, body, &local_error))
    goto out;

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    return FALSE;

  _byline_store_emit_changed (self, article_id);
  return TRUE;
}

/**
 * byline_store_list_notes:
 * @self: a store
 * @article_id: the article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineNote) (nullable): the
 *   article's notes, thread by thread
 */
GPtrArray *
byline_store_list_notes (BylineStore  *self,
                         gint64        article_id,
                         GError      **error)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *doing = _("read the notes");
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  db = _byline_store_lock (self);

  if (!begin (self, doing, &local_error) ||
      !rebase_notes_locked (self, db, article_id, NULL, &local_error))
    goto out;

  stmt = prepare (self, db,
                  NOTE_SELECT " WHERE n.article_id = ?1"
                  " ORDER BY COALESCE (n.parent_id, n.id), n.parent_id IS NOT NULL, n.created, n.id",
                  doing, &local_error);
  if (stmt == NULL)
    goto out;

  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (notes, note_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _byline_store_set_error (self, &local_error, rc, doing);
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  commit (self, doing, &local_error);

out:
  if (!finish_write (self, &stmt, &local_error, error))
    return NULL;

  return g_steal_pointer (&notes);
}

guint
byline_store_count_open_notes (BylineStore  *self,
                               gint64        article_id,
                               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *doing = _("count the notes");
  guint count = 0;
  sqlite3 *db;
  int rc;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  db = _byline_store_lock (self);
  stmt = prepare (self, db,
                  "SELECT count(*) FROM notes"
                  " WHERE article_id = ?1 AND parent_id IS NULL AND resolved IS NULL",
                  doing, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        count = sqlite3_column_int (stmt, 0);
      else
        _byline_store_set_error (self, error, rc, doing);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  _byline_store_unlock (self);

  return count;
}
