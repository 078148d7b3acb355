/* byline-dates.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "February 16, 2022 at 1:10 pm", in @tz (NULL: local time). English, as the
 * published page is; the month names do not follow the desktop's locale. */
char     *byline_format_published      (gint64      unix_time,
                                        GTimeZone  *tz);
/* The date line of a page in @language (a BCP 47 tag): "16 février 2022
 * à 13 h 10", "16. Februar 2022, 13:10 Uhr", "16 فبراير 2022، 13:10";
 * English for a language Byline has no words for. See
 * byline-page-words.c. */
char     *byline_format_published_in   (gint64      unix_time,
                                        GTimeZone  *tz,
                                        const char *language);
/* "2022-02-16T13:10:00+00:00", in @tz (NULL: local time). */
char     *byline_format_iso8601        (gint64      unix_time,
                                        GTimeZone  *tz);
/* Parses a news site's date line: "March 3, 2023 at 9:05 am", "March 3, 2023
 * 9:05 AM", "3 March 2023 09:05", "Mar. 3, 2023", or ISO 8601. Leading words
 * such as "Published" or "Updated:" are skipped. A date without a time means
 * midnight. Returns FALSE when @text is not a date line. */
gboolean  byline_parse_date_line       (const char *text,
                                        GTimeZone  *tz,
                                        gint64     *unix_time);

G_END_DECLS
