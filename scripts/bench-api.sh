#!/usr/bin/env bash
# npm run bench:api — self-contained: a throwaway PostgreSQL on a loopback port, the production build,
# 100,000 demo customers, then bench/api.ts. Extra arguments go to bench/api.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
PORT=${RAIO_BENCH_PG_PORT:-55498}
if [ -z "${BENCH_DATABASE_URL:-}" ]; then
  BASE=$(scripts/pg-throwaway.sh start "$PORT")
  trap 'scripts/pg-throwaway.sh stop "$PORT"' EXIT
  psql "$BASE" -qc "CREATE DATABASE raio_bench" >/dev/null
  export BENCH_DATABASE_URL="${BASE%/postgres}/raio_bench"
fi
DIST=${RAIO_DIST_DIR:-.next}
[ -f "$DIST/BUILD_ID" ] || npx next build
npx tsx bench/api.ts "$@"
