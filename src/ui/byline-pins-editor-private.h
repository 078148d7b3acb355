/* byline-pins-editor-private.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "byline-article-summary.h"
#include "byline-pin.h"
#include "byline-pins-editor.h"

G_BEGIN_DECLS

/* The pins editor spans two files:
 *   byline-pins-editor.c          the list of READ: lines, their places, moves
 *   byline-pins-editor-chooser.c  choosing the article for an unresolved one */

typedef enum
{
  BYLINE_PIN_CHANGE_POSITION,
  BYLINE_PIN_CHANGE_RESOLVE,
} BylinePinChangeKind;

/* A change asked for from inside a row (its drop-down or its chooser), made
 * from an idle: making it rebuilds the row, which must not happen while the
 * row's own widgets are still handling the click. */
typedef struct
{
  BylinePinChangeKind   kind;
  BylinePin            *pin;
  guint                 position;
  BylineArticleSummary *related;
} BylinePinChange;

struct _BylinePinsEditor
{
  GtkWidget      parent_instance;

  BylineArticle *article;
  BylineStore   *store;
  GListModel    *pins;

  /* One item per position a pin can take: "" for "before the first
   * paragraph", then the first words of each paragraph. */
  GtkStringList *blocks;
  guint          blocks_source;

  GPtrArray     *changes;
  guint          changes_source;

  /* Writing into the rows' drop-downs: their handlers must not move pins. */
  guint          syncing;

  /* Template widgets */
  GtkWidget     *box;
  GtkListBox    *list_box;
  GtkWidget     *empty_label;
};

/* One row's widgets; lives as long as the row. */
typedef struct
{
  BylinePinsEditor *self;     /* not owned: the editor outlives its rows */
  BylinePin        *pin;
  GtkWidget        *row;      /* not owned */
  GtkWidget        *warning;
  GtkWidget        *headline;
  GtkWidget        *position;
  GtkWidget        *choose;
  GtkWidget        *search;
  GtkWidget        *results;
  GtkWidget        *no_results;
  GtkWidget        *up;
  GtkWidget        *down;
  GtkWidget        *remove;
} BylinePinRow;

/* byline-pins-editor.c */
/* Makes the change from an idle (see BylinePinChange); @related is for a
 * resolve. */
void       _byline_pins_editor_queue_change (BylinePinsEditor     *self,
                                             BylinePinChangeKind   kind,
                                             BylinePin            *pin,
                                             guint                 position,
                                             BylineArticleSummary *related);
/* The name a screen reader gives @widget. */
void       _byline_pins_editor_set_label    (GtkWidget            *widget,
                                             const char           *label);

/* byline-pins-editor-chooser.c */
/* The "Choose Article…" button of @row, with its search popover. */
GtkWidget *_byline_pins_editor_chooser_new  (BylinePinRow         *row);

G_END_DECLS
