/* byline-pin.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-pin"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-pin.h"
#include "byline-util.h"

struct _BylinePin
{
  GObject  parent_instance;

  char    *headline;
  char    *page_name;
  gint64   related_id;
  guint    position;
  guint    related_spiked : 1;
};

G_DEFINE_FINAL_TYPE (BylinePin, byline_pin, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_RELATED_ID,
  PROP_HEADLINE,
  PROP_PAGE_NAME,
  PROP_RELATED_SPIKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
byline_pin_finalize (GObject *object)
{
  BylinePin *self = (BylinePin *)object;

  g_clear_pointer (&self->headline, g_free);
  g_clear_pointer (&self->page_name, g_free);

  G_OBJECT_CLASS (byline_pin_parent_class)->finalize (object);
}

static void
byline_pin_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BylinePin *self = BYLINE_PIN (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_RELATED_ID:
      g_value_set_int64 (value, self->related_id);
      break;
    case PROP_HEADLINE:
      g_value_set_string (value, byline_pin_get_headline (self));
      break;
    case PROP_PAGE_NAME:
      g_value_set_string (value, self->page_name);
      break;
    case PROP_RELATED_SPIKED:
      g_value_set_boolean (value, self->related_spiked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_pin_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  BylinePin *self = BYLINE_PIN (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      byline_pin_set_position (self, g_value_get_uint (value));
      break;
    case PROP_RELATED_ID:
      byline_pin_set_related_id (self, g_value_get_int64 (value));
      break;
    case PROP_HEADLINE:
      byline_pin_set_headline (self, g_value_get_string (value));
      break;
    case PROP_PAGE_NAME:
      byline_pin_set_page_name (self, g_value_get_string (value));
      break;
    case PROP_RELATED_SPIKED:
      byline_pin_set_related_spiked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_pin_class_init (BylinePinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_pin_finalize;
  object_class->get_property = byline_pin_get_property;
  object_class->set_property = byline_pin_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATED_ID] =
    g_param_spec_int64 ("related-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE_NAME] =
    g_param_spec_string ("page-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATED_SPIKED] =
    g_param_spec_boolean ("related-spiked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_pin_init (BylinePin *self)
{
}

/**
 * byline_pin_new:
 * @position: the number of body blocks before the link
 * @related_id: the related article, or 0 when unresolved
 * @headline: (nullable): the headline to show
 *
 * Returns: (transfer full): a new pin
 */
BylinePin *
byline_pin_new (guint       position,
                gint64      related_id,
                const char *headline)
{
  return g_object_new (BYLINE_TYPE_PIN,
                       "position", position,
                       "related-id", MAX (related_id, 0),
                       "headline", headline,
                       NULL);
}

guint
byline_pin_get_position (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), 0);
  return self->position;
}

void
byline_pin_set_position (BylinePin *self,
                         guint      position)
{
  g_return_if_fail (BYLINE_IS_PIN (self));

  if (self->position != position)
    {
      self->position = position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
    }
}

gint64
byline_pin_get_related_id (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), 0);
  return self->related_id;
}

void
byline_pin_set_related_id (BylinePin *self,
                           gint64     related_id)
{
  g_return_if_fail (BYLINE_IS_PIN (self));
  g_return_if_fail (related_id >= 0);

  if (self->related_id != related_id)
    {
      self->related_id = related_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED_ID]);
    }
}

const char *
byline_pin_get_headline (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), NULL);
  return self->headline ? self->headline : "";
}

void
byline_pin_set_headline (BylinePin  *self,
                         const char *headline)
{
  g_return_if_fail (BYLINE_IS_PIN (self));

  if (byline_set_str (&self->headline, headline))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADLINE]);
}

const char *
byline_pin_get_page_name (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), NULL);
  return self->page_name;
}

void
byline_pin_set_page_name (BylinePin  *self,
                          const char *page_name)
{
  g_return_if_fail (BYLINE_IS_PIN (self));

  if (byline_set_str (&self->page_name, page_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE_NAME]);
}

gboolean
byline_pin_get_related_spiked (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), FALSE);
  return self->related_spiked;
}

void
byline_pin_set_related_spiked (BylinePin *self,
                               gboolean   spiked)
{
  g_return_if_fail (BYLINE_IS_PIN (self));

  spiked = !!spiked;
  if (self->related_spiked != spiked)
    {
      self->related_spiked = spiked;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RELATED_SPIKED]);
    }
}

gboolean
byline_pin_is_resolved (BylinePin *self)
{
  g_return_val_if_fail (BYLINE_IS_PIN (self), FALSE);
  return self->related_id > 0;
}

/**
 * byline_pin_dup_place:
 * @position: a pin position
 *
 * Returns: (transfer full): where a pin at @position reads, for a
 *   sentence: "after paragraph 2", or "before the first paragraph"
 */
char *
byline_pin_dup_place (guint position)
{
  if (position == 0)
    return g_strdup (_("before the first paragraph"));

  return g_strdup_printf (_("after paragraph %u"), position);
}
