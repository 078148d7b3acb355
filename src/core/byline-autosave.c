/* byline-autosave.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "byline-autosave"

#include "config.h"

#include <string.h>

#include "byline-autosave.h"

#define DEFAULT_DELAY_MS 400
/* Someone typing without a pause still gets a write this often. */
#define MAX_WAIT_MS 1500

struct _BylineAutosave
{
  GObject        parent_instance;

  BylineStore   *store;
  BylineArticle *article;
  GCancellable  *cancellable;
  guint          delay;
  guint          timeout_id;
  /* Edits since the last save began; a save in flight does not clear it
   * until it succeeds, and edits made meanwhile keep it set. */
  guint          generation;
  guint          saved_generation;
  gint64         dirty_since;   /* monotonic µs of the first unsaved edit */
  guint          saving : 1;
};

G_DEFINE_FINAL_TYPE (BylineAutosave, byline_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ARTICLE,
  PROP_DELAY,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void schedule (BylineAutosave *self);

static gboolean
is_dirty (BylineAutosave *self)
{
  return self->generation != self->saved_generation;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  BylineStore *store = source_object;
  BylineArticle *copy = task_data;
  GError *error = NULL;

  if (byline_store_save_article (store, copy, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(BylineAutosave) self = user_data;
  g_autoptr(GError) error = NULL;
  BylineArticle *copy = g_task_get_task_data (G_TASK (result));
  guint generation = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "generation"));
  gboolean was_dirty = is_dirty (self);

  self->saving = FALSE;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_debug ("Autosave failed: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  /* The store fills these in; copying them back keeps the next save an update. */
  if (self->article != NULL && byline_article_get_id (self->article) == byline_article_get_id (copy))
    {
      g_signal_handlers_block_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      byline_article_set_slug (self->article, byline_article_get_slug (copy));
      byline_article_set_updated (self->article, byline_article_get_updated (copy));
      byline_article_set_uuid (self->article, byline_article_get_uuid (copy));
      byline_article_set_created (self->article, byline_article_get_created (copy));
      byline_article_set_version (self->article, byline_article_get_version (copy));
      byline_article_set_updated_by (self->article, byline_article_get_updated_by (copy));
      g_signal_handlers_unblock_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }

  self->saved_generation = MAX (self->saved_generation, generation);
  if (was_dirty != is_dirty (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);

  g_signal_emit (self, signals[SAVED], 0, copy);

  /* Typing went on while the disk was busy. */
  if (is_dirty (self))
    schedule (self);
}

static void
start_save (BylineAutosave *self)
{
  g_autoptr(GTask) task = NULL;
  BylineArticle *copy;

  g_assert (self->article != NULL);
  g_assert (!self->saving);

  /* A new article needs its id before any copy is saved, or every copy
   * would insert a row of its own: that first write happens here. */
  if (byline_article_get_id (self->article) == 0)
    {
      g_autoptr(GError) error = NULL;

      if (!byline_autosave_flush (self, &error))
        g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  copy = byline_article_copy (self->article);
  self->saving = TRUE;
  /* Edits from now on are not in this copy; their wait starts here. */
  self->dirty_since = g_get_monotonic_time ();

  task = g_task_new (self->store, self->cancellable, save_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_save);
  g_task_set_task_data (task, copy, g_object_unref);
  g_object_set_data (G_OBJECT (task), "generation", GUINT_TO_POINTER (self->generation));
  g_task_run_in_thread (task, save_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  BylineAutosave *self = user_data;

  self->timeout_id = 0;

  if (self->saving)
    return G_SOURCE_REMOVE;   /* save_done_cb schedules again */

  if (self->article != NULL && is_dirty (self))
    start_save (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (BylineAutosave *self)
{
  gint64 waited_ms = (g_get_monotonic_time () - self->dirty_since) / 1000;
  gint64 delay = MIN ((gint64)self->delay, MAX (0, MAX_WAIT_MS - waited_ms));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add ((guint)delay, timeout_cb, self);
}

static void
article_notify_cb (BylineAutosave *self,
                   GParamSpec     *pspec,
                   BylineArticle  *article)
{
  static const char * const store_owned[] = { "id", "uuid", "slug", "created", "updated",
                                              "version", "updated-by", NULL };
  gboolean was_dirty = is_dirty (self);

  /* The store sets these when it saves; they are not edits. */
  if (g_strv_contains (store_owned, pspec->name))
    return;

  self->generation++;
  if (!was_dirty)
    {
      self->dirty_since = g_get_monotonic_time ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  schedule (self);
}

static void
pins_changed_cb (BylineAutosave *self,
                 guint           position,
                 guint           removed,
                 guint           added,
                 GListModel     *pins)
{
  article_notify_cb (self, properties[PROP_ARTICLE], NULL);
}

static void
byline_autosave_dispose (GObject *object)
{
  BylineAutosave *self = (BylineAutosave *)object;

  if (self->article != NULL && is_dirty (self))
    {
      g_autoptr(GError) error = NULL;

      if (!byline_autosave_flush (self, &error))
        g_warning ("Could not save “%s” on close: %s",
                   byline_article_get_headline (self->article), error->message);
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  byline_autosave_set_article (self, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (byline_autosave_parent_class)->dispose (object);
}

static void
byline_autosave_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BylineAutosave *self = BYLINE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, is_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_autosave_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BylineAutosave *self = BYLINE_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      byline_autosave_set_article (self, g_value_get_object (value));
      break;
    case PROP_DELAY:
      byline_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
byline_autosave_class_init (BylineAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = byline_autosave_dispose;
  object_class->get_property = byline_autosave_get_property;
  object_class->set_property = byline_autosave_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, BYLINE_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, BYLINE_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 0, 60000, DEFAULT_DELAY_MS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After a write reached the disk; the argument is the copy that was written. */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, BYLINE_TYPE_ARTICLE);
  /* When a write failed; the article stays dirty and the next edit retries. */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
byline_autosave_init (BylineAutosave *self)
{
  self->delay = DEFAULT_DELAY_MS;
  self->cancellable = g_cancellable_new ();
}

BylineAutosave *
byline_autosave_new (BylineStore *store)
{
  g_return_val_if_fail (BYLINE_IS_STORE (store), NULL);

  return g_object_new (BYLINE_TYPE_AUTOSAVE, "store", store, NULL);
}

BylineArticle *
byline_autosave_get_article (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), NULL);
  return self->article;
}

void
byline_autosave_set_article (BylineAutosave *self,
                             BylineArticle  *article)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));
  g_return_if_fail (!article || BYLINE_IS_ARTICLE (article));

  if (self->article == article)
    return;

  if (self->article != NULL)
    {
      if (is_dirty (self))
        {
          g_autoptr(GError) error = NULL;

          if (!byline_autosave_flush (self, &error))
            g_signal_emit (self, signals[FAILED], 0, error);
        }

      g_signal_handlers_disconnect_by_data (self->article, self);
      g_signal_handlers_disconnect_by_data (byline_article_get_pins (self->article), self);
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_set_object (&self->article, article);
  self->saved_generation = self->generation;

  if (article != NULL)
    {
      g_signal_connect_swapped (article, "notify", G_CALLBACK (article_notify_cb), self);
      g_signal_connect_swapped (byline_article_get_pins (article), "items-changed",
                                G_CALLBACK (pins_changed_cb), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

guint
byline_autosave_get_delay (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), 0);
  return self->delay;
}

void
byline_autosave_set_delay (BylineAutosave *self,
                           guint           milliseconds)
{
  g_return_if_fail (BYLINE_IS_AUTOSAVE (self));

  if (self->delay != milliseconds)
    {
      self->delay = milliseconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
    }
}

gboolean
byline_autosave_get_dirty (BylineAutosave *self)
{
  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);
  return is_dirty (self);
}

gboolean
byline_autosave_flush (BylineAutosave  *self,
                       GError         **error)
{
  guint generation;

  g_return_val_if_fail (BYLINE_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->article == NULL || !is_dirty (self))
    return TRUE;

  /* A worker's older copy must not land after this newer write. */
  while (self->saving)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->article == NULL || !is_dirty (self))
    return TRUE;

  generation = self->generation;

  g_signal_handlers_block_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  if (!byline_store_save_article (self->store, self->article, error))
    {
      g_signal_handlers_unblock_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      return FALSE;
    }
  g_signal_handlers_unblock_matched (self->article, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);

  self->saved_generation = generation;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
  g_signal_emit (self, signals[SAVED], 0, self->article);

  return TRUE;
}
