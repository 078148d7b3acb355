/* byline-article-summary-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article-summary.h"

G_BEGIN_DECLS

/* Store backends fill a summary in from a row, then hand it out. */
struct _BylineArticleSummary
{
  GObject       parent_instance;

  gint64        id;
  char         *uuid;
  char         *slug;
  char         *headline;
  char         *standfirst;
  char         *section;
  char        **tags;
  BylineStatus  status;
  gint64        created;
  gint64        updated;
  gint64        published;
  gint64        trashed;
  guint         open_notes;
  /* Who holds its edit lock now ("" when nobody), and from which desk. */
  char         *editor_name;
  char         *editor_desk;
};

BylineArticleSummary *_byline_article_summary_new             (void);
/* "budget, politics" as stored. */
void                  _byline_article_summary_set_tags_string (BylineArticleSummary *self,
                                                               const char           *tags);

G_END_DECLS
