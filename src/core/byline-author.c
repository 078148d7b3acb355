/* byline-author.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-author"

#include "config.h"

#include <string.h>

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

/* "By", "by:" and "BY" in front of the names. */
static const char *
skip_by (const char *byline)
{
  const char *rest;

  if (g_ascii_strncasecmp (byline, "by", 2) != 0)
    return byline;

  rest = byline + 2;
  if (*rest != '\0' && *rest != ':' && !g_unichar_isspace (g_utf8_get_char (rest)))
    return byline;

  while (*rest == ':' || g_unichar_isspace (g_utf8_get_char (rest)))
    rest = g_utf8_next_char (rest);

  return rest;
}

static void
add_name (GStrvBuilder *names,
          const char   *name)
{
  g_autofree char *clean = g_strstrip (g_strdup (name));

  if (*clean != '\0')
    g_strv_builder_add (names, clean);
}

GStrv
byline_author_split_byline (const char *byline)
{
  static GRegex *and_regex;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) parts = NULL;

  if (g_once_init_enter (&and_regex))
    g_once_init_leave (&and_regex, g_regex_new ("\\s*,?\\s+(?:and|&)\\s+", G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));

  if (byline == NULL || !g_utf8_validate (byline, -1, NULL))
    return g_strv_builder_end (names);

  text = g_strstrip (g_strdup (skip_by (byline)));
  parts = g_regex_split (and_regex, text, 0);

  if (g_strv_length (parts) < 2)
    {
      /* One person, maybe with a title: "Sam Holt, BBC News". */
      const char *comma = strchr (text, ',');

      if (comma != NULL)
        text[comma - text] = '\0';
      add_name (names, text);
      return g_strv_builder_end (names);
    }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) listed = g_strsplit (parts[i], ",", -1);

      for (guint j = 0; listed[j] != NULL; j++)
        add_name (names, listed[j]);
    }

  return g_strv_builder_end (names);
}
