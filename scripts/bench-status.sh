#!/usr/bin/env bash
# npm run bench:status — self-contained: a throwaway PostgreSQL on a loopback port (RAIO_BENCH_PG_PORT) with
# pg_stat_statements preloaded (to count the app's statements), the production build, demo customers, then
# bench/status.ts. Extra arguments go to bench/status.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
PORT=${RAIO_BENCH_PG_PORT:-55496}
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  BASE=$(scripts/pg-throwaway.sh start "$PORT")
  trap 'scripts/pg-throwaway.sh stop "$PORT"' EXIT
  DIR=${RAIO_TEST_PG_DIR:-/tmp/raio-pg-$PORT}
  psql "$BASE" -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
  # pg_ctl restart keeps the options the cluster was started with.
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR" -w restart >/dev/null
  else /usr/lib/postgresql/15/bin/pg_ctl -D "$DIR" -w restart >/dev/null; fi
  psql "$BASE" -qc "CREATE DATABASE raio_bench_status" >/dev/null
  # The app reaches this local server through its Unix socket (see scripts/bench-api.sh).
  export BENCH_DATABASE_URL="postgresql://app@localhost:$PORT/raio_bench_status?host=$DIR"
fi
DIST=${RAIO_DIST_DIR:-.next}
[ -f "$DIST/BUILD_ID" ] || npx next build
npx tsx bench/status.ts "$@"
