/* byline-related.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* The articles most related to @article, best first: never @article itself,
 * never spiked or trashed ones. @article may be unsaved (id 0) or hold
 * unsaved edits: its text as it is now is what counts. Summaries, as
 * byline_store_list_articles() gives. (element-type BylineArticleSummary) */
GPtrArray *byline_store_list_related        (BylineStore          *self,
                                             BylineArticle        *article,
                                             guint                 limit,
                                             GError              **error);
/* The same in a worker thread, on a copy of @article taken now, so it can be
 * called while the journalist types. */
void       byline_store_list_related_async  (BylineStore          *self,
                                             BylineArticle        *article,
                                             guint                 limit,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray *byline_store_list_related_finish (BylineStore          *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
