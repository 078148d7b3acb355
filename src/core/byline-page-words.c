/* byline-page-words.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-page-words"

#include "config.h"

#include <string.h>

#include "byline-language.h"
#include "byline-page-words.h"

/* Why a table here and not gettext: a page is printed in the article's
 * language, not in the desktop's, and several languages can be rendered at
 * once (an export in a worker thread while the preview renders in
 * another). gettext picks its catalogue from process-wide state (LANGUAGE,
 * LC_MESSAGES, the bound domain), so switching it per page is neither
 * thread-safe nor free of side effects on the window's own strings; and
 * loading the installed .mo files by hand would make an exported page
 * depend on which translations happen to be installed on the desk that
 * exports it. A newsroom expects the same page from every desk.
 *
 * Translators: this table is yours. Add a row for your language with the
 * words your newspapers print; the date format is a pattern so the order
 * of day, month and time is yours too. Keep rows sorted by language. */

static const BylinePageWords words[] = {
  {
    .language = "ar",
    .by = "بقلم",
    /* the spelling the importer recognises on Arabic news sites */
    .read = "اقرأ أيضاً:",
    .latest = "آخر الأخبار",
    .nothing_yet = "لم يُنشر شيء بعد.",
    .untitled = "بلا عنوان",
    /* The month names of Egypt, the Gulf and the Maghreb's press. */
    .months = { "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
                "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر" },
    /* U+060C ARABIC COMMA; Western digits, as most Arabic news sites print */
    .date_format = "{day} {month} {year}، {hour}:{minute}",
  },
  {
    .language = "de",
    .by = "Von",
    .read = "LESEN SIE AUCH:",
    .latest = "Neueste Artikel",
    .nothing_yet = "Noch ist nichts veröffentlicht.",
    .untitled = "Ohne Titel",
    .months = { "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
                "August", "September", "Oktober", "November", "Dezember" },
    .date_format = "{day}. {month} {year}, {hour}:{minute} Uhr",
  },
  {
    .language = "en",
    .by = "By",
    .read = "READ:",
    .latest = "Latest",
    .nothing_yet = "Nothing has been published yet.",
    .untitled = "Untitled",
    .months = { "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December" },
    .date_format = "{month} {day}, {year} at {hour12}:{minute} {ampm}",
    .am = "am",
    .pm = "pm",
  },
  {
    .language = "fr",
    .by = "Par",
    /* U+00A0 before the colon */
    .read = "À LIRE AUSSI :",
    .latest = "Derniers articles",
    .nothing_yet = "Rien n’a encore été publié.",
    .untitled = "Sans titre",
    .months = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                "août", "septembre", "octobre", "novembre", "décembre" },
    .first_day = "1er",
    .date_format = "{day} {month} {year} à {hour} h {minute}",
  },
};

static const BylinePageWords *
lookup (const char *language)
{
  g_autofree char *tag = byline_language_dup_tag (language);
  g_auto(GStrv) parts = NULL;

  if (tag == NULL)
    return NULL;

  parts = g_strsplit (tag, "-", 2);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (parts[0], words[i].language))
      return &words[i];

  return NULL;
}

const BylinePageWords *
byline_page_words_for (const char *language)
{
  const BylinePageWords *found = lookup (language);

  return found != NULL ? found : lookup ("en");
}

gboolean
byline_page_words_has (const char *language)
{
  return lookup (language) != NULL;
}
