#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL 15 server: pg_virtualenv
# (Debian's postgresql-common) creates it, sets PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE, runs the command and drops the server.
#   tests/pg-run.sh COMMAND [ARGS...]
# The server's files go to a temporary folder (-t), also as root, and it
# listens on a free port, so several runs can go on at once.
set -euo pipefail

# Without a server the tests report themselves skipped; CI (which sets
# BYLINE_TEST_REQUIRE_TOOLS=1) has one, and a whole suite skipped there
# would check nothing, so it fails instead.
if ! command -v pg_virtualenv >/dev/null 2>&1 || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  if [ "${BYLINE_TEST_REQUIRE_TOOLS:-0}" = 1 ]; then
    echo "Bail out! no PostgreSQL 15 server: run .ci/setup --tests"
    echo "pg-run: no PostgreSQL 15 server: run .ci/setup --tests" >&2
    exit 1
  fi
  echo "1..0 # SKIP no PostgreSQL 15 server: run .ci/setup --tests"
  exit 0
fi

free_port () {
  /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSERVICE PGCLUSTER
# pg_virtualenv talks on stdout ("Creating new PostgreSQL cluster…"); the
# command's own stdout (TAP) goes through fd 3, the chatter to stderr.
exec 3>&1
exec pg_virtualenv -t -v 15 -c "-p $(free_port)" sh -c 'exec "$@" >&3 3>&-' sh "$@" >&2
