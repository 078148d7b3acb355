/* byline-publication.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* What the masthead says and where pages live. */
typedef struct
{
  char *name;       /* "The Byline Courier" */
  char *tagline;    /* "News from the newsroom desk" */
  char *base_url;   /* "https://news.example.org/" or "" */
  char *language;   /* "en" */
} BylinePublication;

#define BYLINE_TYPE_PUBLICATION (byline_publication_get_type ())

GType              byline_publication_get_type (void) G_GNUC_CONST;
/* The defaults, used until someone sets their own. */
BylinePublication *byline_publication_new      (void);
BylinePublication *byline_publication_copy     (const BylinePublication *self);
void               byline_publication_free     (BylinePublication       *self);
void               byline_publication_set      (BylinePublication       *self,
                                                const char              *name,
                                                const char              *tagline,
                                                const char              *base_url);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylinePublication, byline_publication_free)

G_END_DECLS
