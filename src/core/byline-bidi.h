/* byline-bidi.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BYLINE_DIRECTION_NEUTRAL,
  BYLINE_DIRECTION_LTR,
  BYLINE_DIRECTION_RTL,
} BylineDirection;

/* The strong direction of @c: RTL for the letters of right-to-left
 * scripts, LTR for other letters, NEUTRAL for digits, spaces and marks. */
BylineDirection byline_bidi_char_direction  (gunichar    c);

/* The direction of most of the strong letters in @html's text (tags are
 * skipped, entities are neutral), and in @first_strong (nullable) the
 * direction of the first: what dir="auto" would pick. */
BylineDirection byline_bidi_html_direction  (const char      *html,
                                             BylineDirection *first_strong);

/* Appends @html with each run of text in the other direction from @base
 * wrapped in <bdi>, so the run keeps its own order and its neighbouring
 * punctuation stays where the sentence puts it. Tags are copied as they
 * are; a run never spans a tag. */
void            byline_bidi_append_isolated (GString         *out,
                                             const char      *html,
                                             BylineDirection  base);

G_END_DECLS
