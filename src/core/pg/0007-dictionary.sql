-- 0007-dictionary.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 7: a word added to or removed from the newsroom dictionary
-- is announced on byline_changes like the masthead (table "dictionary", no
-- article), so every desk's spell checker takes it at once instead of at
-- its next start. A word added twice (ON CONFLICT DO NOTHING) writes no
-- row and says nothing.

CREATE TRIGGER dictionary_notify AFTER INSERT OR DELETE ON byline.dictionary
  FOR EACH ROW EXECUTE FUNCTION byline.notify_publication_change();
