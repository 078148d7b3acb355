-- 0002-roles.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 2: who may do what, enforced by the server so that raw SQL
-- from a reporter's connection is refused as the program would refuse it.
--
-- Two group roles, shared by every newsroom database of the cluster:
--   byline_reporter  writes drafts, edits drafts and articles in review,
--                    sends them to review and back;
--   byline_editor    everything a reporter may, and approves, publishes,
--                    unpublishes, spikes and restores, edits approved and
--                    published articles, deletes for good, sets the
--                    masthead.
-- A person logs in with their own role, a member of one of them.
--
-- Byline judges the person who logged in (session_user), in the
-- SECURITY DEFINER functions and in the row-level policies alike: SET ROLE
-- changes which table privileges apply, never what the workflow allows,
-- and a superuser counts as an editor. The tables' owner (the role that ran
-- these steps) is not subject to row-level security: keep it for
-- administration, not for writing.

DO $$
DECLARE
  missing text[];
  r text;
BEGIN
  SELECT coalesce(array_agg(g ORDER BY g), '{}') INTO missing
    FROM unnest(ARRAY['byline_reporter', 'byline_editor']) AS g
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = g);

  IF cardinality(missing) = 0 THEN
    RETURN;
  END IF;

  IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
    RAISE EXCEPTION 'Byline needs the group roles byline_reporter and byline_editor, and the role "%" may not create roles. Ask a database administrator to run: %',
                    current_user,
                    (SELECT string_agg(format('CREATE ROLE %I NOLOGIN;', g), ' ') FROM unnest(missing) AS g)
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Then connect again: Byline sets up the rest of the newsroom itself.';
  END IF;

  FOREACH r IN ARRAY missing LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I NOLOGIN', r);
    EXCEPTION
      -- Another newsroom database of the cluster created it meanwhile (the
      -- migration lock is per database).
      WHEN duplicate_object OR unique_violation THEN
        NULL;
    END;
  END LOOP;
END;
$$;

CREATE FUNCTION byline.is_editor ()
  RETURNS boolean
  LANGUAGE sql STABLE
RETURN pg_catalog.pg_has_role(session_user, 'byline_editor', 'MEMBER');

CREATE FUNCTION byline.is_member ()
  RETURNS boolean
  LANGUAGE sql STABLE
RETURN pg_catalog.pg_has_role(session_user, 'byline_editor', 'MEMBER')
    OR pg_catalog.pg_has_role(session_user, 'byline_reporter', 'MEMBER');

-- Whether the person may change an article's text (and its pins, its
-- revisions, its place in the Trash) while it is in @status.
CREATE FUNCTION byline.may_edit (status text)
  RETURNS boolean
  LANGUAGE sql STABLE
RETURN byline.is_editor() OR (status IN ('draft', 'in-review') AND byline.is_member());

CREATE FUNCTION byline.may_edit_article (article_id bigint)
  RETURNS boolean
  LANGUAGE sql STABLE
RETURN (SELECT byline.may_edit(a.status) FROM byline.articles a WHERE a.id = article_id);

REVOKE ALL ON SCHEMA byline FROM PUBLIC;
GRANT USAGE ON SCHEMA byline TO byline_reporter, byline_editor;

-- Functions are executable by PUBLIC unless told otherwise (and a default
-- privilege per schema cannot take that away): each step that adds
-- functions ends by handing them to the two groups alone.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA byline TO byline_reporter, byline_editor;

GRANT SELECT ON byline.byline_schema, byline.articles, byline.pins, byline.revisions,
  byline.status_events, byline.notes, byline.notes_base, byline.edit_locks,
  byline.publication, byline.dictionary
  TO byline_reporter, byline_editor;

-- Articles. The state, the published time, where a spiked article goes
-- back to, the version and the names are nobody's to write directly: the
-- state moves only through byline.set_status() (0003-workflow.sql), the
-- rest through triggers. A new article may say its state so that an editor
-- can import published work; the policy keeps a reporter's to drafts.
GRANT INSERT (uuid, slug, section, headline, standfirst, byline, dateline, caption, credit,
              image, image_alt, body, tags, language, created, status, published, spiked_from)
  ON byline.articles TO byline_reporter, byline_editor;
GRANT UPDATE (slug, section, headline, standfirst, byline, dateline, caption, credit,
              image, image_alt, body, tags, language, trashed)
  ON byline.articles TO byline_reporter, byline_editor;
GRANT DELETE ON byline.articles TO byline_editor;

ALTER TABLE byline.articles ENABLE ROW LEVEL SECURITY;

CREATE POLICY articles_read ON byline.articles FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY articles_insert ON byline.articles FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.is_editor()
              OR (byline.is_member() AND status = 'draft' AND published IS NULL
                  AND spiked_from IS NULL));
-- Every row may be aimed at, so that a reporter saving an approved article
-- gets an error (SQLSTATE 42501) rather than a save that quietly changed
-- nothing; zero rows then always means the version was stale.
CREATE POLICY articles_update ON byline.articles FOR UPDATE
  TO byline_reporter, byline_editor
  USING (true)
  WITH CHECK (byline.may_edit(status));
CREATE POLICY articles_delete ON byline.articles FOR DELETE
  TO byline_editor
  USING (byline.is_editor());

-- Pins are written with their article, under the same rule.
GRANT INSERT (article_id, sort, position, related_id, headline), DELETE
  ON byline.pins TO byline_reporter, byline_editor;

ALTER TABLE byline.pins ENABLE ROW LEVEL SECURITY;

CREATE POLICY pins_read ON byline.pins FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY pins_insert ON byline.pins FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.may_edit_article(article_id));
CREATE POLICY pins_delete ON byline.pins FOR DELETE
  TO byline_reporter, byline_editor
  USING (byline.may_edit_article(article_id));

-- Revisions are history: added, never changed. A person adds them only to
-- articles they may edit (a revision is text someone may restore later).
GRANT INSERT (article_id, status, reason, headline, standfirst, byline, dateline, caption,
              credit, image, image_alt, body, tags, section, published, language,
              words_added, words_removed)
  ON byline.revisions TO byline_reporter, byline_editor;

ALTER TABLE byline.revisions ENABLE ROW LEVEL SECURITY;

CREATE POLICY revisions_read ON byline.revisions FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY revisions_insert ON byline.revisions FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.may_edit_article(article_id));

-- Notes: anyone on the desk comments on any article, resolves and reopens
-- threads, and moves anchors after an edit; a note is deleted by the one
-- who wrote it or by an editor.
GRANT INSERT (article_id, parent_id, text, anchor_start, anchor_end, anchor_text),
      UPDATE (resolved, anchor_start, anchor_end),
      DELETE
  ON byline.notes TO byline_reporter, byline_editor;

ALTER TABLE byline.notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY notes_read ON byline.notes FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY notes_insert ON byline.notes FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.is_member());
CREATE POLICY notes_update ON byline.notes FOR UPDATE
  TO byline_reporter, byline_editor
  USING (true)
  WITH CHECK (byline.is_member());
CREATE POLICY notes_delete ON byline.notes FOR DELETE
  TO byline_reporter, byline_editor
  USING (author = session_user OR byline.is_editor());

GRANT INSERT, UPDATE ON byline.notes_base TO byline_reporter, byline_editor;

-- Status events and edit locks are written only by the functions of
-- 0003-workflow.sql; the masthead only by editors.
GRANT UPDATE (name, tagline, base_url, language) ON byline.publication TO byline_editor;

-- The dictionary: anyone adds a word; its adder or an editor removes it.
GRANT INSERT (word), DELETE ON byline.dictionary TO byline_reporter, byline_editor;

ALTER TABLE byline.dictionary ENABLE ROW LEVEL SECURITY;

CREATE POLICY dictionary_read ON byline.dictionary FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY dictionary_insert ON byline.dictionary FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.is_member());
CREATE POLICY dictionary_delete ON byline.dictionary FOR DELETE
  TO byline_reporter, byline_editor
  USING (added_by = session_user OR byline.is_editor());
