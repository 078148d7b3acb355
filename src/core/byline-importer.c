/* byline-importer.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-importer"

#include "config.h"

#include <string.h>

#include <cmark.h>
#include <glib/gi18n.h>

#include "byline-dates.h"
#include "byline-importer-private.h"
#include "byline-pin.h"

/* The importer's entry points: reading a file, refusing what is not text,
 * and Markdown with front matter. Text copied from a news page is
 * byline-import-text.c's. */

G_DEFINE_QUARK (byline-import-error-quark, byline_import_error)

/* Every message has the same shape: what could not be imported, then why and
 * what to do, so @format is a clause that reads well after the colon. */
void
_byline_import_set_error (GError     **error,
                          int          code,
                          const char  *display_name,
                          const char  *format,
                          ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  if (display_name != NULL)
    g_set_error (error, BYLINE_IMPORT_ERROR, code,
                 /* Translators: the first %s is a file name, the second says why */
                 _("Could not import “%s”: %s"), display_name, reason);
  else
    g_set_error (error, BYLINE_IMPORT_ERROR, code,
                 /* Translators: %s says why */
                 _("Could not import the text: %s"), reason);
}

/* Markdown */

/* The text of a heading or paragraph, as a reader sees it. */
static char *
dup_node_text (cmark_node *node)
{
  g_autoptr(GString) text = g_string_new (NULL);
  cmark_iter *iter = cmark_iter_new (node);
  cmark_event_type event;

  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *cur = cmark_iter_get_node (iter);

      if (event != CMARK_EVENT_ENTER)
        continue;

      switch (cmark_node_get_type (cur))
        {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          g_string_append (text, cmark_node_get_literal (cur));
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          g_string_append_c (text, ' ');
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  return _byline_import_strip_line (g_string_free (g_steal_pointer (&text), FALSE));
}

/* Removes YAML quoting; anything that is not one well-formed quoted string
 * is kept as written. */
static char *
unquote_value (const char *value)
{
  gsize len = strlen (value);
  g_autoptr(GString) out = NULL;

  if (len >= 2 && value[0] == '\'' && value[len - 1] == '\'')
    {
      out = g_string_new (NULL);
      for (gsize i = 1; i < len - 1; i++)
        {
          if (value[i] == '\'')
            {
              if (value[i + 1] != '\'' || i + 1 >= len - 1)
                return g_strdup (value);
              i++;
            }
          g_string_append_c (out, value[i]);
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (len >= 2 && value[0] == '"' && value[len - 1] == '"')
    {
      out = g_string_new (NULL);
      for (gsize i = 1; i < len - 1; i++)
        {
          char c = value[i];

          if (c == '"')
            return g_strdup (value);

          if (c != '\\')
            {
              g_string_append_c (out, c);
              continue;
            }

          if (i + 1 >= len - 1)
            return g_strdup (value);

          c = value[++i];
          switch (c)
            {
            case 'n':
              g_string_append_c (out, '\n');
              break;
            case 't':
              g_string_append_c (out, '\t');
              break;
            case '"':
            case '\\':
            case '/':
            case '\'':
              g_string_append_c (out, c);
              break;
            case 'u':
              {
                char hex[5] = { 0 };
                guint64 code = 0;

                if (i + 4 < len - 1)
                  memcpy (hex, value + i + 1, 4);
                if (strlen (hex) == 4 && strspn (hex, "0123456789abcdefABCDEF") == 4 &&
                    (code = g_ascii_strtoull (hex, NULL, 16)) != 0 &&
                    g_unichar_validate ((gunichar) code))
                  {
                    g_string_append_unichar (out, (gunichar) code);
                    i += 4;
                  }
                else
                  g_string_append (out, "\\u");
              }
              break;
            default:
              g_string_append_c (out, '\\');
              g_string_append_c (out, c);
              break;
            }
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  return g_strdup (value);
}

/* "[a, "b, c"]" or "a, b": the items, unquoted. */
static GStrv
split_list (const char *value)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *inner = NULL;
  gsize len = strlen (value);
  const char *start;
  char quote = 0;

  if (len >= 2 && value[0] == '[' && value[len - 1] == ']')
    inner = g_strndup (value + 1, len - 2);
  else
    inner = g_strdup (value);

  start = inner;
  for (const char *p = inner; ; p++)
    {
      if (quote != 0 && *p == '\\' && quote == '"' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (quote != 0 && *p == quote)
        quote = 0;
      else if (quote == 0 && (*p == '"' || *p == '\''))
        quote = *p;
      else if (*p == '\0' || (quote == 0 && *p == ','))
        {
          g_autofree char *item = _byline_import_strip_line (g_strndup (start, p - start));
          g_autofree char *unquoted = unquote_value (item);

          if (*unquoted != '\0')
            g_strv_builder_add (builder, unquoted);
          if (*p == '\0')
            break;
          start = p + 1;
        }

      if (*p == '\0')
        break;
    }

  return g_strv_builder_end (builder);
}

static void
set_tags (BylineArticle      *article,
          const char * const *items)
{
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; items[i] != NULL; i++)
    {
      gboolean duplicate = FALSE;

      for (guint j = 0; j < tags->len; j++)
        if (g_utf8_collate (g_ptr_array_index (tags, j), items[i]) == 0)
          duplicate = TRUE;
      if (!duplicate && *items[i] != '\0')
        g_ptr_array_add (tags, (gpointer) items[i]);
    }
  g_ptr_array_add (tags, NULL);

  byline_article_set_tags (article, (const char * const *) tags->pdata);
}

static gboolean
parse_published (const char *value,
                 GTimeZone  *tz,
                 gint64     *unix_time)
{
  g_autoptr(GTimeZone) zone = tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = g_strdup (value);
  int y, m, d;
  char end;

  if (byline_parse_date_line (value, tz, unix_time))
    return TRUE;

  /* YAML writes "2023-03-03 09:05:00"; people leave out the seconds. */
  if (strlen (iso) > 11 && iso[4] == '-' && iso[7] == '-' && iso[10] == ' ' &&
      g_ascii_isdigit (iso[11]))
    iso[10] = 'T';
  if (strlen (iso) >= 16 && iso[10] == 'T' && iso[13] == ':' && iso[16] != ':')
    {
      char *full = g_strdup_printf ("%.16s:00%s", iso, iso + 16);

      g_free (iso);
      iso = full;
    }

  dt = g_date_time_new_from_iso8601 (iso, zone);
  if (dt == NULL && sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3 && strlen (iso) == 10)
    dt = g_date_time_new (zone, y, m, d, 0, 0, 0);

  if (dt == NULL)
    return FALSE;

  *unix_time = g_date_time_to_unix (dt);
  return TRUE;
}

static char *
dup_status_words (void)
{
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; i < BYLINE_N_STATUSES; i++)
    {
      if (i > 0)
        g_string_append (words, ", ");
      g_string_append (words, byline_status_to_string (i));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

static gboolean
apply_front_matter_value (BylineArticle  *article,
                          const char     *key,
                          const char     *value,
                          GStrv           list,
                          gboolean        literal,
                          guint           line_number,
                          GTimeZone      *tz,
                          const char     *display_name,
                          GError        **error)
{
  g_autofree char *text = NULL;

  if (strcmp (key, "tags") == 0 || strcmp (key, "keywords") == 0)
    {
      g_auto(GStrv) items = list != NULL ? g_strdupv (list) : split_list (value);

      set_tags (article, (const char * const *) items);
      return TRUE;
    }

  if (list != NULL)
    text = g_strjoinv (", ", list);
  else if (literal)
    text = g_strdup (value);
  else
    text = unquote_value (value);

  if (strcmp (key, "headline") == 0 || strcmp (key, "title") == 0)
    byline_article_set_headline (article, text);
  else if (strcmp (key, "standfirst") == 0)
    byline_article_set_standfirst (article, text);
  else if (strcmp (key, "byline") == 0 || strcmp (key, "author") == 0)
    byline_article_set_byline (article, text);
  else if (strcmp (key, "dateline") == 0)
    byline_article_set_dateline (article, text);
  else if (strcmp (key, "caption") == 0)
    byline_article_set_caption (article, text);
  else if (strcmp (key, "credit") == 0)
    byline_article_set_credit (article, text);
  else if (strcmp (key, "image_alt") == 0)
    byline_article_set_image_alt (article, text);
  else if (strcmp (key, "section") == 0)
    byline_article_set_section (article, text);
  else if (strcmp (key, "language") == 0 || strcmp (key, "lang") == 0)
    {
      if (*text != '\0')
        byline_article_set_language (article, text);
    }
  else if (strcmp (key, "image") == 0)
    {
      g_autofree char *path = NULL;

      if (g_str_has_prefix (text, "file:"))
        path = g_filename_from_uri (text, NULL, NULL);
      byline_article_set_image (article, path != NULL ? path : text);
    }
  else if (strcmp (key, "published") == 0 || strcmp (key, "date") == 0)
    {
      gint64 published = 0;

      if (*text != '\0' && !parse_published (text, tz, &published))
        {
          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("the published date “%s” on line %u is not a date. Write it like “2023-03-03T09:05:00+00:00” or “March 3, 2023 at 9:05 am”."),
                                    text, line_number);
          return FALSE;
        }
      byline_article_set_published (article, published);
    }
  else if (strcmp (key, "status") == 0)
    {
      g_autofree char *word = g_ascii_strdown (text, -1);
      BylineStatus status;

      g_strdelimit (word, " _", '-');
      if (!byline_status_from_string (word, &status))
        {
          g_autofree char *words = dup_status_words ();

          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("the status “%s” on line %u is not one Byline knows. Use one of: %s."),
                                    text, line_number, words);
          return FALSE;
        }
      byline_article_set_status (article, status);
    }
  else
    g_debug ("Ignoring unknown front matter key “%s” on line %u", key, line_number);

  return TRUE;
}

static gboolean
is_fence (const char *line,
          gboolean    closing)
{
  g_autofree char *copy = g_strchomp (g_strdup (line));

  return strcmp (copy, "---") == 0 || (closing && strcmp (copy, "...") == 0);
}

static gboolean
is_indented (const char *line)
{
  return line[0] == ' ' || line[0] == '\t';
}

/* The front matter between lines[1] and the closing fence at @end: "key:
 * value" lines, with the bits of YAML people use in practice (quotes, flow
 * and block lists, indented continuation lines, "|" and ">" blocks). */
static gboolean
apply_front_matter (BylineArticle  *article,
                    char          **lines,
                    guint           end,
                    GTimeZone      *tz,
                    const char     *display_name,
                    GError        **error)
{
  guint i = 1;

  while (i < end)
    {
      const char *line = lines[i];
      guint line_number = i + 1;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      g_auto(GStrv) list = NULL;
      gboolean literal = FALSE;
      const char *colon;

      if (_byline_import_is_blank (line) || line[0] == '#')
        {
          i++;
          continue;
        }

      colon = strchr (line, ':');
      key = colon != NULL ? _byline_import_strip_line (g_strndup (line, colon - line)) : NULL;
      if (is_indented (line) || key == NULL || *key == '\0' ||
          strspn (key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen (key))
        {
          g_autofree char *shown = _byline_import_strip_line (g_strdup (line));

          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("line %u of the front matter, “%s”, is not a “key: value” line. Correct it or remove it and import again."),
                                    line_number, shown);
          return FALSE;
        }

      g_strdelimit (key, "-", '_');
      for (char *c = key; *c != '\0'; c++)
        *c = g_ascii_tolower (*c);
      value = _byline_import_strip_line (g_strdup (colon + 1));
      i++;

      if (strspn (value, "|>") == 1 && strspn (value + 1, "+-") == strlen (value + 1))
        {
          /* A block scalar: "|" keeps line breaks, ">" folds them. Its text
           * is taken as written, quotes and all. */
          gboolean keep_breaks = value[0] == '|';
          g_autoptr(GString) block = g_string_new (NULL);

          for (; i < end && (is_indented (lines[i]) || _byline_import_is_blank (lines[i])); i++)
            {
              g_autofree char *part = _byline_import_strip_line (g_strdup (lines[i]));

              if (block->len > 0)
                g_string_append_c (block, keep_breaks || *part == '\0' ? '\n' : ' ');
              g_string_append (block, part);
            }

          g_free (value);
          value = _byline_import_strip_line (g_string_free (g_steal_pointer (&block), FALSE));
          literal = TRUE;
        }
      else
        {
          /* Indented lines continue the value; "- item" lines under an empty
           * value make a block list (which may start at the key's own
           * indentation, as YAML allows). */
          g_autoptr(GStrvBuilder) items = NULL;
          g_autoptr(GString) joined = g_string_new (value);

          for (; i < end && !_byline_import_is_blank (lines[i]); i++)
            {
              g_autofree char *part = _byline_import_strip_line (g_strdup (lines[i]));
              gboolean item = *value == '\0' && joined->len == 0 &&
                              (g_str_has_prefix (part, "- ") || strcmp (part, "-") == 0);

              if (!is_indented (lines[i]) && !item)
                break;

              if (item)
                {
                  g_autofree char *entry = _byline_import_strip_line (g_strdup (part + 1));
                  g_autofree char *unquoted = unquote_value (entry);

                  if (items == NULL)
                    items = g_strv_builder_new ();
                  g_strv_builder_add (items, unquoted);
                  continue;
                }

              if (items != NULL)
                break;

              if (joined->len > 0)
                g_string_append_c (joined, ' ');
              g_string_append (joined, part);
            }

          if (items != NULL)
            list = g_strv_builder_end (items);
          else
            {
              g_free (value);
              value = g_string_free (g_steal_pointer (&joined), FALSE);
            }
        }

      if (!apply_front_matter_value (article, key, value, list, literal,
                                     line_number, tz, display_name, error))
        return FALSE;
    }

  return TRUE;
}


static BylineArticle *
import_markdown (const char  *text,
                 GTimeZone   *tz,
                 const char  *display_name,
                 GError     **error)
{
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint body_first = 0;
  g_autofree gboolean *removed = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *body_source = NULL;
  cmark_node *doc;
  guint n_blocks = 0;
  gboolean first_block = TRUE;
  const char *headline;

  byline_article_set_status (article, BYLINE_STATUS_DRAFT);
  byline_article_set_language (article, "en");

  if (n_lines > 0 && is_fence (lines[0], FALSE))
    {
      guint end = 1;

      while (end < n_lines && !is_fence (lines[end], TRUE))
        end++;

      if (end == n_lines)
        {
          _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                    _("the front matter that starts with “---” on line 1 is never closed. Add a line with only “---” after its last “key: value” line."));
          return NULL;
        }

      if (!apply_front_matter (article, lines, end, tz, display_name, error))
        return NULL;

      body_first = end + 1;
    }

  /* Work on the body's lines so that cmark's line numbers index them. */
  body_source = g_strjoinv ("\n", lines + MIN (body_first, n_lines));
  removed = g_new0 (gboolean, n_lines - MIN (body_first, n_lines) + 1);
  doc = cmark_parse_document (body_source, strlen (body_source), CMARK_OPT_DEFAULT);
  headline = byline_article_get_headline (article);

  for (cmark_node *node = cmark_node_first_child (doc);
       node != NULL;
       node = cmark_node_next (node))
    {
      cmark_node_type type = cmark_node_get_type (node);
      int start = cmark_node_get_start_line (node);
      int end = cmark_node_get_end_line (node);
      gboolean drop = FALSE;

      if (first_block && type == CMARK_NODE_HEADING && cmark_node_get_heading_level (node) == 1)
        {
          g_autofree char *heading = dup_node_text (node);

          /* The headline goes above the body; a copy of it in the body would
           * show twice. */
          if (headline == NULL || *headline == '\0')
            {
              if (*heading != '\0')
                {
                  byline_article_set_headline (article, heading);
                  drop = TRUE;
                }
            }
          else if (strcmp (heading, headline) == 0)
            drop = TRUE;
        }
      else if (type == CMARK_NODE_PARAGRAPH && start == end)
        {
          g_autofree char *para = dup_node_text (node);
          g_autofree char *read = _byline_import_parse_read_line (para);

          if (read != NULL)
            {
              byline_article_add_pin (article, byline_pin_new (n_blocks, 0, read));
              drop = TRUE;
            }
        }

      first_block = FALSE;

      if (!drop)
        {
          n_blocks++;
          continue;
        }

      for (int l = start; l <= end; l++)
        removed[l - 1] = TRUE;
      /* And the blank line that separated it from the next block. */
      if (body_first + end < n_lines && _byline_import_is_blank (lines[body_first + end]))
        removed[end] = TRUE;
    }
  cmark_node_free (doc);

  for (guint i = body_first; i < n_lines; i++)
    {
      if (removed[i - body_first])
        continue;
      if (body->len == 0 && _byline_import_is_blank (lines[i]))
        continue;
      g_string_append (body, lines[i]);
      g_string_append_c (body, '\n');
    }
  while (body->len > 0 && g_ascii_isspace (body->str[body->len - 1]))
    g_string_truncate (body, body->len - 1);

  byline_article_set_body (article, body->str);

  headline = byline_article_get_headline (article);
  if (headline == NULL || *headline == '\0')
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_NO_HEADLINE, display_name,
                                _("it has no headline. Add a “headline:” line to the front matter, or begin the text with a “# Headline” line."));
      return NULL;
    }

  return g_steal_pointer (&article);
}

/* Input checks shared by every entry point: returns the text without a byte
 * order mark and with "\n" line ends, or NULL with an error. */
static char *
prepare_text (const char  *text,
              gsize        length,
              const char  *display_name,
              GError     **error)
{
  g_autoptr(GString) out = NULL;
  const char *end = NULL;

  if (length >= 2 &&
      (((guchar) text[0] == 0xFF && (guchar) text[1] == 0xFE) ||
       ((guchar) text[0] == 0xFE && (guchar) text[1] == 0xFF)))
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_ENCODING, display_name,
                                _("it is UTF-16 text. Save it as UTF-8 and import it again."));
      return NULL;
    }

  if (memchr (text, '\0', length) != NULL)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_BINARY, display_name,
                                _("it is not a text file. Import plain text or Markdown (.md) files."));
      return NULL;
    }

  if (!g_utf8_validate_len (text, length, &end))
    {
      const char *line_start = text;
      guint line = 1;

      for (const char *p = text; p < end; p++)
        if (*p == '\n')
          {
            line++;
            line_start = p + 1;
          }

      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_ENCODING, display_name,
                                _("it is not UTF-8 text (line %u, column %ld has a character that is not UTF-8). Save it as UTF-8 and import it again."),
                                line, g_utf8_strlen (line_start, end - line_start) + 1);
      return NULL;
    }

  if (length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }

  out = g_string_sized_new (length);
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  if (_byline_import_is_blank (out->str))
    {
      if (length == 0)
        _byline_import_set_error (error, BYLINE_IMPORT_ERROR_EMPTY, display_name,
                                  _("it is empty. Choose a file with the article’s text."));
      else
        _byline_import_set_error (error, BYLINE_IMPORT_ERROR_EMPTY, display_name,
                                  _("it has only blank lines and spaces. Choose a file with the article’s text."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_front_matter (const char *text)
{
  g_autofree char *first = g_strndup (text, strcspn (text, "\n"));

  return is_fence (first, FALSE);
}

/**
 * byline_import_plain_text:
 * @text: text copied from a news site
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @tz: (nullable): time zone of the date line; %NULL for local time
 * @error: return location for a #GError
 *
 * Drops the site's menus and buttons and turns the rest into an article: the
 * headline, date line, byline, photo caption and credit, the paragraphs as
 * CommonMark and "READ:" lines as unresolved pins.
 *
 * Returns: (transfer full) (nullable): a draft article, or %NULL
 */
BylineArticle *
byline_import_plain_text (const char  *text,
                          gssize       length,
                          GTimeZone   *tz,
                          GError     **error)
{
  g_autofree char *prepared = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  prepared = prepare_text (text != NULL ? text : "", length, NULL, error);
  if (prepared == NULL)
    return NULL;

  return _byline_import_plain_text (prepared, tz, NULL, error);
}

/**
 * byline_import_markdown:
 * @text: CommonMark, optionally opening with a "---" front-matter block
 * @length: length of @text in bytes, or -1 if it is nul-terminated
 * @tz: (nullable): time zone for published times without one; %NULL for local time
 * @error: return location for a #GError
 *
 * Reads the article's fields from the front matter and keeps the rest as its
 * body. Without a headline field, a leading "# Heading" is the headline.
 * Paragraphs that are only a "READ:" line become unresolved pins.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL
 */
BylineArticle *
byline_import_markdown (const char  *text,
                        gssize       length,
                        GTimeZone   *tz,
                        GError     **error)
{
  g_autofree char *prepared = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = strlen (text);

  prepared = prepare_text (text != NULL ? text : "", length, NULL, error);
  if (prepared == NULL)
    return NULL;

  return import_markdown (prepared, tz, NULL, error);
}

static char *
dup_display_name (GFile     *file,
                  GFileInfo *info)
{
  g_autofree char *basename = NULL;

  if (info != NULL && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    return g_strdup (g_file_info_get_display_name (info));

  basename = g_file_get_basename (file);
  if (basename == NULL)
    return g_file_get_parse_name (file);

  return g_filename_display_name (basename);
}

static gboolean
is_markdown_name (const char *name)
{
  g_autofree char *down = g_utf8_strdown (name, -1);

  return g_str_has_suffix (down, ".md") || g_str_has_suffix (down, ".markdown");
}

static char *
read_contents (GFile         *file,
               const char    *display_name,
               gsize         *length,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 chunk[65536];

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    {
      g_prefix_error (error, _("Could not import “%s”: "), display_name);
      return NULL;
    }

  /* Never hold more than the limit, whatever the file grew to. */
  while (bytes->len <= BYLINE_IMPORT_MAX_SIZE)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                      cancellable, error);

      if (n < 0)
        {
          g_prefix_error (error, _("Could not import “%s”: "), display_name);
          return NULL;
        }
      if (n == 0)
        break;
      g_byte_array_append (bytes, chunk, n);
    }

  if (bytes->len > BYLINE_IMPORT_MAX_SIZE)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name,
                                _("it is larger than the %d MiB an article file may have. Import a smaller file."),
                                BYLINE_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  *length = bytes->len;
  g_byte_array_append (bytes, (const guint8 *) "", 1);

  return (char *) g_byte_array_free (g_steal_pointer (&bytes), FALSE);
}

/**
 * byline_import_file:
 * @file: a plain text or Markdown file
 * @tz: (nullable): time zone of dates without one; %NULL for local time
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads @file and imports it with byline_import_markdown() when it opens
 * with front matter or is named *.md or *.markdown, else with
 * byline_import_plain_text(). Refuses empty, binary, non-UTF-8 and oversized
 * (over %BYLINE_IMPORT_MAX_SIZE) files with a message naming the file.
 *
 * Returns: (transfer full) (nullable): the article, or %NULL
 */
BylineArticle *
byline_import_file (GFile         *file,
                    GTimeZone     *tz,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  const char *image;
  gsize length = 0;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  display_name = dup_display_name (file, info);

  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("Could not import “%s”: the file does not exist. It may have been moved or deleted."),
                     display_name);
      else
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          g_prefix_error (error, _("Could not import “%s”: "), display_name);
        }
      return NULL;
    }

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_INVALID, display_name,
                                _("it is a folder. Choose a plain text or Markdown (.md) file."));
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > BYLINE_IMPORT_MAX_SIZE)
    {
      g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS | G_FORMAT_SIZE_LONG_FORMAT);

      _byline_import_set_error (error, BYLINE_IMPORT_ERROR_TOO_LARGE, display_name,
                                _("it is %s, more than the %d MiB an article file may have. Import a smaller file."),
                                actual, BYLINE_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  contents = read_contents (file, display_name, &length, cancellable, error);
  if (contents == NULL)
    return NULL;

  text = prepare_text (contents, length, display_name, error);
  if (text == NULL)
    return NULL;

  if (has_front_matter (text) || is_markdown_name (display_name))
    article = import_markdown (text, tz, display_name, error);
  else
    article = _byline_import_plain_text (text, tz, display_name, error);

  if (article == NULL)
    return NULL;

  /* The image is named relative to the article file's folder. */
  image = byline_article_get_image (article);
  if (image != NULL && *image != '\0' && !g_path_is_absolute (image) &&
      g_uri_peek_scheme (image) == NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autoptr(GFile) resolved = NULL;
      g_autofree char *path = NULL;

      if (g_str_has_prefix (image, "~/"))
        path = g_build_filename (g_get_home_dir (), image + 2, NULL);
      else if (parent != NULL)
        {
          resolved = g_file_resolve_relative_path (parent, image);
          path = g_file_get_path (resolved);
          if (path == NULL)
            path = g_file_get_uri (resolved);
        }

      if (path != NULL)
        byline_article_set_image (article, path);
    }

  return g_steal_pointer (&article);
}
