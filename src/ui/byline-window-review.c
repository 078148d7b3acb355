/* byline-window-review.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Editors' review in the window: review mode (the preview marks what
 * changed since someone else's revision), the notes button and its
 * popover, and revisions: Save Revision, History and restoring. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-dates.h"
#include "byline-editor-pane-private.h"
#include "byline-history-window.h"
#include "byline-review.h"
#include "byline-window-private.h"

/* Who writes notes and automatic revisions follows Preferences. */
static void
update_author (BylineWindow *self)
{
  g_autofree char *author = byline_window_dup_author (self);

  byline_notes_panel_set_author (self->notes_panel, author);
  byline_auto_revision_set_author (self->auto_revision, author);
}

/* Review mode */

static gboolean
get_review_mode (BylineWindow *self)
{
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (self->review_action));

  return g_variant_get_boolean (state);
}

/* Review mode marks what changed since someone other than the person who
 * changed the text last saved a revision: the newest revision's author is
 * the one whose changes are shown, and the baseline is the newest revision
 * not by them (byline_store_last_revision_by_other()). Returns FALSE when
 * there is nothing to compare with. */
static gboolean
update_review_baseline (BylineWindow *self,
                        gboolean      explain)
{
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(BylineRevision) baseline = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *when = NULL;
  g_autofree char *title = NULL;
  gint64 id;

  id = self->article != NULL ? byline_article_get_id (self->article) : 0;
  if (!get_review_mode (self) || id <= 0)
    {
      byline_preview_set_review_baseline (self->preview, NULL);
      return FALSE;
    }

  revisions = byline_store_list_revisions (self->store, id, &error);
  if (revisions != NULL && revisions->len > 0)
    author = g_strdup (byline_revision_get_author (g_ptr_array_index (revisions, 0)));
  else if (revisions != NULL)
    author = byline_window_dup_author (self);

  if (author != NULL)
    baseline = byline_store_last_revision_by_other (self->store, id, author, &error);

  if (baseline == NULL)
    {
      byline_preview_set_review_baseline (self->preview, NULL);
      if (error != NULL)
        _byline_window_show_error (self, error);
      else if (explain)
        _byline_window_show_toast (self, _("No changes by others to review"), NULL, NULL, NULL);
      return FALSE;
    }

  byline_preview_set_review_baseline (self->preview, byline_revision_get_article (baseline));
  if (explain)
    {
      when = byline_format_published (byline_revision_get_created (baseline), NULL);
      /* Translators: "Marking changes since Ada Brennan’s revision of March 3, 2023 at 9:05 am" */
      title = g_strdup_printf (_("Marking changes since %s’s revision of %s"),
                               byline_revision_get_author (baseline), when);
      _byline_window_show_toast (self, title, NULL, NULL, NULL);
    }

  return TRUE;
}

static void
review_mode_change_state_cb (BylineWindow  *self,
                             GVariant      *value,
                             GSimpleAction *action)
{
  gboolean on = g_variant_get_boolean (value);

  g_simple_action_set_state (action, value);
  if (on)
    g_object_set (self, "show-preview", TRUE, NULL);

  /* With nothing to compare, the toggle does not stay pressed. */
  if (!update_review_baseline (self, on) && on)
    g_simple_action_set_state (action, g_variant_new_boolean (FALSE));
}

/* Notes */

static void
update_notes_button (BylineWindow *self)
{
  guint n_open = byline_notes_panel_get_n_open (self->notes_panel);
  g_autofree char *label = NULL;
  g_autofree char *count = NULL;

  if (n_open == 0)
    label = g_strdup (_("Notes"));
  else
    /* Translators: the Notes button's name, "Notes (2 open)" */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Notes (%u open)", "Notes (%u open)", n_open),
                             n_open);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->notes_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  count = g_strdup_printf ("%u", n_open);
  gtk_label_set_text (self->notes_count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->notes_count_label), n_open > 0);
}

/* Opening the list: who writes, and relative times as of now. */
static void
notes_popover_show_cb (BylineWindow *self)
{
  update_author (self);
  byline_notes_panel_reload (self->notes_panel);
}

/* A thread's passage was clicked: show it in the text. */
static void
notes_passage_activated_cb (BylineWindow     *self,
                            gint64            thread_id,
                            BylineNotesPanel *panel)
{
  gtk_popover_popdown (self->notes_popover);
  gtk_widget_grab_focus (_byline_editor_pane_get_field (self->editor, "Body"));
}

/* Hovering a noted passage shows its note. */
static gboolean
body_query_tooltip_cb (BylineWindow *self,
                       int           x,
                       int           y,
                       gboolean      keyboard_mode,
                       GtkTooltip   *tooltip,
                       GtkWidget    *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), BYLINE_NOTE_TAG_NAME);
  g_autofree char *summary = NULL;
  GtkTextIter iter;
  int bx;
  int by;

  if (tag == NULL || keyboard_mode)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (view), &iter, bx, by) ||
      !gtk_text_iter_has_tag (&iter, tag))
    return FALSE;

  summary = byline_notes_panel_dup_summary (self->notes_panel,
                                            byline_notes_panel_find_thread_at (self->notes_panel,
                                                                               gtk_text_iter_get_offset (&iter)));
  if (summary == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, summary);
  return TRUE;
}

void
_byline_window_review_set_article (BylineWindow  *self,
                                   BylineArticle *article)
{
  byline_notes_panel_set_article (self->notes_panel, article);
  gtk_widget_set_sensitive (GTK_WIDGET (self->notes_button), article != NULL);
  update_review_baseline (self, FALSE);
}

/* Revisions and History */

void
_byline_window_save_revision (BylineWindow *self)
{
  g_autoptr(BylineRevision) revision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  if (!_byline_window_save_for_revision (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return;
    }

  author = byline_window_dup_author (self);
  revision = byline_store_save_revision (self->store, self->article, author, BYLINE_REVISION_MANUAL, &error);
  if (revision == NULL)
    {
      _byline_window_show_error (self, error);
      return;
    }

  _byline_window_show_toast (self, _("Revision saved"), NULL, NULL, NULL);
}

/* Brings the text of revision @revision_id back into the open article:
 * pending edits are saved first, so the store keeps them as a revision,
 * then the window shows the article as the store now has it. */
gboolean
_byline_window_restore_revision (BylineWindow *self,
                                 gint64        revision_id)
{
  g_autoptr(BylineArticle) restored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  int cursor;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (self->article == NULL)
    return FALSE;

  /* Restoring writes the article: not while another desk edits it. */
  if (self->read_only)
    {
      _byline_window_show_toast (self, _("Take over the article to restore a revision"), NULL, NULL, NULL);
      return FALSE;
    }

  if (!_byline_window_save_for_revision (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return FALSE;
    }

  author = byline_window_dup_author (self);
  restored = byline_store_restore_revision (self->store, byline_article_get_id (self->article),
                                            revision_id, author, &error);
  if (restored == NULL)
    {
      _byline_window_show_error (self, error);
      return FALSE;
    }

  cursor = byline_editor_pane_get_cursor_offset (self->editor);
  if (!_byline_window_load_article (self, byline_article_get_id (restored), TRUE, &error))
    {
      _byline_window_show_error (self, error);
      return FALSE;
    }
  byline_editor_pane_set_cursor_offset (self->editor, cursor);
  _byline_window_show_toast (self, _("Revision restored. The text it replaced is kept in History."),
                             NULL, NULL, NULL);

  return TRUE;
}

static void
restore_requested_cb (BylineWindow        *self,
                      gint64               revision_id,
                      BylineHistoryWindow *history)
{
  if (_byline_window_restore_revision (self, revision_id))
    gtk_window_close (GTK_WINDOW (history));
}

void
_byline_window_show_history (BylineWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  /* History compares with the text as stored: store what is typed. */
  if (!byline_window_save_now (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return;
    }

  _byline_window_present_history (self);
}

void
_byline_window_present_history (BylineWindow *self)
{
  GtkWidget *history;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  if (self->history != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->history));
      return;
    }

  history = byline_history_window_new (GTK_WINDOW (self), self->store, byline_article_get_id (self->article));
  g_signal_connect_object (history, "restore-requested", G_CALLBACK (restore_requested_cb), self,
                           G_CONNECT_SWAPPED);
  self->history = history;
  g_object_add_weak_pointer (G_OBJECT (history), (gpointer *)&self->history);
  gtk_window_present (GTK_WINDOW (history));
}

GtkWidget *
_byline_window_get_history (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->history;
}

void
_byline_window_setup_review (BylineWindow *self)
{
  GtkWidget *body = _byline_editor_pane_get_field (self->editor, "Body");
  GtkShortcutController *shortcuts;

  self->auto_revision = byline_auto_revision_new (self->autosave);

  byline_notes_panel_set_store (self->notes_panel, self->store);
  byline_notes_panel_set_autosave (self->notes_panel, self->autosave);
  byline_notes_panel_set_buffer (self->notes_panel, gtk_text_view_get_buffer (GTK_TEXT_VIEW (body)));
  update_author (self);
  g_signal_connect_object (self->notes_panel, "notify::n-open", G_CALLBACK (update_notes_button), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_panel, "passage-activated", G_CALLBACK (notes_passage_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notes_popover, "show", G_CALLBACK (notes_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::author-name", G_CALLBACK (update_author), self,
                           G_CONNECT_SWAPPED);
  update_notes_button (self);

  gtk_widget_set_has_tooltip (body, TRUE);
  g_signal_connect_object (body, "query-tooltip", G_CALLBACK (body_query_tooltip_cb), self, G_CONNECT_SWAPPED);

  self->review_action = g_simple_action_new_stateful ("review-mode", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (self->review_action, "change-state", G_CALLBACK (review_mode_change_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->review_action));

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>r"),
                                                          gtk_named_action_new ("win.review-mode")));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));
}

void
_byline_window_dispose_review (BylineWindow *self)
{
  if (self->history != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->history), (gpointer *)&self->history);
      gtk_window_destroy (GTK_WINDOW (self->history));
      self->history = NULL;
    }
  g_clear_object (&self->auto_revision);
  g_clear_object (&self->review_action);
}
