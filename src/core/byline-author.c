/* byline-author.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-author"

#include "config.h"

#include "byline-author.h"

/**
 * byline_author_dup_name:
 * @settings: (nullable): Byline's settings
 *
 * Returns: (transfer full): who is at the keyboard
 */
char *
byline_author_dup_name (GSettings *settings)
{
  g_autofree char *name = NULL;
  const char *real_name;

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings != NULL)
    {
      name = g_settings_get_string (settings, "author-name");
      g_strstrip (name);
      if (*name != '\0' && g_utf8_validate (name, -1, NULL))
        return g_steal_pointer (&name);
    }

  /* GLib answers "Unknown" when the account has no real name. */
  real_name = g_get_real_name ();
  if (real_name != NULL && *real_name != '\0' && g_strcmp0 (real_name, "Unknown") != 0 &&
      g_utf8_validate (real_name, -1, NULL))
    return g_strdup (real_name);

  return g_utf8_make_valid (g_get_user_name (), -1);
}
