/* byline-front-matter.h
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BYLINE_FRONT_MATTER_ERROR (byline_front_matter_error_quark ())

typedef enum
{
  BYLINE_FRONT_MATTER_ERROR_SYNTAX,        /* not YAML */
  BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING,   /* YAML, but not "key: value" lines */
  BYLINE_FRONT_MATTER_ERROR_DUPLICATE_KEY,
} BylineFrontMatterError;

typedef enum
{
  BYLINE_FRONT_MATTER_NONE,    /* no such key */
  BYLINE_FRONT_MATTER_STRING,  /* a scalar, also a number or date, as written */
  BYLINE_FRONT_MATTER_LIST,    /* a sequence of scalars */
  BYLINE_FRONT_MATTER_OTHER,   /* a nested mapping, or a list holding lists or mappings */
} BylineFrontMatterType;

typedef struct _BylineFrontMatter BylineFrontMatter;

GQuark                 byline_front_matter_error_quark (void);

BylineFrontMatter     *byline_front_matter_parse       (const char         *text,
                                                        gssize              length,
                                                        guint               first_line,
                                                        GError            **error);
void                   byline_front_matter_free        (BylineFrontMatter  *self);

const char * const    *byline_front_matter_get_keys    (BylineFrontMatter  *self);
BylineFrontMatterType  byline_front_matter_get_value_type (BylineFrontMatter *self,
                                                        const char         *key);
guint                  byline_front_matter_get_line    (BylineFrontMatter  *self,
                                                        const char         *key);
const char            *byline_front_matter_get_string  (BylineFrontMatter  *self,
                                                        const char         *key);
const char * const    *byline_front_matter_get_list    (BylineFrontMatter  *self,
                                                        const char         *key);
GStrv                  byline_front_matter_dup_items   (BylineFrontMatter  *self,
                                                        const char         *key);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BylineFrontMatter, byline_front_matter_free)

G_END_DECLS
