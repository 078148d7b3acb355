/* byline-article.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-article"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "byline-article.h"
#include "byline-pin.h"
#include "byline-util.h"

/* The text fields live in one array indexed by property id, so each setter is
 * one line and copy/compare loops stay short. */
enum {
  PROP_0,
  PROP_UUID,
  PROP_SLUG,
  PROP_SECTION,
  PROP_HEADLINE,
  PROP_STANDFIRST,
  PROP_BYLINE,
  PROP_DATELINE,
  PROP_CAPTION,
  PROP_CREDIT,
  PROP_IMAGE,
  PROP_IMAGE_ALT,
  PROP_BODY,
  PROP_LANGUAGE,
  PROP_UPDATED_BY,
  LAST_STRING_PROP = PROP_UPDATED_BY,
  PROP_ID,
  PROP_VERSION,
  PROP_TAGS,
  PROP_STATUS,
  PROP_CREATED,
  PROP_UPDATED,
  PROP_PUBLISHED,
  N_PROPS
};

struct _BylineArticle
{
  GObject       parent_instance;

  char         *strings[LAST_STRING_PROP + 1];
  char        **tags;
  GListStore   *pins;
  gint64        id;
  gint64        version;
  gint64        created;
  gint64        updated;
  gint64        published;
  BylineStatus  status;
};

G_DEFINE_FINAL_TYPE (BylineArticle, byline_article, G_TYPE_OBJECT)

G_DEFINE_QUARK (byline-article-error-quark, byline_article_error)

static GParamSpec *properties[N_PROPS];

static const GEnumValue status_values[] = {
  { BYLINE_STATUS_DRAFT, "BYLINE_STATUS_DRAFT", "draft" },
  { BYLINE_STATUS_IN_REVIEW, "BYLINE_STATUS_IN_REVIEW", "in-review" },
  { BYLINE_STATUS_APPROVED, "BYLINE_STATUS_APPROVED", "approved" },
  { BYLINE_STATUS_PUBLISHED, "BYLINE_STATUS_PUBLISHED", "published" },
  { BYLINE_STATUS_SPIKED, "BYLINE_STATUS_SPIKED", "spiked" },
  { 0, NULL, NULL }
};

GType
byline_status_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("BylineStatus", status_values));

  return type_id;
}

const char *
byline_status_to_string (BylineStatus status)
{
  g_return_val_if_fail (status < BYLINE_N_STATUSES, "draft");
  return status_values[status].value_nick;
}

gboolean
byline_status_from_string (const char   *str,
                           BylineStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (str == NULL)
    return FALSE;

  for (guint i = 0; i < BYLINE_N_STATUSES; i++)
    {
      if (g_ascii_strcasecmp (str, status_values[i].value_nick) == 0)
        {
          *status = status_values[i].value;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
byline_status_get_label (BylineStatus status)
{
  switch (status)
    {
    case BYLINE_STATUS_DRAFT:
      /* Translators: the states an article goes through, shown on the state
       * button, in the filter and in lists */
      return C_("article state", "Draft");
    case BYLINE_STATUS_IN_REVIEW:
      return C_("article state", "In Review");
    case BYLINE_STATUS_APPROVED:
      return C_("article state", "Approved");
    case BYLINE_STATUS_PUBLISHED:
      /* Translators: the state; the field with the publication time is
       * translated apart (context “article field”) */
      return C_("article state", "Published");
    case BYLINE_STATUS_SPIKED:
      return C_("article state", "Spiked");
    default:
      g_return_val_if_reached ("");
    }
}

static void
byline_article_finalize (GObject *object)
{
  BylineArticle *self = (BylineArticle *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_clear_pointer (&self->strings[i], g_free);
  g_clear_pointer (&self->tags, g_strfreev);
  g_clear_object (&self->pins);

  G_OBJECT_CLASS (byline_article_parent_class)->finalize (object);
}

static const char *
get_string (BylineArticle *self,
            guint          prop_id)
{
  g_assert (prop_id > PROP_0 && prop_id <= LAST_STRING_PROP);

  return self->strings[prop_id] ? self->strings[prop_id] : "";
}

static void
set_string (BylineArticle *self,
            guint          prop_id,
            const char    *value)
{
  g_assert (prop_id > PROP_0 && prop_id <= LAST_STRING_PROP);

  if (value == NULL)
    value = "";

  if (byline_set_str (&self->strings[prop_id], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_time (BylineArticle *self,
          gint64        *field,
          guint          prop_id,
          gint64         value)
{
  value = MAX (value, 0);
  if (*field != value)
    {
      *field = value;
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
    }
}

static void
byline_article_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  if (prop_id > PROP_0 && prop_id <= LAST_STRING_PROP)
    {
      g_value_set_string (value, get_string (self, prop_id));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_TAGS:
      g_value_set_boxed (value, self->tags);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;
    case PROP_UPDATED:
      g_value_set_int64 (value, self->updated);
      break;
    case PROP_PUBLISHED:
      g_value_set_int64 (value, self->published);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  BylineArticle *self = BYLINE_ARTICLE (object);

  if (prop_id > PROP_0 && prop_id <= LAST_STRING_PROP)
    {
      set_string (self, prop_id, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_ID:
      byline_article_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_VERSION:
      byline_article_set_version (self, g_value_get_int64 (value));
      break;
    case PROP_TAGS:
      byline_article_set_tags (self, g_value_get_boxed (value));
      break;
    case PROP_STATUS:
      byline_article_set_status (self, g_value_get_enum (value));
      break;
    case PROP_CREATED:
      byline_article_set_created (self, g_value_get_int64 (value));
      break;
    case PROP_UPDATED:
      byline_article_set_updated (self, g_value_get_int64 (value));
      break;
    case PROP_PUBLISHED:
      byline_article_set_published (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_article_class_init (BylineArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const string_names[] = {
    NULL, "uuid", "slug", "section", "headline", "standfirst", "byline",
    "dateline", "caption", "credit", "image", "image-alt", "body", "language",
    "updated-by",
  };
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == LAST_STRING_PROP + 1);

  object_class->finalize = byline_article_finalize;
  object_class->get_property = byline_article_get_property;
  object_class->set_property = byline_article_set_property;

  for (guint i = PROP_0 + 1; i <= LAST_STRING_PROP; i++)
    properties[i] = g_param_spec_string (string_names[i], NULL, NULL, "", flags);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_TAGS] =
    g_param_spec_boxed ("tags", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, BYLINE_TYPE_STATUS, BYLINE_STATUS_DRAFT, flags);
  properties[PROP_CREATED] =
    g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_UPDATED] =
    g_param_spec_int64 ("updated", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PUBLISHED] =
    g_param_spec_int64 ("published", NULL, NULL, 0, G_MAXINT64, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_article_init (BylineArticle *self)
{
  self->pins = g_list_store_new (BYLINE_TYPE_PIN);
  self->tags = g_new0 (char *, 1);
  self->strings[PROP_LANGUAGE] = g_strdup ("en");
}

BylineArticle *
byline_article_new (void)
{
  return g_object_new (BYLINE_TYPE_ARTICLE, NULL);
}

/**
 * byline_article_copy:
 * @self: an article
 *
 * Returns: (transfer full): a deep copy, pins included, that can be handed
 *   to another thread
 */
BylineArticle *
byline_article_copy (BylineArticle *self)
{
  BylineArticle *copy;
  guint n_pins;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  copy = byline_article_new ();
  for (guint i = PROP_0 + 1; i <= LAST_STRING_PROP; i++)
    byline_set_str (&copy->strings[i], self->strings[i]);
  g_strfreev (copy->tags);
  copy->tags = g_strdupv (self->tags);
  copy->id = self->id;
  copy->version = self->version;
  copy->created = self->created;
  copy->updated = self->updated;
  copy->published = self->published;
  copy->status = self->status;

  n_pins = g_list_model_get_n_items (G_LIST_MODEL (self->pins));
  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (G_LIST_MODEL (self->pins), i);
      g_autoptr(BylinePin) pin_copy = byline_pin_new (byline_pin_get_position (pin),
                                                      byline_pin_get_related_id (pin),
                                                      byline_pin_get_headline (pin));

      byline_pin_set_page_name (pin_copy, byline_pin_get_page_name (pin));
      byline_pin_set_related_spiked (pin_copy, byline_pin_get_related_spiked (pin));
      g_list_store_append (copy->pins, pin_copy);
    }

  return copy;
}

gint64
byline_article_get_id (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return self->id;
}

void
byline_article_set_id (BylineArticle *self,
                       gint64         id)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (id >= 0);

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
}

gint64
byline_article_get_version (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  return self->version;
}

void
byline_article_set_version (BylineArticle *self,
                            gint64         version)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (version >= 0);

  if (self->version != version)
    {
      self->version = version;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
    }
}

#define STRING_ACCESSORS(name, PROP) \
  const char * \
  byline_article_get_##name (BylineArticle *self) \
  { \
    g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL); \
    return get_string (self, PROP); \
  } \
  void \
  byline_article_set_##name (BylineArticle *self, \
                             const char    *value) \
  { \
    g_return_if_fail (BYLINE_IS_ARTICLE (self)); \
    set_string (self, PROP, value); \
  }

STRING_ACCESSORS (uuid, PROP_UUID)
STRING_ACCESSORS (slug, PROP_SLUG)
STRING_ACCESSORS (section, PROP_SECTION)
STRING_ACCESSORS (headline, PROP_HEADLINE)
STRING_ACCESSORS (standfirst, PROP_STANDFIRST)
STRING_ACCESSORS (byline, PROP_BYLINE)
STRING_ACCESSORS (dateline, PROP_DATELINE)
STRING_ACCESSORS (caption, PROP_CAPTION)
STRING_ACCESSORS (credit, PROP_CREDIT)
STRING_ACCESSORS (image, PROP_IMAGE)
STRING_ACCESSORS (image_alt, PROP_IMAGE_ALT)
STRING_ACCESSORS (body, PROP_BODY)
STRING_ACCESSORS (language, PROP_LANGUAGE)
STRING_ACCESSORS (updated_by, PROP_UPDATED_BY)

#undef STRING_ACCESSORS

/**
 * byline_article_get_tags:
 * @self: an article
 *
 * Returns: (transfer none) (array zero-terminated=1): the tags, never %NULL
 */
const char * const *
byline_article_get_tags (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return (const char * const *)self->tags;
}

/* Trims, drops empty tags and repeats (case-insensitive), keeps the order. */
static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  /* Case-folded tags kept so far: every load goes through here, and a
   * newsroom file may hold an article with thousands of tags. */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autofree char *tag = g_strstrip (g_strdup (tags[i]));
      char *key;

      if (*tag == '\0' || !g_utf8_validate (tag, -1, NULL))
        continue;

      key = g_utf8_casefold (tag, -1);
      if (!g_hash_table_add (seen, key))
        continue;

      g_ptr_array_add (out, g_steal_pointer (&tag));
    }

  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

void
byline_article_set_tags (BylineArticle      *self,
                         const char * const *tags)
{
  g_auto(GStrv) normalized = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  normalized = normalize_tags (tags);
  if (g_strv_equal ((const char * const *)normalized, (const char * const *)self->tags))
    return;

  g_strfreev (self->tags);
  self->tags = g_steal_pointer (&normalized);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TAGS]);
}

char *
byline_article_dup_tags_string (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return g_strjoinv (", ", self->tags);
}

void
byline_article_set_tags_string (BylineArticle *self,
                                const char    *tags)
{
  g_auto(GStrv) split = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  split = g_strsplit (tags ? tags : "", ",", -1);
  byline_article_set_tags (self, (const char * const *)split);
}

BylineStatus
byline_article_get_status (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), BYLINE_STATUS_DRAFT);
  return self->status;
}

void
byline_article_set_status (BylineArticle *self,
                           BylineStatus   status)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (status < BYLINE_N_STATUSES);

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

gint64
byline_article_get_created (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return self->created;
}

void
byline_article_set_created (BylineArticle *self,
                            gint64         created)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_time (self, &self->created, PROP_CREATED, created);
}

gint64
byline_article_get_updated (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return self->updated;
}

void
byline_article_set_updated (BylineArticle *self,
                            gint64         updated)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_time (self, &self->updated, PROP_UPDATED, updated);
}

gint64
byline_article_get_published (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);
  return self->published;
}

void
byline_article_set_published (BylineArticle *self,
                              gint64         published)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  set_time (self, &self->published, PROP_PUBLISHED, published);
}

/**
 * byline_article_get_pins:
 * @self: an article
 *
 * Returns: (transfer none): a #GListModel of #BylinePin in reading order
 */
GListModel *
byline_article_get_pins (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->pins);
}

/**
 * byline_article_add_pin:
 * @self: an article
 * @pin: (transfer full): a #BylinePin
 */
void
byline_article_add_pin (BylineArticle *self,
                        gpointer       pin)
{
  g_autoptr(BylinePin) owned = pin;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_PIN (pin));

  g_list_store_append (self->pins, owned);
}

void
byline_article_clear_pins (BylineArticle *self)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_list_store_remove_all (self->pins);
}

/**
 * byline_article_insert_pin:
 * @self: an article
 * @index: where the pin goes in reading order; past the end appends
 * @pin: (transfer full): a #BylinePin
 */
void
byline_article_insert_pin (BylineArticle *self,
                           guint          index,
                           gpointer       pin)
{
  g_autoptr(BylinePin) owned = pin;
  guint n_pins;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));
  g_return_if_fail (BYLINE_IS_PIN (pin));

  n_pins = g_list_model_get_n_items (G_LIST_MODEL (self->pins));
  g_list_store_insert (self->pins, MIN (index, n_pins), owned);
}

void
byline_article_remove_pin (BylineArticle *self,
                           guint          index)
{
  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  if (index < g_list_model_get_n_items (G_LIST_MODEL (self->pins)))
    g_list_store_remove (self->pins, index);
}

guint
byline_article_find_pin_slot (BylineArticle *self,
                              guint          position)
{
  guint n_pins;
  guint slot = 0;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  n_pins = g_list_model_get_n_items (G_LIST_MODEL (self->pins));
  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (G_LIST_MODEL (self->pins), i);

      if (byline_pin_get_position (pin) <= position)
        slot = i + 1;
    }

  return slot;
}

/**
 * byline_article_link_related:
 * @self: the article to link from
 * @related: the article to link to, as stored
 * @position: the body block the link goes after; 0 for before the first
 * @error: return location for a #GError
 *
 * Returns: %TRUE when the pin was added
 */
gboolean
byline_article_link_related (BylineArticle  *self,
                             BylineArticle  *related,
                             guint           position,
                             GError        **error)
{
  g_autoptr(BylinePin) pin = NULL;
  g_autofree char *page_name = NULL;
  gint64 related_id;
  guint n_pins;

  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (related), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  related_id = byline_article_get_id (related);

  if (related == self || (related_id > 0 && related_id == self->id))
    {
      g_set_error_literal (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_SELF,
                           _("An article cannot link to itself"));
      return FALSE;
    }

  if (related_id <= 0)
    {
      g_set_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_NOT_SAVED,
                   _("“%s” is not saved yet, so it cannot be linked. Try again in a moment."),
                   byline_article_get_display_headline (related));
      return FALSE;
    }

  /* One READ: link per related article is enough for any page. */
  n_pins = g_list_model_get_n_items (G_LIST_MODEL (self->pins));
  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) other = g_list_model_get_item (G_LIST_MODEL (self->pins), i);

      if (byline_pin_get_related_id (other) == related_id)
        {
          g_autofree char *where = byline_pin_dup_place (byline_pin_get_position (other));

          g_set_error (error, BYLINE_ARTICLE_ERROR, BYLINE_ARTICLE_ERROR_ALREADY_LINKED,
                       /* Translators: "“Harbour festival returns” is already linked after paragraph 2" */
                       _("“%s” is already linked %s"),
                       byline_article_get_display_headline (related), where);
          return FALSE;
        }
    }

  page_name = byline_article_dup_page_name (related);
  pin = byline_pin_new (position, related_id, byline_article_get_headline (related));
  byline_pin_set_page_name (pin, page_name);
  byline_pin_set_related_spiked (pin, byline_article_get_status (related) == BYLINE_STATUS_SPIKED);
  byline_article_insert_pin (self, byline_article_find_pin_slot (self, position), g_steal_pointer (&pin));

  return TRUE;
}

/**
 * byline_article_move_pin:
 * @self: an article
 * @from: the pin's index
 * @to: its index once moved
 */
void
byline_article_move_pin (BylineArticle *self,
                         guint          from,
                         guint          to)
{
  g_autoptr(BylinePin) pin = NULL;
  guint n_pins;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  n_pins = g_list_model_get_n_items (G_LIST_MODEL (self->pins));
  if (from >= n_pins || to >= n_pins || from == to)
    return;

  pin = g_list_model_get_item (G_LIST_MODEL (self->pins), from);
  g_list_store_remove (self->pins, from);
  g_list_store_insert (self->pins, to, pin);
}

/**
 * byline_article_pin_changed:
 * @self: an article
 * @index: the index of a pin whose properties were changed in place
 *
 * Lets the pins model's watchers know, as if the pin had been replaced.
 */
void
byline_article_pin_changed (BylineArticle *self,
                            guint          index)
{
  g_autoptr(BylinePin) pin = NULL;

  g_return_if_fail (BYLINE_IS_ARTICLE (self));

  if (index >= g_list_model_get_n_items (G_LIST_MODEL (self->pins)))
    return;

  pin = g_list_model_get_item (G_LIST_MODEL (self->pins), index);
  g_list_store_splice (self->pins, index, 1, (gpointer *)&pin, 1);
}

const char *
byline_headline_for_display (const char *headline)
{
  return headline != NULL && *headline != '\0' ? headline : _("Untitled Article");
}

gint64
byline_time_shown (gint64 published,
                   gint64 updated,
                   gint64 created)
{
  if (published > 0)
    return published;
  if (updated > 0)
    return updated;
  return MAX (created, 0);
}

char *
byline_date_label_for (gint64 when)
{
  g_autoptr(GDateTime) date = NULL;

  if (when > 0)
    date = g_date_time_new_from_unix_local (when);

  /* Translators: a short date in lists, see g_date_time_format(): "Mar 3, 2023" */
  return date != NULL ? g_date_time_format (date, _("%b %-d, %Y")) : g_strdup ("");
}

char *
byline_page_name_for (gint64      id,
                      const char *slug,
                      const char *headline)
{
  g_autofree char *made = NULL;

  if (slug == NULL || *slug == '\0')
    slug = made = byline_slugify (headline);

  return g_strdup_printf ("%" G_GINT64_FORMAT "-%s.html", id, slug);
}

const char *
byline_article_get_display_headline (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return byline_headline_for_display (get_string (self, PROP_HEADLINE));
}

gint64
byline_article_get_shown_time (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), 0);

  return byline_time_shown (self->published, self->updated, self->created);
}

char *
byline_article_dup_date_label (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return byline_date_label_for (byline_article_get_shown_time (self));
}

char *
byline_article_dup_page_name (BylineArticle *self)
{
  g_return_val_if_fail (BYLINE_IS_ARTICLE (self), NULL);

  return byline_page_name_for (self->id, get_string (self, PROP_SLUG), get_string (self, PROP_HEADLINE));
}

/* The longest slug, in bytes: file names stay readable and far from any
 * file system's limit. */
#define SLUG_MAX_LENGTH 80

char *
byline_slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("article");

  /* "Café über Straße" -> "Cafe uber Strasse" where the locale can; the
   * fallback keeps plain ASCII letters only. */
  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);

  /* One character past the limit, to know whether the last word goes on. */
  for (const char *p = ascii; *p && slug->len <= SLUG_MAX_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else if (*p != '\'')
        dash = TRUE;
    }

  /* Cut at the last word that fits, not in the middle of one (unless a
   * single word is longer than the limit). */
  if (slug->len > SLUG_MAX_LENGTH)
    {
      gsize cut = SLUG_MAX_LENGTH;

      for (gsize i = SLUG_MAX_LENGTH; i > 0; i--)
        {
          if (slug->str[i] == '-')
            {
              cut = i;
              break;
            }
        }
      g_string_truncate (slug, cut);
    }

  if (slug->len == 0)
    g_string_append (slug, "article");

  return g_string_free (slug, FALSE);
}

char *
byline_tags_dup_stored (const char * const *tags)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      for (const char *c = tags[i]; *c != '\0'; c++)
        {
          if (*c == ',' || *c == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *c);
        }
    }

  return g_string_free (out, FALSE);
}

char **
byline_tags_parse_stored (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) tag = g_string_new (NULL);

  for (const char *c = text != NULL ? text : ""; ; c++)
    {
      if (*c == '\\' && c[1] != '\0')
        g_string_append_c (tag, *++c);
      else if (*c == ',' || *c == '\0')
        {
          g_strstrip (tag->str);
          g_string_set_size (tag, strlen (tag->str));
          if (tag->len > 0)
            g_strv_builder_add (builder, tag->str);
          g_string_truncate (tag, 0);
          if (*c == '\0')
            break;
        }
      else
        g_string_append_c (tag, *c);
    }

  return g_strv_builder_end (builder);
}
