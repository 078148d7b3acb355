/* byline-store-revisions.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-revisions"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "byline-article-fields.h"
#include "byline-diff.h"
#include "byline-review-private.h"
#include "byline-store-private.h"
#include "byline-text.h"

/* Revisions: when the store keeps one, what it keeps, how many words
 * changed since the one before, and restoring one. The rows are the
 * backend's. */

/* "More than ten minutes since the last revision". */
#define AUTO_REVISION_INTERVAL (10 * 60)

/* Two versions hold the same text when a restore would change nothing. */
static gboolean
same_text (BylineArticle *a,
           BylineArticle *b)
{
  return byline_article_fields_equal (a, b, BYLINE_FIELD_RESTORED);
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
  *added = 0;
  *removed = 0;

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];
      g_autoptr(GPtrArray) ops = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      guint field_added, field_removed;

      if (!(field->flags & BYLINE_FIELD_WORDS))
        continue;

      old_text = before != NULL ? byline_article_field_dup_text (field, before) : g_strdup ("");
      new_text = byline_article_field_dup_text (field, after);
      if (g_strcmp0 (old_text, new_text) == 0)
        continue;

      ops = byline_diff_words (old_text, new_text);
      byline_text_count_changes (ops,
                                 (field->flags & BYLINE_FIELD_MARKDOWN) ? BYLINE_TEXT_MARKDOWN
                                                                        : BYLINE_TEXT_PLAIN,
                                 &field_added, &field_removed);
      *added += field_added;
      *removed += field_removed;
    }
}

BylineRevision *
_byline_store_new_revision (BylineArticle        *article,
                            BylineStatus          status,
                            const char           *author,
                            BylineRevisionReason  reason,
                            gint64                created,
                            BylineRevision       *previous)
{
  BylineArticle *snapshot = byline_article_new ();
  guint added, removed;

  count_words (previous != NULL ? byline_revision_get_article (previous) : NULL, article,
               &added, &removed);

  byline_article_fields_copy (snapshot, article, BYLINE_FIELD_REVISION);
  return _byline_revision_new (byline_article_get_id (article), created, author, status,
                               reason, added, removed, snapshot);
}

BylineRevision *
_byline_store_add_revision (BylineStore           *self,
                            BylineArticle         *article,
                            BylineStatus           status,
                            const char            *author,
                            BylineRevisionReason   reason,
                            gint64                 created,
                            BylineRevision        *previous,
                            GError               **error)
{
  BylineStoreBackend *backend = _byline_store_get_backend (self);
  g_autoptr(BylineRevision) revision = NULL;
  g_autofree char *role = byline_store_dup_role_name (self);
  gint64 id;

  /* A newsroom server records the person's login role, whatever it is
   * sent: the revision handed back says what was recorded. */
  revision = _byline_store_new_revision (article, status, role != NULL ? role : author, reason,
                                         created, previous);
  if (!backend->vtable->insert_revision (backend, revision, &id, error))
    return NULL;

  _byline_revision_set_id (revision, id);
  return g_steal_pointer (&revision);
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

static gboolean
check_exists (BylineStoreBackend  *backend,
              gint64               article_id,
              GError             **error)
{
  BylineStatus status;
  int spiked_from;
  gboolean found = FALSE;

  if (!backend->vtable->read_status (backend, article_id, &status, &spiked_from, &found, error))
    return FALSE;

  if (!found)
    _byline_store_set_not_found (error, article_id);

  return found;
}

/* Keeps a revision of @article (reason @reason, time @now); with
 * @only_if_due, only when the rule for automatic revisions says so.
 * *@revision gets it, NULL when none was due. */
static gboolean
keep_revision (BylineStore           *self,
               BylineArticle         *article,
               const char            *author,
               BylineRevisionReason   reason,
               gint64                 now,
               gboolean               only_if_due,
               BylineRevision       **revision,
               GError               **error)
{
  BylineStoreBackend *backend = _byline_store_get_backend (self);
  g_autoptr(BylineRevision) previous = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("save the revision");
  gint64 article_id = byline_article_get_id (article);

  *revision = NULL;

  if (!check_saved (article, error) || !_byline_store_check_text (author, _("name"), error))
    return FALSE;

  if (!backend->vtable->begin (backend, doing, error))
    return FALSE;

  if (check_exists (backend, article_id, &local_error))
    previous = backend->vtable->latest_revision (backend, article_id, NULL, &local_error);

  if (local_error == NULL && only_if_due &&
      (previous != NULL
       ? (now - byline_revision_get_created (previous) <= AUTO_REVISION_INTERVAL ||
          same_text (byline_revision_get_article (previous), article))
       : is_blank_article (article)))
    {
      backend->vtable->rollback (backend);
      return TRUE;
    }

  if (local_error == NULL)
    *revision = _byline_store_add_revision (self, article, byline_article_get_status (article),
                                            author, reason, now, previous, &local_error);

  if (!_byline_store_finish (self, doing, &local_error, error))
    {
      g_clear_object (revision);
      return FALSE;
    }

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_REVISIONS);
  return TRUE;
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
  BylineRevision *revision = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);
  g_return_val_if_fail ((guint) reason < BYLINE_N_REVISION_REASONS, NULL);

  keep_revision (self, article, author, reason, _byline_store_now (), FALSE, &revision, error);
  return revision;
}

gboolean
byline_store_maybe_auto_revision (BylineStore    *self,
                                  BylineArticle  *article,
                                  const char     *author,
                                  gint64          now,
                                  gboolean       *created,
                                  GError        **error)
{
  g_autoptr(BylineRevision) revision = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (created != NULL)
    *created = FALSE;

  if (!keep_revision (self, article, author, BYLINE_REVISION_AUTO, now, TRUE, &revision, error))
    return FALSE;

  if (created != NULL)
    *created = revision != NULL;

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
  BylineStoreBackend *backend;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  return backend->vtable->list_revisions (backend, article_id, error);
}

static void
set_revision_not_found (GError **error,
                        gint64   revision_id)
{
  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
               _("No revision with id %" PRId64 ". "
                 "Run “byline --history ID” to see an article’s revisions."),
               revision_id);
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  BylineRevision *revision;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  revision = backend->vtable->load_revision (backend, revision_id, &local_error);
  if (revision == NULL && local_error == NULL)
    set_revision_not_found (&local_error, revision_id);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

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
  BylineStoreBackend *backend;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  return backend->vtable->latest_revision (backend, article_id, author ? author : "", error);
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
  BylineStoreBackend *backend;
  g_autoptr(BylineRevision) target = NULL;
  g_autoptr(BylineRevision) latest = NULL;
  g_autoptr(BylineRevision) restored = NULL;
  g_autoptr(BylineArticle) current = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *slug = NULL;
  const char *doing = _("restore the revision");
  BylineArticleStamp stamp = { 0 };
  gboolean found = FALSE;
  gint64 now = _byline_store_now ();

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!_byline_store_check_text (author, _("name"), error))
    return NULL;

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return NULL;

  current = backend->vtable->load_article (backend, article_id, FALSE, &local_error);
  if (current == NULL)
    {
      if (local_error == NULL)
        _byline_store_set_not_found (&local_error, article_id);
      goto out;
    }

  target = backend->vtable->load_revision (backend, revision_id, &local_error);
  if (target == NULL)
    {
      if (local_error == NULL)
        set_revision_not_found (&local_error, revision_id);
      goto out;
    }

  if (byline_revision_get_article_id (target) != article_id)
    {
      g_set_error (&local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("Revision %" PRId64 " belongs to another article. "
                     "Run “byline --history %" PRId64 "” to see this article’s revisions."),
                   revision_id, article_id);
      goto out;
    }

  /* Keep the text being replaced, unless the newest revision has it. */
  latest = backend->vtable->latest_revision (backend, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  if (latest == NULL || !same_text (byline_revision_get_article (latest), current))
    {
      BylineRevision *kept = _byline_store_add_revision (self, current, byline_article_get_status (current),
                                                         author, BYLINE_REVISION_AUTO, now, latest,
                                                         &local_error);

      if (kept == NULL)
        goto out;

      g_clear_object (&latest);
      latest = kept;
    }

  /* Every field but the state and the published time, which stay: restoring
   * text never publishes or unpublishes. */
  byline_article_fields_copy (current, byline_revision_get_article (target), BYLINE_FIELD_RESTORED);

  if (!_byline_store_dup_slug (self, current, &slug, &local_error))
    goto out;
  stamp.uuid = byline_article_get_uuid (current);
  stamp.slug = slug;
  stamp.created = byline_article_get_created (current);
  stamp.updated = now;
  stamp.version = byline_article_get_version (current);
  stamp.updated_by = author;

  if (!backend->vtable->update_article (backend, article_id, current, &stamp, &found, &local_error))
    goto out;
  if (!found)
    {
      _byline_store_set_not_found (&local_error, article_id);
      goto out;
    }

  restored = _byline_store_add_revision (self, current, byline_article_get_status (current),
                                         author, BYLINE_REVISION_RESTORE, now, latest, &local_error);

out:
  if (!_byline_store_finish (self, doing, &local_error, error))
    return NULL;

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_SAVED);

  return byline_store_load_article (self, article_id, error);
}
