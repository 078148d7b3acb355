/* byline-auto-revision.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-autosave.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_AUTO_REVISION (byline_auto_revision_get_type ())

G_DECLARE_FINAL_TYPE (BylineAutoRevision, byline_auto_revision, BYLINE, AUTO_REVISION, GObject)

/* Keeps automatic revisions while someone writes: after each write of
 * @autosave, a worker asks the store whether this text is worth keeping
 * (byline_store_maybe_auto_revision(): the newest revision is more than ten
 * minutes old and the text changed since). One check runs at a time; a
 * write made meanwhile is not checked, the next one is. */
BylineAutoRevision *byline_auto_revision_new        (BylineAutosave     *autosave);
BylineAutosave     *byline_auto_revision_get_autosave (BylineAutoRevision *self);
/* Who the revisions are recorded as by; nothing is kept while unset. */
const char         *byline_auto_revision_get_author (BylineAutoRevision *self);
void                byline_auto_revision_set_author (BylineAutoRevision *self,
                                                     const char         *author);
/* Between these, writes keep no automatic revision: for the save ahead of
 * a step that stores a revision of its own (a change of state, Save
 * Revision, a restore). Holds nest. */
void                byline_auto_revision_hold       (BylineAutoRevision *self);
void                byline_auto_revision_release    (BylineAutoRevision *self);
/* Whether a check is under way on the worker. */
gboolean            byline_auto_revision_get_busy   (BylineAutoRevision *self);

G_END_DECLS
