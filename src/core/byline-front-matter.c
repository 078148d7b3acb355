/* byline-front-matter.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-front-matter"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <yaml.h>

#include "byline-front-matter.h"

/* The YAML between a Markdown file's "---" lines, read with libyaml's
 * document API: YAML's syntax (quotes, escapes, comments, block scalars,
 * flow and block lists) is libyaml's business. What is left here is the
 * shape Byline wants, a flat map of key → text or list of texts, and
 * messages that name the line in the file. */

typedef struct
{
  BylineFrontMatterType  type;
  guint                  line;
  gboolean               plain;   /* a STRING written without quotes */
  char                  *string;
  GStrv                  list;
} Entry;

struct _BylineFrontMatter
{
  GHashTable *entries;  /* key → Entry */
  GPtrArray  *keys;     /* owns the keys, in document order, NULL-terminated */
};

G_DEFINE_QUARK (byline-front-matter-error-quark, byline_front_matter_error)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->string);
  g_strfreev (entry->list);
  g_free (entry);
}

static BylineFrontMatter *
byline_front_matter_new (void)
{
  BylineFrontMatter *self = g_new0 (BylineFrontMatter, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, entry_free);
  self->keys = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->keys, NULL);

  return self;
}

/**
 * byline_front_matter_free:
 * @self: (transfer full): a #BylineFrontMatter
 *
 * Frees @self and everything it returned.
 */
void
byline_front_matter_free (BylineFrontMatter *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_ptr_array_unref (self->keys);
  g_free (self);
}

static void
set_error_at (GError             **error,
              int                  code,
              const yaml_mark_t   *mark,
              guint                first_line,
              const char          *format,
              ...) G_GNUC_PRINTF (5, 6);

/* Every message starts with the place in the file, so that the importer can
 * put it after "error in the front matter at ". */
static void
set_error_at (GError             **error,
              int                  code,
              const yaml_mark_t   *mark,
              guint                first_line,
              const char          *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, BYLINE_FRONT_MATTER_ERROR, code,
               /* Translators: "line 4, column 18: <what is wrong>" */
               _("line %u, column %u: %s"),
               (guint) mark->line + first_line, (guint) mark->column + 1, what);
}

/* libyaml's reader reports a byte offset rather than a mark. */
static yaml_mark_t
mark_from_offset (const char *text,
                  gsize       length,
                  gsize       offset)
{
  yaml_mark_t mark = { 0, };
  const char *end = text + MIN (offset, length);

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      if (*p == '\n')
        {
          mark.line++;
          mark.column = 0;
        }
      else
        mark.column++;
    }

  return mark;
}

/* libyaml's own words for what is wrong (it has no translations), placed
 * where the user can find it. A scanner error is best shown where the token
 * it was reading starts (the opening quote that is never closed); a parser
 * error where the parser gave up, with the block it was in. */
static void
set_yaml_error (GError        **error,
                yaml_parser_t  *parser,
                const char     *text,
                gsize           length,
                guint           first_line)
{
  const char *problem = parser->problem != NULL ? parser->problem : _("the YAML cannot be read");

  switch (parser->error)
    {
    case YAML_READER_ERROR:
      {
        yaml_mark_t mark = mark_from_offset (text, length, parser->problem_offset);

        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &mark, first_line, "%s", problem);
      }
      break;

    case YAML_SCANNER_ERROR:
      if (parser->context != NULL)
        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &parser->context_mark, first_line,
                      "%s (%s)", problem, parser->context);
      else
        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &parser->problem_mark, first_line,
                      "%s", problem);
      break;

    case YAML_MEMORY_ERROR:
      {
        yaml_mark_t mark = { 0, };

        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &mark, first_line,
                      _("there is not enough memory to read it"));
      }
      break;

    case YAML_PARSER_ERROR:
    case YAML_COMPOSER_ERROR:
    default:
      if (parser->context != NULL &&
          parser->context_mark.index == parser->problem_mark.index)
        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &parser->problem_mark, first_line,
                      "%s (%s)", problem, parser->context);
      else if (parser->context != NULL)
        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &parser->problem_mark, first_line,
                      /* Translators: "did not find expected key (while parsing a block mapping on line 2, column 1)" */
                      _("%s (%s on line %u, column %u)"), problem, parser->context,
                      (guint) parser->context_mark.line + first_line,
                      (guint) parser->context_mark.column + 1);
      else
        set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &parser->problem_mark, first_line,
                      "%s", problem);
      break;
    }
}

/* YAML's core schema reads these plain scalars as "no value". Numbers,
 * booleans and dates stay text as written: the importer knows what each
 * field means. */
static gboolean
is_null (const yaml_node_t *node)
{
  static const char * const nulls[] = { "", "~", "null", "Null", "NULL", NULL };

  if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
    return FALSE;

  for (guint i = 0; nulls[i] != NULL; i++)
    if (strcmp ((const char *) node->data.scalar.value, nulls[i]) == 0)
      return TRUE;

  return FALSE;
}

/* The scalar's text, or NULL with an error when it holds a NUL ("\0"),
 * which no field can store. */
static char *
dup_scalar (const yaml_node_t  *node,
            guint               first_line,
            GError            **error)
{
  const char *value = (const char *) node->data.scalar.value;
  gsize length = node->data.scalar.length;

  if (memchr (value, '\0', length) != NULL)
    {
      set_error_at (error, BYLINE_FRONT_MATTER_ERROR_SYNTAX, &node->start_mark, first_line,
                    _("a value holds a NUL character (“\\0”), which no field can store"));
      return NULL;
    }

  if (is_null (node))
    return g_strdup ("");

  return g_strndup (value, length);
}

static gboolean
read_value (yaml_document_t  *document,
            yaml_node_t      *node,
            Entry            *entry,
            guint             first_line,
            GError          **error)
{
  switch (node->type)
    {
    case YAML_SCALAR_NODE:
      entry->type = BYLINE_FRONT_MATTER_STRING;
      entry->plain = node->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
      entry->string = dup_scalar (node, first_line, error);
      return entry->string != NULL;

    case YAML_SEQUENCE_NODE:
      {
        g_autoptr(GStrvBuilder) items = g_strv_builder_new ();

        for (yaml_node_item_t *item = node->data.sequence.items.start;
             item < node->data.sequence.items.top;
             item++)
          {
            yaml_node_t *child = yaml_document_get_node (document, *item);
            g_autofree char *text = NULL;

            /* Nothing Byline reads is a list of lists: keep the key, drop
             * the contents, and let the importer decide. */
            if (child == NULL || child->type != YAML_SCALAR_NODE)
              {
                entry->type = BYLINE_FRONT_MATTER_OTHER;
                return TRUE;
              }

            text = dup_scalar (child, first_line, error);
            if (text == NULL)
              return FALSE;
            g_strv_builder_add (items, text);
          }

        entry->type = BYLINE_FRONT_MATTER_LIST;
        entry->list = g_strv_builder_end (items);
      }
      return TRUE;

    case YAML_MAPPING_NODE:
    case YAML_NO_NODE:
    default:
      entry->type = BYLINE_FRONT_MATTER_OTHER;
      return TRUE;
    }
}

static gboolean
read_mapping (BylineFrontMatter  *self,
              yaml_document_t    *document,
              yaml_node_t        *root,
              guint               first_line,
              GError            **error)
{
  if (root->type != YAML_MAPPING_NODE)
    {
      set_error_at (error, BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, &root->start_mark, first_line,
                    root->type == YAML_SEQUENCE_NODE
                      ? _("the front matter is a list; it must be “key: value” lines")
                      : _("the front matter is a single value; it must be “key: value” lines"));
      return FALSE;
    }

  for (yaml_node_pair_t *pair = root->data.mapping.pairs.start;
       pair < root->data.mapping.pairs.top;
       pair++)
    {
      yaml_node_t *key_node = yaml_document_get_node (document, pair->key);
      yaml_node_t *value_node = yaml_document_get_node (document, pair->value);
      g_autofree char *key = NULL;
      Entry *entry;
      Entry *first;

      if (key_node == NULL || value_node == NULL)
        continue;

      if (key_node->type != YAML_SCALAR_NODE)
        {
          set_error_at (error, BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, &key_node->start_mark, first_line,
                        _("a key is a list or mapping; a key must be a name such as “headline”"));
          return FALSE;
        }

      key = dup_scalar (key_node, first_line, error);
      if (key == NULL)
        return FALSE;

      /* YAML requires unique keys; libyaml does not check. Taking the first
       * or the last would silently drop what the other one says. */
      first = g_hash_table_lookup (self->entries, key);
      if (first != NULL)
        {
          set_error_at (error, BYLINE_FRONT_MATTER_ERROR_DUPLICATE_KEY, &key_node->start_mark, first_line,
                        _("“%s” is given a second time (first on line %u); keep one of them"),
                        key, first->line);
          return FALSE;
        }

      entry = g_new0 (Entry, 1);
      entry->line = key_node->start_mark.line + first_line;
      if (!read_value (document, value_node, entry, first_line, error))
        {
          entry_free (entry);
          return FALSE;
        }

      g_hash_table_insert (self->entries, key, entry);
      g_ptr_array_insert (self->keys, self->keys->len - 1, g_steal_pointer (&key));
    }

  return TRUE;
}

/**
 * byline_front_matter_parse:
 * @text: the YAML between the opening and closing "---" lines
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @first_line: the line of the file on which @text starts, for messages
 * @error: return location for a #GError
 *
 * Reads "key: value" lines of YAML into a map of key → text or list of
 * texts. Keys are kept as written. Plain values are not interpreted: a date,
 * a number or "yes" is the text as written, except that an empty value, "~"
 * and "null" are the empty text. A key given twice is an error, as YAML
 * wants. Invalid YAML is a #BYLINE_FRONT_MATTER_ERROR whose message starts
 * with "line L, column C: " counted from @first_line.
 *
 * Returns: (transfer full) (nullable): the map, or %NULL with @error set
 */
BylineFrontMatter *
byline_front_matter_parse (const char  *text,
                           gssize       length,
                           guint        first_line,
                           GError     **error)
{
  g_autoptr(BylineFrontMatter) self = NULL;
  yaml_parser_t parser;
  yaml_document_t document;
  yaml_document_t next;
  yaml_node_t *root;
  gboolean ok;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);

  if (!yaml_parser_initialize (&parser))
    g_error ("%s: out of memory", G_STRFUNC);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, length);
  yaml_parser_set_encoding (&parser, YAML_UTF8_ENCODING);

  if (!yaml_parser_load (&parser, &document))
    {
      set_yaml_error (error, &parser, text, length, first_line);
      yaml_parser_delete (&parser);
      return NULL;
    }

  self = byline_front_matter_new ();
  root = yaml_document_get_root_node (&document);

  /* No document at all (only comments, or nothing), or an empty one. */
  if (root == NULL || (root->type == YAML_SCALAR_NODE && is_null (root)))
    {
      yaml_document_delete (&document);
      yaml_parser_delete (&parser);
      return g_steal_pointer (&self);
    }

  ok = read_mapping (self, &document, root, first_line, error);
  yaml_document_delete (&document);

  /* A "--- " line with more on it starts a second document, which would
   * otherwise be ignored without a word. */
  if (ok)
    {
      if (!yaml_parser_load (&parser, &next))
        {
          set_yaml_error (error, &parser, text, length, first_line);
          ok = FALSE;
        }
      else
        {
          if (yaml_document_get_root_node (&next) != NULL)
            {
              set_error_at (error, BYLINE_FRONT_MATTER_ERROR_NOT_MAPPING, &next.start_mark, first_line,
                            _("a second YAML document starts here; the front matter is one block of “key: value” lines"));
              ok = FALSE;
            }
          yaml_document_delete (&next);
        }
    }

  yaml_parser_delete (&parser);

  return ok ? g_steal_pointer (&self) : NULL;
}

static Entry *
lookup (BylineFrontMatter *self,
        const char        *key)
{
  return g_hash_table_lookup (self->entries, key);
}

/**
 * byline_front_matter_get_keys:
 * @self: a #BylineFrontMatter
 *
 * Returns: (transfer none): the keys, in the order they are written
 */
const char * const *
byline_front_matter_get_keys (BylineFrontMatter *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->keys->pdata;
}

/**
 * byline_front_matter_get_value_type:
 * @self: a #BylineFrontMatter
 * @key: a key as written
 *
 * Returns: what @key holds, or %BYLINE_FRONT_MATTER_NONE when it is not there
 */
BylineFrontMatterType
byline_front_matter_get_value_type (BylineFrontMatter *self,
                                    const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, BYLINE_FRONT_MATTER_NONE);
  g_return_val_if_fail (key != NULL, BYLINE_FRONT_MATTER_NONE);

  entry = lookup (self, key);

  return entry != NULL ? entry->type : BYLINE_FRONT_MATTER_NONE;
}

/**
 * byline_front_matter_get_line:
 * @self: a #BylineFrontMatter
 * @key: a key as written
 *
 * Returns: the line of the file on which @key is written, or 0
 */
guint
byline_front_matter_get_line (BylineFrontMatter *self,
                              const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (key != NULL, 0);

  entry = lookup (self, key);

  return entry != NULL ? entry->line : 0;
}

/**
 * byline_front_matter_get_string:
 * @self: a #BylineFrontMatter
 * @key: a key as written
 *
 * Returns: (transfer none) (nullable): the text of @key, or %NULL when it is
 *   not there or is not a single value
 */
const char *
byline_front_matter_get_string (BylineFrontMatter *self,
                                const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);

  return entry != NULL ? entry->string : NULL;
}

/**
 * byline_front_matter_get_list:
 * @self: a #BylineFrontMatter
 * @key: a key as written
 *
 * Returns: (transfer none) (nullable): the items of @key, or %NULL when it
 *   is not there or is not a list of values
 */
const char * const *
byline_front_matter_get_list (BylineFrontMatter *self,
                              const char        *key)
{
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);

  return entry != NULL ? (const char * const *) entry->list : NULL;
}

/**
 * byline_front_matter_dup_items:
 * @self: a #BylineFrontMatter
 * @key: a key as written
 *
 * The value of @key as a list, for fields such as tags that people write
 * either way: a list is its items; a quoted value is one item; a plain value
 * is split at its commas ("tags: harbour, council"), as many sites write it.
 * Items are trimmed and empty ones dropped.
 *
 * Returns: (transfer full) (nullable): the items, or %NULL when @key is not
 *   there or holds a mapping
 */
GStrv
byline_front_matter_dup_items (BylineFrontMatter *self,
                               const char        *key)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) split = NULL;
  const char *one[2] = { NULL, NULL };
  const char * const *items;
  Entry *entry;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  entry = lookup (self, key);
  if (entry == NULL)
    return NULL;

  switch (entry->type)
    {
    case BYLINE_FRONT_MATTER_LIST:
      items = (const char * const *) entry->list;
      break;

    case BYLINE_FRONT_MATTER_STRING:
      if (entry->plain)
        {
          split = g_strsplit (entry->string, ",", -1);
          items = (const char * const *) split;
        }
      else
        {
          one[0] = entry->string;
          items = one;
        }
      break;

    case BYLINE_FRONT_MATTER_NONE:
    case BYLINE_FRONT_MATTER_OTHER:
    default:
      return NULL;
    }

  builder = g_strv_builder_new ();
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));

      if (*item != '\0')
        g_strv_builder_add (builder, item);
    }

  return g_strv_builder_end (builder);
}
