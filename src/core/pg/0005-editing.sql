-- 0005-editing.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 5: two things the desk writes that step 2 left out, and the
-- statistics related articles read.
--
-- Moving a thread to another passage (byline_store_set_note_anchor())
-- writes the passage's text with its place; anyone on the desk may move a
-- thread.
--
-- The published time is the time a page says it went out: an editor
-- chooses it when publishing, or corrects it later, and a save writes it
-- with the rest of the article. Only an editor's change counts: for anyone
-- else the stored time stays, whatever the save sends (as the names do), so
-- a reporter's save never moves it and never fails over it.

GRANT UPDATE (anchor_text) ON byline.notes TO byline_reporter, byline_editor;

GRANT UPDATE (published) ON byline.articles TO byline_reporter, byline_editor;

CREATE FUNCTION byline.articles_keep_published ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF NEW.published IS DISTINCT FROM OLD.published AND NOT byline.is_editor() THEN
    NEW.published := OLD.published;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER articles_keep_published BEFORE UPDATE OF published ON byline.articles
  FOR EACH ROW EXECUTE FUNCTION byline.articles_keep_published();

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA byline TO byline_reporter, byline_editor;

-- Related articles leave a newsroom's common words out of their search
-- (byline-store-related.c), and find which they are in the statistics of
-- the index (pg_stats) rather than by counting articles: the default
-- target keeps the 1 000 most common lexemes (those in 3 % of the
-- articles or more), this one 10 000 (down to a third of a per cent, below
-- the share the store calls common).
ALTER TABLE byline.articles ALTER COLUMN search SET STATISTICS 1000;

-- The index takes a save's words at once (fastupdate off) rather than in a
-- pending list that every search reads through until it is merged: at the
-- default 4 MB that was 500 pages read for each search and each word
-- counted (1.3 ms a word at 100 000 articles, 0.03 ms merged), and the
-- merges themselves made every twentieth save wait. Measured with
-- bench-autosave and bench-related (bench/README.md): saves of a
-- 800-word article take 3.5 ms at the median and 4.3 at p95 this way,
-- against 2.4 and 6.1 with a 128 kB list.
ALTER INDEX byline.articles_search SET (fastupdate = off);
