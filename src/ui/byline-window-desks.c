/* byline-window-desks.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Working beside other desks: the open article follows what they change,
 * a save that came too late is never silent (the desk bar offers their
 * version, or one's own as a new revision on top), and edit locks (held
 * while the article is open here, read-only while another desk holds it).
 * The rules are the store's: versions, locks, revisions. This is what the
 * window shows of them and what it does when they bite. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-fields.h"
#include "byline-editor-pane-private.h"
#include "byline-history-window.h"
#include "byline-outbox.h"
#include "byline-pin.h"
#include "byline-review.h"
#include "byline-window-private.h"

static gboolean
is_detail (GQuark      detail,
           const char *what)
{
  return detail == g_quark_from_static_string (what);
}

static gint64
get_open_id (BylineWindow *self)
{
  return self->article != NULL ? byline_article_get_id (self->article) : 0;
}

/* The desk bar */

static void
set_bar_button (GtkButton  *button,
                const char *label,
                const char *action_name)
{
  g_autoptr(GString) name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (button), label != NULL);
  if (label == NULL)
    return;

  gtk_button_set_label (button, label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);

  /* GTK 4.8 names a button after both its label (mnemonic included) and
   * the label widget showing it: name it once, after what it says. */
  name = g_string_new (label);
  g_string_replace (name, "_", "", 1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name->str,
                                  -1);
}

/* @text NULL hides the bar. The bar is read as one alert: its text is its
 * accessible name, the buttons are named by their labels. */
static void
set_bar (BylineWindow *self,
         const char   *text,
         gboolean      warning,
         const char   *primary_label,
         const char   *primary_action,
         const char   *secondary_label,
         const char   *secondary_action)
{
  if (text == NULL)
    {
      gtk_revealer_set_reveal_child (self->desk_revealer, FALSE);
      return;
    }

  gtk_label_set_text (self->desk_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->desk_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (warning)
    {
      gtk_widget_add_css_class (self->desk_bar, "warning");
      gtk_widget_remove_css_class (self->desk_bar, "info");
    }
  else
    {
      gtk_widget_add_css_class (self->desk_bar, "info");
      gtk_widget_remove_css_class (self->desk_bar, "warning");
    }
  set_bar_button (self->desk_primary_button, primary_label, primary_action);
  set_bar_button (self->desk_secondary_button, secondary_label, secondary_action);
  gtk_revealer_set_reveal_child (self->desk_revealer, TRUE);
}

static void
update_desk_bar (BylineWindow *self)
{
  g_autofree char *text = NULL;
  const char *headline;

  /* Nothing else can happen in a newsroom nobody here can write. */
  if (self->store != NULL && byline_store_is_read_only (self->store))
    {
      set_bar (self,
               _("This newsroom is read-only: Byline cannot write its file or the folder it is in. "
                 "You can read, search and export its articles, not change them."),
               FALSE, NULL, NULL, NULL, NULL);
      return;
    }

  if (self->article == NULL)
    {
      set_bar (self, NULL, FALSE, NULL, NULL, NULL, NULL);
      return;
    }

  headline = byline_article_get_display_headline (self->article);

  switch (self->desk_state)
    {
    case BYLINE_DESK_STATE_DELETED:
      /* Translators: %s is a headline */
      text = g_strdup_printf (_("“%s” was deleted at another desk. Its text stays here until you leave it."),
                              headline);
      set_bar (self, text, TRUE, _("_Keep as New Article"), "win.keep-as-new-article", NULL, NULL);
      return;

    case BYLINE_DESK_STATE_CONFLICT:
      set_bar (self, self->conflict_message, TRUE,
               _("_Keep Mine"), "win.keep-mine",
               _("_See Their Version"), "win.see-their-version");
      return;

    case BYLINE_DESK_STATE_TRASHED:
      /* Translators: %s is a headline */
      text = g_strdup_printf (_("“%s” was moved to the Trash at another desk. What you write is kept with it there."),
                              headline);
      set_bar (self, text, TRUE, _("_Keep as New Article"), "win.keep-as-new-article", NULL, NULL);
      return;

    case BYLINE_DESK_STATE_NONE:
    default:
      break;
    }

  if (!self->read_only)
    {
      set_bar (self, NULL, FALSE, NULL, NULL, NULL, NULL);
      return;
    }

  if (self->taken_over)
    {
      const char *who = self->lock_holder != NULL && *self->lock_holder ? self->lock_holder : _("Another desk");

      if (self->words_kept)
        /* Translators: %s is a person's name */
        text = g_strdup_printf (_("%s took over this article; your last words are kept in its History."), who);
      else
        /* Translators: %s is a person's name */
        text = g_strdup_printf (_("%s took over this article. Everything you wrote is saved."), who);
      set_bar (self, text, FALSE, _("_Take Over"), "win.take-over",
               self->words_kept ? _("Open _History") : NULL, "win.show-history");
      return;
    }

  if (self->lock_holder != NULL && *self->lock_holder)
    /* Translators: %s is a person's name; the article opens read-only */
    text = g_strdup_printf (_("Being edited by %s. Read-only here until they close it, or take it over."),
                            self->lock_holder);
  else
    text = g_strdup (_("Being edited at another desk. Read-only here until it is closed there, or take it over."));
  set_bar (self, text, FALSE, _("_Take Over"), "win.take-over", NULL, NULL);
}

/* Writing on its own stops while it could only fail, or must not happen:
 * a refused save waiting for the person's choice, a deleted article, or
 * one that another desk edits. */
static void
update_paused (BylineWindow *self)
{
  byline_autosave_set_paused (self->autosave,
                              self->read_only ||
                              self->desk_state == BYLINE_DESK_STATE_CONFLICT ||
                              self->desk_state == BYLINE_DESK_STATE_DELETED);
}

static void
set_desk_state (BylineWindow    *self,
                BylineDeskState  state)
{
  self->desk_state = state;
  if (state != BYLINE_DESK_STATE_CONFLICT)
    {
      g_clear_pointer (&self->conflict_message, g_free);
      g_clear_object (&self->kept_words);
    }

  /* A failed save's banner would only repeat it, and offer a useless
   * "Try Again". */
  if (state == BYLINE_DESK_STATE_CONFLICT || state == BYLINE_DESK_STATE_DELETED)
    gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);

  update_paused (self);
  update_desk_bar (self);
  _byline_window_update_save_state (self);
}

static void
set_read_only (BylineWindow *self,
               gboolean      read_only)
{
  self->read_only = read_only;
  if (!read_only)
    {
      self->taken_over = FALSE;
      self->words_kept = FALSE;
    }

  byline_editor_pane_set_editable (self->editor, !read_only);
  update_paused (self);
  update_desk_bar (self);
  _byline_window_update_actions (self);
  _byline_window_update_save_state (self);
}

/* Following the store */

static gboolean
pins_equal (BylineArticle *a,
            BylineArticle *b)
{
  GListModel *pins_a = byline_article_get_pins (a);
  GListModel *pins_b = byline_article_get_pins (b);
  guint n = g_list_model_get_n_items (pins_a);

  if (n != g_list_model_get_n_items (pins_b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BylinePin) pa = g_list_model_get_item (pins_a, i);
      g_autoptr(BylinePin) pb = g_list_model_get_item (pins_b, i);

      if (byline_pin_get_position (pa) != byline_pin_get_position (pb) ||
          byline_pin_get_related_id (pa) != byline_pin_get_related_id (pb) ||
          g_strcmp0 (byline_pin_get_headline (pa), byline_pin_get_headline (pb)) != 0 ||
          g_strcmp0 (byline_pin_get_page_name (pa), byline_pin_get_page_name (pb)) != 0 ||
          byline_pin_get_related_spiked (pa) != byline_pin_get_related_spiked (pb))
        return FALSE;
    }

  return TRUE;
}

/* Brings what another desk stored into the open article, field by field:
 * a field that did not change keeps its undo history, and a changed one
 * keeps its cursor offset (clamped to the new text) — the editor pane's
 * sync does that. These are not edits: autosave must not write them back. */
static void
bring_in (BylineWindow  *self,
          BylineArticle *stored)
{
  BylineArticle *article = self->article;

  byline_autosave_set_article (self->autosave, NULL);
  g_object_freeze_notify (G_OBJECT (article));
  byline_article_fields_copy (article, stored, 0);
  if (!pins_equal (article, stored))
    {
      GListModel *pins = byline_article_get_pins (stored);

      byline_article_clear_pins (article);
      for (guint i = 0; i < g_list_model_get_n_items (pins); i++)
        {
          g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);
          BylinePin *copy = byline_pin_new (byline_pin_get_position (pin),
                                            byline_pin_get_related_id (pin),
                                            byline_pin_get_headline (pin));

          byline_pin_set_page_name (copy, byline_pin_get_page_name (pin));
          byline_pin_set_related_spiked (copy, byline_pin_get_related_spiked (pin));
          byline_article_add_pin (article, copy);
        }
    }
  g_object_thaw_notify (G_OBJECT (article));
  byline_autosave_set_article (self->autosave, article);

  byline_notes_panel_article_reloaded (self->notes_panel);
}

static gboolean
is_trashed (BylineWindow *self,
            gint64        id)
{
  BylineArticleQuery trash = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(BylineArticleSummary) summary = NULL;
  guint position;

  trash.trashed = TRUE;
  summary = byline_store_locate_article (self->store, &trash, id, &position, NULL);
  return summary != NULL;
}

/* The open article may have changed elsewhere: show the stored one when
 * nothing typed here is waiting (else the next save is refused, and says
 * so). With @where, also whether it went to the Trash or came back. */
static void
follow_store (BylineWindow *self,
              gboolean      where)
{
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = get_open_id (self);

  if (id <= 0 || self->desk_state == BYLINE_DESK_STATE_DELETED)
    return;

  stored = byline_store_load_article (self->store, id, &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND))
        set_desk_state (self, BYLINE_DESK_STATE_DELETED);
      else
        g_debug ("Could not follow article %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  if (where)
    {
      gboolean trashed = is_trashed (self, id);

      if (trashed && !self->opened_trashed && self->desk_state == BYLINE_DESK_STATE_NONE)
        set_desk_state (self, BYLINE_DESK_STATE_TRASHED);
      else if (!trashed && self->desk_state == BYLINE_DESK_STATE_TRASHED)
        set_desk_state (self, BYLINE_DESK_STATE_NONE);
    }

  if (byline_autosave_get_dirty (self->autosave) || self->desk_state == BYLINE_DESK_STATE_CONFLICT)
    return;

  /* This window's own saves come back too: they are in already. */
  if (byline_article_fields_equal (stored, self->article, 0) && pins_equal (stored, self->article))
    return;

  bring_in (self, stored);
}

/* Offline: the newsroom server went away */

#define OFFLINE_RETRY_SECONDS 2

static void check_lock (BylineWindow *self);

static void
offline_tried_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(BylineWindow) self = user_data;

  /* A failure is announced by autosave's "failed" (the banner stays), a
   * success by its "saved" (_byline_window_desks_saved()). */
  self->offline_trying = FALSE;
  byline_autosave_flush_finish (BYLINE_AUTOSAVE (object), result, NULL);
}

/* While the server is away, the open article's text is sent again every
 * few seconds, off the main thread (a connect can take its timeout); when
 * nothing of it waits here, the desk is back once the outbox is empty
 * (the application sends what other articles left there). */
static gboolean
offline_retry_cb (gpointer user_data)
{
  BylineWindow *self = user_data;
  BylineOutbox *outbox = byline_store_get_outbox (self->store);

  if (!self->offline)
    {
      self->offline_retry_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* What a person must decide first: the bar says it. */
  if (self->offline_trying || self->desk_state == BYLINE_DESK_STATE_CONFLICT ||
      self->desk_state == BYLINE_DESK_STATE_DELETED)
    return G_SOURCE_CONTINUE;

  if (self->article != NULL && byline_autosave_get_dirty (self->autosave))
    {
      self->offline_trying = TRUE;
      byline_autosave_flush_async (self->autosave, NULL, offline_tried_cb, g_object_ref (self));
    }
  else if (outbox != NULL && byline_outbox_count (outbox, byline_store_get_path (self->store)) > 0)
    self->offline_kept = TRUE;
  /* Nothing waits: the desk is back when the server is. */
  else if (!byline_store_get_offline (self->store))
    _byline_window_desks_saved (self);

  return G_SOURCE_CONTINUE;
}

/* Whether the open article's text waits in the outbox. */
static gboolean
is_in_outbox (BylineWindow *self)
{
  BylineOutbox *outbox = byline_store_get_outbox (self->store);
  g_autoptr(GPtrArray) waiting = NULL;
  const char *uuid;

  if (outbox == NULL || self->article == NULL)
    return FALSE;

  uuid = byline_article_get_uuid (self->article);
  waiting = byline_outbox_list (outbox, byline_store_get_path (self->store), NULL);
  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    if (g_str_equal (byline_article_get_uuid (g_ptr_array_index (waiting, i)), uuid))
      return TRUE;

  return FALSE;
}

static void
go_offline (BylineWindow *self,
            gboolean      kept)
{
  self->offline_kept |= kept;

  gtk_label_set_text (self->banner_label,
                      _("This desk is offline: the newsroom server cannot be reached. "
                        "Your changes are kept on this computer and will be sent when it is back."));
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  _byline_window_update_save_state (self);

  self->offline = TRUE;
  if (self->offline_retry_id == 0)
    {
      self->offline_retry_id = g_timeout_add_seconds (OFFLINE_RETRY_SECONDS, offline_retry_cb, self);
      g_source_set_name_by_id (self->offline_retry_id, "[byline] sending what waits for the server");
    }
}

void
_byline_window_desks_saved (BylineWindow *self)
{
  BylineOutbox *outbox = byline_store_get_outbox (self->store);

  if (!self->offline)
    return;

  /* Other articles' saves still wait: the application sends them, and the
   * banner stays until it has. */
  if (outbox != NULL && byline_outbox_count (outbox, byline_store_get_path (self->store)) > 0)
    return;

  self->offline = FALSE;
  g_clear_handle_id (&self->offline_retry_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  _byline_window_update_save_state (self);
  _byline_window_show_toast (self,
                             self->offline_kept ? _("Back on line: your changes were sent to the newsroom server.")
                                                : _("Back on line."),
                             NULL, NULL, NULL);
  self->offline_kept = FALSE;

  /* Did the lock outlive the outage? */
  check_lock (self);
}

gboolean
_byline_window_get_offline (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  return self->offline && gtk_revealer_get_reveal_child (self->banner_revealer);
}

/* Edit locks */

static gboolean heartbeat_cb (gpointer user_data);

/* Test hook: BYLINE_TEST_LOCK_LAPSE (seconds) shortens when this window
 * reckons its lock lapsed, and its heartbeat with it, so that a test need
 * not wait a minute. The server's own lapse stays as it is. Read as the
 * heartbeat starts, not on every beat. */
static guint
read_lock_lapse (void)
{
  const char *test_lapse = g_getenv ("BYLINE_TEST_LOCK_LAPSE");
  guint64 seconds = 0;

  if (test_lapse != NULL && g_ascii_string_to_unsigned (test_lapse, 10, 1, BYLINE_LOCK_LAPSE, &seconds, NULL))
    return seconds;

  return BYLINE_LOCK_LAPSE;
}

static guint
lock_heartbeat (BylineWindow *self)
{
  return self->lock_lapse == BYLINE_LOCK_LAPSE ? BYLINE_LOCK_HEARTBEAT : MAX (1, self->lock_lapse / 3);
}

static void
hold_lock (BylineWindow *self,
           gint64        id)
{
  self->locked_id = id;
  self->lock_confirmed = g_get_monotonic_time ();
  if (self->heartbeat_id == 0)
    {
      self->lock_lapse = read_lock_lapse ();
      self->heartbeat_id = g_timeout_add_seconds (lock_heartbeat (self), heartbeat_cb, self);
      g_source_set_name_by_id (self->heartbeat_id, "[byline] edit lock heartbeat");
    }
}

static void
release_lock (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->locked_id;

  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  if (id <= 0)
    return;

  self->locked_id = 0;
  if (!byline_store_unlock_article (self->store, id, &error))
    g_debug ("Could not give up editing article %" G_GINT64_FORMAT ": %s", id, error->message);
}

/* Asks for the open article's lock (from whoever has it, with
 * @take_over). Returns whether this window may edit it now. */
static gboolean
take_lock (BylineWindow *self,
           gboolean      take_over)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *holder = NULL;
  gint64 id = get_open_id (self);
  gboolean acquired = FALSE;
  gboolean ok;

  if (id <= 0)
    return TRUE;

  /* Taking it announces a "lock" change here, which is this very lock. */
  self->locking = TRUE;
  ok = byline_store_lock_article (self->store, id, take_over, &acquired, &holder, &error);
  self->locking = FALSE;

  if (!ok)
    {
      /* Never keep the person from writing because the lock could not be
       * read: the version check still refuses a stale save. */
      g_debug ("Could not take the edit lock of article %" G_GINT64_FORMAT ": %s", id, error->message);
      return TRUE;
    }

  if (acquired)
    {
      hold_lock (self, id);
      g_clear_pointer (&self->lock_holder, g_free);
      return TRUE;
    }

  g_free (self->lock_holder);
  self->lock_holder = g_steal_pointer (&holder);
  return FALSE;
}

/* Keeps the words typed here that no save has written as a revision of
 * the open article, once for the same words. */
static gboolean
keep_words (BylineWindow  *self,
            GError       **error)
{
  g_autoptr(BylineRevision) revision = NULL;
  g_autofree char *author = NULL;

  byline_editor_pane_commit_pending (self->editor);

  if (self->kept_words != NULL &&
      byline_article_fields_equal (self->kept_words, self->article, BYLINE_FIELD_RESTORED) &&
      pins_equal (self->kept_words, self->article))
    return TRUE;

  author = byline_window_dup_author (self);
  revision = byline_store_save_revision (self->store, self->article, author, BYLINE_REVISION_MANUAL, error);
  if (revision == NULL)
    return FALSE;

  g_clear_object (&self->kept_words);
  self->kept_words = byline_article_copy (self->article);
  return TRUE;
}

/* Another desk has the lock this window held (it took it over). Nothing
 * typed here may be saved over theirs: it goes to History at once, and
 * the article turns read-only, showing what is stored. */
static void
lock_lost (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean words_kept = FALSE;

  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  self->locked_id = 0;

  /* It lapsed, or another window of this desk let it go: nobody else has
   * it, so it is simply taken again. */
  if (take_lock (self, FALSE))
    return;

  if (byline_autosave_get_dirty (self->autosave))
    {
      if (keep_words (self, &error))
        {
          byline_autosave_discard (self->autosave);
          words_kept = TRUE;
        }
      else
        /* The words stay in the editor, not saved: say why. */
        _byline_window_show_error (self, error);
    }

  self->taken_over = TRUE;
  self->words_kept = words_kept;
  set_read_only (self, TRUE);

  /* Show what is stored: what the other desk goes on from. */
  follow_store (self, FALSE);
}

/* Whether this window still holds the open article's lock, asked now: it
 * lapses when no heartbeat reached the server for BYLINE_LOCK_LAPSE
 * seconds, and another desk may have taken it then. */
static void
check_lock (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean held = TRUE;

  if (self->locked_id <= 0 || self->locked_id != get_open_id (self))
    return;

  if (!byline_store_heartbeat_lock (self->store, self->locked_id, &held, &error))
    {
      g_debug ("Could not check the edit lock: %s", error->message);
      return;
    }

  if (held)
    self->lock_confirmed = g_get_monotonic_time ();
  else
    lock_lost (self);
}

static gboolean
heartbeat_cb (gpointer user_data)
{
  BylineWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean held = TRUE;

  if (self->locked_id <= 0)
    {
      self->heartbeat_id = 0;
      return G_SOURCE_REMOVE;
    }

  if (!byline_store_heartbeat_lock (self->store, self->locked_id, &held, &error))
    {
      gint64 silent = g_get_monotonic_time () - self->lock_confirmed;

      g_debug ("Could not keep the edit lock: %s", error->message);

      /* Said once per outage, as soon as another desk may take it: what
       * is typed meanwhile still waits here, and goes to History if
       * another desk has the article by the time the server is back. */
      if (silent > self->lock_lapse * G_USEC_PER_SEC &&
          silent <= (self->lock_lapse + lock_heartbeat (self)) * G_USEC_PER_SEC)
        _byline_window_show_toast (self,
                                   _("This desk's hold on the article has lapsed while the newsroom server "
                                     "is away: another desk may take it over. What you type is kept."),
                                   NULL, NULL, NULL);
      return G_SOURCE_CONTINUE;
    }

  if (held)
    {
      self->lock_confirmed = g_get_monotonic_time ();
      return G_SOURCE_CONTINUE;
    }

  self->heartbeat_id = 0;
  lock_lost (self);
  return G_SOURCE_REMOVE;
}

/* Someone started or stopped editing the open article (this desk too). */
static void
lock_changed (BylineWindow *self)
{
  gint64 id = get_open_id (self);

  if (self->locking || id <= 0)
    return;

  if (self->locked_id == id)
    {
      check_lock (self);
      return;
    }

  /* The desk that had it may have closed it: edit here if it is free. */
  if (self->read_only)
    {
      g_autofree char *holder = g_strdup (self->lock_holder);

      follow_store (self, FALSE);
      if (take_lock (self, FALSE))
        {
          set_read_only (self, FALSE);
          if (holder != NULL && *holder)
            {
              /* Translators: %s is a person's name */
              g_autofree char *title = g_strdup_printf (_("%s stopped editing. You can edit the article now."),
                                                        holder);

              _byline_window_show_toast (self, title, NULL, NULL, NULL);
            }
        }
      else
        update_desk_bar (self);
    }
}

static void
store_changed_cb (BylineWindow *self,
                  gint64        id,
                  BylineStore  *store)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (store);
  GQuark detail = hint != NULL ? hint->detail : 0;
  gint64 open_id = get_open_id (self);

  if (open_id <= 0 || (id != 0 && id != open_id))
    return;

  /* What this window does itself it follows as it does it (a change of
   * state, a restore, the Trash, its own lock). */
  if (!byline_store_change_is_from_elsewhere (store))
    return;

  /* The notes panel follows its own; a revision kept changes nothing
   * shown here; a new article is not this one; the masthead and the
   * dictionary are not an article. */
  if (is_detail (detail, BYLINE_STORE_CHANGED_NOTES) ||
      is_detail (detail, BYLINE_STORE_CHANGED_REVISIONS) ||
      is_detail (detail, BYLINE_STORE_CHANGED_INSERTED) ||
      is_detail (detail, BYLINE_STORE_CHANGED_PUBLICATION) ||
      is_detail (detail, BYLINE_STORE_CHANGED_DICTIONARY))
    return;

  if (is_detail (detail, BYLINE_STORE_CHANGED_LOCK))
    {
      if (id == open_id)
        lock_changed (self);
      return;
    }

  follow_store (self,
                id == 0 ||
                is_detail (detail, BYLINE_STORE_CHANGED_TRASHED) ||
                is_detail (detail, BYLINE_STORE_CHANGED_RESTORED) ||
                is_detail (detail, BYLINE_STORE_CHANGED_DELETED));
}

/* What the window calls */

void
_byline_window_desks_set_article (BylineWindow *self)
{
  gint64 id = get_open_id (self);

  if (self->locked_id != 0 && self->locked_id != id)
    release_lock (self);

  self->desk_state = BYLINE_DESK_STATE_NONE;
  g_clear_pointer (&self->conflict_message, g_free);
  g_clear_object (&self->kept_words);
  g_clear_pointer (&self->lock_holder, g_free);
  self->taken_over = FALSE;
  self->words_kept = FALSE;
  /* An article opened from the Trash is not news when it is there. */
  self->opened_trashed = id > 0 && byline_sidebar_get_show_trash (self->sidebar);

  if (byline_store_is_read_only (self->store))
    set_read_only (self, TRUE);
  else if (id <= 0 || self->locked_id == id)
    set_read_only (self, FALSE);
  else
    set_read_only (self, !take_lock (self, FALSE));
}

gboolean
_byline_window_desks_save_failed (BylineWindow *self,
                                  const GError *error)
{
  if (self->article == NULL || error == NULL)
    return FALSE;

  if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT))
    {
      g_free (self->conflict_message);
      self->conflict_message = g_strdup (error->message);
      set_desk_state (self, BYLINE_DESK_STATE_CONFLICT);
      return TRUE;
    }

  if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND))
    {
      set_desk_state (self, BYLINE_DESK_STATE_DELETED);
      return TRUE;
    }

  if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE) && is_in_outbox (self))
    {
      go_offline (self, TRUE);
      return TRUE;
    }

  return FALSE;
}

gboolean
_byline_window_desks_set_aside (BylineWindow *self,
                                const GError *error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *title = NULL;

  if (self->article == NULL)
    return FALSE;

  /* The server is away, and the words wait in the outbox already: they
   * are safe on this computer, and leave with the switch or close. */
  if (g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_OFFLINE) && is_in_outbox (self))
    {
      byline_autosave_discard (self->autosave);
      /* Translators: %s is a headline */
      title = g_strdup_printf (_("“%s” is kept on this computer and will be sent when the newsroom server is back."),
                               byline_article_get_display_headline (self->article));
      _byline_window_show_toast (self, title, NULL, NULL, NULL);
      return TRUE;
    }

  if (!g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT))
    return FALSE;

  if (!keep_words (self, &local_error))
    {
      _byline_window_show_error (self, local_error);
      return FALSE;
    }

  byline_autosave_discard (self->autosave);
  /* Translators: %s is a headline */
  title = g_strdup_printf (_("Your version of “%s” is kept in its History."),
                           byline_article_get_display_headline (self->article));
  _byline_window_show_toast (self, title, NULL, NULL, NULL);

  return TRUE;
}

void
_byline_window_desks_release (BylineWindow *self)
{
  release_lock (self);
}

const char *
_byline_window_desks_get_save_state (BylineWindow *self)
{
  if (self->article == NULL)
    return NULL;

  if (self->desk_state == BYLINE_DESK_STATE_CONFLICT || self->desk_state == BYLINE_DESK_STATE_DELETED)
    return _("Not Saved");

  if (self->read_only)
    return _("Read-Only");

  return NULL;
}

gboolean
_byline_window_get_read_only (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);
  return self->read_only;
}

GtkWidget *
_byline_window_get_desk_bar (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->desk_revealer))
    return NULL;

  return self->desk_bar;
}

/* Actions */

/* Keeps their stored version as a revision before it is replaced, unless
 * the newest revision holds that text already. */
static gboolean
keep_their_version (BylineWindow   *self,
                    BylineArticle  *stored,
                    GError        **error)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autofree char *author = NULL;
  const char *who;

  revisions = byline_store_list_revisions (self->store, byline_article_get_id (stored), error);
  if (revisions == NULL)
    return FALSE;

  if (revisions->len > 0 &&
      byline_article_fields_equal (byline_revision_get_article (g_ptr_array_index (revisions, 0)), stored,
                                   BYLINE_FIELD_RESTORED))
    return TRUE;

  who = byline_article_get_updated_by (stored);
  if (*who == '\0')
    who = author = byline_window_dup_author (self);

  revision = byline_store_save_revision (self->store, stored, who, BYLINE_REVISION_MANUAL, error);
  return revision != NULL;
}

/* "Keep Mine": their version goes to History, then the person's text is
 * saved on top of it as the newest version, and kept as a revision too. */
static void
keep_mine_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) stored = NULL;
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gboolean saved;

  if (self->article == NULL || self->desk_state != BYLINE_DESK_STATE_CONFLICT)
    return;

  byline_editor_pane_commit_pending (self->editor);

  stored = byline_store_load_article (self->store, byline_article_get_id (self->article), &error);
  if (stored == NULL)
    {
      if (!_byline_window_desks_save_failed (self, error))
        _byline_window_show_error (self, error);
      return;
    }

  if (!keep_their_version (self, stored, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  /* The text is the person's; the state and the published time stay what
   * the workflow made them, and the save names the version it replaces. */
  g_object_freeze_notify (G_OBJECT (self->article));
  byline_article_set_status (self->article, byline_article_get_status (stored));
  byline_article_set_published (self->article, byline_article_get_published (stored));
  byline_article_set_version (self->article, byline_article_get_version (stored));
  g_object_thaw_notify (G_OBJECT (self->article));

  byline_auto_revision_hold (self->auto_revision);
  saved = byline_autosave_flush (self->autosave, &error);
  byline_auto_revision_release (self->auto_revision);
  if (!saved)
    {
      /* Someone saved again meanwhile: the bar says who, now. */
      if (!_byline_window_desks_save_failed (self, error))
        _byline_window_show_save_error (self, error);
      return;
    }

  set_desk_state (self, BYLINE_DESK_STATE_NONE);

  author = byline_window_dup_author (self);
  revision = byline_store_save_revision (self->store, self->article, author, BYLINE_REVISION_MANUAL, &error);
  if (revision == NULL)
    {
      _byline_window_show_error (self, error);
      return;
    }

  _byline_window_show_toast (self, _("Your version is saved. Theirs is kept in History."), NULL, NULL, NULL);
}

/* "See Their Version": the person's words go to History first (nothing
 * is saved over anyone), then History shows them against the stored
 * text, word by word. The editor keeps the person's words. */
static void
see_their_version_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->article == NULL || self->desk_state != BYLINE_DESK_STATE_CONFLICT)
    return;

  if (!keep_words (self, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  /* Opened afresh, History compares its newest revision (these words)
   * with the current text (theirs). */
  if (self->history != NULL)
    gtk_window_destroy (GTK_WINDOW (self->history));
  _byline_window_present_history (self);
}

static void
take_over_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);

  if (self->article == NULL || !self->read_only)
    return;

  /* Start from what they stored. */
  follow_store (self, FALSE);
  if (take_lock (self, TRUE))
    set_read_only (self, FALSE);
  else
    update_desk_bar (self);
}

/* The text in the editor as a new draft: for an article deleted or
 * trashed at another desk. */
static void
keep_as_new_article_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  BylineWindow *self = BYLINE_WINDOW (widget);
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (self->article == NULL)
    return;

  byline_editor_pane_commit_pending (self->editor);
  copy = byline_article_copy (self->article);
  byline_article_set_id (copy, 0);
  byline_article_set_uuid (copy, NULL);
  byline_article_set_slug (copy, NULL);
  byline_article_set_created (copy, 0);
  byline_article_set_published (copy, 0);
  byline_article_set_version (copy, 0);
  byline_article_set_status (copy, BYLINE_STATUS_DRAFT);

  if (!byline_store_save_article (self->store, copy, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  /* The words are in the new article now. */
  byline_autosave_discard (self->autosave);
  release_lock (self);
  id = byline_article_get_id (copy);
  if (byline_sidebar_get_show_trash (self->sidebar))
    byline_sidebar_set_show_trash (self->sidebar, FALSE);

  /* A file may give a deleted article's id to the next new one: open it
   * even when the id is the same. */
  if (!_byline_window_load_article (self, id, TRUE, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }
  _byline_window_show_toast (self, _("Kept as a new article"), NULL, NULL, NULL);
}

void
_byline_window_class_init_desks (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, desk_revealer);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, desk_bar);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, desk_label);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, desk_primary_button);
  gtk_widget_class_bind_template_child (widget_class, BylineWindow, desk_secondary_button);

  gtk_widget_class_install_action (widget_class, "win.keep-mine", NULL, keep_mine_action);
  gtk_widget_class_install_action (widget_class, "win.see-their-version", NULL, see_their_version_action);
  gtk_widget_class_install_action (widget_class, "win.take-over", NULL, take_over_action);
  gtk_widget_class_install_action (widget_class, "win.keep-as-new-article", NULL, keep_as_new_article_action);
}

/* The server's connection dropped, or came back, with or without a save
 * waiting: the banner says so at once. Coming back, the retry sends what
 * waits and takes the banner away (_byline_window_desks_saved()). */
static void
store_offline_cb (BylineWindow *self)
{
  if (byline_store_get_offline (self->store) && !self->offline)
    go_offline (self, FALSE);
}

void
_byline_window_setup_desks (BylineWindow *self)
{
  g_signal_connect_object (self->store, "notify::offline", G_CALLBACK (store_offline_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_byline_window_dispose_desks (BylineWindow *self)
{
  if (self->store != NULL)
    release_lock (self);
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  g_clear_handle_id (&self->offline_retry_id, g_source_remove);
  g_clear_pointer (&self->conflict_message, g_free);
  g_clear_pointer (&self->lock_holder, g_free);
  g_clear_object (&self->kept_words);
}
