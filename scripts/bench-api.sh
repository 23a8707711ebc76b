#!/usr/bin/env bash
# npm run bench:api — self-contained: a throwaway PostgreSQL on a loopback port, the production build,
# 100,000 demo customers, then bench/api.ts. Extra arguments go to bench/api.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
source scripts/lib/throwaway-pg.sh
bench_database "${RAIO_BENCH_PG_PORT:-55498}" raio_bench
ensure_wrk
ensure_build
npx tsx bench/api.ts "$@"
