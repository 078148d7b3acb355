/* byline-html.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Text and URLs made safe for the published HTML: what the renderer, its
 * review marks and its metadata all escape and check the same way. */

/* Valid UTF-8 without the characters HTML forbids (controls other than
 * tab and line ends, noncharacters); never NULL. */
char     *byline_html_dup_clean        (const char *text);
/* A single-line field, cleaned and trimmed; NULL when nothing is left. */
char     *byline_html_dup_field        (const char *text);
/* Escapes @text for element content and for quoted attribute values. */
void      byline_html_append_escaped   (GString    *out,
                                        const char *text);

/* The scheme of @url in lower case as a browser reads it, or NULL for a
 * relative URL. */
char     *byline_html_dup_url_scheme   (const char *url);
gboolean  byline_html_url_is_http      (const char *url);
/* @url percent-encoded where HTML needs it; NULL for a scheme other than
 * http, https, mailto and file (javascript: above all), or a host no
 * browser could reach. */
char     *byline_html_dup_safe_url     (const char *url);

G_END_DECLS
