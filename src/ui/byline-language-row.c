/* byline-language-row.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-language-row"

#include "config.h"

#include <glib/gi18n.h>

#include "byline-language.h"
#include "byline-language-row.h"
#include "byline-util.h"

/* The article's language, chosen from a list. Each language is named in
 * itself, as language choosers do, so someone looking for their own
 * language finds it whatever the desktop's; the tag follows. A tag from
 * elsewhere (front matter, another desk) not in the list gets a choice of
 * its own, so showing an article never changes its language. */

struct _BylineLanguageRow
{
  AdwComboRow    parent_instance;

  GtkStringList *names;
  /* The tag of each choice, in the order of names */
  GPtrArray     *tags;
  char          *language;
  guint          setting;
};

G_DEFINE_FINAL_TYPE (BylineLanguageRow, byline_language_row, ADW_TYPE_COMBO_ROW)

enum {
  PROP_0,
  PROP_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *tag;
  const char *name;
} languages[] = {
  { "ar", "العربية" },
  { "de", "Deutsch" },
  { "el", "Ελληνικά" },
  { "en", "English" },
  { "es", "Español" },
  { "fa", "فارسی" },
  { "fr", "Français" },
  { "he", "עברית" },
  { "hi", "हिन्दी" },
  { "it", "Italiano" },
  { "ja", "日本語" },
  { "ko", "한국어" },
  { "nl", "Nederlands" },
  { "pl", "Polski" },
  { "pt", "Português" },
  { "ru", "Русский" },
  { "sv", "Svenska" },
  { "tr", "Türkçe" },
  { "uk", "Українська" },
  { "ur", "اردو" },
  { "zh", "中文" },
};

static void
add_choice (BylineLanguageRow *self,
            const char        *tag,
            const char        *name)
{
  g_autofree char *shown = NULL;

  /* Translators: a language in the article's details: its own name, then
   * its tag, such as “Français (fr)” */
  shown = name != NULL ? g_strdup_printf (_("%s (%s)"), name, tag) : g_strdup (tag);
  gtk_string_list_append (self->names, shown);
  g_ptr_array_add (self->tags, g_strdup (tag));
}

static guint
find_tag (BylineLanguageRow *self,
          const char        *tag)
{
  for (guint i = 0; i < self->tags->len; i++)
    if (g_str_equal (g_ptr_array_index (self->tags, i), tag))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
selected_cb (BylineLanguageRow *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self));
  const char *tag;

  if (self->setting || selected == GTK_INVALID_LIST_POSITION || selected >= self->tags->len)
    return;

  tag = g_ptr_array_index (self->tags, selected);
  if (byline_set_str (&self->language, tag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

const char *
byline_language_row_get_language (BylineLanguageRow *self)
{
  g_return_val_if_fail (BYLINE_IS_LANGUAGE_ROW (self), NULL);

  return self->language;
}

void
byline_language_row_set_language (BylineLanguageRow *self,
                                  const char        *language)
{
  g_autofree char *tag = NULL;
  guint position;

  g_return_if_fail (BYLINE_IS_LANGUAGE_ROW (self));

  tag = byline_language_dup_tag (language);
  if (tag == NULL)
    tag = g_strdup ("");

  self->setting++;
  position = find_tag (self, tag);
  if (position == GTK_INVALID_LIST_POSITION && *tag != '\0')
    {
      /* One choice of its own at the end, replacing the last one's. The
       * model is changed while the row does not show it: GTK 4.8's combo
       * row crashes selecting an item added to the model it shows. */
      adw_combo_row_set_model (ADW_COMBO_ROW (self), NULL);
      if (self->tags->len > G_N_ELEMENTS (languages))
        {
          gtk_string_list_remove (self->names, self->tags->len - 1);
          g_ptr_array_remove_index (self->tags, self->tags->len - 1);
        }
      add_choice (self, tag, NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->names));
      position = self->tags->len - 1;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), position);
  self->setting--;

  if (byline_set_str (&self->language, tag))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANGUAGE]);
}

static void
byline_language_row_finalize (GObject *object)
{
  BylineLanguageRow *self = (BylineLanguageRow *)object;

  g_clear_object (&self->names);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (byline_language_row_parent_class)->finalize (object);
}

static void
byline_language_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BylineLanguageRow *self = BYLINE_LANGUAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_language_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BylineLanguageRow *self = BYLINE_LANGUAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_LANGUAGE:
      byline_language_row_set_language (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_language_row_class_init (BylineLanguageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = byline_language_row_finalize;
  object_class->get_property = byline_language_row_get_property;
  object_class->set_property = byline_language_row_set_property;

  properties[PROP_LANGUAGE] =
    g_param_spec_string ("language", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_language_row_init (BylineLanguageRow *self)
{
  self->names = gtk_string_list_new (NULL);
  self->tags = g_ptr_array_new_with_free_func (g_free);
  self->language = g_strdup ("");

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    add_choice (self, languages[i].tag, languages[i].name);

  self->setting++;
  adw_combo_row_set_model (ADW_COMBO_ROW (self), G_LIST_MODEL (self->names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self), GTK_INVALID_LIST_POSITION);
  self->setting--;

  g_signal_connect (self, "notify::selected", G_CALLBACK (selected_cb), NULL);
}

GtkWidget *
byline_language_row_new (void)
{
  return g_object_new (BYLINE_TYPE_LANGUAGE_ROW, NULL);
}
