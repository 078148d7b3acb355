/* byline-outbox.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"

G_BEGIN_DECLS

/* Saves a desk could not send to its newsroom server (the network went
 * away), kept in a file on this computer until they can be: one entry per
 * article, its newest text, and the version it was edited from, so that
 * sending it later still goes through the server's version check. The
 * file survives a crash or a kill; the next start sends what it holds. */

#define BYLINE_TYPE_OUTBOX (byline_outbox_get_type ())

G_DECLARE_FINAL_TYPE (BylineOutbox, byline_outbox, BYLINE, OUTBOX, GObject)

/* $XDG_DATA_HOME/byline/outbox.db */
char         *byline_outbox_dup_default_path (void);
/* Opens (creating) the outbox at @path; NULL for the default. */
BylineOutbox *byline_outbox_new              (const char    *path,
                                              GError       **error);
/* Keeps @article's text for @newsroom (its address). A newer text of the
 * same article replaces the older one, keeping the version the first was
 * edited from. */
gboolean      byline_outbox_push             (BylineOutbox  *self,
                                              const char    *newsroom,
                                              BylineArticle *article,
                                              GError       **error);
/* What waits for @newsroom, oldest first: articles whose version is the
 * one they were edited from. (element-type BylineArticle) */
GPtrArray    *byline_outbox_list             (BylineOutbox  *self,
                                              const char    *newsroom,
                                              GError       **error);
/* Forgets @article (by its uuid) once it is sent. */
gboolean      byline_outbox_remove           (BylineOutbox  *self,
                                              const char    *newsroom,
                                              BylineArticle *article,
                                              GError       **error);
guint         byline_outbox_count            (BylineOutbox  *self,
                                              const char    *newsroom);

G_END_DECLS
