/* byline-language-row.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_LANGUAGE_ROW (byline_language_row_get_type ())

G_DECLARE_FINAL_TYPE (BylineLanguageRow, byline_language_row, BYLINE, LANGUAGE_ROW, AdwComboRow)

GtkWidget  *byline_language_row_new          (void);
/* The chosen language as a BCP 47 tag, or "" for none. */
const char *byline_language_row_get_language (BylineLanguageRow *self);
/* Shows @language; a tag not in the list gets a choice of its own. */
void        byline_language_row_set_language (BylineLanguageRow *self,
                                              const char        *language);

G_END_DECLS
