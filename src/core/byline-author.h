/* byline-author.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The name Byline records on revisions, changes of state and notes: the
 * "author-name" setting (Preferences ▸ Your Name), else the account's real
 * name, else its login name. Never empty. @settings may be NULL. */
char  *byline_author_dup_name     (GSettings  *settings);

/* The people an article's byline names, in order: "By Ana García and Tom
 * Ellis" gives "Ana García" and "Tom Ellis"; "A, B and C" (or "A, B & C")
 * three names. Without "and" or "&", what follows a comma is a title or an
 * employer ("Sam Holt, BBC News"), not a second person. Empty when the
 * byline names no one. (transfer full) */
GStrv  byline_author_split_byline (const char *byline);

G_END_DECLS
