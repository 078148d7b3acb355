/* byline-html-paste.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* HTML copied from a web page (a browser's "text/html" on the clipboard),
 * as Markdown for an article's body: paragraphs, headings, lists, quotes,
 * links, emphasis and code. The page's chrome goes: navigation, share
 * buttons, footers, forms, scripts and the lines the plain-text importer
 * knows for a site's own (menus, "Share this article", "Related stories"
 * and what follows). Images go too, and so do links other than http(s)
 * and mailto (javascript: above all), keeping their text.
 *
 * @html need not be valid UTF-8 or valid HTML; @length may be -1 when it
 * ends with a nul. Returns: (transfer full): the Markdown, "" when nothing
 * of an article is left; never NULL. */
char *byline_html_paste_to_markdown (const char *html,
                                     gssize      length);

G_END_DECLS
