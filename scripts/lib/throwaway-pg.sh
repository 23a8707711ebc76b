# Sourced by the bench scripts: `bench_database PORT DBNAME [--stat-statements]` starts a throwaway PostgreSQL on
# PORT (scripts/pg-throwaway.sh), creates DBNAME, stops the cluster when the script exits, and exports
# BENCH_DATABASE_URL — unless BENCH_DATABASE_URL is already set (a database the caller gives, kept as it is).
# With --stat-statements the cluster preloads pg_stat_statements (one restart), so a bench can count the app's
# statements.
# The app reaches the local server through its Unix socket, as a PostgreSQL on the same host should be
# reached (no TCP stack per query; see docs/implantacao.md).
bench_database() {
  local port=$1 name=$2 option=${3:-}
  [ -n "${BENCH_DATABASE_URL:-}" ] && return 0
  local base dir=${RAIO_TEST_PG_DIR:-/tmp/raio-pg-$port}
  base=$(scripts/pg-throwaway.sh start "$port")
  # shellcheck disable=SC2064 # the port is fixed now, on purpose
  trap "scripts/pg-throwaway.sh stop '$port'" EXIT
  if [ "$option" = --stat-statements ]; then
    psql "$base" -qc "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
    # pg_ctl restart keeps the options the cluster was started with.
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$dir" -w restart >/dev/null
    else /usr/lib/postgresql/15/bin/pg_ctl -D "$dir" -w restart >/dev/null; fi
  fi
  psql "$base" -qc "CREATE DATABASE $name" >/dev/null
  export BENCH_DATABASE_URL="postgresql://app@localhost:$port/$name?host=$dir"
}

# `ensure_wrk`: wrk (Debian's package) generates closed-loop load with far less CPU than autocannon; installed
# when missing and possible, else the caller falls back to autocannon.
ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[bench] instalando wrk…" >&2
    (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)) >/dev/null 2>&1 \
      || echo "[bench] wrk indisponível: usando autocannon." >&2
  fi
}

# `ensure_build`: the production build the server runs (RAIO_DIST_DIR for another folder).
ensure_build() {
  local dist=${RAIO_DIST_DIR:-.next}
  [ -f "$dist/BUILD_ID" ] || npx next build
}
