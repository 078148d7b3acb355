-- step-guard.sql
--
-- Copyright 2026 The Byline authors
--
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Not a schema step: the runner (README.md) runs this inside each step's
-- transaction, after taking the migration lock and setting
-- byline.migrate_step (the step about to run) and byline.migrate_known
-- (the newest step this Byline has) with set_config(…, true). It re-reads
-- the schema version under the lock, refuses a newer schema and a role
-- that could not make the step with a message saying what to do, and
-- leaves the version in byline.migrate_current for the runner to read.

DO $$
DECLARE
  step constant integer := current_setting('byline.migrate_step')::integer;
  known constant integer := current_setting('byline.migrate_known')::integer;
  current integer := 0;
  owner text;
BEGIN
  IF to_regclass('byline.byline_schema') IS NOT NULL THEN
    EXECUTE 'SELECT coalesce(max(version), 0) FROM byline.byline_schema' INTO current;
  END IF;

  IF current > known THEN
    RAISE EXCEPTION 'The newsroom database "%" uses schema %, newer than this version of Byline knows (%). Update Byline to work in it.',
                    current_database(), current, known
      USING ERRCODE = 'feature_not_supported';
  END IF;

  IF current < step THEN
    SELECT pg_catalog.pg_get_userbyid(n.nspowner) INTO owner
      FROM pg_catalog.pg_namespace n WHERE n.nspname = 'byline';

    IF owner IS NULL AND NOT has_database_privilege(current_database(), 'CREATE') THEN
      RAISE EXCEPTION 'The database "%" holds no Byline newsroom yet, and the role "%" may not create one. Ask the database''s owner to connect with Byline first.',
                      current_database(), current_user
        USING ERRCODE = 'insufficient_privilege';
    ELSIF owner IS NOT NULL AND NOT pg_catalog.pg_has_role(owner, 'USAGE') THEN
      RAISE EXCEPTION 'The newsroom database "%" needs an update to schema % for this version of Byline, which only its owner "%" may make. Ask them to connect once with this version.',
                      current_database(), known, owner
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;

  PERFORM set_config('byline.migrate_current', current::text, true);
END;
$$;
