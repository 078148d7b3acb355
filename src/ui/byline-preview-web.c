/* byline-preview-web.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include <string.h>

#include <gmodule.h>
#include <webkit/webkit.h>

#include "byline-preview-web.h"

/* The preview's web view, built as a module of its own (see
 * byline-preview-web.h): everything that calls WebKitGTK is here.
 * BylinePreview (byline-preview.c) decides what to show and when. */

/* Where our pages claim to live: the renderer gives the lead image a file://
 * URI, which a page with this base may show. */
#define BASE_URI "file:///"

/* The world our own scripts run in. Page script is off, and the page's CSP
 * (default-src 'none') binds only the page's own world. */
#define SCRIPT_WORLD "byline-preview"

#define BYLINE_TYPE_PREVIEW_WEB_VIEW (byline_preview_web_view_get_type ())
G_DECLARE_FINAL_TYPE (BylinePreviewWebView, byline_preview_web_view, BYLINE, PREVIEW_WEB_VIEW, WebKitWebView)

struct _BylinePreviewWebView
{
  WebKitWebView         parent_instance;

  WebKitNetworkSession *network_session;

  /* Our load_html() is in flight until load-changed FINISHED. */
  guint                 loading : 1;
  /* Our load_html() has not yet been through decide-policy. */
  guint                 expect_navigation : 1;
  /* One of our pages is showing. */
  guint                 has_page : 1;
};

G_DEFINE_FINAL_TYPE (BylinePreviewWebView, byline_preview_web_view, WEBKIT_TYPE_WEB_VIEW)

enum {
  PAGE_LOADED,
  LINK_CLICKED,
  PAGE_LOST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Our page, or a place inside it ("file:///#section"). */
static gboolean
is_our_page (const char *uri)
{
  gsize len = strlen (BASE_URI);

  return uri != NULL &&
         strncmp (uri, BASE_URI, len) == 0 &&
         (uri[len] == '\0' || uri[len] == '#');
}

static void
on_load_changed (WebKitWebView   *web_view,
                 WebKitLoadEvent  load_event,
                 gpointer         user_data)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (web_view);

  if (load_event != WEBKIT_LOAD_FINISHED || !self->loading)
    return;

  self->loading = FALSE;
  self->expect_navigation = FALSE;
  self->has_page = TRUE;

  g_signal_emit (self, signals[PAGE_LOADED], 0);
}

static gboolean
on_load_failed (WebKitWebView   *web_view,
                WebKitLoadEvent  load_event,
                const char      *failing_uri,
                GError          *error,
                gpointer         user_data)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (web_view);

  /* load-changed FINISHED follows and ends the load. */
  if (self->loading)
    g_debug ("The preview page did not load: %s", error->message);

  return FALSE;
}

static gboolean
on_decide_policy (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  gpointer                  user_data)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (web_view);

  switch (type)
    {
    case WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION:
    case WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION:
      {
        WebKitNavigationPolicyDecision *navigation_decision = WEBKIT_NAVIGATION_POLICY_DECISION (decision);
        WebKitNavigationAction *action = webkit_navigation_policy_decision_get_navigation_action (navigation_decision);
        WebKitNavigationType navigation_type = webkit_navigation_action_get_navigation_type (action);
        const char *uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));
        gboolean new_window = type == WEBKIT_POLICY_DECISION_TYPE_NEW_WINDOW_ACTION;

        /* Our own load_html(). */
        if (!new_window &&
            self->expect_navigation &&
            navigation_type == WEBKIT_NAVIGATION_TYPE_OTHER &&
            g_strcmp0 (uri, BASE_URI) == 0)
          {
            self->expect_navigation = FALSE;
            webkit_policy_decision_use (decision);
            return TRUE;
          }

        /* A link to a place in the page itself. */
        if (!new_window &&
            self->has_page &&
            navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED &&
            is_our_page (uri) &&
            strchr (uri, '#') != NULL)
          {
            webkit_policy_decision_use (decision);
            return TRUE;
          }

        /* Everything else stays out of the preview; a link the reader
         * clicked goes to the preview, which may open it in their browser.
         * Reloads, back and forward, dropped files and programmatic loads
         * just stop. */
        webkit_policy_decision_ignore (decision);
        if (navigation_type == WEBKIT_NAVIGATION_TYPE_LINK_CLICKED)
          g_signal_emit (self, signals[LINK_CLICKED], 0, uri);
        else
          g_debug ("Blocked a navigation of the preview to “%s”", uri);
        return TRUE;
      }

    case WEBKIT_POLICY_DECISION_TYPE_RESPONSE:
      {
        WebKitResponsePolicyDecision *response_decision = WEBKIT_RESPONSE_POLICY_DECISION (decision);
        WebKitURIRequest *request = webkit_response_policy_decision_get_request (response_decision);

        if (!webkit_response_policy_decision_is_main_frame_main_resource (response_decision) ||
            is_our_page (webkit_uri_request_get_uri (request)))
          webkit_policy_decision_use (decision);
        else
          webkit_policy_decision_ignore (decision);
        return TRUE;
      }

    default:
      webkit_policy_decision_ignore (decision);
      return TRUE;
    }
}

static gboolean
on_context_menu (WebKitWebView       *web_view,
                 WebKitContextMenu   *menu,
                 WebKitHitTestResult *hit_test_result,
                 gpointer             user_data)
{
  GList *items = g_list_copy (webkit_context_menu_get_items (menu));

  /* Copying is all a preview offers: no reload, back, open link or inspect. */
  for (const GList *l = items; l != NULL; l = l->next)
    {
      WebKitContextMenuItem *item = l->data;

      switch ((int) webkit_context_menu_item_get_stock_action (item))
        {
        case WEBKIT_CONTEXT_MENU_ACTION_COPY:
        case WEBKIT_CONTEXT_MENU_ACTION_SELECT_ALL:
        case WEBKIT_CONTEXT_MENU_ACTION_COPY_LINK_TO_CLIPBOARD:
          break;

        default:
          webkit_context_menu_remove (menu, item);
          break;
        }
    }
  g_list_free (items);

  /* TRUE: nothing left to show, so no menu. */
  return webkit_context_menu_get_n_items (menu) == 0;
}

static void
on_web_process_terminated (WebKitWebView                     *web_view,
                           WebKitWebProcessTerminationReason  reason,
                           gpointer                           user_data)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (web_view);
  BylinePreviewWebEnd end;

  self->loading = FALSE;
  self->expect_navigation = FALSE;
  self->has_page = FALSE;

  switch ((int) reason)
    {
    case WEBKIT_WEB_PROCESS_TERMINATED_BY_API:
      end = BYLINE_PREVIEW_WEB_STOPPED;
      break;

    case WEBKIT_WEB_PROCESS_EXCEEDED_MEMORY_LIMIT:
      end = BYLINE_PREVIEW_WEB_OUT_OF_MEMORY;
      break;

    case WEBKIT_WEB_PROCESS_CRASHED:
    default:
      end = BYLINE_PREVIEW_WEB_CRASHED;
      break;
    }

  g_signal_emit (self, signals[PAGE_LOST], 0, (int) end);
}

static void
byline_preview_web_view_dispose (GObject *object)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (object);

  g_clear_object (&self->network_session);

  G_OBJECT_CLASS (byline_preview_web_view_parent_class)->dispose (object);
}

static void
byline_preview_web_view_class_init (BylinePreviewWebViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_preview_web_view_dispose;

  /* A page given to load_page() finished loading. */
  signals[PAGE_LOADED] =
    g_signal_new ("page-loaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The reader clicked a link out of the page, which was not followed. */
  signals[LINK_CLICKED] =
    g_signal_new ("link-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /* The web process ended (a BylinePreviewWebEnd): no page is showing. */
  signals[PAGE_LOST] =
    g_signal_new ("page-lost",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_INT);
}

static void
byline_preview_web_view_init (BylinePreviewWebView *self)
{
  /* Handlers rather than class closures, so WebKit's own run after them
   * where they return FALSE (the error page, the trimmed context menu). */
  g_signal_connect (self, "decide-policy", G_CALLBACK (on_decide_policy), NULL);
  g_signal_connect (self, "load-changed", G_CALLBACK (on_load_changed), NULL);
  g_signal_connect (self, "load-failed", G_CALLBACK (on_load_failed), NULL);
  g_signal_connect (self, "context-menu", G_CALLBACK (on_context_menu), NULL);
  g_signal_connect (self, "web-process-terminated", G_CALLBACK (on_web_process_terminated), NULL);
}

/* --- the module's functions ---------------------------------------------------- */

static GtkWidget *
new_view (void)
{
  g_autoptr(WebKitSettings) settings = NULL;
  g_autoptr(WebKitNetworkSession) network_session = NULL;
  BylinePreviewWebView *self;

  settings = webkit_settings_new ();
  /* The page runs nothing; our own scripts (reading and restoring the scroll
   * position) need JavaScript itself on. */
  webkit_settings_set_enable_javascript (settings, TRUE);
  webkit_settings_set_enable_javascript_markup (settings, FALSE);
  webkit_settings_set_javascript_can_open_windows_automatically (settings, FALSE);
  webkit_settings_set_javascript_can_access_clipboard (settings, FALSE);
  webkit_settings_set_enable_developer_extras (settings, FALSE);
  webkit_settings_set_enable_page_cache (settings, FALSE);
  webkit_settings_set_enable_html5_local_storage (settings, FALSE);
  webkit_settings_set_enable_html5_database (settings, FALSE);
  webkit_settings_set_enable_webgl (settings, FALSE);
  webkit_settings_set_enable_webaudio (settings, FALSE);
  webkit_settings_set_enable_media (settings, FALSE);
  webkit_settings_set_enable_media_stream (settings, FALSE);
  webkit_settings_set_enable_webrtc (settings, FALSE);
  webkit_settings_set_enable_fullscreen (settings, FALSE);
  webkit_settings_set_allow_file_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_universal_access_from_file_urls (settings, FALSE);
  webkit_settings_set_allow_top_navigation_to_data_urls (settings, FALSE);
  webkit_settings_set_enable_back_forward_navigation_gestures (settings, FALSE);

  /* Nothing is kept between runs. The page itself asks for nothing on the
   * network: images from other sites are placeholders, and its CSP allows
   * images from disk only, until the reader chooses to load them (see
   * BylineRenderOptions.block_remote_images); then they load as in a
   * browser. */
  network_session = webkit_network_session_new_ephemeral ();

  self = g_object_new (BYLINE_TYPE_PREVIEW_WEB_VIEW,
                       "network-session", network_session,
                       "settings", settings,
                       "hexpand", TRUE,
                       "vexpand", TRUE,
                       NULL);
  self->network_session = g_steal_pointer (&network_session);

  return GTK_WIDGET (self);
}

static void
load_page (GtkWidget  *view,
           const char *html,
           double      scroll_y)
{
  BylinePreviewWebView *self = BYLINE_PREVIEW_WEB_VIEW (view);
  WebKitUserContentManager *manager;

  g_return_if_fail (html != NULL);

  /* Put the reader back where they were before anything paints, in our own
   * world (the page's CSP allows no script in its world, and JavaScript
   * markup is off). Again on load, in case the lead image moved things. */
  manager = webkit_web_view_get_user_content_manager (WEBKIT_WEB_VIEW (self));
  webkit_user_content_manager_remove_all_scripts (manager);
  if (scroll_y > 0)
    {
      g_autoptr(WebKitUserScript) script = NULL;
      g_autofree char *source = NULL;
      char y[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (y, sizeof y, "%.1f", scroll_y);
      source = g_strdup_printf ("window.scrollTo (0, %s);\n"
                                "window.addEventListener ('load', () => window.scrollTo (0, %s), { once: true });\n",
                                y, y);
      script = webkit_user_script_new_for_world (source,
                                                 WEBKIT_USER_CONTENT_INJECT_TOP_FRAME,
                                                 WEBKIT_USER_SCRIPT_INJECT_AT_DOCUMENT_END,
                                                 SCRIPT_WORLD,
                                                 NULL, NULL);
      webkit_user_content_manager_add_script (manager, script);
    }

  self->loading = TRUE;
  self->expect_navigation = TRUE;

  webkit_web_view_load_html (WEBKIT_WEB_VIEW (self), html, BASE_URI);
}

static void
read_scroll_async (GtkWidget           *view,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_WEB_VIEW (view));

  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (view),
                                       "window.scrollY", -1,
                                       SCRIPT_WORLD, NULL,
                                       cancellable,
                                       callback,
                                       user_data);
}

static gboolean
read_scroll_finish (GtkWidget     *view,
                    GAsyncResult  *result,
                    double        *scroll_y,
                    GError       **error)
{
  g_autoptr(JSCValue) value = NULL;

  g_return_val_if_fail (BYLINE_IS_PREVIEW_WEB_VIEW (view), FALSE);

  *scroll_y = 0;
  value = webkit_web_view_evaluate_javascript_finish (WEBKIT_WEB_VIEW (view), result, error);
  if (value == NULL)
    return FALSE;

  if (jsc_value_is_number (value))
    *scroll_y = jsc_value_to_double (value);

  return TRUE;
}

static void
set_zoom (GtkWidget *view,
          double     zoom)
{
  g_return_if_fail (BYLINE_IS_PREVIEW_WEB_VIEW (view));

  if (G_APPROX_VALUE (webkit_web_view_get_zoom_level (WEBKIT_WEB_VIEW (view)), zoom, 0.001))
    return;

  /* The whole page, not only its text: the layout sees a viewport of the
   * view's width divided by @zoom, and lays out for that. */
  webkit_web_view_set_zoom_level (WEBKIT_WEB_VIEW (view), zoom);
}

static void
scroll_to_block (GtkWidget *view,
                 guint      block)
{
  g_autofree char *source = NULL;

  g_return_if_fail (BYLINE_IS_PREVIEW_WEB_VIEW (view));

  /* In our own world, as reading the scroll position is: the page itself
   * runs no script. Only when the block is out of sight, so the page does
   * not jump while one types in a paragraph that shows. The READ: asides
   * between blocks do not count. */
  source = g_strdup_printf ("(function (n) {\n"
                            "  const body = document.querySelector ('.body');\n"
                            "  if (!body) return;\n"
                            "  const blocks = Array.from (body.children).filter (e => !e.classList.contains ('read-also'));\n"
                            "  const e = blocks[Math.min (n, blocks.length - 1)];\n"
                            "  if (!e) return;\n"
                            "  const r = e.getBoundingClientRect ();\n"
                            "  if (r.top < 0 || r.bottom > window.innerHeight)\n"
                            "    e.scrollIntoView ({ block: 'center' });\n"
                            "}) (%u);",
                            block);
  webkit_web_view_evaluate_javascript (WEBKIT_WEB_VIEW (view), source, -1,
                                       SCRIPT_WORLD, NULL, NULL, NULL, NULL);
}

static const BylinePreviewWebFuncs funcs = {
  BYLINE_PREVIEW_WEB_ABI_VERSION,
  new_view,
  load_page,
  read_scroll_async,
  read_scroll_finish,
  set_zoom,
  scroll_to_block,
};

G_MODULE_EXPORT const BylinePreviewWebFuncs *byline_preview_web_get_funcs (void);

/**
 * byline_preview_web_get_funcs:
 *
 * The module's entry point (%BYLINE_PREVIEW_WEB_ENTRY_POINT).
 *
 * Returns: (transfer none): the module's functions
 */
const BylinePreviewWebFuncs *
byline_preview_web_get_funcs (void)
{
  return &funcs;
}
