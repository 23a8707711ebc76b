#!/usr/bin/env bash
# npm run bench:notify — self-contained: a throwaway PostgreSQL on a loopback port (RAIO_BENCH_PG_PORT), then
# bench/notify.ts (enqueue the notices of 50,000 customers; dispatch to a fake SMS gateway). PASS/FAIL.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
source scripts/lib/throwaway-pg.sh
bench_database "${RAIO_BENCH_PG_PORT:-55497}" raio_bench_notify
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx bench/notify.ts "$@"
