/* byline-language.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @language as a well-formed BCP 47 (RFC 5646) tag in its usual case
 * ("en", "pt-BR", "zh-Hant-TW", "sr-Latn"), or NULL when it is not one. A
 * locale name such as "en_GB.UTF-8" reads as "en-GB". Only the form is
 * checked, not the IANA registry. What the page's lang, JSON-LD and ninjs
 * all write. */
char *byline_language_dup_tag (const char *language);

G_END_DECLS
