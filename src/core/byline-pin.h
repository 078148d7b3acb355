/* byline-pin.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BYLINE_TYPE_PIN (byline_pin_get_type ())

G_DECLARE_FINAL_TYPE (BylinePin, byline_pin, BYLINE, PIN, GObject)

/* A "READ: <headline>" link placed after body block number @position
 * (0 = before the first block). @related_id is 0 while the pin is unresolved,
 * i.e. only a headline is known (as after importing text from a news site). */
BylinePin    *byline_pin_new                (guint        position,
                                             gint64       related_id,
                                             const char  *headline);
guint         byline_pin_get_position       (BylinePin   *self);
void          byline_pin_set_position       (BylinePin   *self,
                                             guint        position);
gint64        byline_pin_get_related_id     (BylinePin   *self);
void          byline_pin_set_related_id     (BylinePin   *self,
                                             gint64       related_id);
/* The related article's current headline when resolved, else the stored one. */
const char   *byline_pin_get_headline       (BylinePin   *self);
void          byline_pin_set_headline       (BylinePin   *self,
                                             const char  *headline);
/* The related article's page name ("12-some-slug.html"), filled in by the store
 * when the pin is resolved; NULL otherwise. */
const char   *byline_pin_get_page_name      (BylinePin   *self);
void          byline_pin_set_page_name      (BylinePin   *self,
                                             const char  *page_name);
/* Filled in by the store: the related article's status, for flagging pins to a
 * spiked article before export. */
gboolean      byline_pin_get_related_spiked (BylinePin   *self);
void          byline_pin_set_related_spiked (BylinePin   *self,
                                             gboolean     spiked);
gboolean      byline_pin_is_resolved        (BylinePin   *self);
/* Where a pin at @position reads, for a sentence (translated): "after
 * paragraph 2", "before the first paragraph". */
char         *byline_pin_dup_place          (guint        position);

G_END_DECLS
