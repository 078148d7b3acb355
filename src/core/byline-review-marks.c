/* byline-review-marks.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-review-marks"

#include "config.h"

#include <string.h>

#include "byline-diff.h"
#include "byline-html.h"
#include "byline-review-marks.h"
#include "byline-text-private.h"

/* Raw HTML never gets through the body's Markdown, so the marks travel
 * through cmark as four private-use characters. A word diff of the Markdown
 * says which characters changed; cmark's parse tree and source positions
 * (byline-text-private.h) say which text node shows each of them. The marks
 * go into those nodes' literals, around inserted characters and with the
 * deleted words put back where they were, after cmark has read the
 * Markdown: they can change no emphasis, code span or link. A deletion of
 * whole paragraphs comes back as paragraphs of its own. The HTML pass
 * closes a mark at every tag, so no mark spans two blocks and every mark
 * holds text only. The same characters are first taken out of the text
 * people wrote, so nobody can make a mark by typing one. */

#define MARK_INS_OPEN  0xE000
#define MARK_INS_CLOSE 0xE001
#define MARK_DEL_OPEN  0xE002
#define MARK_DEL_CLOSE 0xE003

#define INS_START_TAG "<ins class=\"review-ins\">"
#define DEL_START_TAG "<del class=\"review-del\">"

static gboolean
is_mark_char (gunichar c)
{
  return c >= MARK_INS_OPEN && c <= MARK_DEL_CLOSE;
}

char *
byline_review_marks_dup_clean (const char *text)
{
  g_autofree char *clean = byline_html_dup_clean (text);
  GString *out = g_string_sized_new (strlen (clean));

  for (const char *p = clean; *p; p = g_utf8_next_char (p))
    if (!is_mark_char (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);

  return g_string_free (out, FALSE);
}

char *
byline_review_marks_dup_field (const char *text)
{
  g_autofree char *clean = byline_review_marks_dup_clean (text);

  return byline_html_dup_field (clean);
}

/* --- the body -------------------------------------------------------------- */

/* Deleted words, put back before character @index of span @span. */
typedef struct
{
  guint  span;
  guint  index;
  guint  seq;
  char  *text;  /* with its marks */
} Deletion;

typedef struct
{
  cmark_node    *document;
  BylineTextMap  now;
  BylineTextMap  before;
  GArray        *deletions;    /* Deletion */
  GHashTable    *paragraphs;   /* the deleted paragraphs added */
  gboolean      *inserted;     /* by character of the current Markdown */
} Marker;

static void
deletion_clear (gpointer data)
{
  g_free (((Deletion *) data)->text);
}

static int
deletion_compare (gconstpointer a,
                  gconstpointer b)
{
  const Deletion *x = a;
  const Deletion *y = b;

  if (x->span != y->span)
    return x->span < y->span ? -1 : 1;
  if (x->index != y->index)
    return x->index < y->index ? -1 : 1;
  return x->seq < y->seq ? -1 : (x->seq > y->seq);
}

static const BylineTextLeaf *
get_leaf (const BylineTextMap *map,
          guint                i)
{
  return &g_array_index (map->leaves, BylineTextLeaf, i);
}

static const BylineTextChar *
leaf_chars (const BylineTextLeaf *leaf)
{
  return (const BylineTextChar *) leaf->chars->data;
}

/* Where the text of @leaf starts and ends in the Markdown; FALSE when it
 * shows none. */
static gboolean
get_text_extent (const BylineTextLeaf *leaf,
                 guint                *first,
                 guint                *last)
{
  const BylineTextChar *t = leaf_chars (leaf);
  gboolean found = FALSE;

  for (guint i = 0; i < leaf->chars->len; i++)
    {
      if (t[i].source == BYLINE_TEXT_NO_SOURCE)
        continue;
      if (!found)
        *first = t[i].source;
      *last = t[i].source;
      found = TRUE;
    }

  return found;
}

/* The words of [@start, @end) of the baseline as its reader read them, one
 * piece per paragraph; *@whole says whether they were whole paragraphs (but
 * for punctuation the diff matched elsewhere), *@items whether they were
 * list items. */
static GPtrArray *
dup_deleted_pieces (const BylineTextMap *before,
                    guint                start,
                    guint                end,
                    gboolean            *whole,
                    gboolean            *items)
{
  GPtrArray *pieces = g_ptr_array_new_with_free_func (g_free);
  const BylineTextLeaf *only = NULL;

  for (guint i = 0; i < before->leaves->len; i++)
    {
      const BylineTextLeaf *leaf = get_leaf (before, i);
      const BylineTextChar *t = leaf_chars (leaf);
      g_autoptr(GString) piece = g_string_new (NULL);

      for (guint k = 0; k < leaf->chars->len; k++)
        {
          gboolean in = t[k].source >= start && t[k].source < end;

          if (t[k].source == BYLINE_TEXT_NO_SOURCE || (in && g_unichar_isspace (t[k].c)))
            {
              if (piece->len > 0 && piece->str[piece->len - 1] != ' ')
                g_string_append_c (piece, ' ');
            }
          else if (in)
            g_string_append_unichar (piece, t[k].c);
        }

      g_strstrip (piece->str);
      if (*piece->str == '\0')
        continue;

      if (pieces->len == 0)
        *items = cmark_node_get_type (cmark_node_parent (leaf->node)) == CMARK_NODE_ITEM;
      g_ptr_array_add (pieces, g_strdup (piece->str));
      only = leaf;
    }

  *whole = pieces->len > 1;
  if (pieces->len == 1)
    {
      const BylineTextChar *t = leaf_chars (only);

      *whole = TRUE;
      for (guint k = 0; k < only->chars->len && *whole; k++)
        if (t[k].source != BYLINE_TEXT_NO_SOURCE &&
            !g_unichar_isspace (t[k].c) && !g_unichar_ispunct (t[k].c))
          *whole = t[k].source >= start && t[k].source < end;
    }

  return pieces;
}

static gboolean
is_in_address (const BylineTextMap *map,
               guint                q)
{
  for (guint i = 0; i + 1 < map->addresses->len; i += 2)
    if (q >= g_array_index (map->addresses, guint, i) && q < g_array_index (map->addresses, guint, i + 1))
      return TRUE;

  return FALSE;
}

static gboolean
can_hold_paragraph (cmark_node *node)
{
  switch (cmark_node_get_type (node))
    {
    case CMARK_NODE_DOCUMENT:
    case CMARK_NODE_BLOCK_QUOTE:
    case CMARK_NODE_ITEM:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The outermost block that starts (@first) or ends (!@first) where @leaf
 * does, and that a paragraph can go beside: a deleted paragraph before a
 * list goes before the list, not into its first item. */
static cmark_node *
get_outer_block (cmark_node *leaf,
                 gboolean    first)
{
  cmark_node *node = leaf;
  cmark_node *best = leaf;

  while (cmark_node_get_type (cmark_node_parent (node)) != CMARK_NODE_DOCUMENT &&
         node == (first ? cmark_node_first_child (cmark_node_parent (node))
                        : cmark_node_last_child (cmark_node_parent (node))))
    {
      node = cmark_node_parent (node);
      if (can_hold_paragraph (cmark_node_parent (node)))
        best = node;
    }

  return best;
}

static cmark_node *
new_deleted_paragraph (const char *piece)
{
  cmark_node *paragraph = cmark_node_new (CMARK_NODE_PARAGRAPH);
  cmark_node *text = cmark_node_new (CMARK_NODE_TEXT);
  g_autoptr(GString) literal = g_string_new (NULL);

  g_string_append_unichar (literal, MARK_DEL_OPEN);
  g_string_append (literal, piece);
  g_string_append_unichar (literal, MARK_DEL_CLOSE);
  cmark_node_set_literal (text, literal->str);
  cmark_node_append_child (paragraph, text);

  return paragraph;
}

/* Deleted paragraphs, before @next's block or after @prev's (or at the end
 * of an empty body); list items beside a list item when @items. */
static void
add_paragraphs (Marker     *m,
                GPtrArray  *pieces,
                gboolean    items,
                cmark_node *prev,
                cmark_node *next)
{
  cmark_node *leaf = next != NULL ? next : prev;
  cmark_node *anchor = NULL;
  gboolean as_items = FALSE;

  if (leaf != NULL && cmark_node_get_type (cmark_node_parent (leaf)) == CMARK_NODE_ITEM &&
      leaf == (next != NULL ? cmark_node_first_child (cmark_node_parent (leaf))
                            : cmark_node_last_child (cmark_node_parent (leaf))) &&
      (items || get_outer_block (leaf, next != NULL) == leaf))
    {
      /* Items of their own beside an item: in a tight list a paragraph
       * would run into the item's text. */
      anchor = cmark_node_parent (leaf);
      as_items = TRUE;
    }
  else if (leaf != NULL)
    anchor = get_outer_block (leaf, next != NULL);

  /* After earlier deleted paragraphs put after the same block. */
  while (next == NULL && anchor != NULL && cmark_node_next (anchor) != NULL &&
         g_hash_table_contains (m->paragraphs, cmark_node_next (anchor)))
    anchor = cmark_node_next (anchor);

  for (guint i = 0; i < pieces->len; i++)
    {
      cmark_node *block = new_deleted_paragraph (g_ptr_array_index (pieces, i));

      if (as_items)
        {
          cmark_node *item = cmark_node_new (CMARK_NODE_ITEM);

          cmark_node_append_child (item, block);
          block = item;
        }

      g_hash_table_add (m->paragraphs, block);
      if (next != NULL)
        cmark_node_insert_before (anchor, block);
      else if (anchor != NULL)
        {
          cmark_node_insert_after (anchor, block);
          anchor = block;
        }
      else
        cmark_node_append_child (m->document, block);
    }
}

/* Deleted words inside the text of leaf @li, before its character @ci
 * (its length: at its end). White space the deletion took with it on
 * either side is kept, so words do not run together. */
static void
add_words (Marker     *m,
           guint       li,
           guint       ci,
           const char *words,
           const char *deleted)
{
  const BylineTextLeaf *leaf = get_leaf (&m->now, li);
  const BylineTextChar *t = leaf_chars (leaf);
  g_autoptr(GString) text = g_string_new (NULL);
  Deletion deletion = { 0, 0, m->deletions->len, NULL };
  gsize len = strlen (deleted);

  /* The span holding the character; the last one at the end. */
  deletion.span = leaf->first_span + leaf->n_spans - 1;
  deletion.index = g_array_index (m->now.spans, BylineTextSpan, deletion.span).n_chars;
  for (guint s = leaf->first_span; s < leaf->first_span + leaf->n_spans; s++)
    {
      const BylineTextSpan *span = &g_array_index (m->now.spans, BylineTextSpan, s);

      if (ci < span->first + span->n_chars)
        {
          deletion.span = s;
          deletion.index = ci > span->first ? ci - span->first : 0;
          break;
        }
    }

  if (ci > 0 && len > 0 && g_ascii_isspace (deleted[0]) && !g_unichar_isspace (t[ci - 1].c))
    g_string_append_c (text, ' ');
  g_string_append_unichar (text, MARK_DEL_OPEN);
  g_string_append (text, words);
  g_string_append_unichar (text, MARK_DEL_CLOSE);
  if (ci < leaf->chars->len && len > 0 && g_ascii_isspace (deleted[len - 1]) && !g_unichar_isspace (t[ci].c))
    g_string_append_c (text, ' ');

  deletion.text = g_string_free (g_steal_pointer (&text), FALSE);
  g_array_append_val (m->deletions, deletion);
}

/* A deletion, put back where it was: at @q, a character offset in the
 * current Markdown. */
static void
add_deletion (Marker             *m,
              const BylineDiffOp *op)
{
  g_autoptr(GPtrArray) pieces = NULL;
  g_autofree char *words = NULL;
  guint q = op->new_offset;
  gboolean whole;
  gboolean items = FALSE;
  gint prev = -1;
  gint next = -1;
  guint first = 0, last = 0;

  pieces = dup_deleted_pieces (&m->before, op->old_offset, op->old_offset + op->n_chars, &whole, &items);
  if (pieces->len == 0)
    return;

  /* The paragraphs of text before and after @q, or the one around it. */
  for (guint i = 0; i < m->now.leaves->len; i++)
    {
      if (!get_text_extent (get_leaf (&m->now, i), &first, &last))
        continue;
      if (last < q)
        prev = i;
      else
        {
          next = i;
          break;
        }
    }

  if (next >= 0 && first < q)
    {
      /* Inside the text of a paragraph. */
      const BylineTextLeaf *leaf = get_leaf (&m->now, next);
      const BylineTextChar *t = leaf_chars (leaf);
      guint ci = 0;

      /* A link's address has no room for words: they are left out. */
      if (is_in_address (&m->now, q))
        return;

      while (ci < leaf->chars->len && (t[ci].source == BYLINE_TEXT_NO_SOURCE || t[ci].source < q))
        ci++;

      g_ptr_array_add (pieces, NULL);
      words = g_strjoinv (" ", (char **) pieces->pdata);
      add_words (m, next, ci, words, op->text);
      return;
    }

  /* Between paragraphs: the one @q ends, else the one it starts. */
  if (prev >= 0 && (next < 0 || q <= get_leaf (&m->now, prev)->end))
    next = -1;
  else
    prev = -1;

  if (whole || (prev < 0 && next < 0))
    {
      add_paragraphs (m, pieces, items,
                      prev >= 0 ? get_leaf (&m->now, prev)->node : NULL,
                      next >= 0 ? get_leaf (&m->now, next)->node : NULL);
      return;
    }

  if (prev >= 0 && is_in_address (&m->now, q))
    return;

  g_ptr_array_add (pieces, NULL);
  words = g_strjoinv (" ", (char **) pieces->pdata);
  if (prev >= 0)
    add_words (m, prev, get_leaf (&m->now, prev)->chars->len, words, op->text);
  else
    add_words (m, next, 0, words, op->text);
}

/* The characters of @span that show inserted text: the diff's insertions,
 * line by line, without the white space at either end. */
static gboolean *
dup_inserted (const Marker         *m,
              const BylineTextSpan *span)
{
  const BylineTextChar *t = leaf_chars (get_leaf (&m->now, span->leaf)) + span->first;
  gboolean *inserted = g_new0 (gboolean, span->n_chars + 1);
  guint k = 0;

  while (k < span->n_chars)
    {
      guint a = k;
      guint b;

      while (a < span->n_chars &&
             (t[a].source == BYLINE_TEXT_NO_SOURCE || !m->inserted[t[a].source] || g_unichar_isspace (t[a].c)))
        a++;
      b = a;
      while (b < span->n_chars && t[b].source != BYLINE_TEXT_NO_SOURCE && m->inserted[t[b].source] &&
             t[b].c != '\n')
        b++;
      k = b;
      while (b > a && g_unichar_isspace (t[b - 1].c))
        b--;

      for (guint i = a; i < b; i++)
        inserted[i] = TRUE;
    }

  return inserted;
}

/* Rewrites the literal of @span with its marks. */
static void
mark_span (Marker               *m,
           const BylineTextSpan *span,
           const Deletion       *deletions,
           guint                 n_deletions)
{
  g_autofree gboolean *inserted = dup_inserted (m, span);
  const char *literal = cmark_node_get_literal (span->node);
  g_autoptr(GString) out = NULL;
  gboolean any = n_deletions > 0;
  gboolean open = FALSE;
  const char *p = literal;
  guint d = 0;

  for (guint k = 0; k < span->n_chars && !any; k++)
    any = inserted[k];
  if (!any)
    return;

  out = g_string_sized_new (strlen (literal) + 16);
  for (guint k = 0; k <= span->n_chars; k++)
    {
      if (d < n_deletions && deletions[d].index == k && open)
        {
          g_string_append_unichar (out, MARK_INS_CLOSE);
          open = FALSE;
        }
      for (; d < n_deletions && deletions[d].index == k; d++)
        g_string_append (out, deletions[d].text);

      if (k == span->n_chars)
        break;

      if (inserted[k] != open)
        {
          g_string_append_unichar (out, open ? MARK_INS_CLOSE : MARK_INS_OPEN);
          open = inserted[k];
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  if (open)
    g_string_append_unichar (out, MARK_INS_CLOSE);

  cmark_node_set_literal (span->node, out->str);
}

void
byline_review_marks_add_to_body (cmark_node *document,
                                 const char *current,
                                 const char *baseline)
{
  g_autoptr(GPtrArray) ops = NULL;
  cmark_node *before_document;
  Marker m = { document, };
  guint d = 0;

  g_return_if_fail (document != NULL);
  g_return_if_fail (current != NULL);
  g_return_if_fail (baseline != NULL);

  ops = byline_diff_words (baseline, current);
  before_document = byline_text_parse_markdown (baseline);
  _byline_text_map_init (&m.now, document, current);
  _byline_text_map_init (&m.before, before_document, baseline);
  m.deletions = g_array_new (FALSE, FALSE, sizeof (Deletion));
  g_array_set_clear_func (m.deletions, deletion_clear);
  m.paragraphs = g_hash_table_new (NULL, NULL);
  m.inserted = g_new0 (gboolean, m.now.n_chars + 1);

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);

      if (op->kind == BYLINE_DIFF_INSERT)
        {
          for (guint k = op->new_offset; k < op->new_offset + op->n_chars && k < m.now.n_chars; k++)
            m.inserted[k] = TRUE;
        }
      else if (op->kind == BYLINE_DIFF_DELETE)
        add_deletion (&m, op);
    }

  g_array_sort (m.deletions, deletion_compare);
  for (guint s = 0; s < m.now.spans->len; s++)
    {
      guint first = d;

      while (d < m.deletions->len && g_array_index (m.deletions, Deletion, d).span == s)
        d++;
      mark_span (&m, &g_array_index (m.now.spans, BylineTextSpan, s),
                 d > first ? &g_array_index (m.deletions, Deletion, first) : NULL, d - first);
    }

  g_free (m.inserted);
  g_hash_table_unref (m.paragraphs);
  g_array_unref (m.deletions);
  _byline_text_map_clear (&m.now);
  _byline_text_map_clear (&m.before);
  cmark_node_free (before_document);
}

/* --- HTML ------------------------------------------------------------------ */

typedef enum
{
  MARK_NONE,
  MARK_INS,
  MARK_DEL,
} MarkKind;

static void
append_mark_end (GString  *out,
                 MarkKind  kind)
{
  if (kind == MARK_INS)
    g_string_append (out, "</ins>");
  else if (kind == MARK_DEL)
    g_string_append (out, "</del>");
}

/* Appends the HTML cmark made from marked Markdown with the mark characters
 * turned into <ins> and <del> around text only: a mark closes before every
 * tag and opens again after it, and characters inside tags (an alt text, a
 * code block's language) are dropped. Returns whether the block shows any
 * text that is not deleted; *@has_deleted says whether it shows deleted
 * text. */
gboolean
byline_review_marks_append_html (GString    *out,
                                 const char *html,
                                 gboolean   *has_deleted)
{
  MarkKind want = MARK_NONE;
  MarkKind open = MARK_NONE;
  gboolean in_tag = FALSE;
  gboolean deleted_in_tag = FALSE;
  gboolean visible = FALSE;

  for (const char *p = html; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* An attribute (alt text, a title) shows no marks, and says what it
       * says now; a mark that starts or ends in one still counts outside. */
      if (in_tag && deleted_in_tag)
        {
          if (c == MARK_DEL_CLOSE)
            deleted_in_tag = FALSE;
          else if (c == '>')
            {
              /* The deletion goes on after the tag. */
              deleted_in_tag = FALSE;
              in_tag = FALSE;
              want = MARK_DEL;
              g_string_append_c (out, '>');
            }
          continue;
        }
      if (in_tag && is_mark_char (c))
        {
          if (c == MARK_DEL_OPEN)
            deleted_in_tag = TRUE;
          else if (c == MARK_INS_OPEN)
            want = MARK_INS;
          else if ((c == MARK_DEL_CLOSE && want == MARK_DEL) || (c == MARK_INS_CLOSE && want == MARK_INS))
            want = MARK_NONE;
          continue;
        }

      if (is_mark_char (c))
        {
          MarkKind kind = (c == MARK_INS_OPEN || c == MARK_INS_CLOSE) ? MARK_INS : MARK_DEL;
          gboolean opening = c == MARK_INS_OPEN || c == MARK_DEL_OPEN;

          if (opening)
            {
              if (open != MARK_NONE && open != kind)
                {
                  append_mark_end (out, open);
                  open = MARK_NONE;
                }
              want = kind;
            }
          else if (want == kind)
            {
              want = MARK_NONE;
              if (open == kind)
                {
                  append_mark_end (out, open);
                  open = MARK_NONE;
                }
            }
          continue;
        }

      if (in_tag)
        {
          if (c == '>')
            in_tag = FALSE;
        }
      else if (c == '<')
        {
          append_mark_end (out, open);
          open = MARK_NONE;
          in_tag = TRUE;
        }
      else if (!g_unichar_isspace (c))
        {
          if (want != open)
            {
              append_mark_end (out, open);
              g_string_append (out, want == MARK_INS ? INS_START_TAG : want == MARK_DEL ? DEL_START_TAG : "");
              open = want;
            }

          if (want == MARK_DEL)
            *has_deleted = TRUE;
          else
            visible = TRUE;
        }

      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  append_mark_end (out, open);

  return visible;
}

/* A single-line field with the changes since @baseline marked. Both are
 * clean fields (byline_review_marks_dup_field()), either may be NULL. */
void
byline_review_marks_append_field (GString    *out,
                                  const char *baseline,
                                  const char *current)
{
  g_autoptr(GPtrArray) ops = byline_diff_words (baseline, current);

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);
      gboolean blank = TRUE;

      for (const char *p = op->text; *p && blank; p = g_utf8_next_char (p))
        blank = g_unichar_isspace (g_utf8_get_char (p));

      if (op->kind == BYLINE_DIFF_EQUAL || (op->kind == BYLINE_DIFF_INSERT && blank))
        {
          byline_html_append_escaped (out, op->text);
        }
      else if (op->kind == BYLINE_DIFF_INSERT)
        {
          g_string_append (out, INS_START_TAG);
          byline_html_append_escaped (out, op->text);
          g_string_append (out, "</ins>");
        }
      else if (!blank)
        {
          g_string_append (out, DEL_START_TAG);
          byline_html_append_escaped (out, op->text);
          g_string_append (out, "</del>");
        }
    }
}
