/* byline-store-copy.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Moving a newsroom: everything one store holds into another, empty one,
 * whatever their engines (a desk's file onto the newsroom server, or a
 * backup file). It speaks only to the two backends, so it copies history
 * as it was: times, authors, word counts, resolved threads. */

#define G_LOG_DOMAIN "byline-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "byline-pg-connection.h"
#include "byline-pin.h"
#include "byline-review-private.h"
#include "byline-store-backend.h"
#include "byline-store-private.h"

typedef struct
{
  BylineStoreBackend *from;
  BylineStoreBackend *to;
  /* Old article id → new one, and old note id → new one. */
  GHashTable         *articles;
  GHashTable         *notes;
  BylineCopyCounts   *counts;
} Copy;

static gint64
map_id (GHashTable *ids,
        gint64      old_id)
{
  gpointer new_id = g_hash_table_lookup (ids, &old_id);

  return new_id != NULL ? *(gint64 *)new_id : 0;
}

static void
add_id (GHashTable *ids,
        gint64      old_id,
        gint64      new_id)
{
  g_hash_table_insert (ids, g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
}

static gint
by_id (gconstpointer a,
       gconstpointer b)
{
  gint64 id_a = byline_article_summary_get_id (*(BylineArticleSummary **)a);
  gint64 id_b = byline_article_summary_get_id (*(BylineArticleSummary **)b);

  return id_a < id_b ? -1 : id_a > id_b;
}

static gboolean
list_everything (BylineStoreBackend  *backend,
                 GPtrArray           *summaries,
                 GError             **error)
{
  BylineArticleQuery live = BYLINE_ARTICLE_QUERY_INIT;
  BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;

  trash.trashed = TRUE;
  if (!backend->vtable->list_summaries (backend, &live, summaries, error) ||
      !backend->vtable->list_summaries (backend, &trash, summaries, error))
    return FALSE;

  /* Oldest first, so the copy's ids keep the order they had. */
  g_ptr_array_sort (summaries, by_id);
  return TRUE;
}

static gboolean
copy_article (Copy                  *copy,
              BylineArticleSummary  *summary,
              GError               **error)
{
  g_autoptr(BylineArticle) article = NULL;
  BylineArticleStamp stamp = { 0 };
  gint64 old_id = byline_article_summary_get_id (summary);
  gint64 new_id = 0;
  gboolean found = TRUE;

  article = copy->from->vtable->load_article (copy->from, old_id, FALSE, error);
  if (article == NULL)
    return FALSE;

  stamp.uuid = byline_article_get_uuid (article);
  stamp.slug = byline_article_get_slug (article);
  stamp.created = byline_article_get_created (article);
  stamp.updated = byline_article_get_updated (article);
  stamp.updated_by = byline_article_get_updated_by (article);

  if (!copy->to->vtable->insert_article (copy->to, article, &stamp, &new_id, error))
    return FALSE;
  add_id (copy->articles, old_id, new_id);
  copy->counts->articles++;

  if (byline_article_summary_get_trashed (summary) > 0 &&
      !copy->to->vtable->set_trashed (copy->to, new_id, byline_article_summary_get_trashed (summary),
                                      &found, error))
    return FALSE;

  return TRUE;
}

/* After every article is there: links between them point at the copies. */
static gboolean
copy_pins (Copy    *copy,
           gint64   old_id,
           GError **error)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GListStore) pins = g_list_store_new (BYLINE_TYPE_PIN);
  GListModel *old_pins;
  guint n_pins;

  article = copy->from->vtable->load_article (copy->from, old_id, TRUE, error);
  if (article == NULL)
    return FALSE;

  old_pins = byline_article_get_pins (article);
  n_pins = g_list_model_get_n_items (old_pins);
  if (n_pins == 0)
    return TRUE;

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) old = g_list_model_get_item (old_pins, i);
      g_autoptr(BylinePin) pin = NULL;
      gint64 related = byline_pin_get_related_id (old);

      pin = byline_pin_new (byline_pin_get_position (old),
                            related > 0 ? map_id (copy->articles, related) : 0,
                            byline_pin_get_headline (old));
      g_list_store_append (pins, pin);
    }

  copy->counts->pins += n_pins;
  return copy->to->vtable->write_pins (copy->to, map_id (copy->articles, old_id), G_LIST_MODEL (pins),
                                       error);
}

static gboolean
copy_history (Copy    *copy,
              gint64   old_id,
              GError **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GPtrArray) events = NULL;
  gint64 new_id = map_id (copy->articles, old_id);
  BylineStatus status;
  int spiked_from = -1;
  gboolean found = FALSE;

  revisions = copy->from->vtable->list_revisions (copy->from, old_id, error);
  if (revisions == NULL)
    return FALSE;

  /* Newest first: write them oldest first. */
  for (guint i = revisions->len; i > 0; i--)
    {
      BylineRevision *old = g_ptr_array_index (revisions, i - 1);
      g_autoptr(BylineRevision) revision = NULL;
      gint64 revision_id;

      revision = _byline_revision_new (new_id,
                                       byline_revision_get_created (old),
                                       byline_revision_get_author (old),
                                       byline_revision_get_status (old),
                                       byline_revision_get_reason (old),
                                       byline_revision_get_words_added (old),
                                       byline_revision_get_words_removed (old),
                                       byline_article_copy (byline_revision_get_article (old)));
      if (!copy->to->vtable->insert_revision (copy->to, revision, &revision_id, error))
        return FALSE;
      copy->counts->revisions++;
    }

  if (!copy->from->vtable->read_status (copy->from, old_id, &status, &spiked_from, &found, error))
    return FALSE;

  events = copy->from->vtable->list_status_events (copy->from, old_id, error);
  if (events == NULL)
    return FALSE;

  for (guint i = 0; i < events->len; i++)
    {
      BylineStatusEvent event = *(BylineStatusEvent *)g_ptr_array_index (events, i);
      gboolean last = i + 1 == events->len;

      event.article_id = new_id;
      if (!copy->to->vtable->import_status_event (copy->to, &event,
                                                  last && status == BYLINE_STATUS_SPIKED ? spiked_from : -1,
                                                  error))
        return FALSE;
      copy->counts->status_events++;
    }

  return TRUE;
}

static gboolean
copy_notes (Copy    *copy,
            gint64   old_id,
            GError **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autofree char *body = NULL;
  g_autofree char *base = NULL;
  gint64 new_id = map_id (copy->articles, old_id);
  gboolean found = FALSE;

  notes = copy->from->vtable->list_notes (copy->from, old_id, error);
  if (notes == NULL)
    return FALSE;
  if (notes->len == 0)
    return TRUE;

  /* Threads come before their replies. */
  for (guint i = 0; i < notes->len; i++)
    {
      BylineNote *note = g_ptr_array_index (notes, i);
      gint64 parent = byline_note_get_parent_id (note);
      gint64 note_id = 0;

      if (!copy->to->vtable->insert_note (copy->to, new_id,
                                          parent > 0 ? map_id (copy->notes, parent) : 0,
                                          byline_note_get_author (note),
                                          byline_note_get_created (note),
                                          byline_note_get_text (note),
                                          byline_note_get_start (note),
                                          byline_note_get_end (note),
                                          byline_note_get_anchor_text (note),
                                          &note_id, error))
        return FALSE;
      add_id (copy->notes, byline_note_get_id (note), note_id);
      copy->counts->notes++;

      if (parent == 0 && byline_note_get_resolved (note) > 0 &&
          !copy->to->vtable->resolve_thread (copy->to, note_id, byline_note_get_resolved (note), error))
        return FALSE;
    }

  /* The body the anchors were worked out on, so they keep following edits. */
  if (!copy->from->vtable->read_notes_base (copy->from, old_id, &body, &base, &found, error))
    return FALSE;
  if (base != NULL &&
      !copy->to->vtable->write_notes_base (copy->to, new_id, base, error))
    return FALSE;

  return TRUE;
}

static gboolean
copy_publication (Copy    *copy,
                  GError **error)
{
  g_autoptr(BylinePublication) publication = NULL;

  if (copy->from->vtable->load_publication == NULL || copy->to->vtable->save_publication == NULL)
    return TRUE;

  if (!copy->from->vtable->load_publication (copy->from, &publication, error))
    return FALSE;
  if (publication == NULL)
    return TRUE;

  copy->counts->publication = TRUE;
  return copy->to->vtable->save_publication (copy->to, publication, error);
}

/* Pictures keep their checksums, so the articles' references name the
 * same pictures in the copy; one picture in memory at a time. */
static gboolean
copy_media (Copy    *copy,
            GError **error)
{
  g_autoptr(GPtrArray) checksums = g_ptr_array_new_with_free_func (g_free);

  if (copy->from->vtable->list_media == NULL)
    return TRUE;

  if (copy->to->vtable->insert_media == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("The target newsroom cannot keep pictures. Update Byline."));
      return FALSE;
    }

  if (!copy->from->vtable->list_media (copy->from, checksums, error))
    return FALSE;

  for (guint i = 0; i < checksums->len; i++)
    {
      g_autoptr(BylineMedia) media = NULL;
      gboolean added = FALSE;

      if (!copy->from->vtable->load_media (copy->from, g_ptr_array_index (checksums, i), &media, error))
        return FALSE;
      if (media == NULL)
        continue;
      if (!copy->to->vtable->insert_media (copy->to, media, &added, error))
        return FALSE;
      if (added)
        copy->counts->media++;
    }

  return TRUE;
}

/* The newsroom dictionary's words (who added each is the copy's). */
static gboolean
copy_dictionary (Copy    *copy,
                 GError **error)
{
  g_autoptr(GPtrArray) words = NULL;

  if (copy->from->vtable->list_dictionary == NULL || copy->to->vtable->add_dictionary_word == NULL)
    return TRUE;

  words = copy->from->vtable->list_dictionary (copy->from, error);
  if (words == NULL)
    return FALSE;

  for (guint i = 0; i < words->len; i++)
    if (!copy->to->vtable->add_dictionary_word (copy->to, g_ptr_array_index (words, i), "",
                                                g_get_real_time () / G_USEC_PER_SEC, error))
      return FALSE;

  return TRUE;
}

/**
 * byline_store_copy_to:
 * @self: the newsroom to copy
 * @target: an empty newsroom
 * @counts: (out caller-allocates): what was copied
 * @error: return location for a #GError
 *
 * Copies every article (live and in the Trash) with its pins, revisions,
 * changes of state and notes, and the masthead, into @target, in one
 * transaction: all of it, or (on an error) nothing. Refuses a @target
 * that holds any article. Pictures kept in the newsroom are copied under
 * the same references; pictures on the web stay the addresses the
 * articles name.
 *
 * Returns: %TRUE when everything was copied
 */
gboolean
byline_store_copy_to (BylineStore       *self,
                      BylineStore       *target,
                      BylineCopyCounts  *counts,
                      GError           **error)
{
  g_autoptr(GPtrArray) summaries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("copy the newsroom");
  Copy copy = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_STORE (target), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  copy.from = _byline_store_get_backend (self);
  copy.to = _byline_store_get_backend (target);
  copy.counts = counts;

  if (copy.to->vtable->import_status_event == NULL)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_FAILED,
                   _("Could not %s: this kind of newsroom cannot take a copy yet."), doing);
      return FALSE;
    }

  if (!list_everything (copy.to, existing, error))
    return FALSE;
  if (existing->len > 0)
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Could not %s: the target already holds %u article. "
                                "Copy into a new, empty newsroom.",
                                "Could not %s: the target already holds %u articles. "
                                "Copy into a new, empty newsroom.",
                                existing->len),
                   doing, existing->len);
      return FALSE;
    }

  if (!list_everything (copy.from, summaries, error))
    return FALSE;

  copy.articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  copy.notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  if (!copy.to->vtable->begin (copy.to, doing, error))
    goto out;

  copy_media (&copy, &local_error);

  for (guint i = 0; i < summaries->len && local_error == NULL; i++)
    copy_article (&copy, g_ptr_array_index (summaries, i), &local_error);

  for (guint i = 0; i < summaries->len && local_error == NULL; i++)
    {
      gint64 old_id = byline_article_summary_get_id (g_ptr_array_index (summaries, i));

      if (copy_pins (&copy, old_id, &local_error) &&
          copy_history (&copy, old_id, &local_error))
        copy_notes (&copy, old_id, &local_error);
    }

  if (local_error == NULL)
    copy_publication (&copy, &local_error);
  if (local_error == NULL)
    copy_dictionary (&copy, &local_error);

  if (local_error != NULL)
    {
      copy.to->vtable->rollback (copy.to);
      memset (counts, 0, sizeof *counts);

      /* A copy writes what no desk may (states and their history as they
       * were, the masthead): on a server only the role that owns the
       * newsroom's tables may. Say so, rather than "ask an editor". */
      if (g_error_matches (local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION) &&
          byline_pg_is_uri (byline_store_get_path (target)))
        {
          g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_PERMISSION,
                       _("Could not %s: only the role that owns the newsroom’s schema may copy into it "
                         "(nothing was copied). Copy as that role, or into a new, empty database on which "
                         "your role may create the schema (GRANT CREATE ON DATABASE …): the copy then makes "
                         "it yours. The server said: %s"),
                       doing, local_error->message);
          goto out;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      goto out;
    }

  if (!copy.to->vtable->commit (copy.to, doing, error))
    {
      memset (counts, 0, sizeof *counts);
      goto out;
    }

  ok = TRUE;
  _byline_store_emit_changed (target, 0, BYLINE_STORE_CHANGED_INSERTED);

out:
  g_clear_pointer (&copy.articles, g_hash_table_unref);
  g_clear_pointer (&copy.notes, g_hash_table_unref);

  return ok;
}
