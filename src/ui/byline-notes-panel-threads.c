/* byline-notes-panel-threads.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The notes panel's cards, one per thread: the passage it is on, its notes
 * and replies, a reply field and Resolve or Reopen. */

#define G_LOG_DOMAIN "byline-notes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-dates.h"
#include "byline-notes.h"
#include "byline-notes-panel-private.h"
#include "byline-review.h"

#define THREAD_ID_KEY "byline-thread-id"

void
_byline_notes_panel_thread_free (gpointer data)
{
  g_free (data);
}

static gint64
get_thread_id (gpointer object)
{
  gint64 *id = g_object_get_data (G_OBJECT (object), THREAD_ID_KEY);

  return id != NULL ? *id : 0;
}

static void
set_thread_id (gpointer object,
               gint64   id)
{
  g_object_set_data_full (G_OBJECT (object), THREAD_ID_KEY, g_memdup2 (&id, sizeof id), g_free);
}

/* "just now", "5 minutes ago", "yesterday", "Monday", "March 3" */
static char *
dup_relative_time (gint64 then)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (then);
  g_autoptr(GDateTime) today = NULL;
  gint64 seconds;
  int days;

  if (when == NULL)
    return g_strdup ("");

  seconds = g_date_time_to_unix (now) - then;
  if (seconds < 60)
    return g_strdup (_("just now"));
  if (seconds < 60 * 60)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         (int) (seconds / 60)),
                            (int) (seconds / 60));

  today = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), 0, 0, 0);
  if (g_date_time_compare (when, today) >= 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago",
                                         (int) (seconds / 3600)),
                            (int) (seconds / 3600));

  days = (int) ((g_date_time_to_unix (today) - then) / 86400) + 1;
  if (days <= 1)
    return g_strdup (_("yesterday"));
  if (days < 7)
    return g_date_time_format (when, "%A");
  if (g_date_time_get_year (when) == g_date_time_get_year (now))
    /* Translators: a date in this year, as in "March 3"; see g_date_time_format() */
    return g_date_time_format (when, _("%B %-d"));

  /* Translators: a date in another year, as in "March 3, 2023" */
  return g_date_time_format (when, _("%B %-d, %Y"));
}

static void
on_passage_clicked (BylineNotesPanel *self,
                    GtkButton        *button)
{
  gint64 id = get_thread_id (button);

  if (_byline_notes_panel_select_passage (self, id))
    _byline_notes_panel_passage_activated (self, id);
}

static void
on_reply_activate (GtkEntry         *entry,
                   BylineNotesPanel *self)
{
  g_autoptr(BylineNote) note = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  gint64 id = get_thread_id (entry);

  if (*text == '\0' || self->store == NULL)
    return;

  note = byline_store_reply_note (self->store, id, _byline_notes_panel_get_writer (self), text, &error);
  if (note == NULL)
    {
      _byline_notes_panel_show_error (self, _("Could not add the reply."), error);
      return;
    }

  _byline_notes_panel_hide_error (self);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  self->focus_thread = id;
  _byline_notes_panel_reload_now (self, FALSE);
}

static void
on_reply_icon_press (GtkEntry             *entry,
                     GtkEntryIconPosition  position,
                     BylineNotesPanel     *self)
{
  on_reply_activate (entry, self);
}

static void
on_resolve_clicked (GtkButton        *button,
                    BylineNotesPanel *self)
{
  g_autoptr(GError) error = NULL;
  gboolean resolved = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "byline-resolved"));

  if (self->store == NULL)
    return;

  if (!byline_store_resolve_note (self->store, get_thread_id (button), !resolved, &error))
    {
      _byline_notes_panel_show_error (self, resolved ? _("Could not reopen the thread.") : _("Could not resolve the thread."),
                  error);
      return;
    }

  _byline_notes_panel_hide_error (self);
  _byline_notes_panel_reload_now (self, FALSE);
}

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static GtkWidget *
make_note (BylineNote *note,
           gboolean    reply)
{
  g_autofree char *when = dup_relative_time (byline_note_get_created (note));
  g_autofree char *full_time = byline_format_published (byline_note_get_created (note), NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = make_label (byline_note_get_author (note), "heading");
  GtkWidget *time = make_label (when, "caption");
  GtkWidget *text = make_label (byline_note_get_text (note), NULL);

  gtk_label_set_ellipsize (GTK_LABEL (author), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (time, "dim-label");
  gtk_widget_set_tooltip_text (time, full_time);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  /* Keeps the selectable label from grabbing focus first in the popover. */
  gtk_widget_set_focusable (text, FALSE);

  gtk_box_append (GTK_BOX (header), author);
  gtk_box_append (GTK_BOX (header), time);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), text);

  if (reply)
    gtk_widget_set_margin_start (box, 18);

  return box;
}

/* The passage a thread is on, or what it is on instead. */
static GtkWidget *
make_passage (BylineNotesPanel *self,
              BylineNote       *root,
              gboolean          resolved)
{
  const char *anchor_text = byline_note_get_anchor_text (root);
  int start = byline_note_get_start (root);
  int end = byline_note_get_end (root);
  g_autoptr(PangoAttrList) italic = pango_attr_list_new ();
  g_autofree char *passage = NULL;
  g_autofree char *quote = NULL;
  GtkWidget *label;
  GtkWidget *button;

  pango_attr_list_insert (italic, pango_attr_style_new (PANGO_STYLE_ITALIC));
  /* Not bold as button labels are: it is a quotation. */
  pango_attr_list_insert (italic, pango_attr_weight_new (PANGO_WEIGHT_NORMAL));

  if (start < 0)
    {
      g_autofree char *gone = NULL;

      if (anchor_text == NULL || *anchor_text == '\0')
        return make_label (_("On the whole article"), "dim-label");

      quote = _byline_notes_panel_dup_quote (anchor_text, 80);
      /* Translators: the passage a note was on has been deleted */
      gone = g_strdup_printf (_("On the whole article; the passage %s was removed"), quote);
      label = make_label (gone, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      return label;
    }

  if (self->stored_body != NULL)
    passage = byline_notes_dup_passage (self->stored_body, start, end);
  quote = _byline_notes_panel_dup_quote (passage != NULL ? passage : anchor_text, 160);

  label = make_label (quote, NULL);
  gtk_label_set_attributes (GTK_LABEL (label), italic);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

  /* A resolved thread's passage is no longer marked in the text. */
  if (resolved || self->buffer == NULL)
    {
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Select the passage in the text"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show Passage"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, quote,
                                  -1);
  set_thread_id (button, byline_note_get_id (root));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_passage_clicked), self, G_CONNECT_SWAPPED);

  return button;
}

/* One card for the thread of notes[@first] and its replies up to @last. */
static void
add_thread (BylineNotesPanel *self,
            guint             first,
            guint             last)
{
  BylineNote *root = g_ptr_array_index (self->notes, first);
  gint64 resolved_time = byline_note_get_resolved (root);
  gboolean resolved = resolved_time != 0;
  g_autofree char *card_label = NULL;
  BylineNotesThread *thread;
  GtkWidget *box;
  GtkWidget *actions;

  thread = g_new0 (BylineNotesThread, 1);
  thread->id = byline_note_get_id (root);
  thread->resolved = resolved;
  thread->card = g_object_new (GTK_TYPE_BOX,
                               "orientation", GTK_ORIENTATION_VERTICAL,
                               "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                               NULL);
  gtk_widget_add_css_class (thread->card, "card");
  /* Translators: the accessible name of a thread of notes, "Note by Ada Brennan" */
  card_label = g_strdup_printf (_("Note by %s"), byline_note_get_author (root));
  gtk_accessible_update_property (GTK_ACCESSIBLE (thread->card),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, card_label,
                                  -1);
  set_thread_id (thread->card, thread->id);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_box_append (GTK_BOX (thread->card), box);

  gtk_box_append (GTK_BOX (box), make_passage (self, root, resolved));
  for (guint i = first; i < last; i++)
    gtk_box_append (GTK_BOX (box), make_note (g_ptr_array_index (self->notes, i), i > first));

  if (resolved)
    {
      g_autofree char *when = dup_relative_time (resolved_time);
      /* Translators: "Resolved 5 minutes ago", "Resolved yesterday" */
      g_autofree char *text = g_strdup_printf (_("Resolved %s"), when);

      gtk_box_append (GTK_BOX (box), make_label (text, "caption"));
      gtk_widget_set_opacity (thread->card, 0.7);
    }

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  if (!resolved)
    {
      thread->reply_entry = gtk_entry_new ();
      gtk_widget_set_hexpand (thread->reply_entry, TRUE);
      gtk_entry_set_placeholder_text (GTK_ENTRY (thread->reply_entry), _("Reply…"));
      gtk_entry_set_icon_from_icon_name (GTK_ENTRY (thread->reply_entry), GTK_ENTRY_ICON_SECONDARY,
                                         "mail-send-symbolic");
      gtk_entry_set_icon_tooltip_text (GTK_ENTRY (thread->reply_entry), GTK_ENTRY_ICON_SECONDARY,
                                       _("Send Reply"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (thread->reply_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply"),
                                      -1);
      set_thread_id (thread->reply_entry, thread->id);
      g_signal_connect_object (thread->reply_entry, "activate", G_CALLBACK (on_reply_activate), self, 0);
      g_signal_connect_object (thread->reply_entry, "icon-press", G_CALLBACK (on_reply_icon_press), self, 0);
      gtk_box_append (GTK_BOX (actions), thread->reply_entry);
    }
  else
    {
      GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_hexpand (spacer, TRUE);
      gtk_box_append (GTK_BOX (actions), spacer);
    }

  thread->resolve_button = gtk_button_new_with_mnemonic (resolved ? _("Re_open") : _("_Resolve"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (thread->resolve_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, resolved ? _("Reopen") : _("Resolve"),
                                  -1);
  gtk_widget_set_tooltip_text (thread->resolve_button,
                               resolved ? _("Open the thread again") : _("Mark the thread as dealt with"));
  set_thread_id (thread->resolve_button, thread->id);
  g_object_set_data (G_OBJECT (thread->resolve_button), "byline-resolved", GINT_TO_POINTER (resolved));
  g_signal_connect_object (thread->resolve_button, "clicked", G_CALLBACK (on_resolve_clicked), self, 0);
  gtk_box_append (GTK_BOX (actions), thread->resolve_button);
  gtk_box_append (GTK_BOX (box), actions);

  gtk_box_append (self->threads_box, thread->card);
  g_ptr_array_add (self->threads, thread);
}

BylineNotesThread *
_byline_notes_panel_find_thread (BylineNotesPanel *self,
                                 gint64            id)
{
  for (guint i = 0; i < self->threads->len; i++)
    {
      BylineNotesThread *thread = g_ptr_array_index (self->threads, i);

      if (thread->id == id)
        return thread;
    }

  return NULL;
}

/* Keeps what is typed into the replies and where the keyboard focus was. */
void
_byline_notes_panel_rebuild_threads (BylineNotesPanel *self)
{
  g_autoptr(GHashTable) drafts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gint64 focus_thread = self->focus_thread;
  gboolean show_resolved = gtk_toggle_button_get_active (self->show_resolved_button);
  guint n_threads = 0;
  guint n_shown = 0;
  guint i = 0;

  for (guint t = 0; t < self->threads->len; t++)
    {
      BylineNotesThread *thread = g_ptr_array_index (self->threads, t);

      if (thread->reply_entry == NULL)
        continue;

      if (*gtk_editable_get_text (GTK_EDITABLE (thread->reply_entry)) != '\0')
        g_hash_table_insert (drafts, g_memdup2 (&thread->id, sizeof thread->id),
                             g_strdup (gtk_editable_get_text (GTK_EDITABLE (thread->reply_entry))));
      if (focus_thread == 0 && focus != NULL && gtk_widget_is_ancestor (focus, thread->reply_entry))
        focus_thread = thread->id;
    }

  for (guint t = 0; t < self->threads->len; t++)
    gtk_box_remove (self->threads_box, ((BylineNotesThread *) g_ptr_array_index (self->threads, t))->card);
  g_ptr_array_set_size (self->threads, 0);

  while (self->notes != NULL && i < self->notes->len)
    {
      BylineNote *first = g_ptr_array_index (self->notes, i);
      guint last = i + 1;

      while (last < self->notes->len &&
             byline_note_get_parent_id (g_ptr_array_index (self->notes, last)) != 0)
        last++;

      n_threads++;
      if (byline_note_get_resolved (first) == 0 || show_resolved)
        {
          add_thread (self, i, last);
          n_shown++;
        }
      i = last;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), n_shown == 0);
  if (n_threads == 0)
    gtk_label_set_text (self->empty_label,
                        _("No notes yet. Select words in the text to note a passage, or write a note on the whole article below."));
  else
    gtk_label_set_text (self->empty_label, _("Every thread is resolved."));

  for (guint t = 0; t < self->threads->len; t++)
    {
      BylineNotesThread *thread = g_ptr_array_index (self->threads, t);
      const char *draft = g_hash_table_lookup (drafts, &thread->id);

      if (thread->reply_entry == NULL)
        continue;

      if (draft != NULL)
        gtk_editable_set_text (GTK_EDITABLE (thread->reply_entry), draft);
      if (thread->id == focus_thread && gtk_widget_get_mapped (GTK_WIDGET (self)))
        {
          gtk_widget_grab_focus (thread->reply_entry);
          gtk_editable_set_position (GTK_EDITABLE (thread->reply_entry), -1);
        }
    }

  self->focus_thread = 0;
}

char *
_byline_notes_panel_dup_signature (BylineNotesPanel *self)
{
  GString *signature = g_string_new (NULL);

  g_string_append_printf (signature, "%d|%u|%s|",
                          gtk_toggle_button_get_active (self->show_resolved_button),
                          g_str_hash (self->stored_body != NULL ? self->stored_body : ""),
                          self->buffer != NULL ? "b" : "");

  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    {
      BylineNote *note = g_ptr_array_index (self->notes, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%d:%d:%d:%u;",
                              byline_note_get_id (note),
                              byline_note_get_start (note),
                              byline_note_get_end (note),
                              byline_note_get_resolved (note) != 0,
                              g_str_hash (byline_note_get_text (note)));
    }

  return g_string_free (signature, FALSE);
}
