/* byline-typography.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What to write instead of a straight quote (" or ') typed after @before
 * in @language (a BCP 47 tag): an opening or closing typographic quote of
 * that language (“ ” en, « » fr with narrow no-break spaces inside, „ “
 * de, ” ” ar), or ’ for an apostrophe. NULL when @typed is not a straight
 * quote. @before is the text up to where the quote goes (only its end is
 * read). (transfer none) */
const char *byline_typography_quote_for (const char *before,
                                         gunichar    typed,
                                         const char *language);

/* Whether the end of @before (Markdown up to the cursor) is inside code:
 * a code span on its last line, or a fenced or indented code block, where
 * a quote is a quote. */
gboolean    byline_typography_in_code   (const char *before);

G_END_DECLS
