/* byline-store-notes.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-store-notes"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>

#include "byline-diff.h"
#include "byline-notes.h"
#include "byline-store-private.h"

/* Editors' notes in the store: threads on passages of the body, their
 * replies and resolution. A note's anchor is worked out on the body as
 * stored; when the body has changed since, the anchors follow the edit
 * (byline_notes_reanchor()) before anyone reads or writes them. */

/* Moves the anchors of @article_id's threads from the body they were
 * worked out on to the body as stored, inside a transaction. *@body_out
 * (if not NULL) gets the stored body. */
static gboolean
rebase_notes (BylineStoreBackend  *backend,
              gint64               article_id,
              char               **body_out,
              GError             **error)
{
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) ops = NULL;
  g_autofree char *body = NULL;
  g_autofree char *base = NULL;
  gboolean found = FALSE;

  if (!backend->vtable->read_notes_base (backend, article_id, &body, &base, &found, error))
    return FALSE;

  if (!found)
    {
      _byline_store_set_not_found (error, article_id);
      return FALSE;
    }

  if (base != NULL && !g_str_equal (base, body))
    {
      notes = backend->vtable->list_notes (backend, article_id, error);
      if (notes == NULL)
        return FALSE;

      for (guint i = 0; i < notes->len; i++)
        {
          BylineNote *note = g_ptr_array_index (notes, i);
          int start = byline_note_get_start (note);
          int end = byline_note_get_end (note);
          int new_start, new_end;

          /* Replies follow their thread; a thread on the whole article
           * from the start has nothing to follow. */
          if (byline_note_get_parent_id (note) != 0 ||
              (start < 0 && *byline_note_get_anchor_text (note) == '\0'))
            continue;

          /* One diff for all the notes, and none when there are none. */
          if (ops == NULL)
            ops = byline_diff_words (base, body);

          byline_notes_reanchor_with_diff (ops, base, body, start, end,
                                           byline_note_get_anchor_text (note),
                                           &new_start, &new_end);

          if ((new_start != start || new_end != end) &&
              !backend->vtable->anchor_thread (backend, byline_note_get_id (note),
                                               new_start, new_end, NULL, error))
            return FALSE;
        }

      if (!backend->vtable->write_notes_base (backend, article_id, body, error))
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("update the notes");

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return FALSE;

  rebase_notes (backend, article_id, NULL, &local_error);
  return _byline_store_finish (self, doing, &local_error, error);
}

static gboolean
check_note_text (const char  *text,
                 GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!_byline_store_check_text (text, _("note"), error))
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

static BylineNote *
load_note (BylineStoreBackend  *backend,
           gint64               note_id,
           GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  BylineNote *note = backend->vtable->load_note (backend, note_id, &local_error);

  if (note == NULL && local_error == NULL)
    g_set_error (&local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                 _("No note with id %" PRId64 ": it may have been deleted. "
                   "Reload the article’s notes."),
                 note_id);

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return note;
}

/* The article and the thread (the first note) @note_id belongs to. */
static gboolean
find_thread (BylineStoreBackend  *backend,
             gint64               note_id,
             gint64              *article_id,
             gint64              *thread_id,
             GError             **error)
{
  g_autoptr(BylineNote) note = load_note (backend, note_id, error);

  if (note == NULL)
    return FALSE;

  *article_id = byline_note_get_article_id (note);
  *thread_id = byline_note_get_parent_id (note) > 0 ? byline_note_get_parent_id (note)
                                                    : byline_note_get_id (note);
  return TRUE;
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineNote) note = NULL;
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  const char *doing = _("save the note");
  gint64 note_id;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!check_note_text (text, error) || !_byline_store_check_text (author, _("name"), error))
    return NULL;

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return NULL;

  if (rebase_notes (backend, article_id, &body, &local_error) &&
      (passage = dup_anchor_passage (body, start, end, &local_error)) != NULL &&
      backend->vtable->insert_note (backend, article_id, 0, author, _byline_store_now (), text,
                                    start, end, passage, &note_id, &local_error) &&
      /* The anchors are now all on this body. */
      (start < 0 || backend->vtable->write_notes_base (backend, article_id, body, &local_error)))
    note = load_note (backend, note_id, &local_error);

  if (!_byline_store_finish (self, doing, &local_error, error))
    return NULL;

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_NOTES);
  return g_steal_pointer (&note);
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineNote) note = NULL;
  const char *doing = _("save the reply");
  gint64 article_id = 0;
  gint64 thread_id = 0;
  gint64 reply_id;

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  if (!check_note_text (text, error) || !_byline_store_check_text (author, _("name"), error))
    return NULL;

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return NULL;

  if (find_thread (backend, note_id, &article_id, &thread_id, &local_error) &&
      backend->vtable->insert_note (backend, article_id, thread_id, author, _byline_store_now (),
                                    text, -1, -1, "", &reply_id, &local_error) &&
      /* Answering a resolved thread opens it again. */
      backend->vtable->resolve_thread (backend, thread_id, 0, &local_error))
    note = load_note (backend, reply_id, &local_error);

  if (!_byline_store_finish (self, doing, &local_error, error))
    return NULL;

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_NOTES);
  return g_steal_pointer (&note);
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
  BylineStoreBackend *backend = _byline_store_get_backend (self);
  g_autoptr(GError) local_error = NULL;
  const char *doing = action == NOTE_DELETE ? _("delete the note") : _("save the note");
  gint64 article_id = 0;
  gint64 thread_id = 0;

  if (!backend->vtable->begin (backend, doing, error))
    return FALSE;

  if (find_thread (backend, note_id, &article_id, &thread_id, &local_error))
    {
      switch (action)
        {
        case NOTE_RESOLVE:
          backend->vtable->resolve_thread (backend, thread_id, _byline_store_now (), &local_error);
          break;
        case NOTE_REOPEN:
          backend->vtable->resolve_thread (backend, thread_id, 0, &local_error);
          break;
        case NOTE_DELETE:
          backend->vtable->delete_note (backend, note_id, &local_error);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  if (!_byline_store_finish (self, doing, &local_error, error))
    return FALSE;

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_NOTES);
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *passage = NULL;
  const char *doing = _("save the note");
  gint64 article_id = 0;
  gint64 thread_id = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), FALSE);

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return FALSE;

  if (find_thread (backend, note_id, &article_id, &thread_id, &local_error) &&
      rebase_notes (backend, article_id, &body, &local_error) &&
      (passage = dup_anchor_passage (body, start, end, &local_error)) != NULL &&
      backend->vtable->anchor_thread (backend, thread_id, start, end, passage, &local_error) &&
      start >= 0)
    backend->vtable->write_notes_base (backend, article_id, body, &local_error);

  if (!_byline_store_finish (self, doing, &local_error, error))
    return FALSE;

  _byline_store_emit_changed (self, article_id, BYLINE_STORE_CHANGED_NOTES);
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
  BylineStoreBackend *backend;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  const char *doing = _("read the notes");

  g_return_val_if_fail (BYLINE_IS_STORE (self), NULL);

  backend = _byline_store_get_backend (self);
  if (!backend->vtable->begin (backend, doing, error))
    return NULL;

  if (rebase_notes (backend, article_id, NULL, &local_error))
    notes = backend->vtable->list_notes (backend, article_id, &local_error);

  if (!_byline_store_finish (self, doing, &local_error, error))
    return NULL;

  return g_steal_pointer (&notes);
}

guint
byline_store_count_open_notes (BylineStore  *self,
                               gint64        article_id,
                               GError      **error)
{
  BylineStoreBackend *backend;
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_STORE (self), 0);

  backend = _byline_store_get_backend (self);
  backend->vtable->count_open_notes (backend, article_id, &count, error);
  return count;
}
