/* byline-revision.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "byline-article.h"

G_BEGIN_DECLS

typedef enum
{
  BYLINE_REVISION_STATE,    /* the state changed */
  BYLINE_REVISION_MANUAL,   /* "Save Revision" */
  BYLINE_REVISION_AUTO,     /* while writing, every ten minutes or so */
  BYLINE_REVISION_RESTORE,  /* an older revision was restored */
} BylineRevisionReason;

#define BYLINE_N_REVISION_REASONS (BYLINE_REVISION_RESTORE + 1)

/* "state", "manual", "auto", "restore" */
const char    *byline_revision_reason_to_string (BylineRevisionReason reason);
/* Translated, for people: "State changed", "Saved", "Automatic", "Restored" */
const char    *byline_revision_reason_get_label (BylineRevisionReason reason);

#define BYLINE_TYPE_REVISION (byline_revision_get_type ())

G_DECLARE_FINAL_TYPE (BylineRevision, byline_revision, BYLINE, REVISION, GObject)

gint64                byline_revision_get_id            (BylineRevision *self);
gint64                byline_revision_get_article_id    (BylineRevision *self);
/* Unix seconds */
gint64                byline_revision_get_created       (BylineRevision *self);
const char           *byline_revision_get_author        (BylineRevision *self);
BylineStatus          byline_revision_get_status        (BylineRevision *self);
BylineRevisionReason  byline_revision_get_reason        (BylineRevision *self);
/* Words added and removed since the revision before it, over the headline,
 * standfirst, caption and body (0 and 0 for the text an article had when
 * Byline started keeping revisions). */
guint                 byline_revision_get_words_added   (BylineRevision *self);
guint                 byline_revision_get_words_removed (BylineRevision *self);
/* The article as it was: every field (id is the article's, updated is the
 * revision's time, no pins). Do not change it. (transfer none) */
BylineArticle        *byline_revision_get_article       (BylineRevision *self);

G_END_DECLS
