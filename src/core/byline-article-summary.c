/* byline-article-summary.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-article-summary"

#include "config.h"

#include "byline-article-summary-private.h"

G_DEFINE_FINAL_TYPE (BylineArticleSummary, byline_article_summary, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_HEADLINE,
  PROP_DISPLAY_HEADLINE,
  PROP_SECTION,
  PROP_STATUS,
  PROP_UPDATED,
  PROP_OPEN_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_article_summary_finalize (GObject *object)
{
  BylineArticleSummary *self = (BylineArticleSummary *)object;

  g_clear_pointer (&self->uuid, g_free);
  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->standfirst, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->tags, g_strfreev);

  g_free (self->editor_name);
  g_free (self->editor_desk);

  G_OBJECT_CLASS (byline_article_summary_parent_class)->finalize (object);
}

static void
byline_article_summary_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BylineArticleSummary *self = BYLINE_ARTICLE_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_HEADLINE:
      g_value_set_string (value, byline_article_summary_get_headline (self));
      break;
    case PROP_DISPLAY_HEADLINE:
      g_value_set_string (value, byline_article_summary_get_display_headline (self));
      break;
    case PROP_SECTION:
      g_value_set_string (value, byline_article_summary_get_section (self));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_OPEN_NOTES:
      g_value_set_uint (value, self->open_notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_summary_class_init (BylineArticleSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = byline_article_summary_finalize;
  object_class->get_property = byline_article_summary_get_property;

  /* Read-only: a summary is replaced, never changed, when the article is
   * saved, so these never notify. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, "", flags);
  properties[PROP_DISPLAY_HEADLINE] =
    g_param_spec_string ("display-headline", NULL, NULL, NULL, flags);
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "", flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BYLINE_TYPE_STATUS, BYLINE_STATUS_DRAFT, flags);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OPEN_NOTES] =
    g_param_spec_uint ("open-notes", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_article_summary_init (BylineArticleSummary *self)
{
  self->tags = g_new0 (char *, 1);
}

BylineArticleSummary *
_byline_article_summary_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE_SUMMARY, NULL);
}

void
_byline_article_summary_set_tags_string (BylineArticleSummary *self,
                                         const char           *tags)
{
  g_return_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self));

  g_strfreev (self->tags);
  self->tags = byline_tags_parse_stored (tags);
}

gint64
byline_article_summary_get_id (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->id;
}

#define STRING_GETTER(name) \
  const char * \
  byline_article_summary_get_##name (BylineArticleSummary *self) \
  { \
    g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL); \
    return self->name != NULL ? self->name : ""; \
  }

STRING_GETTER (uuid)
STRING_GETTER (slug)
STRING_GETTER (headline)
STRING_GETTER (standfirst)
STRING_GETTER (section)

#undef STRING_GETTER

/**
 * byline_article_summary_get_tags:
 * @self: a summary
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags, never %NULL
 */
const char * const *
byline_article_summary_get_tags (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return (const char * const *)self->tags;
}

BylineStatus
byline_article_summary_get_status (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

gint64
byline_article_summary_get_created (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->created;
}

gint64
byline_article_summary_get_updated (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->updated;
}

gint64
byline_article_summary_get_published (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->published;
}

gint64
byline_article_summary_get_trashed (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->trashed;
}

guint
byline_article_summary_get_open_notes (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return self->open_notes;
}

const char *
byline_article_summary_get_editor_name (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return self->editor_name ? self->editor_name : "";
}

const char *
byline_article_summary_get_editor_desk (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return self->editor_desk ? self->editor_desk : "";
}

const char *
byline_article_summary_get_display_headline (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return byline_headline_for_display (self->headline);
}

gint64
byline_article_summary_get_shown_time (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), 0);
  return byline_time_shown (self->published, self->updated, self->created);
}

char *
byline_article_summary_dup_date_label (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return byline_date_label_for (byline_article_summary_get_shown_time (self));
}

char *
byline_article_summary_dup_page_name (BylineArticleSummary *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE_SUMMARY (self), NULL);
  return byline_page_name_for (self->id, self->slug, self->headline);
}
