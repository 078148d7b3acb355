/* byline-review-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-review.h"

G_BEGIN_DECLS

/* For the store and its backends, which make revisions and notes from
 * rows. */

/* @article: (transfer full): the fields as they were */
BylineRevision       *_byline_revision_new              (gint64                article_id,
                                                         gint64                created,
                                                         const char           *author,
                                                         BylineStatus          status,
                                                         BylineRevisionReason  reason,
                                                         guint                 words_added,
                                                         guint                 words_removed,
                                                         BylineArticle        *article);
void                  _byline_revision_set_id           (BylineRevision       *self,
                                                         gint64                id);
/* Unknown text reads as BYLINE_REVISION_AUTO. */
BylineRevisionReason  _byline_revision_reason_from_string (const char         *text);

BylineNote           *_byline_note_new                  (gint64                id,
                                                         gint64                article_id,
                                                         gint64                parent_id,
                                                         const char           *author,
                                                         gint64                created,
                                                         const char           *text,
                                                         int                   start,
                                                         int                   end,
                                                         const char           *anchor_text,
                                                         gint64                resolved);

G_END_DECLS
