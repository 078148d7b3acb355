/* byline-review-marks.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <cmark.h>

G_BEGIN_DECLS

/* Review mode's marks for the renderer: the words changed since a baseline
 * text, insertions in <ins class="review-ins">, deletions (put back where
 * they were) in <del class="review-del">, never across blocks and around
 * text only, so the page stays well formed. */

/* @text cleaned for HTML (byline_html_dup_clean()) and without the
 * characters the marks are made of, so nobody can type a mark. */
char     *byline_review_marks_dup_clean   (const char *text);
/* The same for a single-line field; NULL when nothing is left. */
char     *byline_review_marks_dup_field   (const char *text);

/* Marks in @document, parsed from @current by byline_text_parse_markdown(),
 * the changes since @baseline. Both are cleaned first
 * (byline_review_marks_dup_clean()). The marks travel through cmark's
 * HTML as private-use characters in the text nodes' literals. */
void      byline_review_marks_add_to_body (cmark_node *document,
                                           const char *current,
                                           const char *baseline);
/* Appends @html, which cmark rendered from a marked block, with the marks
 * made into elements around text only. Returns whether the block shows any
 * text that was not deleted; *@has_deleted says whether it shows deleted
 * text. */
gboolean  byline_review_marks_append_html (GString    *out,
                                           const char *html,
                                           gboolean   *has_deleted);
/* A single-line field, escaped, with the changes since @baseline marked.
 * Both are fields from byline_review_marks_dup_field(); either may be NULL. */
void      byline_review_marks_append_field (GString    *out,
                                            const char *baseline,
                                            const char *current);

G_END_DECLS
