#!/usr/bin/env bash
# Starts (start) or stops (stop) a throwaway PostgreSQL 15 cluster on a loopback port, for tests and
# benchmarks. PostgreSQL refuses to run as root, so the cluster runs as the `postgres` user.
# Usage: scripts/pg-throwaway.sh start|stop [port]   (prints the DATABASE_URL base on start)
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${2:-${RAIO_TEST_PG_PORT:-55432}}
DIR=${RAIO_TEST_PG_DIR:-/tmp/raio-pg-$PORT}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
  start)
    if [ ! -x "$PGBIN/initdb" ]; then
      echo "PostgreSQL 15 não encontrado em $PGBIN; instalando postgresql-15..." >&2
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15) >&2
    fi
    if [ -f "$DIR/postmaster.pid" ]; then as_pg "$PGBIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"; mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "$PGBIN/initdb" -D "$DIR" -U app --auth=trust -E UTF8 --no-locale >/dev/null
    # Durability is not needed for a throwaway cluster: fsync off makes tests faster.
    as_pg "$PGBIN/pg_ctl" -D "$DIR" -l "$DIR/log" -w \
      -o "-p $PORT -c listen_addresses=127.0.0.1 -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
    echo "postgresql://app@127.0.0.1:$PORT/postgres"
    ;;
  stop)
    [ -d "$DIR" ] && as_pg "$PGBIN/pg_ctl" -D "$DIR" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *) echo "uso: $0 start|stop [porta]" >&2; exit 2 ;;
esac
