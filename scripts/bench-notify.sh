#!/usr/bin/env bash
# npm run bench:notify — self-contained: a throwaway PostgreSQL on a loopback port (RAIO_BENCH_PG_PORT), then
# bench/notify.ts (enqueue the notices of 50,000 customers; dispatch to a fake SMS gateway). PASS/FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
PORT=${RAIO_BENCH_PG_PORT:-55497}
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  BASE=$(scripts/pg-throwaway.sh start "$PORT")
  trap 'scripts/pg-throwaway.sh stop "$PORT"' EXIT
  psql "$BASE" -qc "CREATE DATABASE raio_bench_notify" >/dev/null
  BENCH_DATABASE_URL="${BASE%/postgres}/raio_bench_notify"
fi
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx bench/notify.ts "$@"
