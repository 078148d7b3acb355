/* byline-editor-pane-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <gtksourceview/gtksource.h>

#include "byline-editor-pane.h"
#include "byline-language-row.h"
#include "byline-find-bar.h"
#include "byline-pins-editor.h"
#include "byline-readability.h"

G_BEGIN_DECLS

/* The pane spans three files:
 *   byline-editor-pane.c         the widget: layout, scrolling, highlighting,
 *                                drops, its API
 *   byline-editor-pane-fields.c  the fields: their names, the article in them
 *                                and back, counters, the status line, the
 *                                published time and the lead image
 *   byline-editor-pane-paste.c   pasting a web page into the body */

#define DEFAULT_HEADLINE_BUDGET 70
#define DEFAULT_CAPTION_BUDGET  250

struct _BylineEditorPane
{
  GtkWidget             parent_instance;

  BylineArticle        *article;
  GtkFileChooserNative *chooser;
  /* Keeps a chosen lead picture (byline-media.h). */
  BylineStore          *store;

  guint                 headline_budget;
  guint                 caption_budget;

  guint                 stats_source;
  guint                 scroll_source;
  guint                 language_tick;
  guint                 language_source;
  gulong                dark_handler;
  GtkRoot              *root;
  gulong                focus_handler;

  /* Writing into the widgets from the article: their change handlers must not
   * write back. */
  guint                 syncing;
  /* Writing into the article from a widget: its notify must not come back. */
  guint                 pushing;
  guint                 scroll_to_cursor : 1;
  /* FALSE while another desk edits the article: every field read-only. */
  guint                 editable : 1;
  /* The next paste into the body is its plain text (Ctrl+Shift+V). */
  guint                 paste_plain : 1;
  GCancellable         *paste_cancellable;
  /* Typographic quotes of the article's language as the person types. */
  guint                 smart_punctuation : 1;

  /* Template widgets */
  GtkStack             *stack;
  GtkScrolledWindow    *scroller;
  AdwClamp             *clamp;
  GtkTextView          *headline;
  GtkTextBuffer        *headline_buffer;
  GtkLabel             *headline_placeholder;
  GtkLabel             *headline_counter;
  GtkTextView          *standfirst;
  GtkTextBuffer        *standfirst_buffer;
  GtkLabel             *standfirst_placeholder;
  AdwEntryRow          *byline;
  AdwEntryRow          *dateline;
  AdwEntryRow          *section;
  BylineLanguageRow    *language_row;
  AdwEntryRow          *tags;
  AdwEntryRow          *published;
  AdwActionRow         *image_row;
  AdwEntryRow          *image_alt;
  AdwEntryRow          *caption;
  GtkLabel             *caption_counter;
  AdwEntryRow          *credit;
  GtkSourceView        *body;
  GtkSourceBuffer      *body_buffer;
  GtkLabel             *body_placeholder;
  AdwPreferencesGroup  *details_group;
  GtkLabel             *stats_label;
  BylinePinsEditor     *pins_editor;
  GtkRevealer          *find_revealer;
  BylineFindBar        *find_bar;

  /* Writing tools (byline-editor-pane-tools.c): spell checking. */
  struct _BylineEditorPaneTools *tools;
};

/* byline-editor-pane-language.c: the article's language in the editor,
 * its text direction and its quotes. */
void       _byline_editor_pane_init_language   (BylineEditorPane *self);
/* Shows the article's language and sets the fields' direction from it. */
void       _byline_editor_pane_sync_language   (BylineEditorPane *self);
/* byline-editor-pane-tools.c: find and replace, spell checking */
void       _byline_editor_pane_class_init_tools (GtkWidgetClass   *widget_class);
void       _byline_editor_pane_init_tools      (BylineEditorPane *self);
void       _byline_editor_pane_dispose_tools   (BylineEditorPane *self);
/* The article changed (another one, or its language): check it again. */
void       _byline_editor_pane_tools_load      (BylineEditorPane *self);
void       _byline_editor_pane_tools_apply_editable (BylineEditorPane *self);
int        _byline_editor_pane_measure_headline (BylineEditorPane *self,
                                                 const char       *headline);
char      *_byline_editor_pane_format_readability (const BylineReadability *readability,
                                                   int                      headline_width);

/* byline-editor-pane-fields.c */
void       _byline_editor_pane_class_init_fields (GtkWidgetClass   *widget_class);
void       _byline_editor_pane_init_fields     (BylineEditorPane *self);
void       _byline_editor_pane_dispose_fields  (BylineEditorPane *self);
/* byline-editor-pane-paste.c */
void       _byline_editor_pane_class_init_paste (GtkWidgetClass  *widget_class);
void       _byline_editor_pane_init_paste      (BylineEditorPane *self);
void       _byline_editor_pane_dispose_paste   (BylineEditorPane *self);
/* Fills the fields from the article, or empties them without one. */
void       _byline_editor_pane_load_article    (BylineEditorPane *self);
/* The article's "notify": a change made elsewhere shows in its field. */
void       _byline_editor_pane_article_notify_cb (BylineEditorPane *self,
                                                  GParamSpec       *pspec,
                                                  BylineArticle    *article);
/* Makes every field, the lead image's buttons and the links follow
 * self->editable. */
void       _byline_editor_pane_apply_editable (BylineEditorPane *self);
/* Parses the Published field into the article, as leaving it does. */
void       _byline_editor_pane_commit_published (BylineEditorPane *self);
/* What choosing @file as @article's lead picture does (the chooser's
 * answer): keeps it in the store and sets the image to its reference, or
 * leaves the image as it was and shows why. */
gboolean   _byline_editor_pane_take_image_file (BylineEditorPane *self,
                                                BylineArticle    *article,
                                                GFile            *file);
void       _byline_editor_pane_update_headline_counter (BylineEditorPane *self);
void       _byline_editor_pane_update_caption_counter  (BylineEditorPane *self);
char      *_byline_editor_pane_dup_buffer_text (GtkTextBuffer    *buffer);

/* The editable widget whose accessible name is @accessible_name ("Headline",
 * "Body", ...), from the same table that names them; NULL for an unknown
 * name. For tests. */
GtkWidget *_byline_editor_pane_get_field    (BylineEditorPane *self,
                                             const char       *accessible_name);
/* The status line for a body: "123 words · 640 characters · 1 min read". */
char      *_byline_editor_pane_format_stats (const char       *text);
/* The "Related Links" group under the body. */
BylinePinsEditor *_byline_editor_pane_get_pins_editor (BylineEditorPane *self);
/* What dropping related article @related_id on the body character at
 * @offset does: emits "related-dropped" with the paragraph holding it. The
 * drop handler calls it once it has found the character under the pointer.
 * FALSE when no article is open. */
gboolean   _byline_editor_pane_drop_related (BylineEditorPane *self,
                                             gint64            related_id,
                                             int               offset);

G_END_DECLS
