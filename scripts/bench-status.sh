#!/usr/bin/env bash
# npm run bench:status — self-contained: a throwaway PostgreSQL on a loopback port (RAIO_BENCH_PG_PORT) with
# pg_stat_statements preloaded (to count the app's statements), the production build, demo customers, then
# bench/status.ts. Extra arguments go to bench/status.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
source scripts/lib/throwaway-pg.sh
bench_database "${RAIO_BENCH_PG_PORT:-55496}" raio_bench_status --stat-statements
ensure_build
npx tsx bench/status.ts "$@"
