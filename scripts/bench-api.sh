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
  # The app reaches this local server through its Unix socket, as a PostgreSQL on the same host should be
  # reached (no TCP stack per query; see docs/implantacao.md).
  export BENCH_DATABASE_URL="postgresql://app@localhost:$PORT/raio_bench?host=${RAIO_TEST_PG_DIR:-/tmp/raio-pg-$PORT}"
fi
# wrk (Debian's package) generates the load with far less CPU than autocannon; bench/api.ts falls back to
# autocannon when it is missing and cannot be installed.
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[bench] instalando wrk…" >&2
  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)) >/dev/null 2>&1 \
    || echo "[bench] wrk indisponível: usando autocannon." >&2
fi
DIST=${RAIO_DIST_DIR:-.next}
[ -f "$DIST/BUILD_ID" ] || npx next build
npx tsx bench/api.ts "$@"
