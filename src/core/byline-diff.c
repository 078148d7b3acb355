/* byline-diff.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-diff"

#include "config.h"

#include <string.h>

#include "byline-diff.h"

/* Myers' O(ND) difference algorithm ("An O(ND) Difference Algorithm and Its
 * Variations", 1986) in its linear-space form: find the middle of the edit
 * path from both ends, split there and recurse, trimming the common prefix
 * and suffix of each piece first (which is all a typical edit needs). The
 * sequences are tokens interned to integers, so comparing two is one int
 * compare.
 *
 * Texts with little in common would cost O(N²). As GNU diff does, a search
 * that goes past TOO_EXPENSIVE edits gives up on the shortest path and
 * splits at the point it reached that got furthest, which keeps a rewritten
 * long read fast at the price of a diff that is correct but not the
 * shortest. A last budget on the whole run reports what is left as deleted
 * and inserted whole. */
#define TOO_EXPENSIVE 256
#define WORK_BUDGET (G_GINT64_CONSTANT (400) * 1000 * 1000)

typedef enum
{
  TOKEN_WORD,    /* letters, digits, marks */
  TOKEN_SPACE,   /* a run of white space */
  TOKEN_SINGLE,  /* one CJK character, punctuation mark or symbol (with modifiers) */
} TokenType;

typedef struct
{
  const char *start;
  guint       len;       /* bytes */
  guint       n_chars;
  guint       id;
  guint       type : 2;
  guint       is_word : 1;
} Token;

typedef struct
{
  BylineDiffKind kind;
  guint          count;  /* tokens */
} Run;

typedef struct
{
  Token  *a;
  int     n;
  Token  *b;
  int     m;
  GArray *runs;
  gint64  work;
} Diff;

void
byline_diff_op_free (BylineDiffOp *op)
{
  if (op == NULL)
    return;

  g_free (op->text);
  g_free (op);
}

/* --- Tokens ---------------------------------------------------------------- */

/* Scripts written without spaces between words: each character is a word. */
static gboolean
is_unspaced_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) || g_unichar_ismark (c)) && !is_unspaced_script (c);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_emoji_modifier (gunichar c)
{
  return (c >= 0x1F3FB && c <= 0x1F3FF) ||   /* skin tones */
         (c >= 0xE0020 && c <= 0xE007F) ||   /* tag characters (subdivision flags) */
         c == 0xFE0F || c == 0xFE0E;         /* variation selectors */
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static gboolean
is_punctuation (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_OTHER_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_MATH_SYMBOL:
    case G_UNICODE_CURRENCY_SYMBOL:
    case G_UNICODE_MODIFIER_SYMBOL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Cuts @text (valid UTF-8) into tokens; they point into @text. */
static GArray *
tokenize (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  const char *p = text;

  while (*p != '\0')
    {
      Token token = { p, 0, 0, 0, TOKEN_SINGLE, FALSE };
      gunichar c = g_utf8_get_char (p);
      const char *q = g_utf8_next_char (p);
      guint n_chars = 1;

      if (g_unichar_isspace (c))
        {
          token.type = TOKEN_SPACE;
          while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
            {
              q = g_utf8_next_char (q);
              n_chars++;
            }
        }
      else if (is_word_char (c))
        {
          token.type = TOKEN_WORD;
          token.is_word = TRUE;
          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);
              const char *after = g_utf8_next_char (q);

              if (is_word_char (d))
                {
                  q = after;
                  n_chars++;
                }
              /* "don't", "harbour’s": one word. */
              else if (is_apostrophe (d) && *after != '\0' && is_word_char (g_utf8_get_char (after)))
                {
                  q = after;
                  n_chars++;
                }
              else
                break;
            }
        }
      else
        {
          gboolean regional = is_regional_indicator (c);

          token.is_word = is_unspaced_script (c) || !is_punctuation (c);

          /* Keep a character with what modifies it: accents, variation
           * selectors, skin tones, joined emoji, and flag pairs. */
          while (*q != '\0')
            {
              gunichar d = g_utf8_get_char (q);

              if (g_unichar_ismark (d) || is_emoji_modifier (d))
                {
                  q = g_utf8_next_char (q);
                  n_chars++;
                }
              else if (d == 0x200D && q[3] != '\0')
                {
                  /* U+200D is three bytes; take it and the character it joins. */
                  q = g_utf8_next_char (g_utf8_next_char (q));
                  n_chars += 2;
                }
              else if (regional && is_regional_indicator (d))
                {
                  q = g_utf8_next_char (q);
                  n_chars++;
                  regional = FALSE;
                }
              else
                break;
            }
        }

      token.len = q - p;
      token.n_chars = n_chars;
      g_array_append_val (tokens, token);
      p = q;
    }

  return tokens;
}

static guint
token_hash (gconstpointer key)
{
  const Token *token = key;
  guint hash = 5381;

  for (guint i = 0; i < token->len; i++)
    hash = hash * 33 + (guchar) token->start[i];

  return hash;
}

static gboolean
token_equal (gconstpointer a,
             gconstpointer b)
{
  const Token *ta = a;
  const Token *tb = b;

  return ta->len == tb->len && memcmp (ta->start, tb->start, ta->len) == 0;
}

static void
intern_tokens (GHashTable *table,
               GArray     *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *token = &g_array_index (tokens, Token, i);
      gpointer id;

      if (!g_hash_table_lookup_extended (table, token, NULL, &id))
        {
          id = GUINT_TO_POINTER (g_hash_table_size (table));
          g_hash_table_insert (table, token, id);
        }

      token->id = GPOINTER_TO_UINT (id);
    }
}

/* --- Myers ----------------------------------------------------------------- */

static void
emit (Diff           *diff,
      BylineDiffKind  kind,
      guint           count)
{
  Run run = { kind, count };

  if (count == 0)
    return;

  if (diff->runs->len > 0)
    {
      Run *last = &g_array_index (diff->runs, Run, diff->runs->len - 1);

      if (last->kind == kind)
        {
          last->count += count;
          return;
        }
    }

  g_array_append_val (diff->runs, run);
}

#define A(i) (diff->a[(i)].id)
#define B(i) (diff->b[(i)].id)

/* Finds a point (*x, *y) on a shortest edit path of a[a0..a1) to b[b0..b1),
 * walking from both ends until the paths overlap; past TOO_EXPENSIVE, a
 * point on a good path instead. FALSE when the whole run's budget is spent. */
static gboolean
bisect (Diff *diff,
        int   a0,
        int   a1,
        int   b0,
        int   b1,
        int  *x_out,
        int  *y_out)
{
  int n = a1 - a0;
  int m = b1 - b0;
  int max_d = (n + m + 1) / 2;
  int v_offset = max_d;
  int v_length = 2 * max_d + 2;
  int delta = n - m;
  gboolean front = (delta % 2) != 0;
  int k1_start = 0, k1_end = 0, k2_start = 0, k2_end = 0;
  g_autofree int *v1 = g_new (int, v_length);
  g_autofree int *v2 = g_new (int, v_length);

  for (int i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (int d = 0; d < max_d; d++)
    {
      diff->work += 2 * d + 2;
      if (diff->work > WORK_BUDGET)
        return FALSE;

      if (d > TOO_EXPENSIVE)
        {
          int best_fwd = -1, fx = 0, fy = 0;
          int best_bwd = -1, bx = 0, by = 0;

          /* The forward point that got furthest along, and the backward
           * one; split at whichever went further. Neither is the start or
           * the end, so both halves are smaller. */
          for (int k = -(d - 1) + k1_start; k <= (d - 1) - k1_end; k += 2)
            {
              int x = v1[v_offset + k];
              int y = x - k;

              if (x >= 0 && x <= n && y >= 0 && y <= m && x + y > best_fwd)
                {
                  best_fwd = x + y;
                  fx = x;
                  fy = y;
                }
            }
          for (int k = -(d - 1) + k2_start; k <= (d - 1) - k2_end; k += 2)
            {
              int x = v2[v_offset + k];
              int y = x - k;

              if (x >= 0 && x <= n && y >= 0 && y <= m && x + y > best_bwd)
                {
                  best_bwd = x + y;
                  bx = n - x;
                  by = m - y;
                }
            }

          if (best_fwd >= best_bwd && best_fwd > 0 && best_fwd < n + m)
            {
              *x_out = a0 + fx;
              *y_out = b0 + fy;
              return TRUE;
            }
          if (best_bwd > 0 && best_bwd < n + m)
            {
              *x_out = a0 + bx;
              *y_out = b0 + by;
              return TRUE;
            }
        }

      /* Forward from the start. */
      for (int k1 = -d + k1_start; k1 <= d - k1_end; k1 += 2)
        {
          int k1_offset = v_offset + k1;
          int x1, y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;

          while (x1 < n && y1 < m && A (a0 + x1) == B (b0 + y1))
            {
              x1++;
              y1++;
            }
          v1[k1_offset] = x1;

          if (x1 > n)
            k1_end += 2;
          else if (y1 > m)
            k1_start += 2;
          else if (front)
            {
              int k2_offset = v_offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 &&
                  x1 >= n - v2[k2_offset])
                {
                  *x_out = a0 + x1;
                  *y_out = b0 + y1;
                  return TRUE;
                }
            }
        }

      /* Backward from the end. */
      for (int k2 = -d + k2_start; k2 <= d - k2_end; k2 += 2)
        {
          int k2_offset = v_offset + k2;
          int x2, y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;

          while (x2 < n && y2 < m && A (a0 + n - x2 - 1) == B (b0 + m - y2 - 1))
            {
              x2++;
              y2++;
            }
          v2[k2_offset] = x2;

          if (x2 > n)
            k2_end += 2;
          else if (y2 > m)
            k2_start += 2;
          else if (!front)
            {
              int k1_offset = v_offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  int x1 = v1[k1_offset];
                  int y1 = v_offset + x1 - k1_offset;

                  if (x1 >= n - x2)
                    {
                      *x_out = a0 + x1;
                      *y_out = b0 + y1;
                      return TRUE;
                    }
                }
            }
        }
    }

  return FALSE;
}

static void
diff_range (Diff *diff,
            int   a0,
            int   a1,
            int   b0,
            int   b1)
{
  int prefix = 0;
  int suffix = 0;
  int x, y;

  while (a0 + prefix < a1 && b0 + prefix < b1 && A (a0 + prefix) == B (b0 + prefix))
    prefix++;
  emit (diff, BYLINE_DIFF_EQUAL, prefix);
  a0 += prefix;
  b0 += prefix;

  while (a1 - suffix > a0 && b1 - suffix > b0 && A (a1 - suffix - 1) == B (b1 - suffix - 1))
    suffix++;
  a1 -= suffix;
  b1 -= suffix;

  if (a0 == a1)
    emit (diff, BYLINE_DIFF_INSERT, b1 - b0);
  else if (b0 == b1)
    emit (diff, BYLINE_DIFF_DELETE, a1 - a0);
  else if (bisect (diff, a0, a1, b0, b1, &x, &y))
    {
      diff_range (diff, a0, x, b0, y);
      diff_range (diff, x, a1, y, b1);
    }
  else
    {
      emit (diff, BYLINE_DIFF_DELETE, a1 - a0);
      emit (diff, BYLINE_DIFF_INSERT, b1 - b0);
    }

  emit (diff, BYLINE_DIFF_EQUAL, suffix);
}

#undef A
#undef B

/* --- Tidying --------------------------------------------------------------- */

static void
compact_runs (GArray *runs)
{
  guint out = 0;

  for (guint i = 0; i < runs->len; i++)
    {
      Run run = g_array_index (runs, Run, i);

      if (run.count == 0)
        continue;

      if (out > 0 && g_array_index (runs, Run, out - 1).kind == run.kind)
        g_array_index (runs, Run, out - 1).count += run.count;
      else
        g_array_index (runs, Run, out++) = run;
    }

  g_array_set_size (runs, out);
}

static gboolean
has_newlines (const Token *token,
              guint        n)
{
  guint seen = 0;

  for (guint i = 0; i < token->len; i++)
    {
      if (token->start[i] == '\n' && ++seen == n)
        return TRUE;
    }

  return FALSE;
}

/* How good a place the boundary before tokens[i] is for a change to start
 * or end: a paragraph break beats a line break beats a space beats
 * punctuation. */
static int
boundary_score (const Token *tokens,
                int          n_tokens,
                int          i)
{
  const Token *before, *after;

  if (i <= 0 || i >= n_tokens)
    return 6;

  before = &tokens[i - 1];
  after = &tokens[i];

  if ((before->type == TOKEN_SPACE && has_newlines (before, 2)) ||
      (after->type == TOKEN_SPACE && has_newlines (after, 2)))
    return 5;
  if ((before->type == TOKEN_SPACE && has_newlines (before, 1)) ||
      (after->type == TOKEN_SPACE && has_newlines (after, 1)))
    return 4;
  if (before->type == TOKEN_SPACE || after->type == TOKEN_SPACE)
    return 2;
  if (!before->is_word || !after->is_word)
    return 1;

  return 0;
}

static int
edge_score (const Token *tokens,
            int          n_tokens,
            int          start,
            int          end)
{
  return 2 * (boundary_score (tokens, n_tokens, start) + boundary_score (tokens, n_tokens, end)) +
         /* On a tie, start on a word: "[-big -]harbour", not "[- big-]". */
         (tokens[start].type != TOKEN_SPACE ? 1 : 0);
}

/* A lone insertion or deletion between two equal runs can often slide along
 * (deleting "big " or " big" from "the big harbour" is the same edit); put
 * it where it covers whole words. */
static void
slide_runs (Diff *diff)
{
  int old_pos = 0;
  int new_pos = 0;

  for (guint i = 0; i < diff->runs->len; i++)
    {
      Run *run = &g_array_index (diff->runs, Run, i);
      Run *prev, *next;
      const Token *tokens;
      int n_tokens, start, count, best, best_score;

      if (run->kind == BYLINE_DIFF_EQUAL || i == 0 || i + 1 >= diff->runs->len)
        goto advance;

      prev = &g_array_index (diff->runs, Run, i - 1);
      next = &g_array_index (diff->runs, Run, i + 1);
      if (prev->kind != BYLINE_DIFF_EQUAL || next->kind != BYLINE_DIFF_EQUAL)
        goto advance;

      tokens = run->kind == BYLINE_DIFF_DELETE ? diff->a : diff->b;
      n_tokens = run->kind == BYLINE_DIFF_DELETE ? diff->n : diff->m;
      start = run->kind == BYLINE_DIFF_DELETE ? old_pos : new_pos;
      count = run->count;
      best = 0;
      best_score = edge_score (tokens, n_tokens, start, start + count);

      for (int s = -1; s >= -(int) prev->count &&
           tokens[start + s].id == tokens[start + count + s].id; s--)
        {
          int score = edge_score (tokens, n_tokens, start + s, start + count + s);

          if (score > best_score)
            {
              best = s;
              best_score = score;
            }
        }

      for (int s = 1; s <= (int) next->count &&
           tokens[start + s - 1].id == tokens[start + count + s - 1].id; s++)
        {
          int score = edge_score (tokens, n_tokens, start + s, start + count + s);

          if (score > best_score)
            {
              best = s;
              best_score = score;
            }
        }

      prev->count += best;
      next->count -= best;
      old_pos += best;
      new_pos += best;

    advance:
      if (run->kind != BYLINE_DIFF_INSERT)
        old_pos += run->count;
      if (run->kind != BYLINE_DIFF_DELETE)
        new_pos += run->count;
    }

  compact_runs (diff->runs);
}

/* A stretch of the diff: equal text, or the changes between two equal
 * stretches. Both sequences are covered contiguously, so a stretch is a
 * token range in each. */
typedef struct
{
  gboolean equal;
  int      old_start;
  int      old_count;
  int      new_start;
  int      new_count;
} Segment;

static char *
join_tokens (const Token *tokens,
             int          start,
             int          count)
{
  if (count == 0)
    return g_strdup ("");

  return g_strndup (tokens[start].start,
                    tokens[start + count - 1].start + tokens[start + count - 1].len - tokens[start].start);
}

static gboolean
all_space (const Token *tokens,
           int          start,
           int          count)
{
  for (int i = start; i < start + count; i++)
    {
      if (tokens[i].type != TOKEN_SPACE)
        return FALSE;
    }

  return TRUE;
}

static void
add_op (GPtrArray      *ops,
        BylineDiffKind  kind,
        const Token    *tokens,
        int             start,
        int             count,
        guint          *old_offset,
        guint          *new_offset)
{
  BylineDiffOp *op;

  if (count == 0)
    return;

  op = g_new0 (BylineDiffOp, 1);
  op->kind = kind;
  op->text = join_tokens (tokens, start, count);
  op->old_offset = *old_offset;
  op->new_offset = *new_offset;
  for (int i = start; i < start + count; i++)
    op->n_chars += tokens[i].n_chars;

  if (kind != BYLINE_DIFF_INSERT)
    *old_offset += op->n_chars;
  if (kind != BYLINE_DIFF_DELETE)
    *new_offset += op->n_chars;

  g_ptr_array_add (ops, op);
}

/* Turns runs into ops: each stretch of changes between equal text becomes
 * one deletion and one insertion, and white space alone between two
 * replacements joins them ("[-big port-]{+small harbour+}"). */
static GPtrArray *
build_ops (Diff *diff)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) byline_diff_op_free);
  g_autoptr(GArray) segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  guint old_offset = 0;
  guint new_offset = 0;
  int old_pos = 0;
  int new_pos = 0;
  guint out;

  for (guint i = 0; i < diff->runs->len; i++)
    {
      const Run *run = &g_array_index (diff->runs, Run, i);
      Segment *last = segments->len > 0 ? &g_array_index (segments, Segment, segments->len - 1) : NULL;

      if (run->kind == BYLINE_DIFF_EQUAL || last == NULL || last->equal)
        {
          Segment segment = { run->kind == BYLINE_DIFF_EQUAL, old_pos, 0, new_pos, 0 };

          g_array_append_val (segments, segment);
          last = &g_array_index (segments, Segment, segments->len - 1);
        }

      if (run->kind != BYLINE_DIFF_INSERT)
        {
          last->old_count += run->count;
          old_pos += run->count;
        }
      if (run->kind != BYLINE_DIFF_DELETE)
        {
          last->new_count += run->count;
          new_pos += run->count;
        }
    }

  /* Fold white space between two replacements into them. */
  out = 0;
  for (guint i = 0; i < segments->len; i++)
    {
      Segment segment = g_array_index (segments, Segment, i);
      Segment *prev = out > 0 ? &g_array_index (segments, Segment, out - 1) : NULL;

      if (segment.equal && prev != NULL && !prev->equal && i + 1 < segments->len)
        {
          const Segment *next = &g_array_index (segments, Segment, i + 1);

          if (prev->old_count > 0 && prev->new_count > 0 &&
              next->old_count > 0 && next->new_count > 0 &&
              all_space (diff->a, segment.old_start, segment.old_count))
            {
              prev->old_count += segment.old_count + next->old_count;
              prev->new_count += segment.new_count + next->new_count;
              i++;
              continue;
            }
        }

      g_array_index (segments, Segment, out++) = segment;
    }
  g_array_set_size (segments, out);

  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *segment = &g_array_index (segments, Segment, i);

      if (segment->equal)
        add_op (ops, BYLINE_DIFF_EQUAL, diff->a, segment->old_start, segment->old_count,
                &old_offset, &new_offset);
      else
        {
          add_op (ops, BYLINE_DIFF_DELETE, diff->a, segment->old_start, segment->old_count,
                  &old_offset, &new_offset);
          add_op (ops, BYLINE_DIFF_INSERT, diff->b, segment->new_start, segment->new_count,
                  &old_offset, &new_offset);
        }
    }

  return ops;
}

/* --- Public ---------------------------------------------------------------- */

static char *
dup_valid (const char *text)
{
  if (text == NULL)
    return g_strdup ("");

  if (g_utf8_validate (text, -1, NULL))
    return g_strdup (text);

  return g_utf8_make_valid (text, -1);
}

/**
 * byline_diff_words:
 * @old_text: (nullable): the text before
 * @new_text: (nullable): the text after
 *
 * Returns: (transfer full) (element-type BylineDiffOp): the ops turning
 *   @old_text into @new_text
 */
GPtrArray *
byline_diff_words (const char *old_text,
                   const char *new_text)
{
  g_autofree char *old_valid = dup_valid (old_text);
  g_autofree char *new_valid = dup_valid (new_text);
  g_autoptr(GArray) old_tokens = tokenize (old_valid);
  g_autoptr(GArray) new_tokens = tokenize (new_valid);
  g_autoptr(GHashTable) table = g_hash_table_new (token_hash, token_equal);
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (Run));
  Diff diff;

  intern_tokens (table, old_tokens);
  intern_tokens (table, new_tokens);

  diff.a = (Token *) old_tokens->data;
  diff.n = old_tokens->len;
  diff.b = (Token *) new_tokens->data;
  diff.m = new_tokens->len;
  diff.runs = runs;
  diff.work = 0;

  diff_range (&diff, 0, diff.n, 0, diff.m);
  slide_runs (&diff);

  return build_ops (&diff);
}

/**
 * byline_diff_to_text:
 * @ops: (element-type BylineDiffOp): a diff
 *
 * Returns: (transfer full): the text with "[-deleted-]" and "{+inserted+}"
 */
char *
byline_diff_to_text (GPtrArray *ops)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (ops != NULL, NULL);

  for (guint i = 0; i < ops->len; i++)
    {
      const BylineDiffOp *op = g_ptr_array_index (ops, i);

      switch (op->kind)
        {
        case BYLINE_DIFF_EQUAL:
          g_string_append (text, op->text);
          break;
        case BYLINE_DIFF_DELETE:
          g_string_append_printf (text, "[-%s-]", op->text);
          break;
        case BYLINE_DIFF_INSERT:
          g_string_append_printf (text, "{+%s+}", op->text);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}
