#!/usr/bin/env bash
# npm run bench:scale [-- --database-url URL] [-- --customers N --port P --workers W --seconds S]
# Self-contained: a throwaway PostgreSQL (RAIO_BENCH_PG_PORT, default 55454) unless a seeded database is given
# (--database-url or BENCH_DATABASE_URL: reused as it is), the production build when missing, then
# bench/scale.ts, which seeds an empty database (timed), starts the server, measures every budget, prints one
# table with PASS/FAIL per line and stops everything. The other arguments go to bench/scale.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
ARGS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --database-url) export BENCH_DATABASE_URL="$2"; shift 2 ;;
    --database-url=*) export BENCH_DATABASE_URL="${1#*=}"; shift ;;
    *) ARGS+=("$1"); shift ;;
  esac
done
source scripts/lib/throwaway-pg.sh
bench_database "${RAIO_BENCH_PG_PORT:-55454}" raio_bench_scale
ensure_build
npx tsx bench/scale.ts "${ARGS[@]}"
