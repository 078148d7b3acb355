/* byline-remote-images.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-remote-images"

#include "config.h"

#include <string.h>

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
