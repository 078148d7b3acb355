/* byline-autosave.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_TYPE_AUTOSAVE (byline_autosave_get_type ())

G_DECLARE_FINAL_TYPE (BylineAutosave, byline_autosave, BYLINE, AUTOSAVE, GObject)

/* Writes the watched article to the store shortly after each change: one
 * debounced timer, the write on a worker thread so typing never waits for
 * the disk. */
BylineAutosave *byline_autosave_new         (BylineStore    *store);
BylineArticle  *byline_autosave_get_article (BylineAutosave *self);
/* Saves whatever the previous article had pending, then watches @article. */
void            byline_autosave_set_article (BylineAutosave *self,
                                             BylineArticle  *article);
guint           byline_autosave_get_delay   (BylineAutosave *self);
void            byline_autosave_set_delay   (BylineAutosave *self,
                                             guint           milliseconds);
gboolean        byline_autosave_get_dirty   (BylineAutosave *self);
/* Paused, edits are tracked but only a flush writes them. */
gboolean        byline_autosave_get_paused  (BylineAutosave *self);
void            byline_autosave_set_paused  (BylineAutosave *self,
                                             gboolean        paused);
/* Forgets pending edits kept some other way (a revision, a new article). */
void            byline_autosave_discard     (BylineAutosave *self);
/* Writes now, on this thread, if anything is pending; a write under way
 * on the worker is joined first, without running the main loop. For a
 * close, a quit or a switch that cannot go on before the text is safe. */
gboolean        byline_autosave_flush       (BylineAutosave *self,
                                             GError        **error);
/* The same without blocking: chained after a write under way. */
void            byline_autosave_flush_async (BylineAutosave      *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean        byline_autosave_flush_finish (BylineAutosave *self,
                                              GAsyncResult   *result,
                                              GError        **error);

G_END_DECLS
