-- 0004-search.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 4: the search box and the related articles, over the
-- weighted tsvector of 0001-newsroom.sql and its GIN index.

-- One lexeme as it is stored, not stemmed again (a prefix when @prefix),
-- quoted so that nothing in it is read as tsquery syntax.
CREATE FUNCTION byline.lexeme_query (lexeme text, prefix boolean DEFAULT false)
  RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN format('''%s''%s', replace(replace(lexeme, '\', '\\'), '''', ''''''),
              CASE WHEN prefix THEN ':*' ELSE '' END)::tsquery;

-- The lexemes of @word under @config as a tsquery, AND-ed when the word
-- splits ("e-mail"); NULL when it is a stop word there. Typed text is
-- never parsed as tsquery syntax, so it cannot be a syntax error.
CREATE FUNCTION byline.word_query (config regconfig, word text, prefix boolean)
  RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (SELECT string_agg(byline.lexeme_query(lexeme, prefix)::text, ' & ')::tsquery
          FROM unnest(tsvector_to_array(to_tsvector(config, word))) AS lexeme);

/**
 * byline.search_query:
 * @words: what was typed in the search box
 * @languages: the languages to stem for (BCP 47); NULL for the
 *   publication's language
 *
 * Every word must match, the last one as a prefix so that results follow
 * typing (as the SQLite store's search does). A word matches as stemmed in
 * any of @languages or unstemmed, so "harbours" finds "harbour" and an
 * article in a language PostgreSQL cannot stem is still found by its
 * words. A word that is a stop word in one of them is left out. NULL when
 * nothing is left to search for.
 *
 *   SELECT … FROM byline.articles
 *     WHERE search @@ byline.search_query($1, $2) AND trashed IS NULL …
 */
CREATE FUNCTION byline.search_query (words text, languages text[] DEFAULT NULL)
  RETURNS tsquery
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  configs regconfig[];
  config regconfig;
  parts text[];
  word_tsquery tsquery;
  variant tsquery;
  result tsquery;
  stop_word boolean;
BEGIN
  IF languages IS NULL OR cardinality(languages) = 0 THEN
    SELECT ARRAY[p.language] INTO languages FROM byline.publication p;
  END IF;

  SELECT array_agg(DISTINCT c) INTO configs
    FROM (SELECT byline.text_search_config(l) AS c FROM unnest(languages) AS l
          UNION SELECT 'pg_catalog.simple'::regconfig) AS all_configs;

  parts := regexp_split_to_array(btrim(coalesce(words, '')), '\s+');

  FOR i IN 1 .. coalesce(array_length(parts, 1), 0) LOOP
    CONTINUE WHEN parts[i] = '';
    word_tsquery := NULL;
    stop_word := false;

    FOREACH config IN ARRAY configs LOOP
      variant := byline.word_query(config, parts[i], i = array_length(parts, 1));
      IF variant IS NULL OR numnode(variant) = 0 THEN
        -- Punctuation alone says nothing in any language.
        stop_word := true;
        EXIT;
      END IF;
      word_tsquery := CASE WHEN word_tsquery IS NULL THEN variant ELSE word_tsquery || variant END;
    END LOOP;

    CONTINUE WHEN stop_word;
    result := CASE WHEN result IS NULL THEN word_tsquery ELSE result && word_tsquery END;
  END LOOP;

  RETURN result;
END;
$$;

/**
 * byline.related:
 * @article_id: the article's id, 0 while it is unsaved (left out of the
 *   results and of the counts)
 * @language, @headline, @standfirst, @caption, @body, @tags, @section: the
 *   article as the desk has it, saved or not
 * @max_results: how many to return at most
 *
 * The ranking of src/core/byline-store-related.c over PostgreSQL's index:
 * the article's most distinctive words, weighted by where they stand
 * (headline and tags 3, standfirst and caption 2, body 1), scored tf × idf
 * with the documents holding each counted from the index (up to 40 words
 * looked at, 16 kept, words in more than 1/150 of the articles, and at
 * least 200, left out); the best 12 OR-ed, within 1500 documents in all.
 * The matches are ranked with ts_rank (headline 1.0, tags 0.5, standfirst
 * and caption 0.2, body 0.1, as bm25's 10 : 5 : 2 : 1 there), and the best
 * max(30, 3 × @max_results) re-ranked with the same boosts: × (1 + 0.25
 * for the same section + 0.15 per shared tag, three at most). Spiked and
 * trashed articles and the article itself are left out. When every word is
 * common, the newest articles holding the best two of them.
 *
 * Returns: the related articles' ids and scores, best first.
 */
CREATE FUNCTION byline.related (article_id bigint, language text, headline text,
                                standfirst text, caption text, body text, tags text,
                                section text, max_results integer)
  RETURNS TABLE (id bigint, score double precision)
  LANGUAGE plpgsql STABLE
  SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  shortlist_terms constant integer := 16;
  max_examined constant integer := 40;
  max_terms constant integer := 12;
  postings_budget constant integer := 1500;
  common_fraction constant integer := 150;
  min_common_df constant integer := 200;
  min_candidates constant integer := 30;
  section_boost constant double precision := 0.25;
  tag_boost constant double precision := 0.15;
  max_shared_tags constant integer := 3;
  rank_weights constant real[] := '{0.1, 0.2, 0.5, 1.0}';

  own tsvector;
  n_docs bigint;
  common bigint;
  lexemes text[];
  tfs double precision[];
  dfs bigint[];
  df bigint;
  n_shortlisted integer := 0;
  postings bigint := 0;
  n_terms integer := 0;
  term record;
  match tsquery;
  by_recency boolean := false;
  n_candidates integer;
  own_section text := lower(btrim(coalesce(related.section, '')));
  own_tags text[];
BEGIN
  IF coalesce(max_results, 0) <= 0 THEN
    RETURN;
  END IF;

  own := byline.article_search(related.language, related.headline, related.standfirst,
                               related.caption, related.body, related.tags);

  -- The article's words by weighted count; the most frequent first.
  SELECT coalesce(array_agg(t.lexeme ORDER BY t.tf DESC, t.lexeme), '{}'),
         coalesce(array_agg(t.tf ORDER BY t.tf DESC, t.lexeme), '{}')
    INTO lexemes, tfs
    FROM (SELECT v.lexeme,
                 sum(CASE w WHEN 'A' THEN 3.0 WHEN 'B' THEN 3.0 WHEN 'C' THEN 2.0 ELSE 1.0 END) AS tf
            FROM unnest(own) AS v, unnest(v.weights) AS w
            WHERE char_length(v.lexeme) >= 3 AND v.lexeme !~ '^[0-9]+$'
            GROUP BY v.lexeme) AS t;

  IF cardinality(lexemes) = 0 THEN
    RETURN;
  END IF;

  -- The highest id stands in for the number of articles (as in the SQLite
  -- store): as good for the idf, and a count would read the whole table.
  SELECT coalesce(max(a.id), 0) INTO n_docs FROM byline.articles a;
  common := greatest(min_common_df, n_docs / common_fraction);

  -- Count the words' documents, the most frequent words first, until
  -- enough are found that are not common; a count stops past common.
  dfs := array_fill(NULL::bigint, ARRAY[cardinality(lexemes)]);
  FOR i IN 1 .. least(cardinality(lexemes), max_examined) LOOP
    EXIT WHEN n_shortlisted >= shortlist_terms;

    SELECT count(*) INTO df
      FROM (SELECT 1 FROM byline.articles a
              WHERE a.search @@ byline.lexeme_query(lexemes[i])
                AND a.id <> related.article_id
              LIMIT common + 1) AS found;
    dfs[i] := df;

    IF df <= common THEN
      n_shortlisted := n_shortlisted + 1;
    END IF;
  END LOOP;

  FOR term IN SELECT t.lexeme, t.df
                FROM unnest(lexemes, tfs, dfs) AS t(lexeme, tf, df)
                WHERE t.df > 0 AND t.df <= common
                ORDER BY t.tf * ln(1.0 + (n_docs - t.df + 0.5) / (t.df + 0.5)) DESC, t.lexeme LOOP
    EXIT WHEN n_terms >= max_terms;
    CONTINUE WHEN postings + term.df > postings_budget;
    postings := postings + term.df;
    n_terms := n_terms + 1;
    match := CASE WHEN match IS NULL THEN byline.lexeme_query(term.lexeme)
                  ELSE match || byline.lexeme_query(term.lexeme) END;
  END LOOP;

  IF match IS NULL THEN
    -- Only common words (a fresh draft: "Council budget vote"): the newest
    -- articles with the best two.
    FOR term IN SELECT t.lexeme
                  FROM unnest(lexemes, tfs, dfs) AS t(lexeme, tf, df)
                  WHERE t.df > common
                  ORDER BY t.tf * ln(1.0 + (n_docs - t.df + 0.5) / (t.df + 0.5)) DESC, t.lexeme
                  LIMIT 2 LOOP
      match := CASE WHEN match IS NULL THEN byline.lexeme_query(term.lexeme)
                    ELSE match && byline.lexeme_query(term.lexeme) END;
    END LOOP;
    by_recency := true;
  END IF;

  IF match IS NULL THEN
    RETURN;
  END IF;

  n_candidates := greatest(min_candidates, max_results * 3);
  SELECT coalesce(array_agg(DISTINCT lower(btrim(t))) FILTER (WHERE btrim(t) <> ''), '{}')
    INTO own_tags
    FROM unnest(string_to_array(coalesce(related.tags, ''), ',')) AS t;

  RETURN QUERY
    SELECT c.id,
           c.rank * (1.0
                     + CASE WHEN own_section <> '' AND lower(btrim(c.section)) = own_section
                            THEN section_boost ELSE 0.0 END
                     + tag_boost * least(max_shared_tags,
                                         (SELECT count(DISTINCT lower(btrim(t)))
                                            FROM unnest(string_to_array(c.tags, ',')) AS t
                                            WHERE lower(btrim(t)) = ANY (own_tags)))) AS boosted
      FROM (SELECT a.id, a.section, a.tags,
                   CASE WHEN by_recency THEN 1.0::double precision
                        ELSE ts_rank(rank_weights, a.search, match, 1)::double precision END AS rank
              FROM byline.articles a
              WHERE a.search @@ match
                AND a.id <> related.article_id
                AND a.trashed IS NULL
                AND a.status <> 'spiked'
              ORDER BY rank DESC, a.id DESC
              LIMIT n_candidates) AS c
      ORDER BY boosted DESC, c.id DESC
      LIMIT max_results;
END;
$$;

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA byline TO byline_reporter, byline_editor;
