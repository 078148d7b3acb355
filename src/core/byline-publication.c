/* byline-publication.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-publication"

#include "config.h"

#include "byline-publication.h"

G_DEFINE_BOXED_TYPE (BylinePublication, byline_publication,
                     byline_publication_copy, byline_publication_free)

/**
 * byline_publication_new:
 *
 * Returns: (transfer full): the default publication settings
 */
BylinePublication *
byline_publication_new (void)
{
  BylinePublication *self = g_new0 (BylinePublication, 1);

  self->name = g_strdup ("The Byline Courier");
  self->tagline = g_strdup ("Independent news from the harbour city");
  self->base_url = g_strdup ("");
  self->language = g_strdup ("en");

  return self;
}

BylinePublication *
byline_publication_copy (const BylinePublication *self)
{
  BylinePublication *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (BylinePublication, 1);
  copy->name = g_strdup (self->name);
  copy->tagline = g_strdup (self->tagline);
  copy->base_url = g_strdup (self->base_url);
  copy->language = g_strdup (self->language);

  return copy;
}

void
byline_publication_free (BylinePublication *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->tagline);
  g_free (self->base_url);
  g_free (self->language);
  g_free (self);
}

/* NULL leaves a field as it is. */
void
byline_publication_set (BylinePublication *self,
                        const char        *name,
                        const char        *tagline,
                        const char        *base_url)
{
  g_return_if_fail (self != NULL);

  if (name != NULL)
    {
      g_free (self->name);
      self->name = g_strdup (name);
    }
  if (tagline != NULL)
    {
      g_free (self->tagline);
      self->tagline = g_strdup (tagline);
    }
  if (base_url != NULL)
    {
      g_free (self->base_url);
      self->base_url = g_strdup (base_url);
    }
}
