-- 0001-newsroom.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 1: the tables of the SQLite store (src/core/byline-store.c,
-- its schema 3) in a schema of their own, plus what a shared newsroom
-- needs: a version on every article, who changed what (from the database
-- role, never from the client), edit locks, the publication's settings and
-- the newsroom dictionary. Times are timestamptz set by the server, so the
-- desks' clocks do not matter.
--
-- The runner (README.md) runs this in one transaction under the migration
-- lock and records the step in byline.byline_schema. Never edit a step that
-- has shipped: add a new one.

CREATE SCHEMA byline;

-- One row per step applied; the newsroom's schema is max(version).
CREATE TABLE byline.byline_schema (
  version integer PRIMARY KEY CHECK (version > 0),
  applied timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT session_user
);

-- The states of src/core/byline-workflow.c, spelled as the SQLite store
-- spells them.
CREATE DOMAIN byline.status AS text
  CHECK (VALUE IN ('draft', 'in-review', 'approved', 'published', 'spiked'));

-- The text-search configuration for an article's language: the primary
-- subtag of a BCP 47 tag ("fr-CA", "pt_BR", "EN") picks one of the
-- configurations PostgreSQL 15 ships; anything else is split into words
-- without stemming. IMMUTABLE because the generated search column uses it:
-- the names resolve when the function is created.
CREATE FUNCTION byline.text_search_config (language text)
  RETURNS regconfig
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE lower(split_part(replace(coalesce(language, ''), '_', '-'), '-', 1))
  WHEN 'ar' THEN 'pg_catalog.arabic'::regconfig
  WHEN 'ca' THEN 'pg_catalog.catalan'::regconfig
  WHEN 'da' THEN 'pg_catalog.danish'::regconfig
  WHEN 'de' THEN 'pg_catalog.german'::regconfig
  WHEN 'el' THEN 'pg_catalog.greek'::regconfig
  WHEN 'en' THEN 'pg_catalog.english'::regconfig
  WHEN 'es' THEN 'pg_catalog.spanish'::regconfig
  WHEN 'eu' THEN 'pg_catalog.basque'::regconfig
  WHEN 'fi' THEN 'pg_catalog.finnish'::regconfig
  WHEN 'fr' THEN 'pg_catalog.french'::regconfig
  WHEN 'ga' THEN 'pg_catalog.irish'::regconfig
  WHEN 'hi' THEN 'pg_catalog.hindi'::regconfig
  WHEN 'hu' THEN 'pg_catalog.hungarian'::regconfig
  WHEN 'hy' THEN 'pg_catalog.armenian'::regconfig
  WHEN 'id' THEN 'pg_catalog.indonesian'::regconfig
  WHEN 'it' THEN 'pg_catalog.italian'::regconfig
  WHEN 'lt' THEN 'pg_catalog.lithuanian'::regconfig
  WHEN 'nb' THEN 'pg_catalog.norwegian'::regconfig
  WHEN 'ne' THEN 'pg_catalog.nepali'::regconfig
  WHEN 'nl' THEN 'pg_catalog.dutch'::regconfig
  WHEN 'nn' THEN 'pg_catalog.norwegian'::regconfig
  WHEN 'no' THEN 'pg_catalog.norwegian'::regconfig
  WHEN 'pt' THEN 'pg_catalog.portuguese'::regconfig
  WHEN 'ro' THEN 'pg_catalog.romanian'::regconfig
  WHEN 'ru' THEN 'pg_catalog.russian'::regconfig
  WHEN 'sr' THEN 'pg_catalog.serbian'::regconfig
  WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
  WHEN 'ta' THEN 'pg_catalog.tamil'::regconfig
  WHEN 'tr' THEN 'pg_catalog.turkish'::regconfig
  WHEN 'yi' THEN 'pg_catalog.yiddish'::regconfig
  ELSE 'pg_catalog.simple'::regconfig
END;

-- What search and related ranking read, weighted as the SQLite store
-- weighs its columns: A the headline, B the tags, C the standfirst and the
-- caption, D the body.
CREATE FUNCTION byline.article_search (language text, headline text, standfirst text,
                                       caption text, body text, tags text)
  RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN setweight(to_tsvector(byline.text_search_config(language), coalesce(headline, '')), 'A')
    || setweight(to_tsvector(byline.text_search_config(language), coalesce(tags, '')), 'B')
    || setweight(to_tsvector(byline.text_search_config(language), coalesce(standfirst, '')), 'C')
    || setweight(to_tsvector(byline.text_search_config(language), coalesce(caption, '')), 'C')
    || setweight(to_tsvector(byline.text_search_config(language), coalesce(body, '')), 'D');

CREATE TABLE byline.articles (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  uuid text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text,
  slug text NOT NULL DEFAULT '',
  section text NOT NULL DEFAULT '',
  headline text NOT NULL DEFAULT '',
  standfirst text NOT NULL DEFAULT '',
  byline text NOT NULL DEFAULT '',
  dateline text NOT NULL DEFAULT '',
  caption text NOT NULL DEFAULT '',
  credit text NOT NULL DEFAULT '',
  image text NOT NULL DEFAULT '',
  image_alt text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  -- "harbour, dredging": byline_article_dup_tags_string()
  tags text NOT NULL DEFAULT '',
  status byline.status NOT NULL DEFAULT 'draft',
  -- The one state a spiked article may be restored to.
  spiked_from byline.status CHECK (spiked_from <> 'spiked'),
  created timestamptz NOT NULL DEFAULT now(),
  updated timestamptz NOT NULL DEFAULT now(),
  published timestamptz,
  language text NOT NULL DEFAULT 'en',
  trashed timestamptz,
  -- Bumped by a trigger on every update: a save names the version it
  -- edited, so a stale save changes nothing.
  version bigint NOT NULL DEFAULT 1,
  created_by text NOT NULL DEFAULT session_user,
  updated_by text NOT NULL DEFAULT session_user,
  search tsvector GENERATED ALWAYS AS
    (byline.article_search(language, headline, standfirst, caption, body, tags)) STORED,
  CHECK (spiked_from IS NULL OR status = 'spiked')
);

-- The sidebar's lists: live articles newest first, by state, the Trash
-- (as the SQLite store's schema 3 indexes them).
CREATE INDEX articles_live ON byline.articles (updated DESC, id DESC)
  WHERE trashed IS NULL;
CREATE INDEX articles_live_by_status ON byline.articles (status, updated DESC, id DESC)
  WHERE trashed IS NULL;
CREATE INDEX articles_in_trash ON byline.articles (updated DESC, id DESC)
  WHERE trashed IS NOT NULL;
CREATE INDEX articles_by_headline ON byline.articles (lower(headline));
CREATE INDEX articles_search ON byline.articles USING gin (search);

-- Who and which version: never taken from the client.
CREATE FUNCTION byline.articles_stamp ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.version := 1;
    NEW.created_by := session_user;
    NEW.updated := now();
  ELSE
    NEW.version := OLD.version + 1;
    NEW.created_by := OLD.created_by;
    NEW.created := OLD.created;
    -- Moving to and from the Trash keeps the article's place in the lists,
    -- as it does in the SQLite store.
    IF NEW.trashed IS NOT DISTINCT FROM OLD.trashed THEN
      NEW.updated := now();
    END IF;
  END IF;
  NEW.updated_by := session_user;
  RETURN NEW;
END;
$$;

CREATE TRIGGER articles_stamp BEFORE INSERT OR UPDATE ON byline.articles
  FOR EACH ROW EXECUTE FUNCTION byline.articles_stamp();

CREATE TABLE byline.pins (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES byline.articles (id) ON DELETE CASCADE,
  sort integer NOT NULL,
  position integer NOT NULL CHECK (position >= 0),
  related_id bigint REFERENCES byline.articles (id) ON DELETE SET NULL,
  headline text NOT NULL DEFAULT '',
  CHECK (related_id IS DISTINCT FROM article_id)
);

CREATE INDEX pins_by_article ON byline.pins (article_id, sort);
CREATE INDEX pins_by_related ON byline.pins (related_id);

-- A pin keeps the last headline it saw, so it still reads right if the
-- related article is deleted later. SECURITY DEFINER: a reporter renaming a
-- draft updates the pins of published articles that point at it, which
-- the reporter could not write directly.
CREATE FUNCTION byline.pins_follow_headline ()
  RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  UPDATE byline.pins SET headline = NEW.headline WHERE related_id = NEW.id;
  RETURN NULL;
END;
$$;

CREATE TRIGGER pins_follow_headline AFTER UPDATE OF headline ON byline.articles
  FOR EACH ROW WHEN (OLD.headline IS DISTINCT FROM NEW.headline)
  EXECUTE FUNCTION byline.pins_follow_headline();

CREATE TABLE byline.revisions (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES byline.articles (id) ON DELETE CASCADE,
  created timestamptz NOT NULL DEFAULT now(),
  author text NOT NULL DEFAULT session_user,
  status byline.status NOT NULL,
  reason text NOT NULL CHECK (reason IN ('state', 'manual', 'auto', 'restore')),
  headline text NOT NULL DEFAULT '',
  standfirst text NOT NULL DEFAULT '',
  byline text NOT NULL DEFAULT '',
  dateline text NOT NULL DEFAULT '',
  caption text NOT NULL DEFAULT '',
  credit text NOT NULL DEFAULT '',
  image text NOT NULL DEFAULT '',
  image_alt text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  tags text NOT NULL DEFAULT '',
  section text NOT NULL DEFAULT '',
  published timestamptz,
  language text NOT NULL DEFAULT 'en',
  words_added integer NOT NULL DEFAULT 0 CHECK (words_added >= 0),
  words_removed integer NOT NULL DEFAULT 0 CHECK (words_removed >= 0)
);

CREATE INDEX revisions_by_article ON byline.revisions (article_id, created DESC, id DESC);

-- Oldest first by id: the order the changes were committed in, since each
-- is made holding the article's row lock (byline.set_status()).
CREATE TABLE byline.status_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES byline.articles (id) ON DELETE CASCADE,
  created timestamptz NOT NULL DEFAULT now(),
  author text NOT NULL DEFAULT session_user,
  from_status byline.status NOT NULL,
  to_status byline.status NOT NULL
);

CREATE INDEX status_events_by_article ON byline.status_events (article_id, id);

-- anchor_start/anchor_end: characters into the body, NULL for a note on
-- the whole article; a reply has its thread's anchor.
CREATE TABLE byline.notes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES byline.articles (id) ON DELETE CASCADE,
  parent_id bigint REFERENCES byline.notes (id) ON DELETE CASCADE,
  author text NOT NULL DEFAULT session_user,
  created timestamptz NOT NULL DEFAULT now(),
  text text NOT NULL,
  anchor_start integer,
  anchor_end integer,
  anchor_text text NOT NULL DEFAULT '',
  resolved timestamptz,
  CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),
  CHECK (anchor_start IS NULL OR (anchor_start >= 0 AND anchor_end > anchor_start))
);

CREATE INDEX notes_by_article ON byline.notes (article_id, parent_id, resolved);
CREATE INDEX notes_by_parent ON byline.notes (parent_id);

-- The body the notes' anchors were last worked out against.
CREATE TABLE byline.notes_base (
  article_id bigint PRIMARY KEY REFERENCES byline.articles (id) ON DELETE CASCADE,
  body text NOT NULL
);

-- Revisions, status events and notes say who wrote them: the person logged
-- in, whatever the client sent.
CREATE FUNCTION byline.stamp_author ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  NEW.author := session_user;
  NEW.created := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER revisions_stamp BEFORE INSERT ON byline.revisions
  FOR EACH ROW EXECUTE FUNCTION byline.stamp_author();
CREATE TRIGGER status_events_stamp BEFORE INSERT ON byline.status_events
  FOR EACH ROW EXECUTE FUNCTION byline.stamp_author();
CREATE TRIGGER notes_stamp BEFORE INSERT ON byline.notes
  FOR EACH ROW EXECUTE FUNCTION byline.stamp_author();

-- Who is editing what. holder is the database role; holder_name what the
-- other desks show ("Ana Ruiz"); desk tells one window or machine from
-- another of the same person. A lock whose heartbeat is older than
-- byline.lock_lapse() is free for anyone to take.
CREATE TABLE byline.edit_locks (
  article_id bigint PRIMARY KEY REFERENCES byline.articles (id) ON DELETE CASCADE,
  holder text NOT NULL,
  holder_name text NOT NULL DEFAULT '',
  desk text NOT NULL CHECK (desk <> ''),
  acquired timestamptz NOT NULL DEFAULT now(),
  heartbeat timestamptz NOT NULL DEFAULT now()
);

-- The masthead (src/core/byline-publication.c), one row for the newsroom.
CREATE TABLE byline.publication (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  name text NOT NULL DEFAULT 'The Byline Courier',
  tagline text NOT NULL DEFAULT 'Independent news from the harbour city',
  base_url text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'en',
  updated timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL DEFAULT session_user
);

INSERT INTO byline.publication DEFAULT VALUES;

CREATE FUNCTION byline.publication_stamp ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  NEW.updated := now();
  NEW.updated_by := session_user;
  RETURN NEW;
END;
$$;

CREATE TRIGGER publication_stamp BEFORE UPDATE ON byline.publication
  FOR EACH ROW EXECUTE FUNCTION byline.publication_stamp();

-- Words the newsroom spells its own way, for the spell checker.
CREATE TABLE byline.dictionary (
  word text PRIMARY KEY CHECK (word <> '' AND word !~ '\s'),
  added_by text NOT NULL DEFAULT session_user,
  added timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION byline.dictionary_stamp ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  NEW.added_by := session_user;
  NEW.added := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER dictionary_stamp BEFORE INSERT ON byline.dictionary
  FOR EACH ROW EXECUTE FUNCTION byline.dictionary_stamp();

-- Live updates: every change says which table, which article, the
-- article's version after it and who made it, never the row itself (a
-- payload must stay under 8000 bytes, and a listener must not learn more
-- than it may read). A desk reloads what it shows of that article.
-- PostgreSQL folds identical payloads within a transaction into one, so a
-- save that rewrites twenty pins sends one "pins" notification.
CREATE FUNCTION byline.notify_article_change ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  changed_article bigint;
  changed_version bigint;
BEGIN
  -- Field by field: copying the row would copy the body too.
  IF TG_OP = 'DELETE' THEN
    changed_article := OLD.id;
    changed_version := OLD.version;
  ELSE
    changed_article := NEW.id;
    changed_version := NEW.version;
  END IF;
  PERFORM pg_notify('byline_changes',
                    json_build_object('table', TG_TABLE_NAME,
                                      'article', changed_article,
                                      'version', changed_version,
                                      'by', session_user)::text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION byline.notify_change ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
DECLARE
  changed_article bigint;
  changed_version bigint;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed_article := OLD.article_id;
  ELSE
    changed_article := NEW.article_id;
  END IF;
  -- NULL once the article itself is gone (a cascade from its deletion).
  SELECT a.version INTO changed_version FROM byline.articles a WHERE a.id = changed_article;
  PERFORM pg_notify('byline_changes',
                    json_build_object('table', TG_TABLE_NAME,
                                      'article', changed_article,
                                      'version', changed_version,
                                      'by', session_user)::text);
  RETURN NULL;
END;
$$;

CREATE FUNCTION byline.notify_publication_change ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  PERFORM pg_notify('byline_changes',
                    json_build_object('table', TG_TABLE_NAME,
                                      'article', NULL,
                                      'version', NULL,
                                      'by', session_user)::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE OR DELETE ON byline.articles
  FOR EACH ROW EXECUTE FUNCTION byline.notify_article_change();
CREATE TRIGGER pins_notify AFTER INSERT OR UPDATE OR DELETE ON byline.pins
  FOR EACH ROW EXECUTE FUNCTION byline.notify_change();
CREATE TRIGGER revisions_notify AFTER INSERT OR UPDATE OR DELETE ON byline.revisions
  FOR EACH ROW EXECUTE FUNCTION byline.notify_change();
CREATE TRIGGER status_events_notify AFTER INSERT OR UPDATE OR DELETE ON byline.status_events
  FOR EACH ROW EXECUTE FUNCTION byline.notify_change();
CREATE TRIGGER notes_notify AFTER INSERT OR UPDATE OR DELETE ON byline.notes
  FOR EACH ROW EXECUTE FUNCTION byline.notify_change();
-- A heartbeat only moves the time: the other desks work out a lapse from
-- the time they read, and are told when the holder changes.
CREATE TRIGGER edit_locks_notify_insert_delete AFTER INSERT OR DELETE ON byline.edit_locks
  FOR EACH ROW EXECUTE FUNCTION byline.notify_change();
CREATE TRIGGER edit_locks_notify_update AFTER UPDATE ON byline.edit_locks
  FOR EACH ROW
  WHEN (OLD.holder IS DISTINCT FROM NEW.holder OR OLD.desk IS DISTINCT FROM NEW.desk
        OR OLD.holder_name IS DISTINCT FROM NEW.holder_name)
  EXECUTE FUNCTION byline.notify_change();
CREATE TRIGGER publication_notify AFTER UPDATE ON byline.publication
  FOR EACH ROW EXECUTE FUNCTION byline.notify_publication_change();
