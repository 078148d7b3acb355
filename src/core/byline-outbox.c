/* byline-outbox.c
 *
 * Copyright 2026 The Byline authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An article waiting in the outbox is kept as JSON (json-glib) made from
 * the field table, so a field added to articles is kept here too, with its
 * pins; the file is a small SQLite database through the store's SQL
 * layer, so a kill never leaves half an entry. */

#define G_LOG_DOMAIN "byline-outbox"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "byline-article-fields.h"
#include "byline-outbox.h"
#include "byline-pin.h"
#include "byline-sql.h"

struct _BylineOutbox
{
  GObject    parent_instance;

  BylineSql *sql;
};

G_DEFINE_FINAL_TYPE (BylineOutbox, byline_outbox, G_TYPE_OBJECT)

static void
byline_outbox_finalize (GObject *object)
{
  BylineOutbox *self = (BylineOutbox *)object;

  g_clear_pointer (&self->sql, byline_sql_close);

  G_OBJECT_CLASS (byline_outbox_parent_class)->finalize (object);
}

static void
byline_outbox_class_init (BylineOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = byline_outbox_finalize;
}

static void
byline_outbox_init (BylineOutbox *self)
{
}

char *
byline_outbox_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "byline", "outbox.db", NULL);
}

BylineOutbox *
byline_outbox_new (const char  *path,
                   GError     **error)
{
  g_autoptr(BylineOutbox) self = g_object_new (BYLINE_TYPE_OUTBOX, NULL);
  g_autofree char *default_path = NULL;
  const char *doing = _("open the outbox");

  if (path == NULL)
    {
      g_autofree char *folder = NULL;

      path = default_path = byline_outbox_dup_default_path ();
      folder = g_path_get_dirname (path);
      g_mkdir_with_parents (folder, 0700);
    }

  self->sql = byline_sql_open (path, error);
  if (self->sql == NULL)
    return NULL;

  byline_sql_set_busy_timeout (self->sql, 5000);
  if (!byline_sql_exec (self->sql,
                        "PRAGMA journal_mode = WAL;"
                        "CREATE TABLE IF NOT EXISTS outbox ("
                        "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                        "  newsroom TEXT NOT NULL,"
                        "  uuid TEXT NOT NULL,"
                        "  article TEXT NOT NULL,"
                        "  queued INTEGER NOT NULL,"
                        "  UNIQUE (newsroom, uuid)"
                        ");",
                        doing, error))
    return NULL;

  return g_steal_pointer (&self);
}

static char *
article_to_json (BylineArticle *article)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *pins = byline_article_get_pins (article);

  json_builder_begin_object (builder);
  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      json_builder_set_member_name (builder, field->name);
      if (byline_article_field_is_text (field))
        {
          g_autofree char *text = byline_article_field_dup_text (field, article);

          json_builder_add_string_value (builder, text);
        }
      else
        json_builder_add_int_value (builder, byline_article_field_get_int (field, article));
    }

  json_builder_set_member_name (builder, "pins");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (pins); i++)
    {
      g_autoptr(BylinePin) pin = g_list_model_get_item (pins, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, byline_pin_get_position (pin));
      json_builder_set_member_name (builder, "related_id");
      json_builder_add_int_value (builder, byline_pin_get_related_id (pin));
      json_builder_set_member_name (builder, "headline");
      json_builder_add_string_value (builder, byline_pin_get_headline (pin));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static BylineArticle *
article_from_json (const char  *text,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(BylineArticle) article = byline_article_new ();
  JsonObject *object;
  JsonArray *pins;

  if (!json_parser_load_from_data (parser, text, -1, error))
    return NULL;

  object = json_node_get_object (json_parser_get_root (parser));
  if (object == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("An entry of the outbox is damaged."));
      return NULL;
    }

  for (guint i = 0; i < BYLINE_N_ARTICLE_FIELDS; i++)
    {
      const BylineArticleField *field = &byline_article_fields[i];

      if (!json_object_has_member (object, field->name))
        continue;

      if (byline_article_field_is_text (field))
        byline_article_field_set_text (field, article,
                                       json_object_get_string_member_with_default (object, field->name, ""));
      else
        byline_article_field_set_int (field, article,
                                      json_object_get_int_member_with_default (object, field->name, 0));
    }

  pins = json_object_has_member (object, "pins") ? json_object_get_array_member (object, "pins") : NULL;
  for (guint i = 0; pins != NULL && i < json_array_get_length (pins); i++)
    {
      JsonObject *pin = json_array_get_object_element (pins, i);

      if (pin == NULL)
        continue;
      byline_article_add_pin (article,
                              byline_pin_new ((guint)json_object_get_int_member_with_default (pin, "position", 0),
                                              json_object_get_int_member_with_default (pin, "related_id", 0),
                                              json_object_get_string_member_with_default (pin, "headline", "")));
    }

  return g_steal_pointer (&article);
}

gboolean
byline_outbox_push (BylineOutbox   *self,
                    const char     *newsroom,
                    BylineArticle  *article,
                    GError        **error)
{
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(BylineArticle) kept = NULL;
  g_autofree char *json = NULL;
  const char *doing = _("keep the article on this computer");

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);
  g_return_val_if_fail (newsroom != NULL, FALSE);
  g_return_val_if_fail (BYLINE_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (*byline_article_get_uuid (article) != '\0', FALSE);

  locker = byline_sql_locker_new (self->sql);

  /* The version to send it against is the one the first waiting text was
   * edited from: what this desk last had from the server. */
  kept = byline_article_copy (article);
  stmt = byline_sql_prepare (self->sql, "SELECT article FROM outbox WHERE newsroom = ?1 AND uuid = ?2",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, newsroom);
  byline_sql_bind_text (stmt, 2, byline_article_get_uuid (article));
  if (byline_sql_next (self->sql, stmt, doing, NULL))
    {
      g_autoptr(BylineArticle) waiting = article_from_json (byline_sql_column_text (stmt, 0), NULL);

      if (waiting != NULL)
        byline_article_set_version (kept, byline_article_get_version (waiting));
    }
  g_clear_pointer (&stmt, byline_sql_stmt_release);

  json = article_to_json (kept);
  stmt = byline_sql_prepare (self->sql,
                             "INSERT INTO outbox (newsroom, uuid, article, queued) VALUES (?1, ?2, ?3, ?4)"
                             " ON CONFLICT (newsroom, uuid) DO UPDATE SET article = excluded.article",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, newsroom);
  byline_sql_bind_text (stmt, 2, byline_article_get_uuid (article));
  byline_sql_bind_text (stmt, 3, json);
  byline_sql_bind_int64 (stmt, 4, g_get_real_time () / G_USEC_PER_SEC);

  return byline_sql_run (self->sql, stmt, doing, error);
}

GPtrArray *
byline_outbox_list (BylineOutbox  *self,
                    const char    *newsroom,
                    GError       **error)
{
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;
  const char *doing = _("read the outbox");

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (newsroom != NULL, NULL);

  locker = byline_sql_locker_new (self->sql);
  stmt = byline_sql_prepare (self->sql, "SELECT article FROM outbox WHERE newsroom = ?1 ORDER BY seq",
                             doing, error);
  if (stmt == NULL)
    return NULL;
  byline_sql_bind_text (stmt, 1, newsroom);

  while (byline_sql_next (self->sql, stmt, doing, &local_error))
    {
      g_autoptr(GError) damaged = NULL;
      BylineArticle *article = article_from_json (byline_sql_column_text (stmt, 0), &damaged);

      if (article != NULL)
        g_ptr_array_add (articles, article);
      else
        g_warning ("Skipping an outbox entry: %s", damaged->message);
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&articles);
}

gboolean
byline_outbox_remove (BylineOutbox   *self,
                      const char     *newsroom,
                      BylineArticle  *article,
                      GError        **error)
{
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  const char *doing = _("clear the outbox");

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), FALSE);

  locker = byline_sql_locker_new (self->sql);
  stmt = byline_sql_prepare (self->sql, "DELETE FROM outbox WHERE newsroom = ?1 AND uuid = ?2",
                             doing, error);
  if (stmt == NULL)
    return FALSE;
  byline_sql_bind_text (stmt, 1, newsroom);
  byline_sql_bind_text (stmt, 2, byline_article_get_uuid (article));

  return byline_sql_run (self->sql, stmt, doing, error);
}

guint
byline_outbox_count (BylineOutbox *self,
                     const char   *newsroom)
{
  g_autoptr(BylineSqlLocker) locker = NULL;
  g_autoptr(BylineSqlStmt) stmt = NULL;
  guint count = 0;

  g_return_val_if_fail (BYLINE_IS_OUTBOX (self), 0);

  locker = byline_sql_locker_new (self->sql);
  stmt = byline_sql_prepare (self->sql, "SELECT count(*) FROM outbox WHERE newsroom = ?1", "count", NULL);
  if (stmt == NULL)
    return 0;
  byline_sql_bind_text (stmt, 1, newsroom);
  if (byline_sql_next (self->sql, stmt, "count", NULL))
    count = (guint)byline_sql_column_int64 (stmt, 0);

  return count;
}
