/* byline-window-workflow.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The workflow state in the window: the badge in the header bar with the
 * steps allowed from here, and the confirmations some steps ask for. The
 * rules are byline-workflow.h's; the store records who took each step. */

#define G_LOG_DOMAIN "byline-window"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-confirm.h"
#include "byline-dates.h"
#include "byline-pin.h"
#include "byline-review.h"
#include "byline-window-private.h"
#include "byline-workflow.h"

gboolean
_byline_window_save_for_revision (BylineWindow  *self,
                                  GError       **error)
{
  gboolean saved;

  byline_auto_revision_hold (self->auto_revision);
  saved = byline_window_save_now (self, error);
  byline_auto_revision_release (self->auto_revision);

  return saved;
}

/* What the state menu calls the step from @from to @to. */
static const char *
transition_label (BylineStatus from,
                  BylineStatus to)
{
  if (from == BYLINE_STATUS_SPIKED)
    return _("Restore from Spike");

  switch (to)
    {
    case BYLINE_STATUS_DRAFT:
      return _("Send Back to Draft");
    case BYLINE_STATUS_IN_REVIEW:
      return from == BYLINE_STATUS_DRAFT ? _("Send to Review") : _("Reopen for Review");
    case BYLINE_STATUS_APPROVED:
      return from == BYLINE_STATUS_PUBLISHED ? _("Unpublish") : _("Approve");
    case BYLINE_STATUS_PUBLISHED:
      return _("Publish…");
    case BYLINE_STATUS_SPIKED:
      return _("Spike…");
    default:
      g_return_val_if_reached ("");
    }
}

/* What the toast says once the step is taken. */
static char *
dup_transition_done (BylineStatus from,
                     BylineStatus to)
{
  if (from == BYLINE_STATUS_SPIKED)
    /* Translators: "Restored to In Review" */
    return g_strdup_printf (_("Restored to %s"), byline_status_get_label (to));

  switch (to)
    {
    case BYLINE_STATUS_DRAFT:
      return g_strdup (_("Sent back to draft"));
    case BYLINE_STATUS_IN_REVIEW:
      return g_strdup (from == BYLINE_STATUS_DRAFT ? _("Sent to review") : _("Reopened for review"));
    case BYLINE_STATUS_APPROVED:
      return g_strdup (from == BYLINE_STATUS_PUBLISHED ? _("Unpublished") : _("Approved"));
    case BYLINE_STATUS_PUBLISHED:
      /* Translators: a toast: the article was just published (not the state’s name) */
      return g_strdup (_("Published"));
    case BYLINE_STATUS_SPIKED:
      return g_strdup (_("Spiked"));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* The state as a badge in the header bar; its menu offers the steps the
 * workflow allows from here, and nothing else. */
void
_byline_window_update_status_button (BylineWindow *self)
{
  static const char * const state_classes[] = { "draft", "in-review", "approved", "published", "spiked" };
  g_autofree char *accessible = NULL;
  BylineStatus status, spiked_from = BYLINE_STATUS_DRAFT;
  const BylineStatus *next;
  g_autoptr(GMenu) steps = NULL;
  g_autoptr(GMenu) spike = NULL;
  guint n_next = 0;
  gboolean editor;

  gtk_widget_set_visible (GTK_WIDGET (self->status_button), self->article != NULL);
  g_menu_remove_all (self->status_menu);
  if (self->article == NULL)
    return;

  status = byline_article_get_status (self->article);
  if (status == BYLINE_STATUS_SPIKED && byline_article_get_id (self->article) > 0)
    spiked_from = byline_store_get_spiked_from (self->store, byline_article_get_id (self->article), NULL);

  gtk_menu_button_set_label (self->status_button, byline_status_get_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_button), state_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_button), byline_status_to_string (status));

  /* Translators: the accessible name of the state button, "Workflow state: In Review" */
  accessible = g_strdup_printf (_("Workflow state: %s"), byline_status_get_label (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  /* Spiking kills the story: keep it apart from the everyday steps. */
  steps = g_menu_new ();
  spike = g_menu_new ();
  next = byline_workflow_next_states (status, spiked_from, &n_next);
  editor = byline_store_is_editor (self->store);
  for (guint i = 0; i < n_next; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      /* Offer only what the person's role allows: a reporter's server
       * would refuse the rest. */
      if (!editor && byline_workflow_needs_editor (status, next[i]))
        continue;

      item = g_menu_item_new (transition_label (status, next[i]), NULL);

      g_menu_item_set_action_and_target_value (item, "win.set-status",
                                               g_variant_new_string (byline_status_to_string (next[i])));
      g_menu_append_item (next[i] == BYLINE_STATUS_SPIKED ? spike : steps, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (steps)) > 0)
    g_menu_append_section (self->status_menu, NULL, G_MENU_MODEL (steps));
  if (g_menu_model_get_n_items (G_MENU_MODEL (spike)) > 0)
    g_menu_append_section (self->status_menu, NULL, G_MENU_MODEL (spike));
}

/* After a change of state, brings what the store wrote (the state, the
 * published time, when it was updated) into the open article. Only those
 * change: reloading the article whole would rebuild the editor and lose
 * its cursor, scroll position and undo history for nothing. */
static gboolean
reload_state (BylineWindow  *self,
              GError       **error)
{
  g_autoptr(BylineArticle) stored = NULL;

  g_assert (self->article != NULL);

  stored = byline_store_load_article (self->store, byline_article_get_id (self->article), error);
  if (stored == NULL)
    return FALSE;

  /* These are not edits: autosave must not write them back. */
  byline_autosave_set_article (self->autosave, NULL);
  g_object_freeze_notify (G_OBJECT (self->article));
  byline_article_set_status (self->article, byline_article_get_status (stored));
  byline_article_set_published (self->article, byline_article_get_published (stored));
  byline_article_set_updated (self->article, byline_article_get_updated (stored));
  byline_article_set_slug (self->article, byline_article_get_slug (stored));
  byline_article_set_version (self->article, byline_article_get_version (stored));
  byline_article_set_updated_by (self->article, byline_article_get_updated_by (stored));
  g_object_thaw_notify (G_OBJECT (self->article));
  byline_autosave_set_article (self->autosave, self->article);

  return TRUE;
}

/* Moves the open article to @to, recording who did it; @published (Unix
 * seconds, 0 to keep the article's or use now) is the published time when
 * @to is Published. What the confirmations lead to, and what the tests
 * call since clicking through dialogs is unreliable there. */
gboolean
_byline_window_apply_status (BylineWindow *self,
                             BylineStatus  to,
                             gint64        published)
{
  g_autoptr(BylineArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *title = NULL;
  BylineStatus from;

  g_return_val_if_fail (BYLINE_IS_WINDOW (self), FALSE);

  if (self->article == NULL)
    return FALSE;

  if (!_byline_window_save_for_revision (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return FALSE;
    }

  /* The store updates the article it is given: give it a copy, so a refused
   * step leaves nothing half changed in the editor. */
  from = byline_article_get_status (self->article);
  copy = byline_article_copy (self->article);
  if (to == BYLINE_STATUS_PUBLISHED && published > 0)
    byline_article_set_published (copy, published);

  author = byline_window_dup_author (self);
  if (!byline_store_set_status (self->store, copy, to, author, &error) ||
      !reload_state (self, &error))
    {
      _byline_window_show_error (self, error);
      return FALSE;
    }

  title = dup_transition_done (from, to);
  if (to == BYLINE_STATUS_SPIKED)
    _byline_window_show_toast (self, title, _("_Undo"), "win.set-status",
                               g_variant_new_string (byline_status_to_string (from)));
  else
    _byline_window_show_toast (self, title, NULL, NULL, NULL);

  return TRUE;
}

static void
spike_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BylineWindow     *self)
{
  if (g_strcmp0 (response, "spike") == 0)
    _byline_window_apply_status (self, BYLINE_STATUS_SPIKED, 0);
}

static void
confirm_spike (BylineWindow *self)
{
  GtkWidget *dialog;

  dialog = byline_confirm_dialog_new (GTK_WINDOW (self), _("Spike this article?"),
                                     _("It will leave the list of live work and will not be published. "
                                       "You can restore it later."),
                                     "spike", _("_Spike"), ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (spike_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
published_time_changed_cb (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  gint64 when = 0;
  gboolean valid = byline_parse_date_line (gtk_editable_get_text (entry), NULL, &when) && when > 0;

  adw_message_dialog_set_response_enabled (dialog, "publish", valid);
  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
publish_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     BylineWindow     *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "published-entry");
  gint64 when = 0;

  if (g_strcmp0 (response, "publish") != 0)
    return;

  if (!byline_parse_date_line (gtk_editable_get_text (entry), NULL, &when) || when <= 0)
    {
      _byline_window_show_toast (self, _("Not published: the published time is not a date. "
                                         "Write it like “March 3, 2023 at 9:05 am”."),
                                 NULL, NULL, NULL);
      return;
    }

  _byline_window_apply_status (self, BYLINE_STATUS_PUBLISHED, when);
}

/* Publishing asks when: now, or the time an unpublished article first
 * went out, either of which the editor may change. */
static void
ask_published_time (BylineWindow *self)
{
  gint64 published = byline_article_get_published (self->article);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *entry;
  GtkWidget *hint;

  if (published <= 0)
    published = g_get_real_time () / G_USEC_PER_SEC;
  text = byline_format_published (published, NULL);

  dialog = byline_confirm_dialog_new (GTK_WINDOW (self), _("Publish this article?"),
                                     _("It goes out with the publication’s next export, "
                                       "dated with this published time."),
                                     "publish", _("_Publish"), ADW_RESPONSE_SUGGESTED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Published time"),
                                  -1);
  hint = gtk_label_new (_("Such as “March 3, 2023 at 9:05 am”"));
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_object_set_data (G_OBJECT (dialog), "published-entry", entry);
  g_signal_connect_object (entry, "changed", G_CALLBACK (published_time_changed_cb), dialog, 0);
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- Publishing with READ: links to pages that are not out ---------------- */

static void
unpublished_links_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               BylineWindow     *self)
{
  GPtrArray *links = g_object_get_data (G_OBJECT (dialog), "links");
  GListModel *pins;

  if (g_strcmp0 (response, "remove") != 0 || self->article == NULL)
    return;

  /* Only the links named: the rest of the article, and its text, stay as
   * they are. Resolved links by their article, the others by headline. */
  pins = byline_article_get_pins (self->article);
  for (guint i = g_list_model_get_n_items (pins); i > 0; i--)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i - 1);

      for (guint j = 0; j < links->len; j++)
        {
          const BylineUnpublishedLink *link = g_ptr_array_index (links, j);

          if (byline_pin_get_related_id (pin) == link->related_id &&
              (link->related_id != 0 || g_strcmp0 (byline_pin_get_headline (pin), link->headline) == 0))
            {
              byline_article_remove_pin (self->article, i - 1);
              break;
            }
        }
    }

  _byline_window_apply_status (self, BYLINE_STATUS_PUBLISHED, 0);
}

/* Publishing refuses READ: links to pages that are not out: say which, and
 * offer to publish without them. FALSE when there are none to ask about. */
static gboolean
confirm_unpublished_links (BylineWindow *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = NULL;
  GtkWidget *dialog;

  links = byline_store_list_unpublished_links (self->store, byline_article_get_id (self->article), &error);
  if (links == NULL)
    {
      _byline_window_show_error (self, error);
      return TRUE;
    }
  if (links->len == 0)
    return FALSE;

  body = g_string_new (g_dngettext (GETTEXT_PACKAGE,
                                    "This READ: link leads to a page that is not published:",
                                    "These READ: links lead to pages that are not published:",
                                    links->len));
  for (guint i = 0; i < links->len; i++)
    {
      g_autofree char *label = byline_unpublished_link_dup_label (g_ptr_array_index (links, i));

      g_string_append_printf (body, "\n• %s", label);
    }
  g_string_append_printf (body, "\n\n%s",
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Publish that article first, or publish this one without the link.",
                                       "Publish those articles first, or publish this one without the links.",
                                       links->len));

  dialog = byline_confirm_dialog_new (GTK_WINDOW (self),
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "A READ: Link Leads to an Unpublished Page",
                                                   "READ: Links Lead to Unpublished Pages",
                                                   links->len),
                                      body->str, "remove",
                                      g_dngettext (GETTEXT_PACKAGE,
                                                   "_Remove Link and Publish",
                                                   "_Remove Links and Publish",
                                                   links->len),
                                      ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "links", g_steal_pointer (&links),
                          (GDestroyNotify)g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (unpublished_links_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* Checks the step against the workflow, then takes it, after asking when
 * it spikes or publishes. */
void
_byline_window_request_status (BylineWindow *self,
                               const char   *word)
{
  g_autoptr(GError) error = NULL;
  BylineStatus from, to, spiked_from = BYLINE_STATUS_DRAFT;

  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  if (!byline_status_from_string (word, &to))
    {
      g_autofree char *title = g_strdup_printf (_("“%s” is not a workflow state"), word);

      _byline_window_show_toast (self, title, NULL, NULL, NULL);
      return;
    }

  /* The words typed so far go with the change of state. */
  if (!_byline_window_save_for_revision (self, &error))
    {
      _byline_window_show_save_error (self, error);
      return;
    }

  from = byline_article_get_status (self->article);
  if (from == BYLINE_STATUS_SPIKED)
    spiked_from = byline_store_get_spiked_from (self->store, byline_article_get_id (self->article), NULL);
  if (!byline_workflow_check (from, spiked_from, to, &error))
    {
      _byline_window_show_error (self, error);
      return;
    }

  if (to == BYLINE_STATUS_SPIKED)
    confirm_spike (self);
  else if (to == BYLINE_STATUS_PUBLISHED ||
           (to == BYLINE_STATUS_APPROVED && from != BYLINE_STATUS_PUBLISHED))
    _byline_window_check_before_step (self, to);
  else
    _byline_window_apply_status (self, to, 0);
}

/* After the pre-publish check (byline-window-tools.c) found nothing, or
 * was told to go ahead. */
void
_byline_window_take_checked_step (BylineWindow *self,
                                  BylineStatus  to)
{
  g_return_if_fail (BYLINE_IS_WINDOW (self));

  if (self->article == NULL)
    return;

  if (to == BYLINE_STATUS_PUBLISHED)
    {
      if (!confirm_unpublished_links (self))
        ask_published_time (self);
    }
  else
    _byline_window_apply_status (self, to, 0);
}

GtkMenuButton *
_byline_window_get_status_button (BylineWindow *self)
{
  g_return_val_if_fail (BYLINE_IS_WINDOW (self), NULL);
  return self->status_button;
}

void
_byline_window_setup_workflow (BylineWindow *self)
{
  self->status_menu = g_menu_new ();
  gtk_menu_button_set_menu_model (self->status_button, G_MENU_MODEL (self->status_menu));
}

void
_byline_window_dispose_workflow (BylineWindow *self)
{
  g_clear_object (&self->status_menu);
}
