/* byline-editor-pane-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-editor-pane.h"
#include "byline-pins-editor.h"

G_BEGIN_DECLS

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
