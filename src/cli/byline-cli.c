/* byline-cli.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-cli"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "byline-article.h"
#include "byline-check.h"
#include "byline-cli.h"
#include "byline-dates.h"
#include "byline-diff.h"
#include "byline-exporter.h"
#include "byline-importer.h"
#include "byline-language.h"
#include "byline-pin.h"
#include "byline-publication.h"
#include "byline-related.h"
#include "byline-review.h"
#include "byline-spell.h"
#include "byline-store.h"
#include "byline-terminal.h"

#define EXIT_OK    0
#define EXIT_ERROR 1
#define EXIT_USAGE 2

/* The window's settings: io.github.bylinedesk.Byline (.Devel for the
 * development profile). */
#define SETTINGS_SCHEMA_ID APP_ID

typedef struct
{
  char     *database;
  gboolean  import;
  gboolean  list;
  char     *export;
  char     *format;
  char     *output;
  char     *copy_to;
  char     *check;
  char    **files;
} Options;

static void
options_clear (Options *options)
{
  g_clear_pointer (&options->database, g_free);
  g_clear_pointer (&options->export, g_free);
  g_clear_pointer (&options->format, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->copy_to, g_free);
  g_clear_pointer (&options->check, g_free);
  g_clear_pointer (&options->files, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static const char * const actions[] = {
  "--import", "--list", "--export",
  "--set-status", "--history", "--diff",  /* editors' review */
  "--related",                            /* related articles */
  "--copy-to",                            /* moving a newsroom */
  "--check",                              /* before publishing */
};

/**
 * byline_cli_wants:
 * @argc: the number of arguments
 * @argv: the program's arguments
 *
 * Returns: %TRUE when @argv asks for a command-line action
 */
gboolean
byline_cli_wants (int    argc,
                  char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL; i++)
    {
      if (g_str_equal (argv[i], "--"))
        break;

      for (guint j = 0; j < G_N_ELEMENTS (actions); j++)
        {
          gsize len = strlen (actions[j]);

          if (strncmp (argv[i], actions[j], len) == 0 &&
              (argv[i][len] == '\0' || argv[i][len] == '='))
            return TRUE;
        }
    }

  return FALSE;
}

/* One line on stderr, whatever the message holds: it may name a file or an
 * article, and neither may steer the terminal. */
static void
print_error (const char *message)
{
  g_autofree char *line = byline_terminal_escape (message, -1, BYLINE_TERMINAL_FIELD);

  g_printerr ("byline: %s\n", line);
}

static int
usage_error (const char *message)
{
  g_autofree char *line = NULL;

  /* Translators: what was wrong with the command line, then a full stop if it lacks one */
  line = g_strdup_printf (_("%s%s Run “byline --help” to see how to use it."),
                          message, g_str_has_suffix (message, ".") ? "" : ".");
  print_error (line);

  return EXIT_USAGE;
}

static int
unexpected_argument (const char *argument)
{
  g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”"), argument);

  return usage_error (message);
}

/* The checks of an action on one article that goes on its own (--related,
 * --check): @alone says so. Returns EXIT_OK when the line is right. */
static int
refuse_company (const Options *options,
                gboolean       other_action,
                const char    *alone)
{
  if (other_action || options->import || options->list || options->export != NULL)
    return usage_error (alone);

  if (options->format != NULL || options->output != NULL)
    return usage_error (_("--format and --output go with --export"));

  if (options->files != NULL && options->files[0] != NULL)
    return unexpected_argument (options->files[0]);

  return EXIT_OK;
}

/* Writes @text to stdout as UTF-8, as scripts reading it expect, whatever
 * the locale's character set. */
static void
print_line (const char *text)
{
  fputs (text, stdout);
  fputc ('\n', stdout);
}

/* The masthead: the newsroom's, so the command line exports what every
 * desk previews; a newsroom that has none yet uses this desk's settings
 * (when their schema is installed), else the defaults. */
static BylinePublication *
dup_publication (BylineStore *store)
{
  static const char * const keys[] = {
    "publication-name", "publication-tagline", "publication-base-url",
  };
  BylinePublication *publication = byline_publication_new ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  char *values[G_N_ELEMENTS (keys)] = { NULL, };
  gboolean stored = FALSE;
  BylinePublication *newsroom;

  newsroom = byline_store_load_publication (store, &stored, NULL);
  if (newsroom != NULL && stored)
    {
      byline_publication_free (publication);
      return newsroom;
    }
  g_clear_pointer (&newsroom, byline_publication_free);

  if (source == NULL)
    return publication;

  schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema == NULL)
    return publication;

  settings = g_settings_new_full (schema, NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GSettingsSchemaKey) key = NULL;

      if (!g_settings_schema_has_key (schema, keys[i]))
        continue;

      key = g_settings_schema_get_key (schema, keys[i]);
      if (!g_variant_type_equal (g_settings_schema_key_get_value_type (key),
                                 G_VARIANT_TYPE_STRING))
        continue;

      values[i] = g_settings_get_string (settings, keys[i]);
    }

  /* A masthead needs a name: an empty one keeps the default. */
  if (values[0] != NULL && values[0][0] == '\0')
    g_clear_pointer (&values[0], g_free);

  byline_publication_set (publication, values[0], values[1], values[2]);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_free (values[i]);

  return publication;
}

static guint
count_unresolved_pins (BylineArticle *article)
{
  GListModel *pins = byline_article_get_pins (article);
  guint n_pins = g_list_model_get_n_items (pins);
  guint n_unresolved = 0;

  for (guint i = 0; i < n_pins; i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      if (!byline_pin_is_resolved (pin))
        n_unresolved++;
    }

  return n_unresolved;
}

static int
run_import (BylineStore  *store,
            char        **files)
{
  g_autoptr(GPtrArray) imported = g_ptr_array_new_with_free_func (g_object_unref);
  int status = EXIT_OK;

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(BylineArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      g_autofree char *warning = NULL;

      article = byline_import_file_to_store (store, file, NULL, NULL, &warning, &error);
      if (article == NULL)
        {
          print_error (error->message);
          status = EXIT_ERROR;
          continue;
        }
      /* The article goes in without the picture; the exit status says all
       * was not as the file asked. */
      if (warning != NULL)
        {
          print_error (warning);
          status = EXIT_ERROR;
        }

      byline_store_resolve_pins (store, article);

      if (!byline_store_save_article (store, article, &error))
        {
          print_error (error->message);
          status = EXIT_ERROR;
          continue;
        }

      /* Out at once: a script that sees the id knows the article is in,
       * and an import stopped half way has named every article it left. */
      id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (article));
      print_line (id);
      fflush (stdout);
      g_ptr_array_add (imported, g_steal_pointer (&article));
    }

  /* Articles imported together may pin each other, whatever their order. */
  for (guint i = 0; i < imported->len; i++)
    {
      BylineArticle *article = g_ptr_array_index (imported, i);
      guint before = count_unresolved_pins (article);
      g_autoptr(GError) error = NULL;

      if (before == 0)
        continue;

      byline_store_resolve_pins (store, article);
      if (count_unresolved_pins (article) != before &&
          !byline_store_save_article (store, article, &error))
        {
          print_error (error->message);
          status = EXIT_ERROR;
        }
    }

  return status;
}

/* A headline or name as one field of a line, so the list stays one article
 * per line, and with nothing in it that a terminal would obey. */
static char *
dup_one_line (const char *text)
{
  return byline_terminal_escape (text, -1, BYLINE_TERMINAL_FIELD);
}

static int
run_list (BylineStore *store)
{
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;

  articles = byline_store_list_articles (store, &query, &error);
  if (articles == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      BylineArticleSummary *article = g_ptr_array_index (articles, i);
      g_autofree char *updated = byline_format_iso8601 (byline_article_summary_get_updated (article), NULL);
      g_autofree char *headline = dup_one_line (byline_article_summary_get_headline (article));
      g_autofree char *line = NULL;

      line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s",
                              byline_article_summary_get_id (article),
                              byline_status_to_string (byline_article_summary_get_status (article)),
                              updated, headline);
      print_line (line);
    }

  return EXIT_OK;
}

static BylineArticle *
load_article (BylineStore  *store,
              const char   *id_text,
              GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  BylineArticle *article;
  gint64 id;

  if (!g_ascii_string_to_signed (id_text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not an article id: an id is a number. "
                     "Run “byline --list” to see the ids."),
                   id_text);
      return NULL;
    }

  article = byline_store_load_article (store, id, &local_error);
  if (article == NULL)
    {
      if (g_error_matches (local_error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND))
        g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                     _("No article with id %" PRId64 ". "
                       "Run “byline --list” to see the ids."),
                     id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return article;
}

static int
run_export (BylineStore   *store,
            const Options *options)
{
  g_autoptr(BylinePublication) publication = dup_publication (store);
  g_autoptr(GFile) output = g_file_new_for_commandline_arg (options->output);
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (options->export, "all"))
    {
      ok = byline_export_publication_full (store, publication, output, NULL,
                                           NULL, NULL, notes, NULL, &error);
    }
  else
    {
      article = load_article (store, options->export, &error);

      if (article == NULL)
        ok = FALSE;
      else
        ok = byline_export_article (store, article, publication,
                                    g_str_equal (options->format, "ninjs") ? BYLINE_EXPORT_FORMAT_NINJS
                                                                           : BYLINE_EXPORT_FORMAT_HTML,
                                    output, NULL, notes, NULL, &error);
    }

  if (!ok)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  /* What was left out of the pages goes on stderr, so a script sees it. */
  for (guint i = 0; i < notes->len; i++)
    print_error (g_ptr_array_index (notes, i));

  return EXIT_OK;
}

/* --- Editors' review: --set-status, --history, --diff -----------------------
 *
 * Their extra arguments (the STATE, the two revisions) arrive with the
 * remaining arguments in Options.files. */

typedef struct
{
  char *set_status;
  char *history;
  char *diff;
} ReviewOptions;

static void
review_options_clear (ReviewOptions *review)
{
  g_clear_pointer (&review->set_status, g_free);
  g_clear_pointer (&review->history, g_free);
  g_clear_pointer (&review->diff, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewOptions, review_options_clear)

static void
review_add_entries (GOptionContext *context,
                    ReviewOptions  *review)
{
  const GOptionEntry review_entries[] = {
    { "set-status", 0, 0, G_OPTION_ARG_STRING, &review->set_status,
      N_("Move an article to another state (draft, in-review, approved, published or spiked), "
         "as the desk’s workflow allows"), N_("ID STATE") },
    { "history", 0, 0, G_OPTION_ARG_STRING, &review->history,
      N_("List an article’s revisions, newest first, one a line: revision id, time, who, state, "
         "words added, words removed (tab-separated)"), N_("ID") },
    { "diff", 0, 0, G_OPTION_ARG_STRING, &review->diff,
      N_("Print the words changed between two revisions (or “current” for the text now) as "
         "{+inserted+} and [-deleted-]: a “headline: …” and a “standfirst: …” line when those "
         "changed, then a blank line, then the body"), N_("ID REV_A REV_B") },
    { NULL }
  };

  g_option_context_add_main_entries (context, review_entries, GETTEXT_PACKAGE);
}

static gboolean
review_requested (const ReviewOptions *review)
{
  return review->set_status != NULL || review->history != NULL || review->diff != NULL;
}

/* The name revisions and state changes are recorded under: the account's
 * real name, as the window's Preferences default to. */
static const char *
review_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    return "Unknown";

  return name;
}

static int
review_set_status (BylineStore *store,
                   const char  *id_text,
                   const char  *state_text)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  BylineStatus to;

  if (!byline_status_from_string (state_text, &to))
    {
      g_autofree char *message =
        g_strdup_printf (_("Unknown state “%s”: use draft, in-review, approved, published or spiked"),
                         state_text);
      return usage_error (message);
    }

  article = load_article (store, id_text, &error);
  if (article != NULL && !byline_store_set_status (store, article, to, review_author (), &error) &&
      g_error_matches (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_CONFLICT))
    {
      /* The store's words are for a window (See their version…); here the
       * article changed between reading it and setting its state. */
      g_autofree char *message =
        /* Translators: a headline */
        g_strdup_printf (_("“%s” was changed at another desk just now, so its state was left as it is. "
                           "Run the command again."),
                         byline_article_get_display_headline (article));
      print_error (message);
      return EXIT_ERROR;
    }
  if (error != NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  return EXIT_OK;
}

static int
review_history (BylineStore *store,
                const char  *id_text)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GError) error = NULL;

  article = load_article (store, id_text, &error);
  if (article != NULL)
    revisions = byline_store_list_revisions (store, byline_article_get_id (article), &error);
  if (revisions == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  for (guint i = 0; i < revisions->len; i++)
    {
      BylineRevision *revision = g_ptr_array_index (revisions, i);
      g_autofree char *time = byline_format_iso8601 (byline_revision_get_created (revision), NULL);
      g_autofree char *author = dup_one_line (byline_revision_get_author (revision));
      g_autofree char *line = NULL;

      line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%u\t%u",
                              byline_revision_get_id (revision), time, author,
                              byline_status_to_string (byline_revision_get_status (revision)),
                              byline_revision_get_words_added (revision),
                              byline_revision_get_words_removed (revision));
      print_line (line);
    }

  return EXIT_OK;
}

/* REV: a revision id of @article, or "current" for its text now. */
static BylineArticle *
review_load_text (BylineStore    *store,
                  BylineArticle  *article,
                  const char     *rev_text,
                  GError        **error)
{
  g_autoptr(BylineRevision) revision = NULL;
  gint64 revision_id;

  if (g_str_equal (rev_text, "current"))
    return g_object_ref (article);

  if (!g_ascii_string_to_signed (rev_text, 10, 1, G_MAXINT64, &revision_id, NULL))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("“%s” is not a revision: give a revision id or “current”. "
                     "Run “byline --history %" PRId64 "” to see the revisions."),
                   rev_text, byline_article_get_id (article));
      return NULL;
    }

  revision = byline_store_load_revision (store, revision_id, error);
  if (revision == NULL)
    return NULL;

  if (byline_revision_get_article_id (revision) != byline_article_get_id (article))
    {
      g_set_error (error, BYLINE_STORE_ERROR, BYLINE_STORE_ERROR_NOT_FOUND,
                   _("Revision %" PRId64 " belongs to another article. "
                     "Run “byline --history %" PRId64 "” to see this article’s revisions."),
                   revision_id, byline_article_get_id (article));
      return NULL;
    }

  return g_object_ref (byline_revision_get_article (revision));
}

static char *
review_word_diff (const char *old_text,
                  const char *new_text)
{
  g_autoptr(GPtrArray) ops = byline_diff_words (old_text, new_text);

  return byline_diff_to_text (ops);
}

static int
review_diff (BylineStore *store,
             const char  *id_text,
             const char  *rev_a,
             const char  *rev_b)
{
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylineArticle) a = NULL;
  g_autoptr(BylineArticle) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *diff = NULL;
  g_autofree char *body = NULL;
  gboolean fields_differ = FALSE;
  const struct {
    const char *label;
    const char *(*get) (BylineArticle *);
  } fields[] = {
    { "headline", byline_article_get_headline },
    { "standfirst", byline_article_get_standfirst },
  };

  article = load_article (store, id_text, &error);
  if (article != NULL)
    a = review_load_text (store, article, rev_a, &error);
  if (a != NULL)
    b = review_load_text (store, article, rev_b, &error);
  if (b == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *field_diff = NULL;
      g_autofree char *shown = NULL;
      g_autofree char *line = NULL;

      if (g_strcmp0 (fields[i].get (a), fields[i].get (b)) == 0)
        continue;

      field_diff = review_word_diff (fields[i].get (a), fields[i].get (b));
      shown = dup_one_line (field_diff);
      line = g_strdup_printf ("%s: %s", fields[i].label, shown);
      print_line (line);
      fields_differ = TRUE;
    }

  if (fields_differ)
    print_line ("");

  diff = review_word_diff (byline_article_get_body (a), byline_article_get_body (b));
  body = byline_terminal_escape (diff, -1, BYLINE_TERMINAL_LINES);
  fputs (body, stdout);
  if (*body != '\0' && !g_str_has_suffix (body, "\n"))
    fputc ('\n', stdout);

  return EXIT_OK;
}

/* A newsroom opened for reading only: a command that writes says so
 * before it starts, in one line, rather than once per article. */
static gboolean
refuse_read_only (BylineStore *store,
                  const char  *command)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!byline_store_is_read_only (store))
    return FALSE;

  name = g_filename_display_name (byline_store_get_path (store));
  message = g_strdup_printf (_("The newsroom “%s” is read-only: this program cannot write the file "
                               "or its folder, and %s changes it. --list, --export, --related, "
                               "--history and --diff read it."),
                             name, command);
  print_error (message);
  return TRUE;
}

static int
run_review (const ReviewOptions *review,
            const Options       *options)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_args = options->files != NULL ? g_strv_length (options->files) : 0;
  guint n_review = (review->set_status != NULL) + (review->history != NULL) + (review->diff != NULL);
  int status;

  if (n_review > 1 || options->import || options->list || options->export != NULL)
    return usage_error (_("Choose one of --import, --list, --export, --set-status, --history and --diff"));

  if (options->format != NULL || options->output != NULL)
    return usage_error (_("--format and --output go with --export"));

  if (review->set_status != NULL && n_args != 1)
    return usage_error (_("--set-status needs an article id and a state: "
                          "byline --set-status ID draft|in-review|approved|published|spiked"));
  if (review->history != NULL && n_args != 0)
    return unexpected_argument (options->files[0]);
  if (review->diff != NULL && n_args != 2)
    return usage_error (_("--diff needs an article id and two revisions: byline --diff ID REV_A REV_B "
                          "(a revision id or “current”)"));

  store = byline_store_new (options->database, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  if (review->set_status != NULL && refuse_read_only (store, "--set-status"))
    return EXIT_ERROR;

  if (review->set_status != NULL)
    status = review_set_status (store, review->set_status, options->files[0]);
  else if (review->history != NULL)
    status = review_history (store, review->history);
  else
    status = review_diff (store, review->diff, options->files[0], options->files[1]);

  if (fflush (stdout) != 0 && status == EXIT_OK)
    {
      print_error (_("Could not write the output. Check the disk or the pipe it goes to."));
      status = EXIT_ERROR;
    }

  return status;
}

/* --- End of editors' review ------------------------------------------------ */

/* --- Related articles: --related ID -----------------------------------------
 *
 * The ten articles the sidebar would list beside article ID, best first, one
 * a line: id, a tab, the headline. */

#define RELATED_LIMIT 10

typedef struct
{
  char *id;
} RelatedOptions;

static void
related_options_clear (RelatedOptions *related)
{
  g_clear_pointer (&related->id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RelatedOptions, related_options_clear)

static void
related_add_entries (GOptionContext *context,
                     RelatedOptions *related)
{
  const GOptionEntry related_entries[] = {
    { "related", 0, 0, G_OPTION_ARG_STRING, &related->id,
      N_("List the articles most related to an article, best first, one a line: "
         "id and headline (tab-separated)"), N_("ID") },
    { NULL }
  };

  g_option_context_add_main_entries (context, related_entries, GETTEXT_PACKAGE);
}

static int
run_related (const RelatedOptions *related,
             const Options        *options,
             gboolean              other_action)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  status = refuse_company (options, other_action, _("--related goes on its own: leave out the other actions"));
  if (status != EXIT_OK)
    return status;

  store = byline_store_new (options->database, &error);
  if (store != NULL)
    article = load_article (store, related->id, &error);
  if (article != NULL)
    articles = byline_store_list_related (store, article, RELATED_LIMIT, &error);
  if (articles == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  for (guint i = 0; i < articles->len; i++)
    {
      BylineArticleSummary *other = g_ptr_array_index (articles, i);
      g_autofree char *headline = dup_one_line (byline_article_summary_get_headline (other));
      g_autofree char *line = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s",
                                               byline_article_summary_get_id (other), headline);

      print_line (line);
    }

  if (fflush (stdout) != 0)
    {
      print_error (_("Could not write the output. Check the disk or the pipe it goes to."));
      status = EXIT_ERROR;
    }

  return status;
}

/* --- End of related articles ------------------------------------------------ */

/* --- The pre-publish check: --check ----------------------------------------
 *
 * One problem a line, KIND<TAB>FIELD<TAB>DETAIL (byline-check.h), the
 * blocking ones first; exits 1 when one of them keeps the article from
 * being published. Budgets are this desk's (Preferences), spelling is
 * checked in the article's language with the newsroom's dictionary. */

static guint
settings_budget (GSettings       *settings,
                 GSettingsSchema *schema,
                 const char      *key,
                 guint            fallback)
{
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;

  if (settings == NULL || !g_settings_schema_has_key (schema, key))
    return fallback;

  schema_key = g_settings_schema_get_key (schema, key);
  if (!g_variant_type_equal (g_settings_schema_key_get_value_type (schema_key), G_VARIANT_TYPE_UINT32))
    return fallback;

  return g_settings_get_uint (settings, key);
}

static void
read_budgets (BylineCheckBudgets *budgets)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    settings = g_settings_new_full (schema, NULL, NULL);

  budgets->headline = settings_budget (settings, schema, "headline-budget", 70);
  budgets->standfirst = settings_budget (settings, schema, "standfirst-budget",
                                         BYLINE_CHECK_DEFAULT_STANDFIRST_BUDGET);
  budgets->caption = settings_budget (settings, schema, "caption-budget", 250);
}

static int
run_check (const char    *id,
           const Options *options,
           gboolean       other_action)
{
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(BylineArticle) article = NULL;
  g_autoptr(BylinePublication) publication = NULL;
  g_autoptr(BylineSpellChecker) checker = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  BylineCheckBudgets budgets;
  g_autofree char *language = NULL;
  int status;

  status = refuse_company (options, other_action, _("--check goes on its own: leave out the other actions"));
  if (status != EXIT_OK)
    return status;

  store = byline_store_new (options->database, &error);
  if (store != NULL)
    article = load_article (store, id, &error);
  if (article == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  publication = dup_publication (store);
  language = byline_article_dup_effective_language (article, publication);
  checker = byline_spell_checker_new (language, &error);
  if (checker == NULL)
    {
      /* The rest of the check still holds. */
      print_error (error->message);
      g_clear_error (&error);
    }
  else
    {
      words = byline_store_list_dictionary (store, &error);
      if (words == NULL)
        {
          print_error (error->message);
          g_clear_error (&error);
        }
      byline_spell_checker_add_words (checker, (const char * const *) words);
    }

  read_budgets (&budgets);
  problems = byline_check_article (article, store, &budgets, checker);

  for (guint i = 0; i < problems->len; i++)
    {
      BylineCheckProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *field = dup_one_line (problem->field);
      g_autofree char *detail = dup_one_line (problem->detail);

      g_print ("%s\t%s\t%s\n", byline_check_kind_to_string (problem->kind), field, detail);
    }

  status = byline_check_blocks (problems) ? EXIT_ERROR : EXIT_OK;

  if (fflush (stdout) != 0)
    {
      print_error (_("Could not write the output. Check the disk or the pipe it goes to."));
      status = EXIT_ERROR;
    }

  return status;
}

/* --- End of the pre-publish check ------------------------------------------- */

/* --- Moving a newsroom: --copy-to ------------------------------------------- */

static int
run_copy (const Options *options,
          gboolean       other_action)
{
  g_autoptr(BylineStore) source = NULL;
  g_autoptr(BylineStore) target = NULL;
  g_autoptr(GError) error = NULL;
  BylineCopyCounts counts;

  if (other_action || options->import || options->list || options->export != NULL ||
      options->format != NULL || options->output != NULL ||
      (options->files != NULL && options->files[0] != NULL))
    return usage_error (_("--copy-to goes on its own: byline --database FROM --copy-to TO"));

  source = byline_store_new (options->database, &error);
  if (source != NULL)
    target = byline_store_new (options->copy_to, &error);
  if (target != NULL && refuse_read_only (target, "--copy-to"))
    return EXIT_ERROR;
  if (target == NULL || !byline_store_copy_to (source, target, &counts, &error))
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  /* What was copied, one count a line: what, tab, how many. */
  g_print ("articles\t%u\n", counts.articles);
  g_print ("revisions\t%u\n", counts.revisions);
  g_print ("state changes\t%u\n", counts.status_events);
  g_print ("notes\t%u\n", counts.notes);
  g_print ("related links\t%u\n", counts.pins);
  g_print ("pictures\t%u\n", counts.media);
  g_print ("publication\t%u\n", counts.publication ? 1 : 0);

  return EXIT_OK;
}

/* Checks what was asked makes sense; prints the usage error otherwise. */
static gboolean
check_usage (Options *options,
             int     *status)
{
  guint n_actions = !!options->import + !!options->list + (options->export != NULL);

  *status = EXIT_USAGE;

  if (n_actions == 0)
    {
      usage_error (_("Say what to do: --import FILE…, --list or --export ID"));
      return FALSE;
    }

  if (n_actions > 1)
    {
      usage_error (_("Choose one of --import, --list and --export"));
      return FALSE;
    }

  if (options->files != NULL && !options->import)
    {
      unexpected_argument (options->files[0]);
      return FALSE;
    }

  if (options->import && (options->files == NULL || options->files[0] == NULL))
    {
      usage_error (_("--import needs at least one file"));
      return FALSE;
    }

  if (options->export == NULL && (options->format != NULL || options->output != NULL))
    {
      usage_error (_("--format and --output go with --export"));
      return FALSE;
    }

  if (options->export == NULL)
    return TRUE;

  if (options->output == NULL || options->output[0] == '\0')
    {
      usage_error (_("--export needs --output FILE (or --output FOLDER with “--export all”)"));
      return FALSE;
    }

  if (options->format == NULL)
    options->format = g_strdup ("html");

  if (!g_str_equal (options->format, "html") && !g_str_equal (options->format, "ninjs"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”: use html or ninjs"),
                                                  options->format);
      usage_error (message);
      return FALSE;
    }

  if (g_str_equal (options->export, "all") && !g_str_equal (options->format, "html"))
    {
      usage_error (_("“--export all” writes HTML pages only: leave out --format"));
      return FALSE;
    }

  return TRUE;
}

/**
 * byline_cli_main:
 * @argc: the number of arguments
 * @argv: the program's arguments
 *
 * Runs the command-line action @argv asks for. Works without a display.
 *
 * Returns: the exit status: 0 on success, 1 when the action failed, 2 when
 *   the arguments make no sense
 */
int
byline_cli_main (int    argc,
                 char **argv)
{
  g_auto(Options) options = { 0, };
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &options.database,
      N_("The newsroom to use instead of the default one: a database file, or a newsroom "
         "server’s postgresql:// address"), N_("PATH") },
    { "import", 0, 0, G_OPTION_ARG_NONE, &options.import,
      N_("Import text or Markdown files and print their new ids"), NULL },
    { "list", 0, 0, G_OPTION_ARG_NONE, &options.list,
      N_("List the articles: id, status, last change and headline"), NULL },
    { "export", 0, 0, G_OPTION_ARG_STRING, &options.export,
      N_("Export an article, or “all” for the whole publication"), N_("ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("What --export writes: html (the default) or ninjs"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &options.output,
      N_("The file to write, or the folder for “--export all”"), N_("PATH") },
    { "copy-to", 0, 0, G_OPTION_ARG_STRING, &options.copy_to,
      N_("Copy the whole newsroom into a new, empty one (a database file or a postgresql:// "
         "address) and print what was copied"), N_("PATH|URI") },
    { "check", 0, 0, G_OPTION_ARG_STRING, &options.check,
      N_("Check an article before publishing: one problem a line, kind, field and detail "
         "(tab-separated); exits with 1 when a problem keeps it from being published"), N_("ID") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options.files,
      NULL, N_("FILE…") },
    { NULL }
  };
  g_auto(ReviewOptions) review = { 0, };
  g_auto(RelatedOptions) related = { 0, };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  int status;

  args = g_new0 (char *, argc + 1);
  for (int i = 0; i < argc && argv[i] != NULL; i++)
    args[i] = g_strdup (argv[i]);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  review_add_entries (context, &review);
  related_add_entries (context, &related);
  g_option_context_set_summary (context,
                                _("Imports, lists and exports the newsroom’s articles:\n"
                                  "  byline --import FILE…\n"
                                  "  byline --list\n"
                                  "  byline --export ID --output PAGE.html\n"
                                  "  byline --export ID --format ninjs --output ARTICLE.json\n"
                                  "  byline --export all --output FOLDER\n"
                                  "  byline --set-status ID STATE\n"
                                  "  byline --history ID\n"
                                  "  byline --diff ID REV_A REV_B\n"
                                  "  byline --related ID\n"
                                  "  byline --copy-to PATH|URI\n"
                                  "  byline --check ID"));

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message);

  if (options.check != NULL)
    return run_check (options.check, &options,
                      options.copy_to != NULL || related.id != NULL || review_requested (&review));

  if (options.copy_to != NULL)
    return run_copy (&options, related.id != NULL || review_requested (&review));

  if (related.id != NULL)
    return run_related (&related, &options, review_requested (&review));

  if (review_requested (&review))
    return run_review (&review, &options);

  if (!check_usage (&options, &status))
    return status;

  store = byline_store_new (options.database, &error);
  if (store == NULL)
    {
      print_error (error->message);
      return EXIT_ERROR;
    }

  if (options.import && refuse_read_only (store, "--import"))
    status = EXIT_ERROR;
  else if (options.import)
    status = run_import (store, options.files);
  else if (options.list)
    status = run_list (store);
  else
    status = run_export (store, &options);

  if (fflush (stdout) != 0 && status == EXIT_OK)
    {
      print_error (_("Could not write the output. Check the disk or the pipe it goes to."));
      status = EXIT_ERROR;
    }

  return status;
}
