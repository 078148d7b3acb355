/* byline-auto-revision.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-auto-revision"

#include "config.h"

#include "byline-auto-revision.h"
#include "byline-review.h"

struct _BylineAutoRevision
{
  GObject         parent_instance;

  BylineAutosave *autosave;
  char           *author;
  GCancellable   *cancellable;
  guint           holds;
  guint           busy : 1;
};

G_DEFINE_FINAL_TYPE (BylineAutoRevision, byline_auto_revision, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_AUTOSAVE,
  PROP_AUTHOR,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the worker reads: its own copies. */
typedef struct
{
  BylineStore   *store;
  BylineArticle *article;
  char          *author;
  gint64         now;
} Check;

static void
check_free (gpointer data)
{
  Check *check = data;

  g_clear_object (&check->store);
  g_clear_object (&check->article);
  g_free (check->author);
  g_free (check);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *check = task_data;
  GError *error = NULL;
  gboolean created = FALSE;

  if (byline_store_maybe_auto_revision (check->store, check->article, check->author, check->now,
                                        &created, &error))
    g_task_return_boolean (task, created);
  else
    g_task_return_error (task, error);
}

static void
set_busy (BylineAutoRevision *self,
          gboolean            busy)
{
  if (self->busy != !!busy)
    {
      self->busy = !!busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BylineAutoRevision *self = BYLINE_AUTO_REVISION (object);
  g_autoptr(GError) error = NULL;

  /* The text itself is saved; a missed automatic revision is retried
   * after the next save, so it is not worth interrupting the writer. */
  if (!g_task_propagate_boolean (G_TASK (result), &error) && error != NULL &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Could not store an automatic revision: %s", error->message);

  set_busy (self, FALSE);
}

/* After each write. The check reads the newest revision, and storing one
 * diffs every field against it: both run on a worker so a long body never
 * stalls typing. */
static void
saved_cb (BylineAutoRevision *self,
          BylineArticle      *saved,
          BylineAutosave     *autosave)
{
  g_autoptr(GTask) task = NULL;
  Check *check;

  if (self->busy || self->holds > 0 || self->author == NULL || byline_article_get_id (saved) <= 0)
    return;

  check = g_new0 (Check, 1);
  g_object_get (autosave, "store", &check->store, NULL);
  /* A flush hands over the watched article itself, which typing changes. */
  check->article = saved == byline_autosave_get_article (autosave)
                   ? byline_article_copy (saved) : g_object_ref (saved);
  check->author = g_strdup (self->author);
  check->now = g_get_real_time () / G_USEC_PER_SEC;

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, check_done_cb, NULL);
  g_task_set_source_tag (task, saved_cb);
  g_task_set_task_data (task, check, check_free);
  g_task_run_in_thread (task, check_thread);
}

static void
byline_auto_revision_constructed (GObject *object)
{
  BylineAutoRevision *self = (BylineAutoRevision *)object;

  G_OBJECT_CLASS (byline_auto_revision_parent_class)->constructed (object);

  g_assert (BYLINE_IS_AUTOSAVE (self->autosave));
  g_signal_connect_object (self->autosave, "saved", G_CALLBACK (saved_cb), self, G_CONNECT_SWAPPED);
}

static void
byline_auto_revision_dispose (GObject *object)
{
  BylineAutoRevision *self = (BylineAutoRevision *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->autosave != NULL)
    g_signal_handlers_disconnect_by_data (self->autosave, self);
  g_clear_object (&self->autosave);

  G_OBJECT_CLASS (byline_auto_revision_parent_class)->dispose (object);
}

static void
byline_auto_revision_finalize (GObject *object)
{
  BylineAutoRevision *self = (BylineAutoRevision *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->author, g_free);

  G_OBJECT_CLASS (byline_auto_revision_parent_class)->finalize (object);
}

static void
byline_auto_revision_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BylineAutoRevision *self = BYLINE_AUTO_REVISION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      g_value_set_object (value, self->autosave);
      break;
    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_auto_revision_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BylineAutoRevision *self = BYLINE_AUTO_REVISION (object);

  switch (prop_id)
    {
    case PROP_AUTOSAVE:
      self->autosave = g_value_dup_object (value);
      break;
    case PROP_AUTHOR:
      byline_auto_revision_set_author (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_auto_revision_class_init (BylineAutoRevisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = byline_auto_revision_constructed;
  object_class->dispose = byline_auto_revision_dispose;
  object_class->finalize = byline_auto_revision_finalize;
  object_class->get_property = byline_auto_revision_get_property;
  object_class->set_property = byline_auto_revision_set_property;

  properties[PROP_AUTOSAVE] =
    g_param_spec_object ("autosave", NULL, NULL, BYLINE_TYPE_AUTOSAVE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
byline_auto_revision_init (BylineAutoRevision *self)
{
  self->cancellable = g_cancellable_new ();
}

BylineAutoRevision *
byline_auto_revision_new (BylineAutosave *autosave)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (autosave), NULL);

  return g_object_new (BYLINE_TYPE_AUTO_REVISION, "autosave", autosave, NULL);
}

BylineAutosave *
byline_auto_revision_get_autosave (BylineAutoRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTO_REVISION (self), NULL);
  return self->autosave;
}

const char *
byline_auto_revision_get_author (BylineAutoRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTO_REVISION (self), NULL);
  return self->author;
}

void
byline_auto_revision_set_author (BylineAutoRevision *self,
                                 const char         *author)
{
  g_return_if_fail (BYLINE_IS_AUTO_REVISION (self));

  if (author != NULL && *author == '\0')
    author = NULL;

  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

void
byline_auto_revision_hold (BylineAutoRevision *self)
{
  g_return_if_fail (BYLINE_IS_AUTO_REVISION (self));
  self->holds++;
}

void
byline_auto_revision_release (BylineAutoRevision *self)
{
  g_return_if_fail (BYLINE_IS_AUTO_REVISION (self));
  g_return_if_fail (self->holds > 0);
  self->holds--;
}

gboolean
byline_auto_revision_get_busy (BylineAutoRevision *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTO_REVISION (self), FALSE);
  return self->busy;
}
