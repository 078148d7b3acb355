/* byline-text-markdown.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-text"

#include "config.h"

#include <string.h>

#include "byline-text-private.h"

/* The body's Markdown as cmark reads it: parsed one way for everyone, its
 * top-level blocks, and where each character a reader sees was written
 * (byline-text-private.h). The counting rules are in byline-text.c. */

/* --- the Markdown ---------------------------------------------------------- */

cmark_node *
byline_text_parse_markdown (const char *body)
{
  if (body == NULL)
    body = "";

  /* cmark 0.30 is safe by default: raw HTML and javascript: links are left
   * out when it renders. */
  return cmark_parse_document (body, strlen (body), CMARK_OPT_SOURCEPOS);
}

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *line_starts;   /* gsize: byte offset of each line, lines 1-based at [n - 1] */
  guint      *char_of_byte;  /* len + 1 */
} Source;

static void
source_init (Source     *src,
             const char *text)
{
  gsize first = 0;
  guint n_chars = 0;

  src->text = text;
  src->len = strlen (text);
  src->line_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  src->char_of_byte = g_new (guint, src->len + 1);

  g_array_append_val (src->line_starts, first);
  for (gsize i = 0; i < src->len; i++)
    {
      guchar b = text[i];

      /* A line ends at "\n", "\r\n" or a lone "\r", as in CommonMark. */
      if (b == '\n' || (b == '\r' && text[i + 1] != '\n'))
        {
          gsize next = i + 1;
          g_array_append_val (src->line_starts, next);
        }

      /* A character's bytes all map to it. */
      if ((b & 0xC0) != 0x80)
        n_chars++;
      src->char_of_byte[i] = n_chars > 0 ? n_chars - 1 : 0;
    }
  src->char_of_byte[src->len] = n_chars;
}

static void
source_clear (Source *src)
{
  g_clear_pointer (&src->line_starts, g_array_unref);
  g_clear_pointer (&src->char_of_byte, g_free);
}

static gsize
line_start (const Source *src,
            int           line)
{
  if (line < 1)
    return 0;
  if ((guint) line > src->line_starts->len)
    return src->len;

  return g_array_index (src->line_starts, gsize, line - 1);
}

/* The end of @line's text, before its line ending. */
static gsize
line_end (const Source *src,
          int           line)
{
  gsize end = line_start (src, line + 1);

  if (line >= 1 && (guint) line >= src->line_starts->len)
    return src->len;
  if (end > 0 && src->text[end - 1] == '\n')
    end--;
  if (end > 0 && src->text[end - 1] == '\r')
    end--;

  return MAX (end, line_start (src, line));
}

/* The last line of @node. cmark ends some blocks at column 0 of the line
 * after them, and a setext heading on the line after its underline: a
 * block ends before the next one starts, and not on a blank line. */
static int
node_end_line (const Source *src,
               cmark_node   *node)
{
  int start = cmark_node_get_start_line (node);
  int line = cmark_node_get_end_line (node);

  if (cmark_node_get_end_column (node) == 0 && line > start)
    line--;

  for (cmark_node *n = node; n != NULL; n = cmark_node_parent (n))
    {
      cmark_node *next = cmark_node_next (n);

      if (next != NULL)
        {
          if (cmark_node_get_start_line (next) > 0 && line >= cmark_node_get_start_line (next))
            line = cmark_node_get_start_line (next) - 1;
          break;
        }
    }

  while (line > start)
    {
      gsize p = line_start (src, line);
      gsize end = line_end (src, line);

      while (p < end && (src->text[p] == ' ' || src->text[p] == '\t'))
        p++;
      if (p < end)
        break;
      line--;
    }

  return MAX (line, start);
}

/* Byte offset of cmark's @line and 1-based byte @column. */
static gsize
byte_at (const Source *src,
         int           line,
         int           column)
{
  gsize start = line_start (src, line);

  return MIN (start + MAX (column, 1) - 1, src->len);
}


static guint
char_at (const Source *src,
         gsize         byte)
{
  return src->char_of_byte[MIN (byte, src->len)];
}

/* The length of the entity ("&amp;", "&#8212;", "&#x2014;") at @p, or 0. */
static gsize
entity_length (const char *p,
               gsize       room)
{
  gsize i = 1;

  if (room < 3 || p[0] != '&')
    return 0;

  if (p[1] == '#')
    {
      i = 2;
      if (i < room && (p[i] == 'x' || p[i] == 'X'))
        i++;
    }

  while (i < room && i < 40 && g_ascii_isalnum (p[i]))
    i++;

  return i < room && p[i] == ';' && i > 1 ? i + 1 : 0;
}

/* Matches the literal @lit of a node to the Markdown at byte @pos, before
 * @limit: the same characters, or what cmark made them from (a backslash
 * escape, an entity, a line end in a code span, a character it replaced).
 * Fills @out with the character offset each literal character was written
 * at, and *@end with the byte after the match. */
static gboolean
align_literal (const Source *src,
               gsize         pos,
               gsize         limit,
               const char   *lit,
               gboolean      code,
               guint        *out,
               gsize        *end)
{
  const char *t = src->text;
  guint k = 0;

  for (const char *l = lit; *l; )
    {
      const char *next = g_utf8_next_char (l);
      gsize width = next - l;
      gunichar c = g_utf8_get_char (l);
      gsize n;

      if (pos >= limit)
        return FALSE;

      if (t[pos] == '&' && (n = entity_length (t + pos, limit - pos)) > 0 &&
          strncmp (l, t + pos, n) != 0)
        {
          out[k++] = char_at (src, pos);
          l = next;
          /* A few entities stand for a letter and a combining mark. */
          if (*l && g_unichar_ismark (g_utf8_get_char (l)) &&
              (pos + n >= limit || strncmp (l, t + pos + n, g_utf8_next_char (l) - l) != 0))
            {
              out[k++] = char_at (src, pos);
              l = g_utf8_next_char (l);
            }
          pos += n;
        }
      else if (pos + width <= limit && memcmp (t + pos, l, width) == 0)
        {
          out[k++] = char_at (src, pos);
          pos += width;
          l = next;
        }
      else if (t[pos] == '\\' && pos + 1 < limit && (guchar) t[pos + 1] == c && g_ascii_ispunct (t[pos + 1]))
        {
          out[k++] = char_at (src, pos);
          pos += 2;
          l = next;
        }
      else if (code && c == ' ' && (t[pos] == '\n' || t[pos] == '\r'))
        {
          /* A code span over two lines: the line end reads as a space; the
           * next line may start with a quote's markers. */
          out[k++] = char_at (src, pos);
          if (t[pos] == '\r' && pos + 1 < limit && t[pos + 1] == '\n')
            pos++;
          pos++;
          while (pos < limit && (t[pos] == ' ' || t[pos] == '\t' || t[pos] == '>'))
            pos++;
          l = next;
        }
      else if (c == 0xFFFD)
        {
          /* A NUL or a byte that was not UTF-8. */
          const char *after = g_utf8_find_next_char (t + pos, t + limit);

          out[k++] = char_at (src, pos);
          pos = after != NULL ? (gsize) (after - t) : limit;
          l = next;
        }
      else
        return FALSE;
    }

  *end = pos;
  return TRUE;
}

typedef struct
{
  BylineTextMap *map;
  Source         src;
  BylineTextLeaf *leaf;   /* the open one, if any */
  guint          leaf_index;
  gsize          leaf_end;  /* bytes */
  gsize          cursor;    /* bytes: where the next text node can start */
  guint          top;
  guint          n_top;
  /* A link's address, waiting for the text after it to end. */
  guint          address_start;
  guint          address_end;
  gboolean       address_open;
} MapBuilder;

static void
close_address (MapBuilder *b,
               guint       end)
{
  /* cmark's end of the link, unless it is not between the two texts. */
  if (b->address_end > b->address_start && b->address_end < end)
    end = b->address_end;

  if (b->address_open && end > b->address_start)
    {
      guint range[2] = { b->address_start, end };

      g_array_append_vals (b->map->addresses, range, 2);
    }
  b->address_open = FALSE;
}

static void
open_leaf (MapBuilder *b,
           cmark_node *node)
{
  BylineTextLeaf leaf = { 0, };
  int start_line = cmark_node_get_start_line (node);
  int end_line = node_end_line (&b->src, node);

  leaf.node = node;
  leaf.top = b->top;
  leaf.start = char_at (&b->src, byte_at (&b->src, start_line, cmark_node_get_start_column (node)));
  leaf.end = char_at (&b->src, line_end (&b->src, end_line));
  leaf.chars = g_array_new (FALSE, FALSE, sizeof (BylineTextChar));
  leaf.first_span = b->map->spans->len;

  g_array_append_val (b->map->leaves, leaf);
  b->leaf_index = b->map->leaves->len - 1;
  b->leaf = &g_array_index (b->map->leaves, BylineTextLeaf, b->leaf_index);
  b->cursor = line_start (&b->src, start_line);
  b->leaf_end = line_start (&b->src, end_line + 1);
  if ((guint) end_line >= b->src.line_starts->len)
    b->leaf_end = b->src.len;
}

static void
close_leaf (MapBuilder *b)
{
  if (b->leaf == NULL)
    return;

  close_address (b, b->leaf->end);
  b->leaf->n_spans = b->map->spans->len - b->leaf->first_span;
  b->leaf = NULL;
}

static void
add_span (MapBuilder  *b,
          cmark_node  *node,
          const guint *sources,
          const char  *lit)
{
  BylineTextSpan span = { node, b->leaf_index, b->leaf->chars->len, 0 };
  guint k = 0;

  for (const char *l = lit; *l; l = g_utf8_next_char (l), k++)
    {
      BylineTextChar ch = { g_utf8_get_char (l), sources[k] };

      g_array_append_val (b->leaf->chars, ch);
    }
  span.n_chars = k;

  if (k > 0)
    close_address (b, sources[0]);
  g_array_append_val (b->map->spans, span);
}

/* A text node or a code span: where cmark says it is if the text is there,
 * else the first place after the previous one that matches. */
static void
map_inline (MapBuilder *b,
            cmark_node *node)
{
  const char *lit = cmark_node_get_literal (node);
  gboolean code = cmark_node_get_type (node) == CMARK_NODE_CODE;
  g_autofree guint *sources = NULL;
  gsize end = 0;
  gboolean found = FALSE;

  if (lit == NULL || *lit == '\0')
    return;

  sources = g_new (guint, g_utf8_strlen (lit, -1));

  if (cmark_node_get_start_line (node) > 0)
    {
      gsize at = byte_at (&b->src, cmark_node_get_start_line (node), cmark_node_get_start_column (node));

      found = at >= b->cursor && at < b->leaf_end &&
              align_literal (&b->src, at, b->leaf_end, lit, code, sources, &end);
    }

  for (gsize at = b->cursor; !found && at < b->leaf_end; at++)
    {
      if ((b->src.text[at] & 0xC0) != 0x80)
        found = align_literal (&b->src, at, b->leaf_end, lit, code, sources, &end);
    }

  if (!found)
    {
      /* Never seen; keep the text, placed where the search stood. */
      guint n = g_utf8_strlen (lit, -1);

      for (guint i = 0; i < n; i++)
        sources[i] = char_at (&b->src, b->cursor);
      end = b->cursor;
    }

  b->cursor = end;
  add_span (b, node, sources, lit);
}

/* A code block's literal, line by line: each line of it ends a line of the
 * Markdown (after the indentation or a quote's markers). */
static void
map_code_block (MapBuilder *b,
                cmark_node *node)
{
  const char *lit = cmark_node_get_literal (node);
  int start_line = cmark_node_get_start_line (node);
  g_autofree guint *sources = NULL;
  gsize first_start;
  int line;
  guint k = 0;

  if (lit == NULL || *lit == '\0')
    return;

  sources = g_new (guint, g_utf8_strlen (lit, -1));

  /* An indented block starts with its text; a fenced one a line later. */
  first_start = byte_at (&b->src, start_line, cmark_node_get_start_column (node));
  {
    const char *nl = strchr (lit, '\n');
    gsize first_len = nl != NULL ? (gsize) (nl - lit) : strlen (lit);
    gsize src_len = line_end (&b->src, start_line) - MIN (first_start, line_end (&b->src, start_line));

    line = (src_len == first_len && strncmp (b->src.text + first_start, lit, first_len) == 0)
           ? start_line : start_line + 1;
  }

  for (const char *l = lit; *l; line++)
    {
      const char *nl = strchr (l, '\n');
      gsize len = nl != NULL ? (gsize) (nl - l) : strlen (l);
      gsize start = line_start (&b->src, line);
      gsize end = line_end (&b->src, line);
      gboolean suffix = len <= end - start && strncmp (b->src.text + end - len, l, len) == 0;
      const char *p;

      for (p = l; p < l + len; p = g_utf8_next_char (p))
        sources[k++] = char_at (&b->src, suffix ? end - len + (p - l) : start);

      if (nl == NULL)
        break;
      /* The last line's end may be the end of the text, with no line end. */
      sources[k++] = end < b->src.len ? char_at (&b->src, end) : BYLINE_TEXT_NO_SOURCE;
      l = nl + 1;
    }

  add_span (b, node, sources, lit);
}

static void
add_break (MapBuilder *b)
{
  BylineTextChar ch = { ' ', BYLINE_TEXT_NO_SOURCE };

  g_array_append_val (b->leaf->chars, ch);
}

void
_byline_text_map_init (BylineTextMap *map,
                       cmark_node    *document,
                       const char    *markdown)
{
  MapBuilder b = { map, };
  cmark_iter *iter;
  cmark_event_type event;

  map->leaves = g_array_new (FALSE, FALSE, sizeof (BylineTextLeaf));
  map->spans = g_array_new (FALSE, FALSE, sizeof (BylineTextSpan));
  map->addresses = g_array_new (FALSE, FALSE, sizeof (guint));
  source_init (&b.src, markdown != NULL ? markdown : "");
  map->n_chars = char_at (&b.src, b.src.len);

  iter = cmark_iter_new (document);
  while ((event = cmark_iter_next (iter)) != CMARK_EVENT_DONE)
    {
      cmark_node *node = cmark_iter_get_node (iter);
      cmark_node_type type = cmark_node_get_type (node);

      if (event == CMARK_EVENT_ENTER && cmark_node_parent (node) == document)
        b.top = b.n_top++;

      switch (type)
        {
        case CMARK_NODE_PARAGRAPH:
        case CMARK_NODE_HEADING:
          if (event == CMARK_EVENT_ENTER)
            open_leaf (&b, node);
          else
            close_leaf (&b);
          break;

        case CMARK_NODE_CODE_BLOCK:
          open_leaf (&b, node);
          map_code_block (&b, node);
          close_leaf (&b);
          break;

        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
          if (b.leaf != NULL)
            map_inline (&b, node);
          break;

        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK:
          if (b.leaf != NULL)
            add_break (&b);
          break;

        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
          /* After the link's text comes its address, up to what follows. */
          if (event == CMARK_EVENT_EXIT && b.leaf != NULL && b.leaf->chars->len > 0)
            {
              const BylineTextChar *last = &g_array_index (b.leaf->chars, BylineTextChar, b.leaf->chars->len - 1);

              if (last->source != BYLINE_TEXT_NO_SOURCE)
                {
                  gsize end = byte_at (&b.src, cmark_node_get_end_line (node), cmark_node_get_end_column (node));

                  /* From after the "]" to the end of the link. */
                  b.address_start = last->source + 2;
                  b.address_end = cmark_node_get_end_line (node) > 0 ? char_at (&b.src, end + 1) : 0;
                  b.address_open = TRUE;
                }
            }
          break;

        default:
          break;
        }
    }
  cmark_iter_free (iter);

  source_clear (&b.src);
}

void
_byline_text_map_clear (BylineTextMap *map)
{
  if (map->leaves != NULL)
    {
      for (guint i = 0; i < map->leaves->len; i++)
        g_array_unref (g_array_index (map->leaves, BylineTextLeaf, i).chars);
      g_clear_pointer (&map->leaves, g_array_unref);
    }
  g_clear_pointer (&map->spans, g_array_unref);
  g_clear_pointer (&map->addresses, g_array_unref);
}

/* --- blocks ---------------------------------------------------------------- */

static BylineTextBlockKind
block_kind (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_HEADING:
      return BYLINE_TEXT_BLOCK_HEADING;
    case CMARK_NODE_LIST:
      return BYLINE_TEXT_BLOCK_LIST;
    case CMARK_NODE_BLOCK_QUOTE:
      return BYLINE_TEXT_BLOCK_QUOTE;
    case CMARK_NODE_CODE_BLOCK:
      return BYLINE_TEXT_BLOCK_CODE;
    case CMARK_NODE_THEMATIC_BREAK:
      return BYLINE_TEXT_BLOCK_RULE;
    case CMARK_NODE_HTML_BLOCK:
      return BYLINE_TEXT_BLOCK_HTML;
    case CMARK_NODE_PARAGRAPH:
    default:
      return BYLINE_TEXT_BLOCK_PARAGRAPH;
    }
}

static void
block_clear (gpointer data)
{
  BylineTextBlock *block = data;

  g_clear_pointer (&block->text, g_free);
}

/* Appends @chars to @text with runs of white space as one space. */
static void
append_squeezed (GString              *text,
                 const BylineTextChar *chars,
                 guint                 n)
{
  for (guint i = 0; i < n; i++)
    {
      if (!g_unichar_isspace (chars[i].c))
        g_string_append_unichar (text, chars[i].c);
      else if (text->len > 0 && text->str[text->len - 1] != ' ')
        g_string_append_c (text, ' ');
    }
}

/**
 * byline_text_get_blocks:
 * @body: (nullable): a Markdown body
 *
 * Returns: (transfer full) (element-type BylineTextBlock): its top-level
 *   blocks, in order
 */
GArray *
byline_text_get_blocks (const char *body)
{
  g_autofree char *valid = _byline_text_dup_valid (body);
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (BylineTextBlock));
  cmark_node *document = byline_text_parse_markdown (valid);
  BylineTextMap map = { NULL, };
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  Source src;
  guint leaf = 0;

  g_array_set_clear_func (blocks, block_clear);
  source_init (&src, valid);
  _byline_text_map_init (&map, document, valid);

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    {
      BylineTextBlock block = { 0, };
      int start_line = cmark_node_get_start_line (node);
      int end_line = node_end_line (&src, node);
      g_autoptr(GString) text = g_string_new (NULL);

      block.kind = block_kind (node);
      block.start_line = start_line;
      block.end_line = end_line;
      block.start_byte = byte_at (&src, start_line, cmark_node_get_start_column (node));
      block.end_byte = MAX (line_end (&src, end_line), block.start_byte);
      block.start_offset = char_at (&src, block.start_byte);
      block.end_offset = char_at (&src, block.end_byte);

      for (; leaf < map.leaves->len && g_array_index (map.leaves, BylineTextLeaf, leaf).top == blocks->len; leaf++)
        {
          GArray *chars = g_array_index (map.leaves, BylineTextLeaf, leaf).chars;

          if (text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
          append_squeezed (text, (const BylineTextChar *) chars->data, chars->len);
        }
      if (text->len > 0 && text->str[text->len - 1] == ' ')
        g_string_truncate (text, text->len - 1);
      block.text = g_string_free (g_steal_pointer (&text), FALSE);

      g_array_append_val (blocks, block);
    }

  _byline_text_map_clear (&map);
  source_clear (&src);
  cmark_node_free (document);

  return blocks;
}

guint
byline_text_count_blocks (const char *body)
{
  cmark_node *document = byline_text_parse_markdown (body);
  guint n = 0;

  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node))
    n++;
  cmark_node_free (document);

  return n;
}

guint
byline_text_block_at_offset (const char *body,
                             int         offset)
{
  g_autofree char *valid = NULL;
  cmark_node *document;
  const char *end;
  guint block = 0;
  guint line = 1;
  guint i = 0;

  if (body == NULL || *body == '\0')
    return 0;

  /* The line holding the character, counting line ends as CommonMark does. */
  if (offset < 0)
    offset = 0;
  if (offset >= g_utf8_strlen (body, -1))
    end = body + strlen (body);
  else
    end = g_utf8_offset_to_pointer (body, offset);

  for (const char *p = body; p < end; p++)
    {
      if (*p == '\n')
        line++;
      else if (*p == '\r' && p[1] != '\n')
        line++;
    }

  /* Only where each top-level block starts, as byline_text_get_blocks()
   * says it: without the text of each, which the preview's following of
   * the cursor does not need on every pause in typing. */
  valid = _byline_text_dup_valid (body);
  document = byline_text_parse_markdown (valid);
  for (cmark_node *node = cmark_node_first_child (document); node != NULL; node = cmark_node_next (node), i++)
    {
      if (cmark_node_get_start_line (node) <= (int) line)
        block = i + 1;
    }
  cmark_node_free (document);

  return block;
}
