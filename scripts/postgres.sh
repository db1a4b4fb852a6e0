#!/usr/bin/env bash
# Starts a throw-away PostgreSQL (Debian's, its own data directory) on 127.0.0.1 for the tests and prints
# the connection string. Reuses the server if this script already started one.
set -euo pipefail
# Below Linux's ephemeral range (32768–60999): a probe of a port in it, with nothing listening yet, can connect to
# itself (the kernel may hand the client that same port), and the server then cannot bind it (CI saw "could not
# bind IPv4 address: Address already in use" with no server running).
PGPORT="${TAGCENTER_PG_PORT:-25432}"
PGDATA="${TAGCENTER_PG_DATA:-${TMPDIR:-/tmp}/tagcenter-pg-$PGPORT}"
BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi

if ! "${RUN_AS[@]}" "$BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q 2>/dev/null; then
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDATA"
    "${RUN_AS[@]}" "$BIN/initdb" -D "$PGDATA" -U tagcenter --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDATA" start >/dev/null
fi
"${RUN_AS[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U tagcenter -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = 'tagcenter_test'" | grep -q 1 ||
  "${RUN_AS[@]}" "$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U tagcenter tagcenter_test
echo "Host=127.0.0.1;Port=$PGPORT;Username=tagcenter;Database=tagcenter_test"
