/* byline-demo.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-demo"

#include "config.h"

#include <stdlib.h>

#include "byline-demo.h"
#include "byline-importer.h"
#include "byline-media.h"

#define DEMO_PATH "/io/github/bylinedesk/Byline/demo"
#define DEMO_IMAGES_PATH "/io/github/bylinedesk/Byline/demo-images"

/* The core resource lives in this static library; referring to it keeps the
 * linker from dropping it. */
GResource *byline_core_get_resource (void);

static int
compare_reverse (const char **a,
                 const char **b)
{
  return g_strcmp0 (*b, *a);
}

/* A demo article names its picture by file name; the picture is kept in
 * the newsroom from the resource, as a photographer's would be once
 * chosen, so the preview and exports show it. */
static gboolean
place_demo_image (BylineStore    *store,
                  BylineArticle  *article,
                  GError        **error)
{
  const char *name = byline_article_get_image (article);
  g_autofree char *resource = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  if (*name == '\0' || g_path_is_absolute (name) || byline_media_is_remote (name))
    return TRUE;

  resource = g_build_path ("/", DEMO_IMAGES_PATH, name, NULL);
  bytes = g_resource_lookup_data (byline_core_get_resource (), resource, 0, error);
  if (bytes == NULL)
    return FALSE;

  reference = byline_store_add_media (store, bytes, &local_error);
  if (reference == NULL)
    {
      /* A demo without its picture is still a demo. */
      g_debug ("Could not keep the demo picture %s: %s", name, local_error->message);
      byline_article_set_image (article, NULL);
      return TRUE;
    }

  byline_article_set_image (article, reference);
  return TRUE;
}

static const char * const demo_names[] = { "Adeyemi", "Ines", "Mbeki", "Portvale" };

gboolean
byline_demo_populate (BylineStore  *store,
                      GError      **error)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) names = NULL;

  g_return_val_if_fail (BYLINE_IS_STORE (store), FALSE);

  names = g_resource_enumerate_children (byline_core_get_resource (), DEMO_PATH, 0, error);
  if (names == NULL)
    return FALSE;

  /* Last file first: the list shows the newest (then the highest id) on
   * top, and the first file is the one a new user should see open. */
  qsort (names, g_strv_length (names), sizeof (char *), (GCompareFunc)compare_reverse);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_path ("/", DEMO_PATH, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (byline_core_get_resource (), path, 0, error);
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      gsize len;
      const char *text;

      if (bytes == NULL)
        return FALSE;

      text = g_bytes_get_data (bytes, &len);
      article = byline_import_markdown (text, len, utc, error);
      if (article == NULL ||
          !place_demo_image (store, article, error) ||
          !byline_store_save_article (store, article, error))
        return FALSE;

      g_ptr_array_add (articles, g_steal_pointer (&article));
    }

  /* Links can point at any demo article once all of them exist. */
  for (guint i = 0; i < articles->len; i++)
    {
      BylineArticle *article = g_ptr_array_index (articles, i);

      byline_store_resolve_pins (store, article);
      if (!byline_store_save_article (store, article, error))
        return FALSE;
    }

  /* The demo's people and places, as a desk would add them to the newsroom
   * dictionary: the spell checker then marks none of them. */
  for (guint i = 0; i < G_N_ELEMENTS (demo_names); i++)
    if (!byline_store_add_to_dictionary (store, demo_names[i], error))
      return FALSE;

  return TRUE;
}
