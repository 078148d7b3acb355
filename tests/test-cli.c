/* test-cli.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>

#include "byline-article.h"
#include "byline-article-summary.h"
#include "byline-cli.h"
#include "byline-pin.h"
#include "byline-publication.h"
#include "byline-related.h"
#include "byline-review.h"
#include "byline-store.h"
#include "byline-test-util.h"

#define PLAIN_HEADLINE "Harbour board backs dredging of the east basin"
#define COUNCIL_HEADLINE "Council delays vote on the harbour budget"
#define FERRY_HEADLINE "Ferry fares rise in March"

typedef struct
{
  char  *tmp;
  char  *db;
  char **env;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *data_dirs = NULL;

  fixture->tmp = byline_test_make_tmp_dir ("byline-cli-XXXXXX");
  fixture->db = byline_test_location_new (fixture->tmp, "newsroom");

  /* No display, no real home, and no installed settings schema. */
  data_home = g_build_filename (fixture->tmp, "data-home", NULL);
  config_home = g_build_filename (fixture->tmp, "config-home", NULL);
  data_dirs = g_build_filename (fixture->tmp, "data-dirs", NULL);
  fixture->env = byline_test_environ_without_display ();
  fixture->env = g_environ_unsetenv (fixture->env, "GSETTINGS_SCHEMA_DIR");
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_HOME", data_home, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_CONFIG_HOME", config_home, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_DATA_DIRS", data_dirs, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GSETTINGS_BACKEND", "memory", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "G_DEBUG", "fatal-warnings", TRUE);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  byline_test_location_remove (fixture->db);
  byline_test_remove_tree (fixture->tmp);
  g_clear_pointer (&fixture->tmp, g_free);
  g_clear_pointer (&fixture->db, g_free);
  g_clear_pointer (&fixture->env, g_strfreev);
}

/* --- helpers ------------------------------------------------------------ */

static char *
sample (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "samples", "cli", name, NULL);
}

static char *
tmp_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->tmp, name, NULL);
}

/* Runs the real program with @args (NULL-terminated), without a shell. */
static void
run_argv (Fixture            *fixture,
          BylineTestRun      *run,
          const char * const *args)
{
  byline_test_run_byline (run, fixture->tmp, fixture->env, args);
}

#define RUN(fixture, run, ...) \
  run_argv (fixture, run, (const char *[]) { __VA_ARGS__, NULL })

/* A failure: the given exit status and one "byline: …" line on stderr, with
 * no GLib warning or critical, and no "(null)" where a name belongs. */
static void
assert_one_error_line (BylineTestRun *run,
                       int            status)
{
  byline_test_run_assert_error_line (run, status);
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_null (strstr (run->err, "(null)"));
}

static GStrv
split_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  /* Output ends with a newline: drop the empty piece after it. */
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_free (lines[n - 1]);
  lines[n - 1] = NULL;

  return g_steal_pointer (&lines);
}

static gint64
parse_id (const char *text)
{
  gint64 id = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    g_error ("“%s” is not an article id", text);

  return id;
}

/* Imports @names (samples) and returns their ids, in order. */
static GArray *
import_samples (Fixture     *fixture,
                const char **names)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;

  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (fixture->db));
  g_ptr_array_add (args, g_strdup ("--import"));
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (args, sample (names[i]));
  g_ptr_array_add (args, NULL);

  run_argv (fixture, &run, (const char **) args->pdata);
  byline_test_run_assert_success (&run);

  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length ((char **) names));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      gint64 id = parse_id (lines[i]);

      g_array_append_val (ids, id);
    }

  return g_steal_pointer (&ids);
}

static guint
count_articles (Fixture *fixture)
{
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_autoptr(GError) error = NULL;
  guint n = byline_store_count_articles (store, &query, &error);

  g_assert_no_error (error);
  return n;
}


/* --- the program under a deadline ------------------------------------------ */

/* A run of the program that reads its output as it comes and can be
 * stopped: for a program that might hang, or one killed half way. */
typedef struct
{
  GPid        pid;
  GString    *out;
  GString    *err;
  GIOChannel *out_channel;
  GIOChannel *err_channel;
  int         wait_status;
  gboolean    exited;
} LiveRun;

static void
live_run_child_watch (GPid     pid,
                      int      wait_status,
                      gpointer user_data)
{
  LiveRun *live = user_data;

  live->wait_status = wait_status;
  live->exited = TRUE;
  g_spawn_close_pid (pid);
}

static GIOChannel *
new_channel (int fd)
{
  GIOChannel *channel = g_io_channel_unix_new (fd);

  g_io_channel_set_close_on_unref (channel, TRUE);
  g_io_channel_set_encoding (channel, NULL, NULL);
  g_io_channel_set_flags (channel, G_IO_FLAG_NONBLOCK, NULL);

  return channel;
}

static void
read_channel (GIOChannel *channel,
              GString    *into)
{
  char buffer[4096];
  gsize n = 0;

  while (g_io_channel_read_chars (channel, buffer, sizeof buffer, &n, NULL) == G_IO_STATUS_NORMAL &&
         n > 0)
    g_string_append_len (into, buffer, n);
}

static void
live_run_start (Fixture            *fixture,
                LiveRun            *live,
                const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int out_fd = -1;
  int err_fd = -1;

  g_ptr_array_add (argv, (gpointer) byline_test_bin ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  memset (live, 0, sizeof *live);
  live->out = g_string_new (NULL);
  live->err = g_string_new (NULL);
  g_spawn_async_with_pipes (fixture->tmp, (char **) argv->pdata, fixture->env,
                            G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &live->pid, NULL, &out_fd, &err_fd, &error);
  g_assert_no_error (error);

  live->out_channel = new_channel (out_fd);
  live->err_channel = new_channel (err_fd);
  g_child_watch_add (live->pid, live_run_child_watch, live);
}

/* Reads what the program printed so far. */
static void
live_run_read (LiveRun *live)
{
  read_channel (live->out_channel, live->out);
  read_channel (live->err_channel, live->err);
}

/* Runs the main loop until the program exits, for at most @seconds; fails
 * the test when it does not. */
static void
live_run_wait (LiveRun *live,
               guint    seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_TIME_SPAN_SECOND;

  while (!live->exited)
    {
      if (g_get_monotonic_time () > deadline)
        {
          kill (live->pid, SIGKILL);
          g_error ("byline did not finish within %u s; it printed:\n%s", seconds, live->out->str);
        }
      g_main_context_iteration (NULL, FALSE);
      live_run_read (live);
      g_usleep (2 * G_TIME_SPAN_MILLISECOND);
    }
  live_run_read (live);
}

static void
live_run_clear (LiveRun *live)
{
  g_clear_pointer (&live->out_channel, g_io_channel_unref);
  g_clear_pointer (&live->err_channel, g_io_channel_unref);
  if (live->out != NULL)
    g_string_free (g_steal_pointer (&live->out), TRUE);
  if (live->err != NULL)
    g_string_free (g_steal_pointer (&live->err), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiveRun, live_run_clear)

/* --- byline_cli_wants() --------------------------------------------------- */

static void
test_wants (void)
{
  static const struct {
    const char *args[5];
    gboolean    wants;
  } cases[] = {
    { { "byline", NULL }, FALSE },
    { { "byline", "--list", NULL }, TRUE },
    { { "byline", "--database", "x.db", "--import", NULL }, TRUE },
    { { "byline", "--export=3", "--output", "a.html", NULL }, TRUE },
    { { "byline", "--export", "all", NULL }, TRUE },
    { { "byline", "--database", "x.db", NULL }, FALSE },
    { { "byline", "--listing", NULL }, FALSE },
    { { "byline", "--", "--list", NULL }, FALSE },
    { { "byline", "notes.txt", NULL }, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int argc = g_strv_length ((char **) cases[i].args);

      g_assert_cmpint (byline_cli_wants (argc, (char **) cases[i].args), ==, cases[i].wants);
    }
}

/* --- import ---------------------------------------------------------------- */

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  /* The Markdown file pins the plain-text article, which comes after it. */
  const char *names[] = { "ferry-fares.md", "council-budget.md", "harbour-dredging.txt", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  g_autoptr(BylineArticle) ferry = byline_test_load_article (store, g_array_index (ids, gint64, 0));
  g_autoptr(BylineArticle) council = byline_test_load_article (store, g_array_index (ids, gint64, 1));
  g_autoptr(BylineArticle) plain = byline_test_load_article (store, g_array_index (ids, gint64, 2));
  g_autoptr(BylinePin) ferry_pin = NULL;
  g_autoptr(BylinePin) plain_pin = NULL;
  const char * const *tags;

  g_assert_cmpint (g_array_index (ids, gint64, 0), !=, g_array_index (ids, gint64, 1));
  g_assert_cmpint (g_array_index (ids, gint64, 1), !=, g_array_index (ids, gint64, 2));

  g_assert_cmpstr (byline_article_get_headline (plain), ==, PLAIN_HEADLINE);
  g_assert_cmpint (byline_article_get_status (plain), ==, BYLINE_STATUS_DRAFT);
  g_assert_nonnull (strstr (byline_article_get_body (plain), "packed meeting"));

  g_assert_cmpstr (byline_article_get_headline (council), ==, COUNCIL_HEADLINE);
  g_assert_cmpstr (byline_article_get_byline (council), ==, "Mara Lindqvist");
  g_assert_cmpint (byline_article_get_status (council), ==, BYLINE_STATUS_PUBLISHED);
  tags = byline_article_get_tags (council);
  g_assert_nonnull (tags);
  g_assert_cmpstr (tags[0], ==, "council");

  /* Pins resolve against the articles imported with them, in either order. */
  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (ferry)), ==, 1);
  ferry_pin = g_list_model_get_item (byline_article_get_pins (ferry), 0);
  g_assert_cmpint (byline_pin_get_related_id (ferry_pin), ==, byline_article_get_id (council));

  g_assert_cmpuint (g_list_model_get_n_items (byline_article_get_pins (plain)), ==, 1);
  plain_pin = g_list_model_get_item (byline_article_get_pins (plain), 0);
  g_assert_cmpint (byline_pin_get_related_id (plain_pin), ==, byline_article_get_id (council));
}

/* One bad file is reported; the others are imported all the same. */
static void
test_import_partial (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *empty = tmp_path (fixture, "empty.txt");
  g_autofree char *missing = tmp_path (fixture, "missing.txt");
  g_autofree char *council = sample ("council-budget.md");
  g_autofree char *plain = sample ("harbour-dredging.txt");
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) out_lines = NULL;
  g_auto(GStrv) err_lines = NULL;

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);

  RUN (fixture, &run, "--database", fixture->db, "--import", council, empty, missing, plain);
  g_assert_cmpint (run.status, ==, 1);

  out_lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (out_lines), ==, 2);
  parse_id (out_lines[0]);
  parse_id (out_lines[1]);

  err_lines = split_lines (run.err);
  g_assert_cmpuint (g_strv_length (err_lines), ==, 2);
  g_assert_true (g_str_has_prefix (err_lines[0], "byline: "));
  g_assert_nonnull (strstr (err_lines[0], "empty.txt"));
  g_assert_true (g_str_has_prefix (err_lines[1], "byline: "));
  g_assert_nonnull (strstr (err_lines[1], "missing.txt"));
  g_assert_null (strstr (run.err, "CRITICAL"));
  g_assert_null (strstr (run.err, "WARNING"));

  g_assert_cmpuint (count_articles (fixture), ==, 2);
}

/* A file whose front matter is not valid YAML is refused as a whole, with
 * the line to fix; nothing of it reaches the newsroom. */
static void
test_import_bad_front_matter (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *story = tmp_path (fixture, "story.md");
  g_autofree char *ferry = sample ("ferry-fares.md");
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(BylineTestRun) list = { 0, };
  g_auto(GStrv) out_lines = NULL;
  g_auto(GStrv) list_lines = NULL;

  g_file_set_contents (story,
                       "---\n"
                       "headline: Pier reopens after storm repairs\n"
                       "byline: Jo Hart\n"
                       "standfirst: Engineers say: the deck is safe\n"
                       "---\n"
                       "\n"
                       "The pier reopened on Monday.\n",
                       -1, &error);
  g_assert_no_error (error);

  RUN (fixture, &run, "--database", fixture->db, "--import", story, ferry);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "story.md"));
  g_assert_nonnull (strstr (run.err, "line 4, column 26"));
  g_assert_nonnull (strstr (run.err, "Fix the YAML"));

  /* The other file is imported all the same. */
  out_lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (out_lines), ==, 1);
  g_assert_cmpuint (count_articles (fixture), ==, 1);

  RUN (fixture, &list, "--database", fixture->db, "--list");
  byline_test_run_assert_success (&list);
  list_lines = split_lines (list.out);
  g_assert_cmpuint (g_strv_length (list_lines), ==, 1);
  g_assert_true (g_str_has_suffix (list_lines[0], "\t" FERRY_HEADLINE));
  g_assert_null (strstr (list.out, "Pier reopens"));
}


/* A named pipe, a device or a folder among the files: each is refused at
 * once with a line saying what it is, and the rest are imported. Before,
 * the pipe kept the import waiting for ever. */
static void
test_import_not_a_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *fifo = tmp_path (fixture, "wire-copy.txt");
  g_autofree char *council = sample ("council-budget.md");
  g_auto(LiveRun) live = { 0, };
  g_auto(GStrv) out_lines = NULL;
  g_auto(GStrv) err_lines = NULL;
  const char *args[] = {
    "--database", fixture->db, "--import", fifo, "/dev/zero", fixture->tmp, council, NULL
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  /* Nothing ever writes to the pipe: a run that opened it would wait for
   * ever, which the wait fails. */
  live_run_start (fixture, &live, args);
  live_run_wait (&live, 10);
  g_assert_true (WIFEXITED (live.wait_status));
  g_assert_cmpint (WEXITSTATUS (live.wait_status), ==, 1);

  out_lines = split_lines (live.out->str);
  g_assert_cmpuint (g_strv_length (out_lines), ==, 1);
  parse_id (out_lines[0]);
  g_assert_cmpuint (count_articles (fixture), ==, 1);

  err_lines = split_lines (live.err->str);
  g_assert_cmpuint (g_strv_length (err_lines), ==, 3);
  g_assert_true (g_str_has_prefix (err_lines[0], "byline: Could not import “wire-copy.txt”: it is a named pipe"));
  g_assert_true (g_str_has_prefix (err_lines[1], "byline: Could not import “zero”: it is a device"));
  g_assert_nonnull (strstr (err_lines[2], "it is a folder"));
}

/* An import stopped half way (killed) has printed the id of every article
 * it committed, so whoever ran it knows which files to import again. */
static void
test_import_killed (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *folder = tmp_path (fixture, "wire");
  g_autoptr(GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) printed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(BylineStore) store = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GError) error = NULL;
  BylineArticleQuery query = BYLINE_ARTICLE_QUERY_INIT;
  g_auto(LiveRun) live = { 0, };
  g_auto(GStrv) lines = NULL;
  gint64 deadline;
  guint n_unprinted = 0;
  gint64 last_id = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (fixture->db));
  g_ptr_array_add (args, g_strdup ("--import"));
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("story-%04u.md", i);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *text = g_strdup_printf ("---\nheadline: Wire story %u\n---\n\nThe %u th story.\n", i, i);

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (args, g_steal_pointer (&path));
    }
  g_ptr_array_add (args, NULL);

  live_run_start (fixture, &live, (const char * const *) args->pdata);

  /* Kill it once some ids have come out, well before the end. */
  deadline = g_get_monotonic_time () + 60 * G_TIME_SPAN_SECOND;
  while (!live.exited && g_get_monotonic_time () < deadline)
    {
      live_run_read (&live);
      if (live.out->len >= 10 * strlen ("1\n"))
        break;
      g_usleep (G_TIME_SPAN_MILLISECOND);
    }
  /* A little later, so that a program holding its output back would have
   * committed more than it printed. */
  g_usleep (30 * G_TIME_SPAN_MILLISECOND);
  g_assert_false (live.exited);
  kill (live.pid, SIGKILL);
  live_run_wait (&live, 10);
  g_assert_true (WIFSIGNALED (live.wait_status));

  /* Whole lines only: the last id may have been cut off by the kill. */
  lines = g_strsplit (live.out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      gint64 id = parse_id (lines[i]);

      g_hash_table_add (printed, g_memdup2 (&id, sizeof id));
    }
  g_assert_cmpuint (g_hash_table_size (printed), >, 0);

  store = byline_test_store_new (fixture->db);
  articles = byline_store_list_articles (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, <, 3000);

  /* Every printed id is in; the one article whose commit the kill may have
   * come right after is the only one that may be missing from the output. */
  g_assert_cmpuint (articles->len, >=, g_hash_table_size (printed));
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = byline_article_summary_get_id (g_ptr_array_index (articles, i));

      last_id = MAX (last_id, id);
      if (!g_hash_table_contains (printed, &id))
        n_unprinted++;
    }
  g_test_message ("%u printed, %u committed", g_hash_table_size (printed), articles->len);
  g_assert_cmpuint (n_unprinted, <=, 1);
  if (n_unprinted == 1)
    g_assert_false (g_hash_table_contains (printed, &last_id));
  g_assert_cmpuint (articles->len - n_unprinted, ==, g_hash_table_size (printed));
}

/* --- list ------------------------------------------------------------------ */

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  const char *names[] = { "harbour-dredging.txt", "council-budget.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  gint64 plain_id = g_array_index (ids, gint64, 0);
  gint64 council_id = g_array_index (ids, gint64, 1);
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  g_autoptr(BylineArticle) plain = NULL;
  g_autoptr(BylineArticle) council = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  const gint64 expected_ids[] = { plain_id, council_id };

  /* Make the older article the latest changed, with a headline that would
   * break the columns if it went out as typed. */
  g_usleep (1100 * G_TIME_SPAN_MILLISECOND);
  plain = byline_test_load_article (store, plain_id);
  byline_article_set_headline (plain, "Dredging\tapproved\nafter a long night");
  byline_store_save_article (store, plain, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  store = byline_test_store_new (fixture->db);
  g_clear_object (&plain);
  plain = byline_test_load_article (store, plain_id);
  council = byline_test_load_article (store, council_id);

  RUN (fixture, &run, "--database", fixture->db, "--list");
  byline_test_run_assert_success (&run);
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);

  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);
      BylineArticle *article = expected_ids[i] == plain_id ? plain : council;
      g_autoptr(GDateTime) updated = NULL;
      BylineStatus status;

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpint (parse_id (fields[0]), ==, expected_ids[i]);
      g_assert_true (byline_status_from_string (fields[1], &status));
      g_assert_cmpint (status, ==, byline_article_get_status (article));
      updated = g_date_time_new_from_iso8601 (fields[2], NULL);
      g_assert_nonnull (updated);
      g_assert_cmpint (g_date_time_to_unix (updated), ==, byline_article_get_updated (article));
    }

  /* The words are those used on the command line and in files. */
  g_assert_nonnull (strstr (lines[0], "\tdraft\t"));
  g_assert_nonnull (strstr (lines[1], "\tpublished\t"));
  g_assert_true (g_str_has_suffix (lines[0], "\tDredging approved after a long night"));
  g_assert_true (g_str_has_suffix (lines[1], "\t" COUNCIL_HEADLINE));
}


/* --- terminal safety --------------------------------------------------------- */

/* What a headline written to take over the terminal looks like, and what
 * comes out instead. */
#define HOSTILE_HEADLINE "Evil \x1b[2J\x1b]0;owned\x07 \xc2\x9b" "31m red \xe2\x80\xae" "fdp.exe"
#define SHOWN_HEADLINE "Evil \\u001b[2J\\u001b]0;owned\\u0007 \\u009b31m red \\u202efdp.exe"

/* Nothing a terminal acts on, outside the line feeds and tabs of the format. */
static void
assert_terminal_safe (const char *output)
{
  g_assert_true (g_utf8_validate (output, -1, NULL));
  for (const char *p = output; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\t')
        continue;
      g_assert_false (c < 0x20 || (c >= 0x7f && c <= 0x9f));
      g_assert_false ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
                      c == 0x200e || c == 0x200f);
    }
}

static void
test_terminal_safe (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  g_autoptr(BylineArticle) article = byline_article_new ();
  g_autoptr(BylineArticle) other = byline_article_new ();
  g_autoptr(BylineRevision) first = NULL;
  g_autoptr(BylineRevision) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *other_id = NULL;
  g_autofree char *first_id = NULL;
  g_autofree char *second_id = NULL;
  g_autofree char *bad_name = tmp_path (fixture, "\xe2\x80\xae" "txt.exe\x1b[8m");
  g_auto(BylineTestRun) run = { 0, };

  byline_article_set_headline (article, HOSTILE_HEADLINE);
  byline_article_set_body (article, "Harbour dredging harbour basin.");
  byline_article_set_tags (article, (const char *[]) { "harbour", NULL });
  byline_test_save_article (store, article);
  byline_article_set_headline (other, "Harbour basin dredging \xe2\x81\xa6" "isolated");
  byline_article_set_body (other, "Harbour dredging harbour basin again.");
  byline_article_set_tags (other, (const char *[]) { "harbour", NULL });
  byline_test_save_article (store, other);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (article));
  other_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_article_get_id (other));

  first = byline_store_save_revision (store, article, "Ada \x1b[41mLovelace", BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  byline_article_set_headline (article, HOSTILE_HEADLINE " \xc2\x85" "again");
  byline_article_set_body (article, "Harbour dredging harbour basin.\n\nNew \x1b[5mblinking\x1b[0m line\twith a tab.");
  byline_test_save_article (store, article);
  second = byline_store_save_revision (store, article, "Ben", BYLINE_REVISION_MANUAL, &error);
  g_assert_no_error (error);
  first_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_revision_get_id (first));
  second_id = g_strdup_printf ("%" G_GINT64_FORMAT, byline_revision_get_id (second));
  g_clear_object (&store);

  RUN (fixture, &run, "--database", fixture->db, "--list");
  byline_test_run_assert_success (&run);
  assert_terminal_safe (run.out);
  g_assert_nonnull (strstr (run.out, "\t" SHOWN_HEADLINE " \\u0085again\n"));
  g_assert_nonnull (strstr (run.out, "\tHarbour basin dredging \\u2066isolated\n"));

  RUN (fixture, &run, "--database", fixture->db, "--history", id);
  byline_test_run_assert_success (&run);
  assert_terminal_safe (run.out);
  /* On a newsroom server the author is the role logged in, whatever name
   * the revision is given. */
  if (!byline_test_on_server ())
    g_assert_nonnull (strstr (run.out, "\tAda \\u001b[41mLovelace\t"));

  RUN (fixture, &run, "--database", fixture->db, "--diff", id, first_id, second_id);
  byline_test_run_assert_success (&run);
  assert_terminal_safe (run.out);
  g_assert_true (g_str_has_prefix (run.out, "headline: " SHOWN_HEADLINE "{+ \\u0085again+}\n\n"));
  g_assert_nonnull (strstr (run.out, "New \\u001b[5mblinking\\u001b[0m line\twith a tab."));

  RUN (fixture, &run, "--database", fixture->db, "--related", other_id);
  byline_test_run_assert_success (&run);
  assert_terminal_safe (run.out);
  g_assert_nonnull (strstr (run.out, "\t" SHOWN_HEADLINE " \\u0085again\n"));

  /* A file name in an error message. */
  g_assert_true (g_file_set_contents (bad_name, "", 0, NULL));
  RUN (fixture, &run, "--database", fixture->db, "--import", bad_name);
  assert_one_error_line (&run, 1);
  assert_terminal_safe (run.err);
  g_assert_nonnull (strstr (run.err, "\\u202etxt.exe\\u001b[8m"));

  /* And an argument echoed back. */
  RUN (fixture, &run, "--database", fixture->db, "--history", "7\x1b[2J");
  assert_one_error_line (&run, 1);
  assert_terminal_safe (run.err);
  g_assert_nonnull (strstr (run.err, "“7\\u001b[2J”"));
}

/* --- export ---------------------------------------------------------------- */

static void
test_export_html (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *names[] = { "council-budget.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autofree char *out = tmp_path (fixture, "council.html");
  g_autoptr(BylinePublication) publication = byline_publication_new ();
  g_autofree char *h1 = NULL;
  g_autofree char *title = NULL;
  g_auto(BylineTestRun) run = { 0, };
  htmlDocPtr doc;

  RUN (fixture, &run, "--database", fixture->db, "--export", id, "--output", out);
  byline_test_run_assert_success (&run);

  doc = byline_test_parse_html_file (out);
  h1 = byline_test_xpath_string (doc, "//h1[" BYLINE_TEST_HAS_CLASS ("headline") "]");
  g_assert_cmpstr (h1, ==, COUNCIL_HEADLINE);
  /* No settings schema installed: the default masthead. */
  title = byline_test_xpath_string (doc, "//head/title");
  g_assert_nonnull (strstr (title, publication->name));
  xmlFreeDoc (doc);
}

/* With the app's settings schema installed, the masthead set there is used.
 * When run from the build tree the program finds the build's schema itself,
 * so the names come from a keyfile backend, which either schema reads. */
static void
test_export_settings (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *names[] = { "council-budget.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autofree char *out = tmp_path (fixture, "council.html");
  g_autofree char *schemas = tmp_path (fixture, "schemas");
  g_autofree char *schema = g_build_filename (schemas, APP_ID ".gschema.xml", NULL);
  g_autofree char *settings_dir = tmp_path (fixture, "config-home/glib-2.0/settings");
  g_autofree char *keyfile = g_build_filename (settings_dir, "keyfile", NULL);
  g_autofree char *group = g_strdelimit (g_strdup (APP_ID), ".", '/');
  g_autofree char *schema_xml = NULL;
  g_autofree char *keyfile_text = NULL;
  const char *compile[] = { "glib-compile-schemas", "--strict", schemas, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *site_name = NULL;
  g_autofree char *tagline = NULL;
  g_auto(BylineTestRun) run = { 0, };
  int wait_status;
  htmlDocPtr doc;

  schema_xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                "<schemalist>\n"
                                "  <schema id=\"%s\" path=\"/%s/\">\n"
                                "    <key name=\"publication-name\" type=\"s\"><default>'The Byline Courier'</default></key>\n"
                                "    <key name=\"publication-tagline\" type=\"s\"><default>''</default></key>\n"
                                "    <key name=\"publication-base-url\" type=\"s\"><default>''</default></key>\n"
                                "  </schema>\n"
                                "</schemalist>\n",
                                APP_ID, group);
  keyfile_text = g_strdup_printf ("[%s]\n"
                                  "publication-name='The Tideline Gazette'\n"
                                  "publication-tagline='Every tide, every tale'\n",
                                  group);

  g_assert_cmpint (g_mkdir_with_parents (schemas, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (settings_dir, 0755), ==, 0);
  g_file_set_contents (schema, schema_xml, -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (keyfile, keyfile_text, -1, &error);
  g_assert_no_error (error);

  g_spawn_sync (NULL, (char **) compile, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                NULL, NULL, &wait_status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (wait_status, &error);
  g_assert_no_error (error);

  fixture->env = g_environ_setenv (fixture->env, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  RUN (fixture, &run, "--database", fixture->db, "--export", id, "--output", out);
  byline_test_run_assert_success (&run);

  doc = byline_test_parse_html_file (out);
  title = byline_test_xpath_string (doc, "//head/title");
  g_assert_nonnull (strstr (title, "The Tideline Gazette"));
  site_name = byline_test_xpath_string (doc, "//meta[@property='og:site_name']/@content");
  g_assert_cmpstr (site_name, ==, "The Tideline Gazette");
  tagline = byline_test_xpath_string (doc, "//*[" BYLINE_TEST_HAS_CLASS ("tagline") "]");
  g_assert_cmpstr (tagline, ==, "Every tide, every tale");
  xmlFreeDoc (doc);
}

static void
test_export_ninjs (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "ferry-fares.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autofree char *out = tmp_path (fixture, "ferry.json");
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  g_autoptr(BylineArticle) article = byline_test_load_article (store, g_array_index (ids, gint64, 0));
  g_autofree char *uri = g_strconcat ("urn:uuid:", byline_article_get_uuid (article), NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  JsonObject *ninjs;

  RUN (fixture, &run, "--database", fixture->db, "--export", id, "--format", "ninjs", "--output", out);
  /* Written, and the READ: link to an article that is not in the archive
   * is left out, which stderr says. */
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "left out the READ: link to “" COUNCIL_HEADLINE "”"));

  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  ninjs = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (ninjs, "headlines"), 0),
                     "value"), ==, FERRY_HEADLINE);
  g_assert_cmpstr (json_object_get_string_member (ninjs, "uri"), ==, uri);
  g_assert_cmpstr (json_object_get_string_member (ninjs, "pubstatus"), ==, "usable");
  g_assert_cmpstr (json_object_get_string_member (ninjs, "by"), ==, "Priya Nair");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ninjs, "standard"), "version"),
                   ==, "2.1");
  /* Imported, then published: saved after its one revision. */
  g_assert_cmpstr (json_object_get_string_member (ninjs, "version"), !=, NULL);
  {
    g_autofree char *text = NULL;

    g_file_get_contents (out, &text, NULL, NULL);
    g_assert_null (strstr (text, COUNCIL_HEADLINE));
  }
}

static void
test_export_all (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *names[] = { "harbour-dredging.txt", "council-budget.md", "ferry-fares.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *site = tmp_path (fixture, "site");
  g_autofree char *index_path = g_build_filename (site, "index.html", NULL);
  g_autoptr(GPtrArray) headlines = NULL;
  g_autoptr(GPtrArray) hrefs = NULL;
  g_auto(BylineTestRun) run = { 0, };
  htmlDocPtr index;

  RUN (fixture, &run, "--database", fixture->db, "--export", "all", "--output", site);
  byline_test_run_assert_success (&run);

  /* The two published samples, newest first; the draft is not there. */
  index = byline_test_parse_html_file (index_path);
  headlines = byline_test_xpath_strings (index, "//main//h2[" BYLINE_TEST_HAS_CLASS ("headline") "]");
  hrefs = byline_test_xpath_strings (index, "//main//h2[" BYLINE_TEST_HAS_CLASS ("headline") "]/a/@href");
  g_assert_cmpuint (headlines->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (headlines, 0), ==, FERRY_HEADLINE);
  g_assert_cmpstr (g_ptr_array_index (headlines, 1), ==, COUNCIL_HEADLINE);
  g_assert_cmpuint (hrefs->len, ==, 2);
  for (guint i = 0; i < hrefs->len; i++)
    {
      g_autofree char *page = g_build_filename (site, g_ptr_array_index (hrefs, i), NULL);

      g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));
    }
  xmlFreeDoc (index);
}

/* A picture imported from front matter is kept in the newsroom: the
 * export writes it, under a name with its type's extension, from there,
 * also once the file it came from is gone. Pictures outside the article
 * file's folder are left out, with a message, and never copied. */
static void
test_import_picture (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "samples", "media", "slate.jpg", NULL);
  g_autofree char *folder = tmp_path (fixture, "desk");
  g_autofree char *photos = g_build_filename (folder, "photos", NULL);
  g_autofree char *picture = g_build_filename (photos, "quay.jpeg", NULL);
  g_autofree char *story = g_build_filename (folder, "quay.md", NULL);
  g_autofree char *outside = tmp_path (fixture, "outside.md");
  g_autofree char *site = tmp_path (fixture, "site");
  g_autofree char *page = NULL;
  g_autofree char *src = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *copy = g_build_filename (fixture->tmp, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  gsize expected_length = 0, written_length = 0;
  htmlDocPtr doc;

  g_assert_true (g_file_get_contents (sample, &expected, &expected_length, &error));
  g_assert_cmpint (g_mkdir_with_parents (photos, 0700), ==, 0);
  g_assert_true (g_file_set_contents (picture, expected, expected_length, &error));
  g_assert_true (g_file_set_contents (story,
                                      "---\nheadline: Quay lights switched on\nstatus: published\n"
                                      "image: photos/quay.jpeg\n---\n\nThe quay is lit.\n",
                                      -1, &error));
  g_assert_no_error (error);

  RUN (fixture, &run, "--database", fixture->db, "--import", story);
  byline_test_run_assert_success (&run);
  lines = split_lines (run.out);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, parse_id (lines[0]));

  /* Nothing reads the file after the import. */
  g_assert_cmpint (g_unlink (picture), ==, 0);

  RUN (fixture, &run, "--database", fixture->db, "--export", "all", "--output", site);
  byline_test_run_assert_success (&run);
  page = g_build_filename (site, "index.html", NULL);
  {
    g_autoptr(GDir) dir = g_dir_open (site, 0, NULL);
    const char *name;

    g_clear_pointer (&page, g_free);
    while ((name = g_dir_read_name (dir)) != NULL)
      if (g_str_has_suffix (name, ".html") && !g_str_equal (name, "index.html"))
        page = g_build_filename (site, name, NULL);
  }
  g_assert_nonnull (page);
  doc = byline_test_parse_html_file (page);
  src = byline_test_xpath_string (doc, "//figure//img/@src");
  xmlFreeDoc (doc);
  g_assert_true (g_str_has_prefix (src, "images/"));
  g_assert_true (g_str_has_suffix (src, ".jpg"));
  written = g_build_filename (site, src, NULL);
  g_assert_true (g_file_get_contents (written, &contents, &written_length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, written_length, expected, expected_length);

  /* Moving the newsroom takes the picture along. */
  {
    const char *args[] = { "--database", fixture->db, "--copy-to", copy, NULL };

    run_argv (fixture, &run, args);
    byline_test_run_assert_success (&run);
    g_assert_nonnull (strstr (run.out, "pictures\t1\n"));
  }

  /* Outside the folder: "..", an absolute path, file:, /proc. */
  {
    const char *refused[] = { "../quay.jpeg", sample, "file:///etc/passwd", "/proc/self/environ", NULL };

    for (guint i = 0; refused[i] != NULL; i++)
      {
        g_autofree char *text = g_strdup_printf ("---\nheadline: Outside %u\nimage: \"%s\"\n---\n\nText.\n",
                                                 i, refused[i]);

        g_assert_true (g_file_set_contents (outside, text, -1, &error));
        RUN (fixture, &run, "--database", fixture->db, "--import", outside);
        /* In without the picture, saying why. */
        g_assert_cmpint (run.status, ==, 1);
        g_assert_cmpuint (strlen (run.out), >, 0);
        g_assert_true (g_str_has_prefix (run.err, "byline: "));
        g_assert_nonnull (strstr (run.err, "left out the picture"));
      }
  }
}

/* A page that shows images from other sites is exported, with a note
 * listing them; a page without any says nothing. ninjs goes to another
 * system, not to readers, and gets no note. */
static void
test_export_remote_images (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *names[] = { "council-budget.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *plain_id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autofree char *story = tmp_path (fixture, "pictures.md");
  g_autofree char *page = tmp_path (fixture, "pictures.html");
  g_autofree char *plain_page = tmp_path (fixture, "council.html");
  g_autofree char *site = tmp_path (fixture, "site");
  g_autofree char *json = tmp_path (fixture, "pictures.json");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_auto(GStrv) lines = NULL;
  gint64 id;
  g_autofree char *id_text = NULL;

  g_file_set_contents (story,
                       "---\n"
                       "headline: Ferry pictures\n"
                       "status: published\n"
                       "---\n"
                       "![The ferry](https://images.example.com/ferry.jpg) and "
                       "![the pier](//cdn.example.org/pier.jpg) and "
                       "[the timetable](https://ferry.example.org/times).\n",
                       -1, &error);
  g_assert_no_error (error);
  RUN (fixture, &run, "--database", fixture->db, "--import", story);
  byline_test_run_assert_success (&run);
  lines = split_lines (run.out);
  id = parse_id (lines[0]);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  expected = g_strdup ("byline: The page of “Ferry pictures” shows images from "
                       "other sites, which learn who opens the page: "
                       "https://images.example.com/ferry.jpg, //cdn.example.org/pier.jpg. "
                       "Put copies on your own site to keep that to yourself.\n");

  RUN (fixture, &run, "--database", fixture->db, "--export", id_text, "--output", page);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));

  RUN (fixture, &run, "--database", fixture->db, "--export", "all", "--output", site);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, expected);

  RUN (fixture, &run, "--database", fixture->db, "--export", id_text, "--format", "ninjs", "--output", json);
  byline_test_run_assert_success (&run);

  RUN (fixture, &run, "--database", fixture->db, "--export", plain_id, "--output", plain_page);
  byline_test_run_assert_success (&run);
}

/* --- failures --------------------------------------------------------------- */

static void
test_error_missing_database_folder (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *folder = tmp_path (fixture, "no-such-folder");
  g_autofree char *db = g_build_filename (folder, "newsroom.db", NULL);
  g_auto(BylineTestRun) run = { 0, };

  RUN (fixture, &run, "--database", db, "--list");
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "no-such-folder"));
  g_assert_cmpstr (run.out, ==, "");
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

/* Something else's file is reported, and left as it was. */
static void
test_error_not_a_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = tmp_path (fixture, "shopping.db");
  g_autofree char *plain = sample ("harbour-dredging.txt");
  g_autofree char *before = g_strnfill (4096, 'x');
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  gsize len = 0;

  memcpy (before, "Shopping list: not a database.\n", 31);
  g_file_set_contents (path, before, 4096, &error);
  g_assert_no_error (error);

  RUN (fixture, &run, "--database", path, "--list");
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "shopping.db"));

  RUN (fixture, &run, "--database", path, "--import", plain);
  assert_one_error_line (&run, 1);
  g_assert_cmpstr (run.out, ==, "");

  g_file_get_contents (path, &after, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (before, 4096, after, len);
}

/* An archive the program cannot write: the commands that read it work as
 * on any newsroom; those that would change it say so in one line, and the
 * file is as it was. @folder: the folder is read-only, not the file. */
static void
check_read_only_newsroom (Fixture  *fixture,
                          gboolean  folder)
{
  const char *names[] = { "council-budget.md", "ferry-fares.md", NULL };
  g_autoptr(GArray) ids = NULL;
  g_autofree char *plain = sample ("harbour-dredging.txt");
  g_autofree char *archive_dir = tmp_path (fixture, "archive");
  g_autofree char *archive = g_build_filename (archive_dir, "newsroom.db", NULL);
  g_autofree char *page = tmp_path (fixture, "council.html");
  g_autofree char *id = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) lines = NULL;
  const char *read_only;
  gsize before_len, after_len;

  BYLINE_TEST_SKIP_ON_SERVER ("file modes; a server's roles decide what it may write");

  ids = import_samples (fixture, names);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_assert_cmpint (g_mkdir (archive_dir, 0700), ==, 0);
  g_assert_cmpint (g_rename (fixture->db, archive), ==, 0);
  g_assert_true (g_file_get_contents (archive, &before, &before_len, NULL));

  read_only = folder ? archive_dir : archive;
  if (!byline_test_make_read_only (read_only))
    {
      g_test_skip ("running as root where chattr +i does not work");
      return;
    }

  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--list");
    byline_test_run_assert_success (&run);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 3);
  }
  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--export", id, "--output", page);
    byline_test_run_assert_success (&run);
    g_assert_true (g_file_test (page, G_FILE_TEST_IS_REGULAR));
  }
  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--related", id);
    byline_test_run_assert_success (&run);
  }
  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--history", id);
    byline_test_run_assert_success (&run);
  }
  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--import", plain, plain);
    assert_one_error_line (&run, 1);
    g_assert_nonnull (strstr (run.err, "is read-only"));
    g_assert_nonnull (strstr (run.err, "--import"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_auto(BylineTestRun) run = { 0, };

    RUN (fixture, &run, "--database", archive, "--set-status", id, "in-review");
    assert_one_error_line (&run, 1);
    g_assert_nonnull (strstr (run.err, "is read-only"));
  }

  byline_test_make_writable (read_only);
  g_assert_true (g_file_get_contents (archive, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_read_only_file (Fixture       *fixture,
                     gconstpointer  data)
{
  check_read_only_newsroom (fixture, FALSE);
}

static void
test_read_only_folder (Fixture       *fixture,
                       gconstpointer  data)
{
  check_read_only_newsroom (fixture, TRUE);
}

static void
test_error_unknown_id (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *names[] = { "council-budget.md", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  gint64 unknown = g_array_index (ids, gint64, 0) + 41;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, unknown);
  g_autofree char *expected = g_strdup_printf ("byline: No article with id %s. "
                                               "Run “byline --list” to see the ids.\n", id);
  g_autofree char *out = tmp_path (fixture, "nothing.html");
  g_auto(BylineTestRun) run = { 0, };

  RUN (fixture, &run, "--database", fixture->db, "--export", id, "--output", out);
  assert_one_error_line (&run, 1);
  g_assert_cmpstr (run.err, ==, expected);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  RUN (fixture, &run, "--database", fixture->db, "--export", "seven", "--output", out);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "“seven”"));
  g_assert_nonnull (strstr (run.err, "byline --list"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_error_export (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *names[] = { "harbour-dredging.txt", NULL };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autofree char *out = tmp_path (fixture, "gone/away/page.html");
  g_autofree char *site = tmp_path (fixture, "site");
  g_auto(BylineTestRun) run = { 0, };

  RUN (fixture, &run, "--database", fixture->db, "--export", id, "--output", out);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, out));

  /* Only a draft: nothing to publish, and no empty site left behind. */
  RUN (fixture, &run, "--database", fixture->db, "--export", "all", "--output", site);
  assert_one_error_line (&run, 1);
  g_assert_nonnull (strstr (run.err, "Published"));
  g_assert_false (g_file_test (site, G_FILE_TEST_EXISTS));
}

static void
test_bad_usage (Fixture       *fixture,
                gconstpointer  data)
{
  /* Each names an action: without one, the program opens the window. */
  const char *cases[][6] = {
    { "--list", "--frobnicate", NULL },
    { "--export", "1", NULL },
    { "--export", "1", "--format", "pdf", "--output", NULL },
    { "--list", "--import", "notes.txt", NULL },
    { "--import", NULL },
    { "--list", "notes.txt", NULL },
    { "--output", "page.html", "--list", NULL },
    { "--export", "all", "--format", "ninjs", "--output", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) args = g_ptr_array_new ();
      g_auto(BylineTestRun) run = { 0, };

      g_ptr_array_add (args, (gpointer) "--database");
      g_ptr_array_add (args, fixture->db);
      for (guint j = 0; cases[i][j] != NULL; j++)
        g_ptr_array_add (args, (gpointer) cases[i][j]);
      /* "--output" last takes a path. */
      if (args->len > 2 && g_str_equal (g_ptr_array_index (args, args->len - 1), "--output"))
        g_ptr_array_add (args, (gpointer) "out.html");
      g_ptr_array_add (args, NULL);

      run_argv (fixture, &run, (const char **) args->pdata);
      assert_one_error_line (&run, 2);
      g_assert_nonnull (strstr (run.err, "byline --help"));
      g_assert_cmpstr (run.out, ==, "");
    }

  /* Bad usage never touched the database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(BylineTestRun) run = { 0, };

  /* Plain --help belongs to the window's application; with an action it
   * explains the command line. */
  RUN (fixture, &run, "--list", "--help");
  byline_test_run_assert_success (&run);
  g_assert_nonnull (strstr (run.out, "--import"));
  g_assert_nonnull (strstr (run.out, "--export"));
  g_assert_nonnull (strstr (run.out, "--database"));
}

/* --- the pre-publish check ------------------------------------------------ */

static gint64
save_check_article (BylineStore *store,
                    const char  *headline,
                    const char  *byline,
                    const char  *body,
                    const char  *language)
{
  g_autoptr(BylineArticle) article = byline_article_new ();

  byline_article_set_headline (article, headline);
  byline_article_set_byline (article, byline);
  byline_article_set_body (article, body);
  byline_article_set_language (article, language);

  return byline_test_save_article (store, article);
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(BylineStore) store = byline_test_store_new (fixture->db);
  g_autoptr(BylineArticle) published = byline_article_new ();
  g_autoptr(BylineArticle) good = NULL;
  g_autoptr(BylineArticle) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(BylineTestRun) run = { 0, };
  g_autofree char *good_id = NULL;
  g_autofree char *bad_id = NULL;
  g_autofree char *no_body_id = NULL;
  g_autofree char *french_id = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 draft;

  byline_article_set_headline (published, FERRY_HEADLINE);
  byline_article_set_body (published, "Fares rise.");
  byline_test_save_article (store, published);
  byline_store_set_status (store, published, BYLINE_STATUS_IN_REVIEW, "Desk", &error);
  byline_store_set_status (store, published, BYLINE_STATUS_APPROVED, "Desk", &error);
  byline_store_set_status (store, published, BYLINE_STATUS_PUBLISHED, "Desk", &error);
  g_assert_no_error (error);
  draft = save_check_article (store, "Ferry timetable changes", "Ben", "Not yet.", "en");

  /* Nothing wrong: no line, exit 0. British spelling in a British article. */
  good_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                             save_check_article (store, COUNCIL_HEADLINE, "Ada Reporter",
                                                 "The council met on Tuesday in the harbour office.", "en-GB"));
  good = byline_test_load_article (store, g_ascii_strtoll (good_id, NULL, 10));
  byline_article_add_pin (good, byline_pin_new (1, byline_article_get_id (published), FERRY_HEADLINE));
  byline_test_save_article (store, good);

  RUN (fixture, &run, "--database", fixture->db, "--check", good_id);
  byline_test_run_assert_success (&run);
  g_assert_cmpstr (run.out, ==, "");

  /* Everything wrong at once: blocking problems first. */
  bad_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                            save_check_article (store, "", "", "The councl met.\n\nSee `frobnicte`.", "en"));
  bad = byline_test_load_article (store, g_ascii_strtoll (bad_id, NULL, 10));
  byline_article_set_image (bad, "boats.jpg");
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (guint i = 0; i < 65; i++)
      g_string_append (text, "sea ");
    byline_article_set_caption (bad, text->str);
  }
  byline_article_add_pin (bad, byline_pin_new (1, draft, "Ferry timetable changes"));
  byline_article_add_pin (bad, byline_pin_new (2, 0, "Never written"));
  byline_test_save_article (store, bad);

  RUN (fixture, &run, "--database", fixture->db, "--check", bad_id);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "");
  lines = split_lines (run.out);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_cmpstr (lines[0], ==, "empty\theadline\tThe article has no headline.");
  g_assert_cmpstr (lines[1], ==, "link\tpins\tThe READ: link “Ferry timetable changes” after paragraph 1 "
                                 "leads to an article that is not published: publish it first, or remove the link.");
  g_assert_cmpstr (lines[2], ==, "empty\tbyline\tThe article has no byline.");
  g_assert_cmpstr (lines[3], ==, "link\tpins\tThe READ: link “Never written” after paragraph 2 names no "
                                 "article in the newsroom: it goes out as plain text.");
  g_assert_cmpstr (lines[4], ==, "image\timage-alt\tThe lead image has no description for readers who cannot see it.");
  g_assert_cmpstr (lines[5], ==, "budget\tcaption\tThe caption has 260 characters, 10 over its budget of 250.");
  g_assert_cmpstr (lines[6], ==, "spelling\tbody\t“councl” (line 1) is not in the dictionary.");
  g_clear_pointer (&lines, g_strfreev);

  /* No body blocks; a word the newsroom added is right. */
  no_body_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                save_check_article (store, "Zelenskyy visits", "Ada", "  \n\n", "en"));
  g_assert_true (byline_store_add_to_dictionary (store, "Zelenskyy", &error));
  g_assert_no_error (error);
  RUN (fixture, &run, "--database", fixture->db, "--check", no_body_id);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "empty\tbody\tThe article has no body.\n");

  /* In the article's own language, and a warning only: exit 0. Each
   * word on its own line of the body. */
  french_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                               save_check_article (store, "Le conseil vote", "Ada",
                                                   "Le conseill a voté \x1b[31mhier.\n\n"
                                                   "Le maire a parlé, le dépputé aussi.", "fr"));
  RUN (fixture, &run, "--database", fixture->db, "--check", french_id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "spelling\tbody\t“conseill” (line 1) is not in the dictionary.\n"
                                "spelling\tbody\t“dépputé” (line 3) is not in the dictionary.\n");

  /* A newsroom file written by hand may hold broken UTF-8 (a lone lead
   * byte before the line breaks here): the word and its line are the
   * ones the checker read. A server refuses such text. */
  if (!byline_test_on_server ())
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE articles SET body = CAST (X'4C65206D61697265C30A0A"
                                              "4C6520636F6E7365696C6C20766F74652E' AS TEXT) WHERE id = %s",
                                              french_id);

      byline_test_sql_exec (fixture->db, sql);
      RUN (fixture, &run, "--database", fixture->db, "--check", french_id);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, "spelling\tbody\t“conseill” (line 3) is not in the dictionary.\n");
    }

  /* An article that is not there. */
  RUN (fixture, &run, "--database", fixture->db, "--check", "999");
  assert_one_error_line (&run, 1);
  RUN (fixture, &run, "--database", fixture->db, "--check", good_id, "--list");
  assert_one_error_line (&run, 2);
}

/* Desks moving one article's state at once: whoever loses the race is
 * told in words for a command line (run it again), never the window's
 * "See their version". The race is real, so a conflict is likely, not
 * sure: rounds go on until one shows. */
static void
test_set_status_race (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char *names[] = { "council-budget.md", NULL };
  static const char *states[] = { "in-review", "approved", "published", "approved", "in-review", "draft" };
  g_autoptr(GArray) ids = import_samples (fixture, names);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, 0));
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                         G_SUBPROCESS_FLAGS_STDERR_PIPE);
  guint conflicts = 0;

  g_subprocess_launcher_set_environ (launcher, fixture->env);
  g_subprocess_launcher_set_cwd (launcher, fixture->tmp);

  for (guint round = 0; round < 40 && conflicts == 0; round++)
    {
      GSubprocess *processes[G_N_ELEMENTS (states)];

      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        {
          g_autoptr(GError) error = NULL;

          processes[i] = g_subprocess_launcher_spawn (launcher, &error, byline_test_bin (),
                                                      "--database", fixture->db,
                                                      "--set-status", id, states[i], NULL);
          g_assert_no_error (error);
        }

      for (guint i = 0; i < G_N_ELEMENTS (states); i++)
        {
          g_autoptr(GSubprocess) process = processes[i];
          g_autoptr(GError) error = NULL;
          g_autofree char *err = NULL;

          g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
          g_assert_no_error (error);
          g_assert_null (strstr (err, "See their version"));
          g_assert_null (strstr (err, "See that version"));
          if (strstr (err, "changed at another desk") != NULL)
            {
              g_assert_nonnull (strstr (err, "Run the command again."));
              g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
              conflicts++;
            }
        }
    }

  g_test_message ("%u lost races", conflicts);
  if (conflicts == 0)
    g_test_incomplete ("no two commands raced for the article in 40 rounds");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/byline/cli/wants", test_wants);
  ADD ("/byline/cli/help", test_help);
  ADD ("/byline/cli/import", test_import);
  ADD ("/byline/cli/import/partial", test_import_partial);
  ADD ("/byline/cli/import/bad-front-matter", test_import_bad_front_matter);
  ADD ("/byline/cli/import/not-a-file", test_import_not_a_file);
  ADD ("/byline/cli/import/killed", test_import_killed);
  ADD ("/byline/cli/list", test_list);
  ADD ("/byline/cli/terminal-safe", test_terminal_safe);
  ADD ("/byline/cli/export/html", test_export_html);
  ADD ("/byline/cli/export/settings", test_export_settings);
  ADD ("/byline/cli/export/ninjs", test_export_ninjs);
  ADD ("/byline/cli/export/all", test_export_all);
  ADD ("/byline/cli/export/remote-images", test_export_remote_images);
  ADD ("/byline/cli/import/picture", test_import_picture);
  ADD ("/byline/cli/errors/missing-database-folder", test_error_missing_database_folder);
  ADD ("/byline/cli/errors/not-a-database", test_error_not_a_database);
  ADD ("/byline/cli/read-only/file", test_read_only_file);
  ADD ("/byline/cli/read-only/folder", test_read_only_folder);
  ADD ("/byline/cli/errors/unknown-id", test_error_unknown_id);
  ADD ("/byline/cli/errors/export", test_error_export);
  ADD ("/byline/cli/errors/usage", test_bad_usage);
  ADD ("/byline/cli/check", test_check);
  ADD ("/byline/cli/set-status/race", test_set_status_race);

#undef ADD

  return g_test_run ();
}
