-- 0006-media.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Schema step 6: pictures kept in the newsroom (src/core/byline-media.h).
-- An article's image names a picture as "media:<sha256>.<ext>"; its bytes
-- are here, one row per distinct picture, so every desk previews and
-- exports the same bytes and none reads a path on another desk's disk.
--
-- Reporters and editors add pictures and read them. A row is never
-- changed or deleted by a desk: the same bytes added again are the same
-- row (ON CONFLICT (checksum) DO NOTHING), and a picture no article names
-- any more stays, as a revision may still name it. The server records who
-- added it and when, whatever the desk sends. The type and size are
-- checked here too, so raw SQL cannot keep what the program would refuse
-- (the size limit is BYLINE_LIMIT_MEDIA_BYTES, src/core/byline-limits.h).

CREATE TABLE byline.media (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  checksum text NOT NULL UNIQUE CHECK (checksum ~ '^[0-9a-f]{64}$'),
  mime_type text NOT NULL
    CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif')),
  bytes bytea NOT NULL CHECK (octet_length(bytes) <= 20 * 1024 * 1024),
  size bigint GENERATED ALWAYS AS (octet_length(bytes)) STORED,
  width integer,
  height integer,
  created timestamptz NOT NULL DEFAULT now(),
  added_by text NOT NULL DEFAULT session_user,
  -- The checksum is the bytes': a desk cannot file a picture under
  -- another's name.
  CHECK (checksum = encode(sha256(bytes), 'hex'))
);

-- The stored bytes are written once and not compressed again (pictures
-- are compressed already).
ALTER TABLE byline.media ALTER COLUMN bytes SET STORAGE EXTERNAL;

CREATE FUNCTION byline.media_stamp ()
  RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  NEW.added_by := session_user;
  NEW.created := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER media_stamp BEFORE INSERT ON byline.media
  FOR EACH ROW EXECUTE FUNCTION byline.media_stamp();

GRANT SELECT ON byline.media TO byline_reporter, byline_editor;
GRANT INSERT (checksum, mime_type, bytes, width, height) ON byline.media
  TO byline_reporter, byline_editor;

ALTER TABLE byline.media ENABLE ROW LEVEL SECURITY;

CREATE POLICY media_read ON byline.media FOR SELECT
  TO byline_reporter, byline_editor
  USING (true);
CREATE POLICY media_insert ON byline.media FOR INSERT
  TO byline_reporter, byline_editor
  WITH CHECK (byline.is_member());

REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA byline FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA byline TO byline_reporter, byline_editor;
