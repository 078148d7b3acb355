/* byline-exporter.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "byline-article.h"
#include "byline-publication.h"
#include "byline-store.h"

G_BEGIN_DECLS

#define BYLINE_EXPORT_ERROR (byline_export_error_quark ())

typedef enum
{
  BYLINE_EXPORT_ERROR_WRITE,
  BYLINE_EXPORT_ERROR_IMAGE,
  BYLINE_EXPORT_ERROR_NOTHING,
  BYLINE_EXPORT_ERROR_CLASH,        /* a file Byline did not write is in the way */
  BYLINE_EXPORT_ERROR_UNSAFE_NAME,  /* a name that would leave the export folder */
} BylineExportError;

GQuark byline_export_error_quark (void);

/* Called after each page written: @done of @total. */
typedef void (*BylineExportProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);

typedef enum
{
  BYLINE_EXPORT_FORMAT_HTML,
  BYLINE_EXPORT_FORMAT_NINJS,
} BylineExportFormat;

/* What goes out: a copy of @article without the READ: links that must not
 * be published, those to an article that is not published (a draft, one in
 * review, approved, spiked, in the Trash or deleted) or to none in the
 * archive. @notes (nullable, element-type utf8) gets a line for each link
 * left out. (transfer full) */
BylineArticle *byline_export_dup_publishable (BylineStore              *store,
                                              BylineArticle            *article,
                                              GPtrArray                *notes,
                                              GError                  **error);

/* One article, as the person exporting it would want it: READ: links only
 * to published articles (the others are left out and listed in @notes), the
 * ninjs version counted from the store's revisions. @output is replaced
 * atomically. */
gboolean  byline_export_article      (BylineStore              *store,
                                      BylineArticle            *article,
                                      const BylinePublication  *publication,
                                      BylineExportFormat        format,
                                      GFile                    *output,
                                      GTimeZone                *tz,
                                      GPtrArray                *notes,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* The article's standalone published page at @output. Its lead picture, when
 * @store keeps it (byline-media.h), is written into "images/" beside @output. The file is replaced
 * atomically, so a failure leaves no half-written page. READ: links that
 * lead nowhere (unresolved, spiked) are left out; without a store this
 * cannot know which related articles are published: prefer
 * byline_export_article(). */
gboolean  byline_export_article_html (BylineStore              *store,
                                      BylineArticle            *article,
                                      const BylinePublication  *publication,
                                      GFile                    *output,
                                      GTimeZone                *tz,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* IPTC ninjs 2.1 JSON for @article (see byline-ninjs.h), without a
 * version: byline_export_article() counts it. */
char     *byline_export_ninjs        (BylineArticle            *article,
                                      const BylinePublication  *publication,
                                      GTimeZone                *tz);
gboolean  byline_export_article_ninjs (BylineArticle           *article,
                                      const BylinePublication  *publication,
                                      GFile                    *output,
                                      GTimeZone                *tz,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* The whole publication into folder @dir (created if needed): index.html
 * listing the published articles newest first, one page per article, images
 * in "images/". Links between pages are relative. The folder's manifest
 * (byline-export-writer.h) says which files Byline wrote: pages of articles
 * no longer published are removed, and nothing else is replaced. */
gboolean  byline_export_publication  (BylineStore              *store,
                                      const BylinePublication  *publication,
                                      GFile                    *dir,
                                      GTimeZone                *tz,
                                      BylineExportProgress      progress,
                                      gpointer                  user_data,
                                      GCancellable             *cancellable,
                                      GError                  **error);
/* The same; @notes (nullable, element-type utf8) gets a line for each READ:
 * link left out and each file kept because it was changed. */
gboolean  byline_export_publication_full (BylineStore          *store,
                                      const BylinePublication  *publication,
                                      GFile                    *dir,
                                      GTimeZone                *tz,
                                      BylineExportProgress      progress,
                                      gpointer                  user_data,
                                      GPtrArray                *notes,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* --- Before an HTML export: READ: links that will not be links ---------- */

typedef enum
{
  BYLINE_PIN_PROBLEM_UNRESOLVED,  /* no stored article has the pin's headline */
  BYLINE_PIN_PROBLEM_SPIKED,      /* its article was spiked, trashed or deleted */
} BylinePinProblemKind;

typedef struct
{
  BylinePinProblemKind  kind;
  gint64                article_id;        /* the article holding the pin */
  char                 *article_headline;  /* as lists show it */
  char                 *pin_headline;
  guint                 position;
} BylinePinProblem;

void       byline_pin_problem_free        (BylinePinProblem       *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePinProblem, byline_pin_problem_free)
/* One line for the warning, translated: "“Old pier”: the article was
 * spiked or deleted"; with @name_article, "“Old pier” in “Harbour festival
 * returns”: …". */
char      *byline_pin_problem_dup_message (const BylinePinProblem *problem,
                                           gboolean                name_article);

/* The READ: links of @article that its page would show as plain text, in
 * reading order. With @store, the pins as stored, where the related
 * articles' states are current (save pending edits first); without one, or
 * for an article not stored, its pins as they are in memory.
 * (element-type BylinePinProblem) (transfer full) */
GPtrArray *byline_export_check_pins       (BylineStore            *store,
                                           BylineArticle          *article);
/* The same over every page byline_export_publication() writes, article by
 * article. NULL on error.
 * (element-type BylinePinProblem) (transfer full) */
GPtrArray *byline_export_check_publication_pins (BylineStore      *store,
                                                 GError          **error);

G_END_DECLS
