/* byline-article-fields.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-article-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-article-fields.h"

#define TEXT(name) \
  .get_text = byline_article_get_##name, .set_text = byline_article_set_##name
#define INT(name) \
  .get_int = byline_article_get_##name, .set_int = byline_article_set_##name

/* What a revision keeps and a restore brings back. */
#define KEPT (BYLINE_FIELD_REVISION | BYLINE_FIELD_RESTORED)

const BylineArticleField byline_article_fields[] = {
  { "id", BYLINE_FIELD_TYPE_ID, BYLINE_FIELD_KEY, NULL, 0, INT (id) },
  { "uuid", BYLINE_FIELD_TYPE_TEXT, BYLINE_FIELD_STAMPED, NULL, 0, TEXT (uuid) },
  { "slug", BYLINE_FIELD_TYPE_TEXT, BYLINE_FIELD_STAMPED, NULL, 0, TEXT (slug) },
  { "section", BYLINE_FIELD_TYPE_TEXT, KEPT | BYLINE_FIELD_CHECKED,
    N_("section"), 0, TEXT (section) },
  { "headline", BYLINE_FIELD_TYPE_TEXT,
    KEPT | BYLINE_FIELD_SEARCHED | BYLINE_FIELD_WORDS | BYLINE_FIELD_CHECKED,
    N_("headline"), 3.0, TEXT (headline) },
  { "standfirst", BYLINE_FIELD_TYPE_TEXT,
    KEPT | BYLINE_FIELD_SEARCHED | BYLINE_FIELD_WORDS | BYLINE_FIELD_CHECKED,
    N_("standfirst"), 2.0, TEXT (standfirst) },
  { "byline", BYLINE_FIELD_TYPE_TEXT, KEPT | BYLINE_FIELD_CHECKED,
    N_("byline"), 0, TEXT (byline) },
  { "dateline", BYLINE_FIELD_TYPE_TEXT, KEPT | BYLINE_FIELD_CHECKED,
    N_("dateline"), 0, TEXT (dateline) },
  { "caption", BYLINE_FIELD_TYPE_TEXT,
    KEPT | BYLINE_FIELD_SEARCHED | BYLINE_FIELD_WORDS | BYLINE_FIELD_CHECKED,
    N_("caption"), 1.0, TEXT (caption) },
  { "credit", BYLINE_FIELD_TYPE_TEXT, KEPT | BYLINE_FIELD_CHECKED,
    N_("credit"), 0, TEXT (credit) },
  { "image", BYLINE_FIELD_TYPE_TEXT, KEPT, NULL, 0, TEXT (image) },
  { "image_alt", BYLINE_FIELD_TYPE_TEXT, KEPT | BYLINE_FIELD_CHECKED,
    N_("image description"), 0, TEXT (image_alt) },
  { "body", BYLINE_FIELD_TYPE_TEXT,
    KEPT | BYLINE_FIELD_SEARCHED | BYLINE_FIELD_WORDS | BYLINE_FIELD_CHECKED | BYLINE_FIELD_MARKDOWN,
    N_("body"), 1.0, TEXT (body) },
  { "tags", BYLINE_FIELD_TYPE_TAGS, KEPT | BYLINE_FIELD_SEARCHED, NULL, 3.0 },
  { "status", BYLINE_FIELD_TYPE_STATUS, BYLINE_FIELD_WORKFLOW, NULL, 0 },
  { "created", BYLINE_FIELD_TYPE_TIME, BYLINE_FIELD_STAMPED, NULL, 0, INT (created) },
  { "updated", BYLINE_FIELD_TYPE_TIME, BYLINE_FIELD_STAMPED, NULL, 0, INT (updated) },
  { "published", BYLINE_FIELD_TYPE_TIME, BYLINE_FIELD_REVISION | BYLINE_FIELD_OPTIONAL,
    NULL, 0, INT (published) },
  { "language", BYLINE_FIELD_TYPE_TEXT, KEPT, NULL, 0, TEXT (language) },
  { "version", BYLINE_FIELD_TYPE_ID, BYLINE_FIELD_STAMPED | BYLINE_FIELD_VERSION,
    NULL, 0, INT (version) },
  { "updated_by", BYLINE_FIELD_TYPE_TEXT, BYLINE_FIELD_STAMPED, NULL, 0, TEXT (updated_by) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (byline_article_fields) == BYLINE_N_ARTICLE_FIELDS);

#undef TEXT
#undef INT
#undef KEPT

/**
 * byline_article_field_find:
 * @name: a column name
 *
 * Returns: (transfer none) (nullable): the field
 */
const BylineArticleField *
byline_article_field_find (const char *name)
{
  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      if (g_strcmp0 (byline_article_fields[i].name, name) == 0)
        return &byline_article_fields[i];
    }

  return NULL;
}

gboolean
byline_article_field_is_text (const BylineArticleField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  return field->type == BYLINE_FIELD_TYPE_TEXT ||
         field->type == BYLINE_FIELD_TYPE_TAGS ||
         field->type == BYLINE_FIELD_TYPE_STATUS;
}

char *
byline_article_field_dup_text (const BylineArticleField *field,
                               BylineArticle            *article)
{
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  switch (field->type)
    {
    case BYLINE_FIELD_TYPE_TEXT:
      return g_strdup (field->get_text (article));
    case BYLINE_FIELD_TYPE_TAGS:
      return byline_tags_dup_stored (byline_article_get_tags (article));
    case BYLINE_FIELD_TYPE_STATUS:
      return g_strdup (byline_status_to_string (byline_article_get_status (article)));
    case BYLINE_FIELD_TYPE_ID:
    case BYLINE_FIELD_TYPE_TIME:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
byline_article_field_set_text (const BylineArticleField *field,
                               BylineArticle            *article,
                               const char               *text)
{
  BylineStatus status = BYLINE_STATUS_DRAFT;

  g_return_if_fail (field != NULL);
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  switch (field->type)
    {
    case BYLINE_FIELD_TYPE_TEXT:
      field->set_text (article, text);
      break;
    case BYLINE_FIELD_TYPE_TAGS:
      {
        g_auto(GStrv) tags = byline_tags_parse_stored (text);

        byline_article_set_tags (article, (const char * const *)tags);
      }
      break;
    case BYLINE_FIELD_TYPE_STATUS:
      /* A state this build does not know reads as a draft. */
      byline_status_from_string (text, &status);
      byline_article_set_status (article, status);
      break;
    case BYLINE_FIELD_TYPE_ID:
    case BYLINE_FIELD_TYPE_TIME:
    default:
      g_return_if_reached ();
    }
}

gint64
byline_article_field_get_int (const BylineArticleField *field,
                              BylineArticle            *article)
{
  g_return_val_if_fail (field != NULL && field->get_int != NULL, 0);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), 0);

  return field->get_int (article);
}

void
byline_article_field_set_int (const BylineArticleField *field,
                              BylineArticle            *article,
                              gint64                    value)
{
  g_return_if_fail (field != NULL && field->set_int != NULL);
  g_return_if_fail (BYLINE_IS_ARTICLE (article));

  field->set_int (article, value);
}

static gboolean
field_equal (const BylineArticleField *field,
             BylineArticle            *a,
             BylineArticle            *b)
{
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  switch (field->type)
    {
    case BYLINE_FIELD_TYPE_TEXT:
      /* The common case, without copying a long body. */
      return g_strcmp0 (field->get_text (a), field->get_text (b)) == 0;
    case BYLINE_FIELD_TYPE_TAGS:
    case BYLINE_FIELD_TYPE_STATUS:
      text_a = byline_article_field_dup_text (field, a);
      text_b = byline_article_field_dup_text (field, b);
      return g_strcmp0 (text_a, text_b) == 0;
    case BYLINE_FIELD_TYPE_ID:
    case BYLINE_FIELD_TYPE_TIME:
    default:
      return field->get_int (a) == field->get_int (b);
    }
}

gboolean
byline_article_fields_equal (BylineArticle    *a,
                             BylineArticle    *b,
                             BylineFieldFlags  flags)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (a), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (b), FALSE);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if ((field->flags & flags) == flags && !field_equal (field, a, b))
        return FALSE;
    }

  return TRUE;
}

void
byline_article_fields_copy (BylineArticle    *to,
                            BylineArticle    *from,
                            BylineFieldFlags  flags)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (to));
  g_return_if_fail (BYLINE_IS_ARTICLE (from));

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if ((field->flags & flags) != flags)
        continue;

      switch (field->type)
        {
        case BYLINE_FIELD_TYPE_TEXT:
          field->set_text (to, field->get_text (from));
          break;
        case BYLINE_FIELD_TYPE_TAGS:
          byline_article_set_tags (to, byline_article_get_tags (from));
          break;
        case BYLINE_FIELD_TYPE_STATUS:
          byline_article_set_status (to, byline_article_get_status (from));
          break;
        case BYLINE_FIELD_TYPE_ID:
        case BYLINE_FIELD_TYPE_TIME:
        default:
          field->set_int (to, field->get_int (from));
          break;
        }
    }
}

/**
 * byline_article_fields_find_invalid:
 * @article: an article
 * @flags: which fields to look at
 *
 * Returns: (transfer none) (nullable): the first of them that is not
 *   valid UTF-8
 */
const BylineArticleField *
byline_article_fields_find_invalid (BylineArticle    *article,
                                    BylineFieldFlags  flags)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), NULL);

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if ((field->flags & flags) != flags || field->type != BYLINE_FIELD_TYPE_TEXT)
        continue;

      if (!g_utf8_validate (field->get_text (article), -1, NULL))
        return field;
    }

  return NULL;
}
