/* byline-language.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "byline-article.h"
#include "byline-publication.h"

G_BEGIN_DECLS

/* @language as a well-formed BCP 47 (RFC 5646) tag in its usual case
 * ("en", "pt-BR", "zh-Hant-TW", "sr-Latn"), or NULL when it is not one. A
 * locale name such as "en_GB.UTF-8" reads as "en-GB". Only the form is
 * checked, not the IANA registry. What the page's lang, JSON-LD and ninjs
 * all write. */
char        *byline_language_dup_tag       (const char *language);

/* The language an article is written in, as a tag: @article_language when
 * it is a well-formed tag, else @publication_language, else "en". Never
 * NULL. What picks the page's lang and dir, its dates and labels, the
 * typographic quotes and the spelling dictionary. */
char        *byline_language_dup_effective (const char *article_language,
                                            const char *publication_language);

/* byline_language_dup_effective() for @article in @publication (NULL:
 * the default publication). */
char        *byline_article_dup_effective_language (BylineArticle           *article,
                                                    const BylinePublication *publication);

/* Whether text in @tag runs right to left: Arabic, Hebrew, Persian, Urdu,
 * Syriac… A script subtag decides when there is one ("az-Arab" does,
 * "ku-Latn" does not). */
gboolean     byline_language_is_rtl        (const char *tag);

/* Whether @tag is written in a script whose letters join (Arabic, Syriac,
 * N'Ko, Mongolian…): a drop cap would split the first letter off its
 * word. */
gboolean     byline_language_joins_letters (const char *tag);

/* The language @text is most likely in, judged by its script alone: "ar"
 * for Arabic letters ("fa" and "ur" when letters only those use appear),
 * "he" for Hebrew, "el", "ru", "hy", "ka", "hi", "th", "ja", "ko", "zh"…
 * NULL when most letters are Latin or there are none: the script does not
 * say which Latin-script language it is. Reads at most the first 64 KiB. */
const char  *byline_language_detect_script (const char *text);
/* The script @tag is written in when it is not Latin ("ar" and "fa":
 * Arabic), else G_UNICODE_SCRIPT_INVALID_CODE: Latin, or not known here. */
GUnicodeScript byline_language_get_script  (const char *tag);

G_END_DECLS
