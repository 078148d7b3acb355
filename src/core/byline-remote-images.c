/* byline-remote-images.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-remote-images"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include <cmark.h>

#include "byline-html.h"
#include "byline-remote-images.h"
#include "byline-text.h"

/* One rule for the preview and the exports: an image is remote when its
 * address is http(s) ("https://host/a.jpg", also "HTTP:host/a.jpg", which a
 * browser reads the same) or a network-path reference ("//host/a.jpg",
 * which a published page fetches over the network). */

/* Skips what a browser skips at the start of an address: spaces and
 * control characters. */
static const char *
skip_leading (const char *url)
{
  while (*url != '\0' && (guchar) *url <= ' ')
    url++;

  return url;
}

static gboolean
is_slash (char c)
{
  return c == '/' || c == '\\';
}

/* The host part of @authority_start (userinfo and port left out), in
 * lower case; NULL when empty. Browsers drop tabs and line breaks inside an
 * address, and take a backslash for a slash. */
static char *
dup_authority_host (const char *authority_start)
{
  g_autoptr(GString) authority = g_string_new (NULL);
  const char *at;
  char *host;
  char *colon;

  for (const char *p = authority_start; *p != '\0'; p++)
    {
      if (*p == '\t' || *p == '\n' || *p == '\r')
        continue;
      if (is_slash (*p) || *p == '?' || *p == '#')
        break;
      g_string_append_c (authority, *p);
    }

  at = strrchr (authority->str, '@');
  host = g_ascii_strdown (at != NULL ? at + 1 : authority->str, -1);

  /* A port, but not the colons of an IPv6 address in brackets. */
  colon = strrchr (host, ':');
  if (colon != NULL && strchr (colon, ']') == NULL)
    *colon = '\0';

  if (*host == '\0')
    {
      g_free (host);
      return NULL;
    }

  return host;
}

/**
 * byline_remote_image_dup_host:
 * @url: an image's address as written
 *
 * Returns: (transfer full) (nullable): the host @url fetches the image
 *   from ("images.example.com"), or %NULL when it is not on another
 *   machine (a file, a relative path, data: and the like)
 */
char *
byline_remote_image_dup_host (const char *url)
{
  g_autofree char *scheme = NULL;
  const char *p;

  g_return_val_if_fail (url != NULL, NULL);

  p = skip_leading (url);
  scheme = byline_html_dup_url_scheme (p);

  if (scheme == NULL)
    {
      /* "//host/…" (or "\\host", "/\host"): the page's own scheme, on
       * another machine. */
      if (!is_slash (p[0]) || !is_slash (p[1]))
        return NULL;
      p += 2;
    }
  else if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https"))
    {
      p = strchr (p, ':') + 1;
    }
  else
    return NULL;

  while (is_slash (*p) || *p == '\t' || *p == '\n' || *p == '\r')
    p++;

  return dup_authority_host (p);
}

/**
 * byline_remote_images_list:
 * @article: an article
 *
 * Lists the images of @article that load from another machine: the lead
 * image when it is an address on the web, then the body's images, in the
 * order they appear, each address once. Links are not listed: nothing is
 * fetched until the reader follows one.
 *
 * Returns: (transfer full) (element-type utf8): their addresses
 */
GPtrArray *
byline_remote_images_list (BylineArticle *article)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *lead_host = NULL;
  g_autofree char *clean = NULL;
  const char *image;
  const char *body;
  cmark_node *document;
  cmark_iter *iter;
  cmark_event_type event;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  image = byline_article_get_image (article);
  if (image != NULL && (lead_host = byline_remote_image_dup_host (image)) != NULL)
    {
      g_ptr_array_add (urls, g_strdup (image));
      g_hash_table_add (seen, g_ptr_array_index (urls, 0));
    }

  body = byline_article_get_body (article);
  if (body == NULL || *body == '\0')
    return g_steal_pointer (&urls);

  /* Parsed as the renderer parses it, and only what it would show. */
  clean = byline_html_dup_clean (body);
  document = byline_text_parse_markdown (clean);
  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      g_autofree char *url = NULL;
      g_autofree char *host = NULL;

      if (event != CMARK_EVENT_ENTER || cmark_node_get_type (node) != CMARK_NODE_IMAGE)
        continue;

      url = byline_html_dup_safe_url (cmark_node_get_url (node));
      if (url == NULL || (host = byline_remote_image_dup_host (url)) == NULL ||
          g_hash_table_contains (seen, url))
        continue;

      g_ptr_array_add (urls, g_steal_pointer (&url));
      g_hash_table_add (seen, g_ptr_array_index (urls, urls->len - 1));
    }
  cmark_iter_free (iter);
  cmark_node_free (document);

  return g_steal_pointer (&urls);
}

/* --- the reader's choices ---------------------------------------------------
 *
 * A key file rather than a column: the choice is the reader's, not the
 * newsroom's (another desk opening the article decides for itself), and a
 * read-only newsroom keeps it too. */

#define CHOICES_GROUP "Load remote images"

/**
 * byline_remote_images_dup_choices_path:
 *
 * Returns: (transfer full): the file that keeps the reader's choices
 */
char *
byline_remote_images_dup_choices_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "byline", "remote-images.ini", NULL);
}

static GKeyFile *
load_choices (const char *path)
{
  GKeyFile *choices = g_key_file_new ();

  /* Missing or unreadable: no choice made yet. */
  g_key_file_load_from_file (choices, path, G_KEY_FILE_KEEP_COMMENTS, NULL);
  return choices;
}

/* A uuid is a key file key as it is; anything else (a hand-edited file, a
 * newsroom made by another program) is never looked up. */
static gboolean
is_key (const char *uuid)
{
  return uuid != NULL && *uuid != '\0' && g_uuid_string_is_valid (uuid);
}

/**
 * byline_remote_images_get_allowed:
 * @path: (nullable): the choices file, or %NULL for the default one
 * @uuid: the article's uuid
 *
 * Returns: whether the reader chose to load the remote images of @uuid
 */
gboolean
byline_remote_images_get_allowed (const char *path,
                                  const char *uuid)
{
  g_autofree char *default_path = NULL;
  g_autoptr(GKeyFile) choices = NULL;

  if (!is_key (uuid))
    return FALSE;

  if (path == NULL)
    path = default_path = byline_remote_images_dup_choices_path ();

  choices = load_choices (path);
  return g_key_file_get_boolean (choices, CHOICES_GROUP, uuid, NULL);
}

/**
 * byline_remote_images_set_allowed:
 * @path: (nullable): the choices file, or %NULL for the default one
 * @uuid: the article's uuid
 * @allowed: whether to load its remote images from now on
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the choice is on disk
 */
gboolean
byline_remote_images_set_allowed (const char  *path,
                                  const char  *uuid,
                                  gboolean     allowed,
                                  GError     **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GKeyFile) choices = NULL;

  g_return_val_if_fail (is_key (uuid), FALSE);

  if (path == NULL)
    path = default_path = byline_remote_images_dup_choices_path ();

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not keep the choice to load remote images: the folder “%s” "
                     "could not be made (%s)."),
                   name, g_strerror (saved_errno));
      return FALSE;
    }

  choices = load_choices (path);
  if (allowed)
    g_key_file_set_boolean (choices, CHOICES_GROUP, uuid, TRUE);
  else
    g_key_file_remove_key (choices, CHOICES_GROUP, uuid, NULL);

  /* g_key_file_save_to_file() replaces the file whole (a temporary file
   * renamed over it), so a crash leaves the old choices or the new. */
  return g_key_file_save_to_file (choices, path, error);
}
