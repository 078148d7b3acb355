#!/bin/sh
# migrate.sh
#
# Copyright 2026 The Byline authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Brings a newsroom database to the newest schema with psql, the way the
# program's runner does (README.md): each step in its own transaction,
# under the migration lock, the version re-read under it. Safe to run from
# many places at once and to run again. Arguments go to psql:
#
#   src/core/pg/migrate.sh 'postgresql://owner@db.example.org/newsroom?sslmode=verify-full'
#   PGDATABASE=newsroom src/core/pg/migrate.sh
#
# Exits 0 when the schema is current; otherwise psql's message says why.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
# "BYLN", as the SQLite store's application id.
lock=1113148494

known=0
for file in "$here"/[0-9][0-9][0-9][0-9]-*.sql; do
  known=$((known + 1))
  step=$(basename "$file" | cut -c1-4 | sed 's/^0*//')
  if [ "$step" != "$known" ]; then
    echo "migrate.sh: $(basename "$file") is out of sequence: expected step $known" >&2
    exit 1
  fi
done

step=0
for file in "$here"/[0-9][0-9][0-9][0-9]-*.sql; do
  step=$((step + 1))
  psql -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=default \
       -v step="$step" -v known="$known" -v lock="$lock" \
       -v guard="$here/step-guard.sql" -v file="$file" \
       "$@" <<'EOF'
SET client_min_messages = warning;
BEGIN;
SELECT pg_advisory_xact_lock(:lock) \g /dev/null
SELECT set_config('byline.migrate_step', :'step', true),
       set_config('byline.migrate_known', :'known', true) \g /dev/null
\i :guard
SELECT current_setting('byline.migrate_current')::integer >= :step AS done \gset
\if :done
ROLLBACK;
\else
\i :file
INSERT INTO byline.byline_schema (version) VALUES (:step);
COMMIT;
\endif
EOF
done
