/* byline-store-workflow.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-workflow"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-store-private.h"
#include "byline-workflow.h"

/* The workflow in the store: moving an article from state to state as
 * byline-workflow.c allows, with who did it and when, and a revision of
 * the text it was moved with. */

void
byline_status_event_free (BylineStatusEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->author);
  g_free (event);
}

void
byline_unpublished_link_free (BylineUnpublishedLink *link)
{
  if (link == NULL)
    return;

  g_free (link->headline);
  g_free (link);
}

/* Why a link's page is not out, for a sentence: "a draft". */
static char *
dup_link_reason (const BylineUnpublishedLink *link)
{
  if (link->related_id == 0)
    return g_strdup (_("no article in the archive"));
  if (link->trashed)
    return g_strdup (_("in the Trash"));

  switch (link->status)
    {
    case BYLINE_STATUS_DRAFT:
      return g_strdup (_("a draft"));
    case BYLINE_STATUS_IN_REVIEW:
      return g_strdup (_("in review"));
    case BYLINE_STATUS_APPROVED:
      return g_strdup (_("approved, not published"));
    case BYLINE_STATUS_SPIKED:
      return g_strdup (_("spiked"));
    case BYLINE_STATUS_PUBLISHED:
    default:
      return g_strdup (_("not published"));
    }
}

/**
 * byline_unpublished_link_dup_label:
 * @link: a link
 *
 * Returns: (transfer full): the link for a sentence or a list:
 *   "“Old pier plans shelved” (article 12, a draft)"
 */
char *
byline_unpublished_link_dup_label (const BylineUnpublishedLink *link)
{
  g_autofree char *reason = NULL;

  g_return_val_if_fail (link != NULL, NULL);

  reason = dup_link_reason (link);
  if (link->related_id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, link->related_id);

      /* Translators: a linked article: its headline, its id, then why it is not out, "a draft" */
      return g_strdup_printf (_("“%s” (article %s, %s)"), link->headline, id, reason);
    }

  /* Translators: a link that leads nowhere: its headline, then “no article in the archive” */
  return g_strdup_printf (_("“%s” (%s)"), link->headline, reason);
}

/**
 * byline_unpublished_links_dup_message:
 * @headline: the headline of the article that links
 * @links: (element-type BylineUnpublishedLink): what it links to
 *
 * Returns: (transfer full): one line saying which links keep the article
 *   from being published and what to do about them
 */
char *
byline_unpublished_links_dup_message (const char *headline,
                                      GPtrArray  *links)
{
  g_autoptr(GString) named = g_string_new (NULL);

  g_return_val_if_fail (links != NULL && links->len > 0, NULL);

  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *label = byline_unpublished_link_dup_label (g_ptr_array_index (links, i));

      if (i > 0)
        g_string_append (named, _(", "));
      g_string_append (named, label);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: the article's headline, then the linked article(s) */
                                       "“%s” was not published: its READ: link to %s leads to a page "
                                       "that is not published. Publish that article first, or remove the link.",
                                       "“%s” was not published: its READ: links to %s lead to pages "
                                       "that are not published. Publish those articles first, or remove the links.",
                                       links->len),
                          headline, named->str);
}

/**
 * byline_store_list_unpublished_links:
 * @self: a store
 * @article_id: a stored article
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BylineUnpublishedLink) (nullable):
 *   the article's READ: links to pages that are not out, in reading order
 */
GPtrArray *
byline_store_list_unpublished_links (BylineStore  *self,
                                     gint64        article_id,
                                     GError      **error)
{
  BylineStoreBackend *backend;
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify)byline_unpublished_link_free);

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  if (article_id > 0 &&
      !backend->vtable->list_unpublished_links (backend, article_id, links, error))
    return NULL;

  return g_steal_pointer (&links);
}

/* Inside the state change's transaction: a page going out must not link
 * to one that is not out. */
static gboolean
check_links_published (BylineStoreBackend  *backend,
                       BylineArticle       *article,
                       GError             **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify)byline_unpublished_link_free);
  g_autofree char *message = NULL;

  if (!backend->vtable->list_unpublished_links (backend, byline_article_get_id (article), links, error))
    return FALSE;

  if (links->len == 0)
    return TRUE;

  message = byline_unpublished_links_dup_message (byline_article_get_display_headline (article), links);
  g_set_error_literal (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_UNPUBLISHED_LINK, message);
  return FALSE;
}

/* The state a spiked article goes back to; Draft when not known. */
static gboolean
read_spiked_from (BylineStoreBackend  *backend,
                  gint64               article_id,
                  BylineStatus        *spiked_from,
                  GError             **error)
{
  BylineStatus status = BYLINE_STATUS_DRAFT;
  int stored = -1;
  gboolean found = FALSE;

  *spiked_from = BYLINE_STATUS_DRAFT;

  if (!backend->vtable->read_status (backend, article_id, &status, &stored, &found, error))
    return FALSE;

  if (!found)
    {
      _byline_store_set_not_found (error, article_id);
      return FALSE;
    }

  if (status == BYLINE_STATUS_SPIKED && stored >= 0)
    *spiked_from = stored;

  return TRUE;
}

BylineStatus
byline_store_get_spiked_from (BylineStore  *self,
                              gint64        article_id,
                              GError      **error)
{
  BylineStatus spiked_from = BYLINE_STATUS_DRAFT;

  g_return_val_if_fail (BYLINE_IS_STORE (self), BYLINE_STATUS_DRAFT);

  read_spiked_from (_byline_store_get_backend (self), article_id, &spiked_from, error);
  return spiked_from;
}

/* The write lost a race: say what the article is now. */
static void
set_moved_meanwhile (BylineStoreBackend  *backend,
                     BylineArticle       *article,
                     BylineStatus         to,
                     GError             **error)
{
  gint64 id = byline_article_get_id (article);
  BylineStatus now = BYLINE_STATUS_DRAFT;
  int spiked_from;
  gboolean found = FALSE;

  if (!backend->vtable->read_status (backend, id, &now, &spiked_from, &found, error))
    return;

  if (!found)
    {
      _byline_store_set_not_found (error, id);
      return;
    }

  g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT,
               /* Translators: the headline, the state it is in now, the state asked for */
               _("“%s” was moved to %s by someone else meanwhile, so it was not moved to %s. "
                 "Check its state, then try again."),
               byline_article_get_display_headline (article),
               byline_status_get_label (now), byline_status_get_label (to));
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
  BylineStoreBackend *backend;
  g_autoptr(BylineRevision) previous = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(BylineArticle) snapshot = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("change the article’s state");
  BylineStatus from;
  BylineStatus spiked_from = BYLINE_STATUS_DRAFT;
  gboolean moved = FALSE;
  gint64 article_id;
  gint64 published;
  gint64 now;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);

  if (!_byline_store_check_text (author, _("name"), error))
    return FALSE;

  backend = _byline_store_get_backend (self);
  from = byline_article_get_status (article);

  if (from == BYLINE_STATUS_SPIKED && byline_article_get_id (article) > 0 &&
      !read_spiked_from (backend, byline_article_get_id (article), &spiked_from, error))
    return FALSE;

  if (!byline_workflow_check (from, spiked_from, to, error))
    return FALSE;

  /* The edits the editor sees go with the state change; this is the same
   * save autosave makes, so a failure after it leaves nothing half done. */
  if (!byline_store_save_article (self, article, error))
    return FALSE;

  article_id = byline_article_get_id (article);
  now = _byline_store_now ();
  published = byline_article_get_published (article);
  if (to == BYLINE_STATUS_PUBLISHED && published <= 0)
    published = now;

  if (!backend->vtable->begin (backend, doing, error))
    return FALSE;

  if (to == BYLINE_STATUS_PUBLISHED &&
      !check_links_published (backend, article, &local_error))
    goto out;

  /* Spiked again meanwhile, from another state: the write below would
   * still find it spiked, but the way back is now another one. Read
   * inside the transaction, so nobody moves it in between. */
  if (from == BYLINE_STATUS_SPIKED)
    {
      BylineStatus spiked_from_now;

      if (!read_spiked_from (backend, article_id, &spiked_from_now, &local_error))
        goto out;
      if (spiked_from_now != spiked_from)
        {
          set_moved_meanwhile (backend, article, to, &local_error);
          goto out;
        }
    }

  /* The revision the move keeps, its words counted from the one before. */
  previous = backend->vtable->latest_revision (backend, article_id, NULL, &local_error);
  if (local_error != NULL)
    goto out;

  snapshot = byline_article_copy (article);
  byline_article_set_published (snapshot, published);
  revision = _byline_store_new_revision (snapshot, to, author, BYLINE_REVISION_STATE, now, previous);

  /* Only from the state this article was seen in: of two people moving it
   * at once, the second is told, and the history stays one the workflow
   * allows. */
  if (backend->vtable->change_status (backend, article_id, from, to, &published,
                                      to == BYLINE_STATUS_SPIKED ? (int)from : -1,
                                      now, author, revision, &moved, &local_error) &&
      !moved)
    set_moved_meanwhile (backend, article, to, &local_error);

out:
  if (!_byline_store_finish (self, doing, &local_error, error))
    return FALSE;

  byline_article_set_status (article, to);
  byline_article_set_published (article, published);
  byline_article_set_updated (article, now);
  /* A change of state is a new version: a desk still showing the old state
   * must not save over it unawares. */
  byline_article_set_version (article, byline_article_get_version (article) + 1);

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_STATUS);

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
  BylineStoreBackend *backend;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  return backend->vtable->list_status_events (backend, article_id, error);
}
