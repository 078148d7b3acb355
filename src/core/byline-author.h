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
char *byline_author_dup_name (GSettings *settings);

G_END_DECLS
