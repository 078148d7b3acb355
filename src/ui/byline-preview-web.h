/* byline-preview-web.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The preview's WebKit half lives in a module (libbyline-preview-web.so)
 * that BylinePreview opens after the window's first frame, so starting the
 * program does not load WebKitGTK and its hundred libraries. The module
 * links GTK and WebKitGTK only, nothing of Byline's, and the program knows
 * it through this header alone: no WebKit types here. */

#define BYLINE_PREVIEW_WEB_MODULE_NAME "byline-preview-web"
#define BYLINE_PREVIEW_WEB_ENTRY_POINT "byline_preview_web_get_funcs"

/* Bumped whenever BylinePreviewWebFuncs or the view's signals change. */
#define BYLINE_PREVIEW_WEB_ABI_VERSION 2

/* Why the view lost its page ("page-lost"). */
typedef enum
{
  BYLINE_PREVIEW_WEB_CRASHED,
  BYLINE_PREVIEW_WEB_OUT_OF_MEMORY,
  BYLINE_PREVIEW_WEB_STOPPED,
} BylinePreviewWebEnd;

/* The view the module makes is a WebKitWebView with three signals:
 *
 *   "page-loaded"  void (GtkWidget *view, gpointer user_data)
 *      A page given to load_page() finished loading.
 *   "link-clicked" void (GtkWidget *view, const char *uri, gpointer user_data)
 *      The reader clicked a link out of the page; the view did not follow it.
 *   "page-lost"    void (GtkWidget *view, int end, gpointer user_data)
 *      The web process ended (a BylinePreviewWebEnd): no page is showing
 *      and a load in flight will not finish.
 */
typedef struct
{
  guint       abi_version;

  /* A web view set up for the preview: no page script, nothing from the
   * network, no navigation away from the page. */
  GtkWidget *(*new_view)           (void);
  /* Shows @html (base file:///), scrolled down @scroll_y pixels. */
  void       (*load_page)          (GtkWidget           *view,
                                    const char          *html,
                                    double               scroll_y);
  /* How far down the page the reader has scrolled. */
  void       (*read_scroll_async)  (GtkWidget           *view,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
  gboolean   (*read_scroll_finish) (GtkWidget           *view,
                                    GAsyncResult        *result,
                                    double              *scroll_y,
                                    GError             **error);
  /* Scales the whole page: 0.5 lays it out for twice the view's width. */
  void       (*set_zoom)           (GtkWidget           *view,
                                    double               zoom);
  /* Brings the body's @block-th block (counted from 0, as
   * byline_text_block_at_offset() counts) into sight if it is not. */
  void       (*scroll_to_block)    (GtkWidget           *view,
                                    guint                block);
} BylinePreviewWebFuncs;

typedef const BylinePreviewWebFuncs *(*BylinePreviewWebEntryPoint) (void);

G_END_DECLS
