/* byline-find-bar.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_FIND_BAR (byline_find_bar_get_type ())

G_DECLARE_FINAL_TYPE (BylineFindBar, byline_find_bar, BYLINE, FIND_BAR, GtkWidget)

/* Find and replace in one GtkSourceView (the body): match case, whole
 * words, regular expressions, a match count, replace one or all. */
GtkWidget     *byline_find_bar_new              (void);
void           byline_find_bar_set_view         (BylineFindBar *self,
                                                 GtkSourceView *view);
void           byline_find_bar_set_search_text  (BylineFindBar *self,
                                                 const char    *text);
void           byline_find_bar_set_replace_text (BylineFindBar *self,
                                                 const char    *text);
void           byline_find_bar_set_options      (BylineFindBar *self,
                                                 gboolean       match_case,
                                                 gboolean       whole_words,
                                                 gboolean       regex);
/* FALSE hides and refuses replacing (an article another desk edits). */
void           byline_find_bar_set_editable     (BylineFindBar *self,
                                                 gboolean       editable);
void           byline_find_bar_show_replace     (BylineFindBar *self,
                                                 gboolean       show);
/* Puts the focus in the search entry with its text selected. */
void           byline_find_bar_focus            (BylineFindBar *self);
void           byline_find_bar_next             (BylineFindBar *self);
void           byline_find_bar_previous         (BylineFindBar *self);
/* Replaces the selected match (or the next one) and moves to the next. */
gboolean       byline_find_bar_replace          (BylineFindBar *self);
/* Returns: how many matches were replaced. */
guint          byline_find_bar_replace_all      (BylineFindBar *self);
/* The matches in the text, or -1 while they are counted. */
int            byline_find_bar_get_n_matches    (BylineFindBar *self);
/* What the count label says: "2 of 5", "No matches". */
const char    *byline_find_bar_get_count_text   (BylineFindBar *self);

G_END_DECLS
