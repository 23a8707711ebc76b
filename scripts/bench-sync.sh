#!/usr/bin/env bash
# npm run bench:sync [-- --million] — self-contained: a throwaway PostgreSQL on a loopback port
# (RAIO_BENCH_PG_PORT, default 55451), then bench/sync.ts (full sync of 100,000 customers from the fake IXC at
# 20 ms per page, an incremental run of 1,000 changed rows, the online refresh of 100,000 logins; with
# --million also a full sync of 1,000,000 customers). PASS/FAIL with figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
source scripts/lib/throwaway-pg.sh
bench_database "${RAIO_BENCH_PG_PORT:-55451}" raio_bench_sync
DATABASE_URL="$BENCH_DATABASE_URL" npx tsx bench/sync.ts "$@"
