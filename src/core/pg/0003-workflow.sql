-- 0003-workflow.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 3: the workflow's state changes and the edit locks, as
-- SECURITY DEFINER functions: the only way to write an article's state,
-- its status events and its locks. They check who is asking
-- (session_user, see 0002-roles.sql) and compare before they set, so two
-- desks acting at once cannot both win.
--
-- Errors carry a SQLSTATE the program can tell apart:
--   42501  insufficient_privilege: the person's role may not do this
--   P0002  no_data_found: no such article
--   22023  invalid_parameter_value: not a state, or no desk given
--   BY001  the workflow has no such step
--   BY002  the article is already in that state

CREATE FUNCTION byline.status_label (status text)
  RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE status
  WHEN 'draft' THEN 'Draft'
  WHEN 'in-review' THEN 'In Review'
  WHEN 'approved' THEN 'Approved'
  WHEN 'published' THEN 'Published'
  WHEN 'spiked' THEN 'Spiked'
END;

-- The steps of src/core/byline-workflow.c: one at a time along
-- Draft ⇄ In Review ⇄ Approved ⇄ Published, any state to Spiked, and a
-- spiked article back only to the state it was spiked from (a draft when
-- that is not known).
CREATE FUNCTION byline.workflow_allows (from_status text, spiked_from text, to_status text)
  RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
  WHEN from_status = 'spiked' THEN
    to_status = coalesce(nullif(spiked_from, 'spiked'), 'draft')
  ELSE
    (from_status, to_status) IN (VALUES ('draft', 'in-review'), ('draft', 'spiked'),
                                        ('in-review', 'approved'), ('in-review', 'draft'),
                                        ('in-review', 'spiked'),
                                        ('approved', 'published'), ('approved', 'in-review'),
                                        ('approved', 'spiked'),
                                        ('published', 'approved'), ('published', 'spiked'))
END;

-- A reporter sends a draft to review and takes it back; every other step
-- is an editor's.
CREATE FUNCTION byline.workflow_needs_editor (from_status text, to_status text)
  RETURNS boolean
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (from_status, to_status) NOT IN (VALUES ('draft', 'in-review'), ('in-review', 'draft'));

/**
 * byline.set_status:
 * @article_id: the article
 * @expected_from: the state the person saw it in
 * @to_status: the state it should move to
 * @expected_version: the version the person saw, or NULL to compare the
 *   state alone
 * @words_added, @words_removed: for the revision this change records,
 *   counted by the program against the article's previous revision
 *
 * Moves the article from @expected_from to @to_status if it is still in
 * @expected_from (and at @expected_version, when given), records a status
 * event and a revision (reason "state") of the article as stored, and sets
 * the published time on its first publication. Returns the article's new version and published time, or
 * no row when the article was no longer in @expected_from or at
 * @expected_version: someone else changed it first, and the desk should
 * reload it. The program passes the version it has just saved, so that a
 * state change never applies to text the person has not seen.
 */
CREATE FUNCTION byline.set_status (article_id bigint, expected_from text, to_status text,
                                   expected_version bigint DEFAULT NULL,
                                   words_added integer DEFAULT 0,
                                   words_removed integer DEFAULT 0)
  RETURNS TABLE (version bigint, published timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  states constant text[] := ARRAY['draft', 'in-review', 'approved', 'published', 'spiked'];
  current_status text;
  current_spiked_from text;
  current_version bigint;
  doing text;
BEGIN
  IF expected_from IS NULL OR to_status IS NULL
     OR NOT expected_from = ANY (states) OR NOT to_status = ANY (states) THEN
    RAISE EXCEPTION 'Unknown article state. Use draft, in-review, approved, published or spiked.'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  IF expected_from = to_status THEN
    RAISE EXCEPTION 'The article is already %. Choose another state.', byline.status_label(to_status)
      USING ERRCODE = 'BY002';
  END IF;

  IF expected_from <> 'spiked' AND NOT byline.workflow_allows(expected_from, NULL, to_status) THEN
    RAISE EXCEPTION '%', CASE expected_from
      WHEN 'draft' THEN
        format('A draft can only go on to In Review, not to %s. Send it for review first.',
               byline.status_label(to_status))
      WHEN 'in-review' THEN
        format('An article in review can go back to Draft or on to Approved, not to %s. Approve it first.',
               byline.status_label(to_status))
      WHEN 'approved' THEN
        format('An approved article can go back to In Review or on to Published, not to %s. Reopen it for review first.',
               byline.status_label(to_status))
      ELSE
        format('A published article can only be unpublished back to Approved, not to %s. Unpublish it first.',
               byline.status_label(to_status))
      END
      USING ERRCODE = 'BY001';
  END IF;

  IF NOT byline.is_member() THEN
    RAISE EXCEPTION 'The role "%" is not on the newsroom''s desk, so it cannot change an article''s state.', session_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Ask an administrator to GRANT byline_reporter or byline_editor to this role.';
  END IF;

  IF byline.workflow_needs_editor(expected_from, to_status) AND NOT byline.is_editor() THEN
    doing := CASE
      WHEN to_status = 'spiked' THEN 'spike'
      WHEN expected_from = 'spiked' THEN 'restore'
      WHEN to_status = 'approved' AND expected_from = 'in-review' THEN 'approve'
      WHEN to_status = 'published' THEN 'publish'
      WHEN expected_from = 'published' THEN 'unpublish'
      ELSE 'reopen for review'
    END;
    RAISE EXCEPTION 'Only an editor can % an article; "%" is a reporter.', doing, session_user
      USING ERRCODE = 'insufficient_privilege',
            HINT = 'Ask an editor on the desk to do it.';
  END IF;

  -- The row lock orders concurrent changes: the second waits, then sees
  -- the first one's state.
  SELECT a.status, a.spiked_from, a.version
    INTO current_status, current_spiked_from, current_version
    FROM byline.articles a WHERE a.id = set_status.article_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No article with id %: it may have been deleted. Reload the list of articles.',
                    set_status.article_id
      USING ERRCODE = 'no_data_found';
  END IF;

  IF current_status <> expected_from OR current_version <> coalesce(expected_version, current_version) THEN
    RETURN;
  END IF;

  IF NOT byline.workflow_allows(current_status, current_spiked_from, to_status) THEN
    RAISE EXCEPTION 'A spiked article can only be restored to %, where it was spiked from, not to %. Restore it first.',
                    byline.status_label(coalesce(current_spiked_from, 'draft')),
                    byline.status_label(to_status)
      USING ERRCODE = 'BY001';
  END IF;

  UPDATE byline.articles a
    SET status = to_status,
        spiked_from = CASE WHEN to_status = 'spiked' THEN expected_from END,
        published = CASE WHEN to_status = 'published' AND a.published IS NULL THEN now()
                         ELSE a.published END
    WHERE a.id = set_status.article_id
    RETURNING a.version, a.published INTO version, published;

  INSERT INTO byline.status_events (article_id, from_status, to_status)
    VALUES (set_status.article_id, expected_from, to_status);

  INSERT INTO byline.revisions (article_id, status, reason, headline, standfirst, byline, dateline,
                                caption, credit, image, image_alt, body, tags, section, published,
                                language, words_added, words_removed)
    SELECT a.id, a.status, 'state', a.headline, a.standfirst, a.byline, a.dateline, a.caption,
           a.credit, a.image, a.image_alt, a.body, a.tags, a.section, a.published, a.language,
           greatest(coalesce(set_status.words_added, 0), 0),
           greatest(coalesce(set_status.words_removed, 0), 0)
      FROM byline.articles a WHERE a.id = set_status.article_id;

  RETURN NEXT;
END;
$$;

-- Edit locks. A desk takes the lock when someone starts editing, renews it
-- with a heartbeat every 20 seconds or so, and lets it go when they stop; a
-- lock not renewed for a minute (a crashed program, a closed laptop) is
-- free for anyone to take.
CREATE FUNCTION byline.lock_lapse ()
  RETURNS interval
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN interval '60 seconds';

-- The locks that still hold, by the server's clock.
CREATE VIEW byline.held_locks AS
  SELECT l.article_id, l.holder, l.holder_name, l.desk, l.acquired, l.heartbeat
    FROM byline.edit_locks l
    WHERE l.heartbeat >= now() - byline.lock_lapse();

/**
 * byline.lock_article:
 * @article_id: the article to edit
 * @desk_id: this window's id (random, kept while the window is open)
 * @display_name: the name the other desks show
 * @take_over: take the lock even if someone else holds it
 *
 * Returns one row: whether this desk now holds the lock, and who does.
 * Taking a lock the same desk holds renews it.
 */
CREATE FUNCTION byline.lock_article (article_id bigint, desk_id text,
                                     display_name text DEFAULT '',
                                     take_over boolean DEFAULT false)
  RETURNS TABLE (acquired boolean, holder text, holder_name text, desk text,
                 heartbeat timestamptz)
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  article_status text;
BEGIN
  IF desk_id IS NULL OR desk_id = '' THEN
    RAISE EXCEPTION 'An edit lock needs the id of the desk taking it.'
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  SELECT a.status INTO article_status FROM byline.articles a WHERE a.id = lock_article.article_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'No article with id %: it may have been deleted. Reload the list of articles.',
                    lock_article.article_id
      USING ERRCODE = 'no_data_found';
  END IF;

  IF NOT byline.may_edit(article_status) THEN
    RAISE EXCEPTION 'Only an editor can edit an article that is %; "%" may read it.',
                    lower(byline.status_label(article_status)), session_user
      USING ERRCODE = 'insufficient_privilege';
  END IF;

  INSERT INTO byline.edit_locks AS l (article_id, holder, holder_name, desk, acquired, heartbeat)
    VALUES (lock_article.article_id, session_user, coalesce(display_name, ''), desk_id, now(), now())
    ON CONFLICT ON CONSTRAINT edit_locks_pkey DO UPDATE
      SET holder = excluded.holder,
          holder_name = excluded.holder_name,
          desk = excluded.desk,
          acquired = CASE WHEN l.holder = excluded.holder AND l.desk = excluded.desk
                          THEN l.acquired ELSE excluded.acquired END,
          heartbeat = excluded.heartbeat
      WHERE (l.holder = excluded.holder AND l.desk = excluded.desk)
            OR l.heartbeat < now() - byline.lock_lapse()
            OR lock_article.take_over
    RETURNING true, l.holder, l.holder_name, l.desk, l.heartbeat
      INTO acquired, holder, holder_name, desk, heartbeat;

  IF NOT FOUND THEN
    SELECT false, l.holder, l.holder_name, l.desk, l.heartbeat
      INTO acquired, holder, holder_name, desk, heartbeat
      FROM byline.edit_locks l WHERE l.article_id = lock_article.article_id;
  END IF;

  RETURN NEXT;
END;
$$;

-- Renews this desk's lock. FALSE when the desk no longer holds it: someone
-- took it over, and the desk should stop editing and reload.
CREATE FUNCTION byline.heartbeat_lock (article_id bigint, desk_id text)
  RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  UPDATE byline.edit_locks l SET heartbeat = now()
    WHERE l.article_id = heartbeat_lock.article_id
      AND l.holder = session_user AND l.desk = desk_id;
  RETURN FOUND;
END;
$$;

-- Lets this desk's lock go. FALSE when it did not hold it.
CREATE FUNCTION byline.unlock_article (article_id bigint, desk_id text)
  RETURNS boolean
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  DELETE FROM byline.edit_locks l
    WHERE l.article_id = unlock_article.article_id
      AND l.holder = session_user AND l.desk = desk_id;
  RETURN FOUND;
END;
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA byline TO byline_reporter, byline_editor;
GRANT SELECT ON byline.held_locks TO byline_reporter, byline_editor;
