/* byline-store-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-pin.h"
#include "byline-store.h"
#include "byline-store-backend.h"

G_BEGIN_DECLS

/* For the store's own files (workflow, revisions, notes, related
 * articles), which share its backend and its rules. */

BylineStoreBackend *_byline_store_get_backend  (BylineStore   *self);
/* Emits "changed::@what" on the store's own thread; call outside any
 * transaction. */
void                _byline_store_note_query   (BylineStore   *self,
                                                const GError  *error);
void                _byline_store_emit_changed (BylineStore   *self,
                                                gint64         id,
                                                const char    *what);
gint64              _byline_store_now          (void);
/* Ends a transaction begun on the backend: commits if *@local_error is
 * unset, else rolls back; then moves *@local_error into @error. */
gboolean            _byline_store_finish       (BylineStore   *self,
                                                const char    *doing,
                                                GError       **local_error,
                                                GError       **error);

/* byline-store-revisions.c, for the workflow: a revision of @article as
 * it is, in state @status, its words counted from @previous (NULL: from
 * nothing); not stored yet. */
BylineRevision     *_byline_store_new_revision (BylineArticle        *article,
                                                BylineStatus          status,
                                                const char           *author,
                                                BylineRevisionReason  reason,
                                                gint64                created,
                                                BylineRevision       *previous);
/* The same, stored (inside a transaction). */
BylineRevision     *_byline_store_add_revision (BylineStore          *self,
                                                BylineArticle        *article,
                                                BylineStatus          status,
                                                const char           *author,
                                                BylineRevisionReason  reason,
                                                gint64                created,
                                                BylineRevision       *previous,
                                                GError              **error);
void                _byline_store_set_not_found (GError      **error,
                                                gint64         article_id);
/* Refuses text that is not valid UTF-8; @what names it ("name"). */
gboolean            _byline_store_check_text   (const char    *text,
                                                const char    *what,
                                                GError       **error);
/* The slug an article is saved with: it follows the headline until the
 * article is first published, then its address must not change, even
 * once it is unpublished. */
gboolean            _byline_store_dup_slug     (BylineStore   *self,
                                                BylineArticle *article,
                                                char         **slug,
                                                GError       **error);

/* A pin as loaded: linked to @related_id (0: unresolved) whose slug,
 * state and trashed time are given; for the backends. */
BylinePin          *_byline_store_pin_from_row (guint          position,
                                                gint64         related_id,
                                                const char    *headline,
                                                const char    *related_slug,
                                                BylineStatus   related_status,
                                                gboolean       related_trashed);

/* Calls @func as each query starts, on the thread that runs it; NULL
 * stops. For tests and benchmarks that count queries. */
void                _byline_store_set_trace    (BylineStore          *self,
                                                BylineStoreTraceFunc  func,
                                                gpointer              user_data);

/* Edit locks: this process's desk name, and whether a desk's process
 * has gone from this computer (byline-store.c). */
char     *_byline_store_make_desk    (void);
gboolean  _byline_store_desk_is_gone (const char *desk);

G_END_DECLS
