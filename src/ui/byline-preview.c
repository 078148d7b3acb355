/* byline-preview.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-preview"

#include "config.h"

#include <errno.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gmodule.h>

#include "byline-media.h"
#include "byline-pin.h"
#include "byline-remote-images.h"
#include "byline-preview.h"
#include "byline-preview-private.h"
#include "byline-preview-web.h"
#include "byline-renderer.h"

/* The web view comes from a module (byline-preview-web.c) that is opened
 * after the window's first frame: linking WebKitGTK into the program made
 * every start 60-100 ms slower before main() even ran (bench/README.md). */

/* Typing coalesces into one render this long after the last change, so the
 * preview follows within a frame or two of the 60 ms plus the load. */
#define RENDER_DELAY_MS 60

/* The widths, in CSS pixels, the page is laid out for: a desktop's (the
 * layout's wide style starts at 48em) and a phone's. A narrower pane shows
 * the same layout scaled down to fit, as a reader's screen would have it. */
#define DESKTOP_PAGE_WIDTH 800
#define PHONE_PAGE_WIDTH   360

/* A copy of a picture the preview has not shown for this long is removed
 * at the next start; it is made again from the newsroom if needed. */
#define PICTURE_COPY_MAX_AGE (30 * G_TIME_SPAN_DAY)

/* Shown when there is no article. Same CSP as the real pages. */
#define EMPTY_PAGE \
  "<!DOCTYPE html>\n" \
  "<html>\n<head>\n<meta charset=\"utf-8\">\n" \
  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n" \
  "<title>%s</title>\n" \
  "<style>\n" \
  ":root { color-scheme: light dark; }\n" \
  "body { font: 1.1rem/1.5 sans-serif; color: GrayText; margin: 0; min-height: 100vh;\n" \
  "       display: flex; align-items: center; justify-content: center; }\n" \
  "</style>\n</head>\n<body>\n<p class=\"empty\">%s</p>\n</body>\n</html>\n"

struct _BylinePreview
{
  GtkWidget             parent_instance;

  BylineArticle        *article;
  gulong                article_notify_id;
  /* The article's pins, each watched: a READ: link moved, removed or
   * resolved shows at once. */
  GListModel           *pins;
  GPtrArray            *watched_pins;
  BylinePublication    *publication;
  /* Where the lead picture's bytes are kept (byline-media.h). */
  BylineStore          *store;
  /* Review mode: the earlier text the changes are marked against. */
  BylineArticle        *review_baseline;

  /* Says that images from other sites are not shown, with a button that
   * shows them for this article. */
  GtkWidget            *remote_bar;
  GtkWidget            *remote_label;
  GtkWidget            *remote_button;
  /* The ids of the articles whose remote images the reader chose to load,
   * for as long as the preview lives; an article with a uuid also has the
   * choice kept on disk. */
  GHashTable           *remote_allowed;
  /* The kept choice (byline-remote-images.h) for the article last shown. */
  char                 *checked_uuid;
  gboolean              checked_allowed;

  /* Until the web view exists: an empty box, or a status page when the
   * web module could not be loaded. */
  GtkWidget            *placeholder;
  /* A WebKitWebView, made by the web module. */
  GtkWidget            *web_view;

  /* Desktop / Phone, above the page. */
  GtkWidget            *device_bar;
  GtkWidget            *desktop_button;
  GtkWidget            *phone_button;
  double                zoom;
  guint                 zoom_source;
  /* The body block to keep in sight, or -1. */
  int                   follow_block;

  /* Creating the web view waits for the first frame, then an idle, then
   * (the first time) the web module loading on a worker thread. */
  GdkFrameClock        *frame_clock;
  gulong                after_paint_id;
  guint                 create_source;
  GCancellable         *module_cancellable;

  guint                 render_source;
  GCancellable         *cancellable;

  /* The page last handed to WebKit, and the next one while the scroll
   * position of the current one is being read. */
  char                 *html;
  char                 *pending_html;

  /* The article changed since the page in html was rendered. */
  guint                 stale : 1;
  /* Reload even when the page is unchanged (byline_preview_refresh()). */
  guint                 force : 1;
  /* A different article: start at the top rather than where the last one was. */
  guint                 reset_scroll : 1;
  /* A render is under way: reading the scroll position, or loading. */
  guint                 busy : 1;
  /* One of our pages is showing, so its scroll position can be read. */
  guint                 has_page : 1;
  /* The web process died once since the last change: do not retry again. */
  guint                 retried_after_crash : 1;
  /* The web module could not be loaded: the status page says why. */
  guint                 unavailable : 1;
  /* Lay the page out as on a phone rather than on a desktop. */
  guint                 phone : 1;
};

G_DEFINE_FINAL_TYPE (BylinePreview, byline_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_PUBLICATION,
  PROP_REVIEW_BASELINE,
  PROP_PHONE,
  N_PROPS
};

enum {
  RENDERED,
  LINK_CLICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_render    (BylinePreview *self);
static void schedule_render (BylinePreview *self,
                             guint          delay_ms);
static void set_pins        (BylinePreview *self,
                             GListModel    *pins);

/* --- the web module ------------------------------------------------------------ */

/* Set once the module is loaded; it stays loaded (its types, and WebKit's,
 * cannot be unregistered). Main thread only. */
static const BylinePreviewWebFuncs *web_funcs;
/* Tests: a module file to load instead. */
static char *web_module_path_override;

static char *
dup_web_module_path (void)
{
  g_autofree char *file_name = NULL;
  const char *dir;

  if (web_module_path_override != NULL)
    return g_strdup (web_module_path_override);

  file_name = g_strconcat ("lib", BYLINE_PREVIEW_WEB_MODULE_NAME, ".", G_MODULE_SUFFIX, NULL);

  /* Run uninstalled (`meson devenv`, the tests), the module is the build's. */
  dir = g_getenv ("BYLINE_MODULE_DIR");
  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, file_name, NULL);

  return g_build_filename (BYLINE_MODULEDIR, file_name, NULL);
}

/* Loads the web module, and with it WebKitGTK. Runs on a worker thread:
 * the dynamic linker's work (some 100 libraries) keeps the main thread
 * busy for 60-100 ms otherwise. */
static void
load_web_module_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  const char *path = task_data;
  BylinePreviewWebEntryPoint entry_point = NULL;
  const BylinePreviewWebFuncs *funcs;
  GModule *module;

  module = g_module_open (path, G_MODULE_BIND_LAZY);
  if (module == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not load the preview’s web engine (%s). "
                                 "Check that WebKitGTK 6.0 is installed, or reinstall Byline."),
                               g_module_error ());
      return;
    }

  if (!g_module_symbol (module, BYLINE_PREVIEW_WEB_ENTRY_POINT, (gpointer *) &entry_point) ||
      entry_point == NULL ||
      (funcs = entry_point ()) == NULL ||
      funcs->abi_version != BYLINE_PREVIEW_WEB_ABI_VERSION)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("“%s” is not the preview module of this version of Byline. Reinstall Byline."),
                               path);
      g_module_close (module);
      return;
    }

  g_module_make_resident (module);
  g_task_return_pointer (task, (gpointer) funcs, NULL);
}

/* --- helpers --------------------------------------------------------------- */

/* The choice is kept by the article's uuid, so it outlives the program;
 * an article never saved has none yet, and keeps it until the program
 * quits. */
static gboolean
remote_images_allowed (BylinePreview *self)
{
  gint64 id = byline_article_get_id (self->article);
  const char *uuid = byline_article_get_uuid (self->article);

  if (g_hash_table_contains (self->remote_allowed, &id))
    return TRUE;

  /* Read once per article shown, not at every render as it is typed. */
  if (g_strcmp0 (uuid, self->checked_uuid) != 0)
    {
      g_free (self->checked_uuid);
      self->checked_uuid = g_strdup (uuid);
      self->checked_allowed = byline_remote_images_get_allowed (NULL, uuid);
    }

  return self->checked_allowed;
}

/* Where the preview keeps its copies of the newsroom's pictures. */
static char *
dup_picture_cache_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "byline", "pictures", NULL);
}

static void
prune_pictures_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  g_autofree char *dir = dup_picture_cache_dir ();
  guint removed = byline_media_prune_copies (dir, PICTURE_COPY_MAX_AGE);

  if (removed > 0)
    g_debug ("Removed %u pictures the preview had not shown for a month", removed);
  g_task_return_boolean (task, TRUE);
}

/**
 * byline_preview_prune_pictures:
 *
 * Removes, on a worker thread, the preview's copies of pictures it has not
 * shown for a month: without this the cache folder would keep a copy of
 * every picture ever previewed.
 */
void
byline_preview_prune_pictures (void)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, byline_preview_prune_pictures);
  g_task_run_in_thread (task, prune_pictures_thread);
}

/* The lead picture's address in the page: a copy of the newsroom's bytes
 * in Byline's cache folder (the page may show file:// addresses, and a
 * copy named by its checksum is written once), a web picture's address
 * once the reader allowed this article's web pictures, or "" for none.
 * Never a path the article names: the preview reads no file but its own
 * copies. */
static char *
dup_lead_image_src (BylinePreview *self)
{
  const char *image = byline_article_get_image (self->article);
  g_autoptr(BylineMedia) media = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (byline_media_is_remote (image))
    return g_strdup (remote_images_allowed (self) ? image : "");

  name = byline_media_dup_export_name (image);
  if (name == NULL || self->store == NULL)
    return g_strdup ("");

  dir = dup_picture_cache_dir ();
  path = g_build_filename (dir, name, NULL);
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    byline_media_touch_copy (path);
  else
    {
      gsize size = 0;
      const char *data;

      media = byline_store_load_media (self->store, image, &error);
      if (media == NULL)
        {
          g_debug ("No lead picture in the preview: %s", error->message);
          return g_strdup ("");
        }

      data = g_bytes_get_data (media->bytes, &size);
      if (g_mkdir_with_parents (dir, 0700) != 0 ||
          !g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
        {
          g_debug ("No lead picture in the preview: %s", error != NULL ? error->message : g_strerror (errno));
          return g_strdup ("");
        }
    }

  return g_filename_to_uri (path, NULL, NULL);
}

static char *
render_page (BylinePreview *self)
{
  BylineRenderOptions options = { NULL, };
  g_autofree char *image_src = NULL;

  if (self->article == NULL)
    {
      g_autofree char *title = g_markup_escape_text (_("Nothing to preview"), -1);
      g_autofree char *message = g_markup_escape_text (_("Nothing to preview. Choose an article to see it as it will be published."), -1);

      return g_strdup_printf (EMPTY_PAGE, title, message);
    }

  image_src = dup_lead_image_src (self);
  options.image_src = image_src;

  /* Opening an article in the preview tells no other site about it, until
   * the reader asks for its images. */
  options.block_remote_images = !remote_images_allowed (self);

  if (self->review_baseline != NULL)
    {
      options.review_baseline_body = byline_article_get_body (self->review_baseline);
      options.review_baseline_headline = byline_article_get_headline (self->review_baseline);
      options.review_baseline_standfirst = byline_article_get_standfirst (self->review_baseline);
    }

  return byline_render_article (self->article, self->publication, &options);
}

/* Shows the bar when @html has images from other sites left out. */
static void
update_remote_bar (BylinePreview *self,
                   const char    *html)
{
  const char *marker = "<span class=\"remote-image\"";
  g_autofree char *text = NULL;
  guint n_blocked = 0;

  for (const char *p = strstr (html, marker); p != NULL; p = strstr (p + 1, marker))
    n_blocked++;

  if (n_blocked > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u image from another site is not shown: loading it tells that site this article was opened.",
                                           "%u images from other sites are not shown: loading them tells those sites this article was opened.",
                                           n_blocked),
                              n_blocked);
      gtk_label_set_text (GTK_LABEL (self->remote_label), text);
    }

  gtk_widget_set_visible (self->remote_bar, n_blocked > 0);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->remote_bar), n_blocked > 0);
}

static void
on_load_remote_images (BylinePreview *self)
{
  g_autoptr(GError) error = NULL;
  const char *uuid;
  gint64 id;

  if (self->article == NULL)
    return;

  id = byline_article_get_id (self->article);
  g_hash_table_add (self->remote_allowed, g_memdup2 (&id, sizeof id));

  uuid = byline_article_get_uuid (self->article);
  if (uuid != NULL && *uuid != '\0' &&
      !byline_remote_images_set_allowed (NULL, uuid, TRUE, &error))
    g_warning ("%s", error->message);

  self->force = TRUE;
  schedule_render (self, 0);
}

static gboolean
is_openable_uri (const char *uri)
{
  const char *scheme = g_uri_peek_scheme (uri);

  return g_strcmp0 (scheme, "http") == 0 ||
         g_strcmp0 (scheme, "https") == 0 ||
         g_strcmp0 (scheme, "mailto") == 0;
}

static void
reset_cancellable (BylinePreview *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

/* --- rendering --------------------------------------------------------------- */

static gboolean
render_timeout_cb (gpointer user_data)
{
  BylinePreview *self = user_data;

  self->render_source = 0;
  start_render (self);

  return G_SOURCE_REMOVE;
}

/* Marks the page out of date and renders it @delay_ms from now, when there is
 * a web view on screen to render into; otherwise it renders once there is. */
static void
schedule_render (BylinePreview *self,
                 guint          delay_ms)
{
  self->stale = TRUE;

  g_clear_handle_id (&self->render_source, g_source_remove);

  if (self->web_view == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->render_source = g_timeout_add (delay_ms, render_timeout_cb, self);
  g_source_set_name_by_id (self->render_source, "[byline] render preview");
}

static void
finish_render (BylinePreview *self)
{
  self->busy = FALSE;

  if (self->stale)
    {
      /* Changes came in while this page loaded. Go on at once unless a
       * debounce is still counting down. */
      if (self->render_source == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
        start_render (self);
      return;
    }

  g_signal_emit (self, signals[RENDERED], 0);
}

/* Hands the page to the web view, which puts the reader back @scroll_y
 * pixels down. */
static void
load_pending_html (BylinePreview *self,
                   double         scroll_y)
{
  g_assert (self->pending_html != NULL);

  g_free (self->html);
  self->html = g_steal_pointer (&self->pending_html);

  web_funcs->load_page (self->web_view, self->html, scroll_y);
}

static void
read_scroll_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(BylinePreview) self = user_data;
  g_autoptr(GError) error = NULL;
  double scroll_y = 0;

  if (!web_funcs->read_scroll_finish (GTK_WIDGET (object), result, &scroll_y, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Could not read the preview’s scroll position, starting at the top: %s", error->message);
    }

  if (self->web_view == NULL)
    return;

  load_pending_html (self, scroll_y);
}

/* Renders the article and loads it, keeping the reading position. Only one
 * render is under way at a time; changes meanwhile start another when it is
 * done, so a load never races an older one. */
static void
start_render (BylinePreview *self)
{
  g_autofree char *html = NULL;
  gboolean force;

  g_assert (self->web_view != NULL);

  if (self->busy)
    {
      self->stale = TRUE;
      return;
    }

  html = render_page (self);
  force = self->force;
  self->stale = FALSE;
  self->force = FALSE;
  update_remote_bar (self, html);

  /* Metadata the page doesn't show changes often (autosave); skip the reload. */
  if (!force && self->has_page && g_strcmp0 (html, self->html) == 0)
    {
      self->reset_scroll = FALSE;
      return;
    }

  self->busy = TRUE;
  g_free (self->pending_html);
  self->pending_html = g_steal_pointer (&html);
  reset_cancellable (self);

  if (!self->has_page || self->reset_scroll)
    {
      self->reset_scroll = FALSE;
      load_pending_html (self, 0);
      return;
    }

  web_funcs->read_scroll_async (self->web_view,
                                self->cancellable,
                                read_scroll_cb,
                                g_object_ref (self));
}

/* --- web view ---------------------------------------------------------------- */

/* The zoom that lays the page out for its device's width in the pane's
 * width; never larger than the page's own size. */
static double
compute_zoom (BylinePreview *self,
              int            width)
{
  int page_width = self->phone ? PHONE_PAGE_WIDTH : DESKTOP_PAGE_WIDTH;

  if (width <= 0)
    return 1.0;

  return CLAMP ((double) width / page_width, 0.25, 1.0);
}

static void
apply_zoom (BylinePreview *self)
{
  if (self->web_view != NULL && web_funcs != NULL)
    web_funcs->set_zoom (self->web_view, self->zoom);
}

static gboolean
apply_zoom_cb (gpointer user_data)
{
  BylinePreview *self = user_data;

  self->zoom_source = 0;
  apply_zoom (self);

  return G_SOURCE_REMOVE;
}

/* Changing WebKit's zoom inside an allocation would lay it out again
 * within this one: apply it just after. */
static void
update_zoom (BylinePreview *self)
{
  int width = self->web_view != NULL ? gtk_widget_get_width (self->web_view)
                                     : gtk_widget_get_width (GTK_WIDGET (self));
  double zoom = compute_zoom (self, width);

  if (G_APPROX_VALUE (zoom, self->zoom, 0.001))
    return;

  self->zoom = zoom;
  if (self->zoom_source == 0)
    self->zoom_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_zoom_cb, self, NULL);
}

static void
apply_follow_block (BylinePreview *self)
{
  if (self->follow_block >= 0 && self->web_view != NULL && self->has_page && !self->busy)
    web_funcs->scroll_to_block (self->web_view, (guint) self->follow_block);
}

static void
on_page_loaded (BylinePreview *self,
                GtkWidget     *web_view)
{
  self->has_page = TRUE;

  finish_render (self);
  apply_follow_block (self);
}

static void
on_link_clicked (BylinePreview *self,
                 const char    *uri,
                 GtkWidget     *web_view)
{
  gboolean handled = FALSE;

  if (!is_openable_uri (uri))
    {
      g_debug ("Not opening “%s” from the preview: only web and mail links open", uri);
      return;
    }

  g_signal_emit (self, signals[LINK_CLICKED], 0, uri, &handled);

  if (!handled)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* GtkUriLauncher needs GTK 4.10. */
      gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
    }
}

static void
on_page_lost (BylinePreview       *self,
              BylinePreviewWebEnd  end,
              GtkWidget           *web_view)
{
  /* Load the page again once; a page that kills WebKit every time waits for
   * the next change of the article. */
  gboolean retry = !self->retried_after_crash;

  /* A first crash is recovered from here (WebKit's web process can die
   * on its own, as seen at start-up on a loaded machine): a message. A
   * second one in a row is worth a warning. */
  if (end == BYLINE_PREVIEW_WEB_STOPPED)
    g_debug ("The preview’s web process was stopped");
  else if (retry)
    g_message ("The preview’s web process %s; loading the page again",
               end == BYLINE_PREVIEW_WEB_OUT_OF_MEMORY ? "ran out of memory" : "crashed");
  else
    g_warning ("The preview’s web process %s again; the preview comes back with the next change",
               end == BYLINE_PREVIEW_WEB_OUT_OF_MEMORY ? "ran out of memory" : "crashed");

  g_cancellable_cancel (self->cancellable);
  self->busy = FALSE;
  self->has_page = FALSE;
  g_clear_pointer (&self->pending_html, g_free);

  if (retry)
    {
      self->retried_after_crash = TRUE;
      self->force = TRUE;
      schedule_render (self, 0);
    }
}

static void
create_web_view (BylinePreview *self)
{
  g_assert (web_funcs != NULL);
  g_assert (self->web_view == NULL);

  self->web_view = web_funcs->new_view ();
  g_signal_connect_object (self->web_view, "page-loaded",
                           G_CALLBACK (on_page_loaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "link-clicked",
                           G_CALLBACK (on_link_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->web_view, "page-lost",
                           G_CALLBACK (on_page_lost), self, G_CONNECT_SWAPPED);

  g_clear_pointer (&self->placeholder, gtk_widget_unparent);
  gtk_widget_set_parent (self->web_view, GTK_WIDGET (self));
  self->zoom = 0;
  update_zoom (self);

  /* Whatever was set before (or nothing yet: the empty page). */
  self->force = TRUE;
  schedule_render (self, 0);
}

/* Without its web engine the preview says so; the editor goes on working. */
static void
show_unavailable (BylinePreview *self,
                  const GError  *error)
{
  g_autofree char *description = g_markup_escape_text (error->message, -1);
  GtkWidget *status_page;

  g_message ("The preview is unavailable: %s", error->message);

  self->unavailable = TRUE;

  status_page = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), _("Preview Unavailable"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);
  gtk_widget_add_css_class (status_page, "compact");
  gtk_widget_set_hexpand (status_page, TRUE);
  gtk_widget_set_vexpand (status_page, TRUE);

  g_clear_pointer (&self->placeholder, gtk_widget_unparent);
  self->placeholder = status_page;
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
}

static void
load_web_module_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *preview_ref = user_data;
  g_autoptr(BylinePreview) self = g_weak_ref_get (preview_ref);
  g_autoptr(GError) error = NULL;
  const BylinePreviewWebFuncs *funcs;

  g_weak_ref_clear (preview_ref);
  g_free (preview_ref);

  funcs = g_task_propagate_pointer (G_TASK (result), &error);
  if (funcs != NULL)
    web_funcs = funcs;

  /* Disposed meanwhile. */
  if (self == NULL || g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  g_clear_object (&self->module_cancellable);

  if (funcs == NULL)
    show_unavailable (self, error);
  else if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    create_web_view (self);
  /* Otherwise the next map makes it. */
}

static gboolean
create_web_view_cb (gpointer user_data)
{
  BylinePreview *self = user_data;
  g_autoptr(GTask) task = NULL;
  GWeakRef *preview_ref;

  self->create_source = 0;

  if (web_funcs != NULL && web_module_path_override == NULL)
    {
      create_web_view (self);
      return G_SOURCE_REMOVE;
    }

  /* The first preview of the program loads the module. The task holds no
   * reference on the preview: the worker may drop the task's last one,
   * and a preview closed meanwhile would then be disposed, web view and
   * all, on the worker thread, where WebKit aborts. */
  preview_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (preview_ref, self);
  self->module_cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->module_cancellable, load_web_module_cb, preview_ref);
  g_task_set_source_tag (task, create_web_view_cb);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, dup_web_module_path (), g_free);
  g_task_run_in_thread (task, load_web_module_thread);

  return G_SOURCE_REMOVE;
}

static void
stop_waiting_for_frame (BylinePreview *self)
{
  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }
  g_clear_handle_id (&self->create_source, g_source_remove);
}

static void
on_after_paint (BylinePreview *self,
                GdkFrameClock *frame_clock)
{
  stop_waiting_for_frame (self);

  /* The window has its first frame; WebKitGTK may load and its processes
   * start now, when nothing else is waiting. */
  self->create_source = g_idle_add_full (G_PRIORITY_LOW, create_web_view_cb, self, NULL);
  g_source_set_name_by_id (self->create_source, "[byline] create preview");
}

/* --- GtkWidget --------------------------------------------------------------- */

/* Focuses the first widget that can take the focus after @widget (before
 * it, going backward), outside it, in the order of the widget tree. */
static gboolean
focus_beyond (GtkWidget        *widget,
              GtkDirectionType  direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;

  for (GtkWidget *child = widget, *parent = gtk_widget_get_parent (widget);
       parent != NULL;
       child = parent, parent = gtk_widget_get_parent (parent))
    {
      for (GtkWidget *sibling = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child);
           sibling != NULL;
           sibling = forward ? gtk_widget_get_next_sibling (sibling) : gtk_widget_get_prev_sibling (sibling))
        {
          if (gtk_widget_get_visible (sibling) && gtk_widget_get_child_visible (sibling) &&
              gtk_widget_child_focus (sibling, direction))
            return TRUE;
        }
    }

  return FALSE;
}

/* WebKit keeps Tab for moving between the page's links, so the keyboard
 * could never leave the preview: Tab and Shift+Tab go on to the window's
 * next widget instead (the page has little to focus but its links, and
 * those never navigate). */
static gboolean
on_key_pressed (BylinePreview         *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkDirectionType direction;
  GtkRoot *root;

  if (keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab)
    direction = (state & GDK_SHIFT_MASK) ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD;
  else if (keyval == GDK_KEY_ISO_Left_Tab)
    direction = GTK_DIR_TAB_BACKWARD;
  else
    return FALSE;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || self->web_view == NULL ||
      !gtk_widget_has_focus (self->web_view))
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root == NULL)
    return FALSE;

  /* Past the web view and whatever WebKit keeps inside it; from the top
   * (or the bottom) of the window when nothing follows. */
  if (!focus_beyond (self->web_view, direction))
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_child_focus (GTK_WIDGET (root), direction);
    }

  return TRUE;
}

static void
on_phone_toggled (BylinePreview *self)
{
  byline_preview_set_phone (self, gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->phone_button)));
}

static void
byline_preview_map (GtkWidget *widget)
{
  BylinePreview *self = BYLINE_PREVIEW (widget);

  GTK_WIDGET_CLASS (byline_preview_parent_class)->map (widget);

  if (self->web_view == NULL)
    {
      GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);

      /* Waiting already, or the module could not be loaded. */
      if (self->after_paint_id != 0 || self->create_source != 0 ||
          self->module_cancellable != NULL || self->unavailable)
        return;

      if (frame_clock != NULL)
        {
          self->frame_clock = g_object_ref (frame_clock);
          self->after_paint_id = g_signal_connect_object (frame_clock, "after-paint",
                                                          G_CALLBACK (on_after_paint), self,
                                                          G_CONNECT_SWAPPED);
          gtk_widget_queue_draw (widget);
        }
      else
        {
          on_after_paint (self, NULL);
        }
    }
  else if (self->stale && self->render_source == 0)
    {
      schedule_render (self, 0);
    }
}

/* A column: the Desktop/Phone switch and the remote images bar at their
 * natural heights, the page (or what stands in for it) in the rest. Not a
 * box layout: the page's width sets the zoom, on every allocation. */
static void
byline_preview_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0;
      int child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation,
                          orientation == GTK_ORIENTATION_VERTICAL ? for_size : -1,
                          &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += child_min;
          *natural += child_nat;
        }
      else
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
    }
}

static void
byline_preview_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  BylinePreview *self = BYLINE_PREVIEW (widget);
  GtkWidget *last = gtk_widget_get_last_child (widget);
  int y = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (child == last)
        {
          int page_width = width;

          /* A phone's page is a phone's width, in the middle of a wider
           * pane. */
          if (self->phone && width > PHONE_PAGE_WIDTH)
            page_width = PHONE_PAGE_WIDTH;
          gtk_widget_size_allocate (child,
                                    &(GtkAllocation) { (width - page_width) / 2, y, page_width, MAX (height - y, 0) },
                                    -1);
          break;
        }

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height;
    }

  update_zoom (self);
}

static void
byline_preview_unmap (GtkWidget *widget)
{
  BylinePreview *self = BYLINE_PREVIEW (widget);

  stop_waiting_for_frame (self);

  /* A pending render waits for the next map. */
  if (self->render_source != 0)
    {
      g_clear_handle_id (&self->render_source, g_source_remove);
      self->stale = TRUE;
    }

  GTK_WIDGET_CLASS (byline_preview_parent_class)->unmap (widget);
}

/* --- GObject ----------------------------------------------------------------- */

static void
byline_preview_dispose (GObject *object)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  stop_waiting_for_frame (self);
  g_clear_handle_id (&self->render_source, g_source_remove);
  g_clear_handle_id (&self->zoom_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);

  if (self->article != NULL)
    {
      g_clear_signal_handler (&self->article_notify_id, self->article);
      g_clear_object (&self->article);
    }
  set_pins (self, NULL);

  if (self->module_cancellable != NULL)
    {
      g_cancellable_cancel (self->module_cancellable);
      g_clear_object (&self->module_cancellable);
    }

  if (self->web_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->web_view, self);
      g_clear_pointer (&self->web_view, gtk_widget_unparent);
    }
  g_clear_pointer (&self->placeholder, gtk_widget_unparent);
  g_clear_pointer (&self->remote_bar, gtk_widget_unparent);
  g_clear_pointer (&self->device_bar, gtk_widget_unparent);
  g_clear_object (&self->review_baseline);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (byline_preview_parent_class)->dispose (object);
}

static void
byline_preview_finalize (GObject *object)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->watched_pins, g_ptr_array_unref);
  g_clear_pointer (&self->publication, byline_publication_free);
  g_clear_pointer (&self->html, g_free);
  g_clear_pointer (&self->pending_html, g_free);
  g_clear_pointer (&self->remote_allowed, g_hash_table_unref);
  g_clear_pointer (&self->checked_uuid, g_free);

  G_OBJECT_CLASS (byline_preview_parent_class)->finalize (object);
}

static void
byline_preview_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;

    case PROP_PUBLICATION:
      g_value_set_boxed (value, self->publication);
      break;

    case PROP_REVIEW_BASELINE:
      g_value_set_object (value, self->review_baseline);
      break;

    case PROP_PHONE:
      g_value_set_boolean (value, self->phone);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_preview_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylinePreview *self = BYLINE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      byline_preview_set_article (self, g_value_get_object (value));
      break;

    case PROP_PUBLICATION:
      byline_preview_set_publication (self, g_value_get_boxed (value));
      break;

    case PROP_REVIEW_BASELINE:
      byline_preview_set_review_baseline (self, g_value_get_object (value));
      break;

    case PROP_PHONE:
      byline_preview_set_phone (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_preview_class_init (BylinePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = byline_preview_dispose;
  object_class->finalize = byline_preview_finalize;
  object_class->get_property = byline_preview_get_property;
  object_class->set_property = byline_preview_set_property;

  widget_class->map = byline_preview_map;
  widget_class->unmap = byline_preview_unmap;
  widget_class->measure = byline_preview_measure;
  widget_class->size_allocate = byline_preview_size_allocate;

  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL,
                         BYLINE_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PUBLICATION] =
    g_param_spec_boxed ("publication", NULL, NULL,
                        BYLINE_TYPE_PUBLICATION,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_REVIEW_BASELINE] =
    g_param_spec_object ("review-baseline", NULL, NULL,
                         BYLINE_TYPE_ARTICLE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The page as a phone shows it rather than a desktop. */
  properties[PROP_PHONE] =
    g_param_spec_boolean ("phone", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* WebKit finished loading the page for the article as it is now. */
  signals[RENDERED] =
    g_signal_new ("rendered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);

  /* The reader clicked an http, https or mailto link in the page. Return TRUE
   * to handle it; otherwise it opens in the default browser or mail app. */
  signals[LINK_CLICKED] =
    g_signal_new ("link-clicked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "preview");
}

static void
byline_preview_init (BylinePreview *self)
{
  GtkEventController *key;

  self->publication = byline_publication_new ();
  self->cancellable = g_cancellable_new ();
  self->watched_pins = g_ptr_array_new_with_free_func (g_object_unref);

  self->remote_allowed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview"),
                                  -1);

  self->follow_block = -1;
  self->zoom = 1.0;

  key = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (key, GTK_PHASE_CAPTURE);
  g_signal_connect_object (key, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), key);

  /* Which screen the page is laid out for. */
  self->device_bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_halign (self->device_bar, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (self->device_bar, 6);
  gtk_widget_set_margin_bottom (self->device_bar, 6);
  gtk_widget_add_css_class (self->device_bar, "linked");
  self->desktop_button = gtk_toggle_button_new_with_mnemonic (_("_Desktop"));
  self->phone_button = gtk_toggle_button_new_with_mnemonic (_("P_hone"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (self->phone_button),
                               GTK_TOGGLE_BUTTON (self->desktop_button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->desktop_button), TRUE);
  gtk_widget_set_tooltip_text (self->desktop_button, _("The page as a desktop browser shows it, scaled to fit"));
  gtk_widget_set_tooltip_text (self->phone_button, _("The page as a phone shows it"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->desktop_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Desktop"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Phone"), -1);
  g_signal_connect_object (self->phone_button, "toggled", G_CALLBACK (on_phone_toggled), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->device_bar), self->desktop_button);
  gtk_box_append (GTK_BOX (self->device_bar), self->phone_button);
  gtk_widget_set_parent (self->device_bar, GTK_WIDGET (self));

  /* Above the page, shown only when it leaves images out. */
  self->remote_bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->remote_bar), GTK_MESSAGE_INFO);
  self->remote_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->remote_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->remote_label), 0);
  gtk_widget_set_hexpand (self->remote_label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (self->remote_bar), self->remote_label);
  self->remote_button = gtk_button_new_with_mnemonic (_("_Load Remote Images"));
  gtk_widget_set_valign (self->remote_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->remote_button, "clicked",
                           G_CALLBACK (on_load_remote_images), self, G_CONNECT_SWAPPED);
  gtk_info_bar_add_action_widget (GTK_INFO_BAR (self->remote_bar), self->remote_button,
                                  GTK_RESPONSE_ACCEPT);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->remote_bar), FALSE);
  gtk_widget_set_visible (self->remote_bar, FALSE);
  gtk_widget_set_parent (self->remote_bar, GTK_WIDGET (self));

  /* Stands in for the web view until the window has shown its first frame. */
  self->placeholder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (self->placeholder, TRUE);
  gtk_widget_set_vexpand (self->placeholder, TRUE);
  gtk_widget_set_parent (self->placeholder, GTK_WIDGET (self));
}

/* --- public API ---------------------------------------------------------------- */

/**
 * byline_preview_new:
 *
 * Returns: (transfer floating): a preview showing nothing yet
 */
GtkWidget *
byline_preview_new (void)
{
  return g_object_new (BYLINE_TYPE_PREVIEW, NULL);
}

/**
 * byline_preview_get_article:
 *
 * Returns: (transfer none) (nullable): the article shown
 */
BylineArticle *
byline_preview_get_article (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->article;
}

static void
on_article_notify (BylinePreview *self,
                   GParamSpec    *pspec,
                   BylineArticle *article)
{
  self->retried_after_crash = FALSE;
  schedule_render (self, RENDER_DELAY_MS);
}

static void
on_pin_notify (BylinePreview *self,
               GParamSpec    *pspec,
               BylinePin     *pin)
{
  self->retried_after_crash = FALSE;
  schedule_render (self, RENDER_DELAY_MS);
}

static void
unwatch_pins (BylinePreview *self)
{
  if (self->watched_pins != NULL)
    {
      for (guint i = 0; i < self->watched_pins->len; i++)
        g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched_pins, i),
                                              on_pin_notify, self);
      g_ptr_array_set_size (self->watched_pins, 0);
    }
}

static void
watch_pins (BylinePreview *self)
{
  guint n_pins;

  unwatch_pins (self);
  if (self->pins == NULL)
    return;

  n_pins = g_list_model_get_n_items (self->pins);
  for (guint i = 0; i < n_pins; i++)
    {
      BylinePin *pin = g_list_model_get_item (self->pins, i);

      g_signal_connect_object (pin, "notify", G_CALLBACK (on_pin_notify), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (self->watched_pins, pin);
    }
}

static void
on_pins_changed (BylinePreview *self,
                 guint          position,
                 guint          removed,
                 guint          added,
                 GListModel    *pins)
{
  watch_pins (self);
  self->retried_after_crash = FALSE;
  schedule_render (self, RENDER_DELAY_MS);
}

static void
set_pins (BylinePreview *self,
          GListModel    *pins)
{
  unwatch_pins (self);
  if (self->pins != NULL)
    g_signal_handlers_disconnect_by_func (self->pins, on_pins_changed, self);

  g_set_object (&self->pins, pins);

  if (pins != NULL)
    {
      g_signal_connect_object (pins, "items-changed", G_CALLBACK (on_pins_changed), self,
                               G_CONNECT_SWAPPED);
      watch_pins (self);
    }
}

/**
 * byline_preview_set_article:
 * @article: (nullable): the article to show
 *
 * Shows @article as it will be published, and follows its changes.
 */
void
byline_preview_set_article (BylinePreview *self,
                            BylineArticle *article)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));
  g_return_if_fail (article == NULL || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    g_clear_signal_handler (&self->article_notify_id, self->article);

  g_set_object (&self->article, article);

  if (article != NULL)
    self->article_notify_id = g_signal_connect_object (article, "notify",
                                                       G_CALLBACK (on_article_notify), self,
                                                       G_CONNECT_SWAPPED);
  set_pins (self, article != NULL ? byline_article_get_pins (article) : NULL);

  self->reset_scroll = TRUE;
  self->retried_after_crash = FALSE;
  schedule_render (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
}

/**
 * byline_preview_get_publication:
 *
 * Returns: (transfer none): the masthead the page is shown under
 */
const BylinePublication *
byline_preview_get_publication (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->publication;
}

static gboolean
publication_equal (const BylinePublication *a,
                   const BylinePublication *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->tagline, b->tagline) == 0 &&
         g_strcmp0 (a->base_url, b->base_url) == 0 &&
         g_strcmp0 (a->language, b->language) == 0;
}

/**
 * byline_preview_set_store:
 * @store: (nullable): the newsroom that keeps the articles' pictures
 *
 * Without one, the preview shows no lead picture.
 */
void
byline_preview_set_store (BylinePreview *self,
                          BylineStore   *store)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));
  g_return_if_fail (store == NULL || BYLINE_IS_STORE (store));

  if (g_set_object (&self->store, store))
    schedule_render (self, 0);
}

/**
 * byline_preview_set_publication:
 * @publication: (nullable): the masthead; NULL for the defaults
 *
 * Copies @publication and shows the page under it.
 */
void
byline_preview_set_publication (BylinePreview           *self,
                                const BylinePublication *publication)
{
  g_autoptr(BylinePublication) copy = NULL;

  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  copy = publication != NULL ? byline_publication_copy (publication) : byline_publication_new ();
  if (publication_equal (copy, self->publication))
    return;

  byline_publication_free (self->publication);
  self->publication = g_steal_pointer (&copy);

  schedule_render (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PUBLICATION]);
}

/**
 * byline_preview_get_review_baseline:
 *
 * Returns: (transfer none) (nullable): the text changes are marked against
 */
BylineArticle *
byline_preview_get_review_baseline (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->review_baseline;
}

/**
 * byline_preview_set_review_baseline:
 * @baseline: (nullable): an earlier text of the article, or NULL
 *
 * Review mode: with @baseline, the page shows what changed since it, added
 * words underlined and removed ones struck through, in the body, headline
 * and standfirst. NULL shows the page as it will be published. @baseline is
 * read, never changed; an export never carries the marks.
 */
void
byline_preview_set_review_baseline (BylinePreview *self,
                                    BylineArticle *baseline)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));
  g_return_if_fail (baseline == NULL || BYLINE_IS_ARTICLE (baseline));

  if (!g_set_object (&self->review_baseline, baseline))
    return;

  self->retried_after_crash = FALSE;
  schedule_render (self, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVIEW_BASELINE]);
}

/**
 * byline_preview_get_html:
 *
 * Returns: (nullable): the page last handed to WebKit
 */
const char *
byline_preview_get_html (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->html;
}

/**
 * byline_preview_refresh:
 *
 * Renders and reloads the page now, without waiting for the debounce, even
 * when nothing in the article changed (its image file may have). Before the
 * web view exists, or while the preview is not shown, it renders when it can.
 */
void
byline_preview_refresh (BylinePreview *self)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  self->force = TRUE;
  self->stale = TRUE;
  g_clear_handle_id (&self->render_source, g_source_remove);

  if (self->web_view != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_render (self);
}

GtkWidget *
_byline_preview_get_remote_images_bar (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return gtk_widget_get_visible (self->remote_bar) ? self->remote_bar : NULL;
}

GtkWidget *
_byline_preview_get_load_remote_images_button (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->remote_button;
}

GtkWidget *
_byline_preview_get_web_view (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), NULL);

  return self->web_view;
}

gboolean
_byline_preview_is_unavailable (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), FALSE);

  return self->unavailable;
}

void
_byline_preview_set_web_module_path (const char *path)
{
  g_free (web_module_path_override);
  web_module_path_override = g_strdup (path);
}

/**
 * byline_preview_get_phone:
 * @self: a preview
 *
 * Returns: whether the page is laid out as on a phone rather than on a
 *   desktop
 */
gboolean
byline_preview_get_phone (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), FALSE);

  return self->phone;
}

/**
 * byline_preview_set_phone:
 * @self: a preview
 * @phone: %TRUE for a phone's page, %FALSE for a desktop's
 *
 * Lays the page out for a phone's width or a desktop's, scaled to fit the
 * pane either way.
 */
void
byline_preview_set_phone (BylinePreview *self,
                          gboolean       phone)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  phone = !!phone;
  if (self->phone == phone)
    return;

  self->phone = phone;
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (phone ? self->phone_button : self->desktop_button), TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  update_zoom (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * byline_preview_get_zoom:
 * @self: a preview
 *
 * Returns: how much the page is scaled to fit the pane (1 for its own size)
 */
double
byline_preview_get_zoom (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), 1.0);

  return self->zoom;
}

/**
 * byline_preview_follow_block:
 * @self: a preview
 * @block: the body's block being edited, counted from 0 as
 *   byline_text_block_at_offset() counts; -1 for none
 *
 * Keeps that block of the body in sight: the page scrolls to it when it is
 * out of view, now and after each new render.
 */
void
byline_preview_follow_block (BylinePreview *self,
                             int            block)
{
  g_return_if_fail (BYLINE_IS_PREVIEW (self));

  block = MAX (block, -1);
  if (self->follow_block == block)
    return;

  self->follow_block = block;
  apply_follow_block (self);
}

/**
 * byline_preview_get_follow_block:
 * @self: a preview
 *
 * Returns: the body block the preview keeps in sight, or -1
 */
int
byline_preview_get_follow_block (BylinePreview *self)
{
  g_return_val_if_fail (BYLINE_IS_PREVIEW (self), -1);

  return self->follow_block;
}
