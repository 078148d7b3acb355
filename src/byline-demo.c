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

#define DEMO_PATH "/io/github/bylinedesk/Byline/demo"

/* The core resource lives in this static library; referring to it keeps the
 * linker from dropping it. */
GResource *byline_core_get_resource (void);

static int
compare_reverse (const char **a,
                 const char **b)
{
  return g_strcmp0 (*b, *a);
}

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
      if (article == NULL || !byline_store_save_article (store, article, error))
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

  return TRUE;
}
