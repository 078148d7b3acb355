/* byline-ninjs.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article.h"
#include "byline-publication.h"
#include "byline-store.h"

G_BEGIN_DECLS

/* IPTC ninjs 2.1 (News in JSON): the version written, as its "standard"
 * object declares it, and the schema that version publishes. */
#define BYLINE_NINJS_STANDARD_VERSION "2.1"
#define BYLINE_NINJS_SCHEMA_URI       "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"

/* @article as a ninjs 2.1 document. "uri" is "urn:uuid:" and the article's
 * uuid, which neither headline edits nor the publication's address change;
 * "version" is @version (left out when 0, see byline_ninjs_count_version()).
 * The body holds the article's READ: links as they are: remove those that
 * must not go out first (byline_export_dup_publishable()). A picture is
 * described only by an http(s) address: a local file is named by its place
 * under the publication's web address, or not at all. (transfer full) */
char  *byline_ninjs_build         (BylineArticle            *article,
                                   const BylinePublication  *publication,
                                   guint                     version);

/* The version of @article's ninjs document: twice the number of revisions
 * the store keeps of it, plus one when it was saved after the newest (or
 * has none). It grows with each revision and with the edits saved between
 * them, and never goes back. 0 on error, or for an article never saved. */
guint  byline_ninjs_count_version (BylineStore              *store,
                                   BylineArticle            *article,
                                   GError                  **error);

G_END_DECLS
