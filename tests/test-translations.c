/* test-translations.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-translations"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "byline-article.h"
#include "byline-cli.h"
#include "byline-workflow.h"

/* The program's own code and the message catalogues the build compiles
 * from po/ (laid out as LANG/LC_MESSAGES/byline.mo): what a French or an
 * Arabic reader sees. Each language runs in a child process, since gettext
 * reads LANGUAGE once per process. */

typedef struct
{
  const char *language;
  /* byline_status_get_label (PUBLISHED), and the field label of the same
   * English word, which must stay apart */
  const char *published_state;
  const char *published_field;
  /* byline_workflow_check (DRAFT → PUBLISHED) names the state it refused */
  const char *refusal;
  /* ngettext ("%u article", "%u articles", n) for n = 0, 1, 2, 3, 11, 100 */
  const char *articles[6];
  /* `byline --list --help`: the summary, then an option's description */
  const char *help;
} Language;

static const Language french = {
  "fr",
  "Publié",
  "Date de publication",
  "Un brouillon ne peut passer qu’à l’état En relecture, pas à l’état «\u202fPublié\u202f». "
  "Envoyez-le d’abord en relecture.",
  { "0 article", "1 article", "2 articles", "3 articles", "11 articles", "100 articles" },
  "*Importe, liste et exporte les articles de la rédaction\u00a0:*"
  "*--list*Liste les articles\u00a0: identifiant, état, dernière modification et titre*",
};

static const Language arabic = {
  "ar",
  "منشور",
  "تاريخ النشر",
  "لا يمكن للمسودة أن تنتقل إلا إلى «قيد المراجعة»، لا إلى «منشور». أرسلها إلى المراجعة أولًا.",
  /* Arabic has six plural forms: zero, one, two, a few, many, other */
  { "0 مقالة", "1 مقالة", "2 مقالتان", "3 مقالات", "11 مقالة", "100 مقالة" },
  "*يستورد مقالات غرفة الأخبار ويسردها ويصدّرها:*"
  "*--list*اسرد المقالات: المعرّف، والحالة، وآخر تغيير، والعنوان*",
};

static void
use_catalogues (const char *language)
{
  g_autofree char *dir = NULL;
  const char *build_root = g_getenv ("BYLINE_BUILD_ROOT");

  g_assert_nonnull (build_root);
  dir = g_build_filename (build_root, "po", NULL);

  /* LC_ALL is C.UTF-8 in the tests, where glibc honours LANGUAGE. */
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static void
test_language (gconstpointer data)
{
  const Language *lang = data;

  if (g_test_subprocess ())
    {
      static const guint counts[] = { 0, 1, 2, 3, 11, 100 };
      char *argv[] = { (char *)"byline", (char *)"--list", (char *)"--help", NULL };
      g_autoptr(GError) error = NULL;

      use_catalogues (lang->language);

      g_assert_cmpstr (byline_status_get_label (BYLINE_STATUS_PUBLISHED), ==, lang->published_state);
      g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "article field", "Published"), ==,
                       lang->published_field);

      g_assert_false (byline_workflow_check (BYLINE_STATUS_DRAFT, BYLINE_STATUS_DRAFT,
                                             BYLINE_STATUS_PUBLISHED, &error));
      g_assert_cmpstr (error->message, ==, lang->refusal);

      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          g_autofree char *text = g_strdup_printf (ngettext ("%u article", "%u articles", counts[i]),
                                                   counts[i]);
          g_assert_cmpstr (text, ==, lang->articles[i]);
        }

      /* Prints the help and exits. */
      byline_cli_main (3, argv);
      g_assert_not_reached ();
    }

  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (lang->help);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/translations/french", &french, test_language);
  g_test_add_data_func ("/translations/arabic", &arabic, test_language);

  return g_test_run ();
}
