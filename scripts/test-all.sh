#!/usr/bin/env bash
# The README's test command (`npm test`): everything, on a fresh machine too. Installs what is missing
# (node_modules, Debian's chromium, PostgreSQL 15), starts a throwaway PostgreSQL cluster on a loopback
# port, then: typecheck, unit tests, integration tests on PGlite and on PostgreSQL, the production build,
# and the Playwright end-to-end tests in Chromium against the built app.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 VITE_CONFIG_NATIVE_IGNORE_WARNING=true
PG_PORT=${RAIO_TEST_PG_PORT:-55432}
step() { printf '\n\033[1m== %s\033[0m (%s)\n' "$*" "$(date +%T)"; }
# Every runner's output is also kept here to print one total at the end.
SUMMARY_LOG=$(mktemp /tmp/raio-test-XXXX.log)
run() { "$@" 2>&1 | tee -a "$SUMMARY_LOG"; return "${PIPESTATUS[0]}"; }

step "dependências"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
# The committed package-lock.json is complete (every platform's optional packages): an install that
# rewrites it means package.json and the lockfile disagree, and CI must not pass on a different tree.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && ! git diff --quiet -- package-lock.json; then
  git --no-pager diff --stat -- package-lock.json
  echo "ERRO: a instalação alterou o package-lock.json. Rode 'npm install' localmente e faça commit do" >&2
  echo "package-lock.json junto com o package.json (o arquivo versionado precisa estar completo)." >&2
  exit 1
fi
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "instalando pacotes Debian: ${need_apt[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

step "PostgreSQL descartável na porta $PG_PORT"
PG_URL=$(scripts/pg-throwaway.sh start "$PG_PORT")
trap 'scripts/pg-throwaway.sh stop "$PG_PORT"' EXIT
echo "$PG_URL"

step "typecheck"
npx tsc --noEmit

step "testes unitários"
run npx vitest run --project unit

step "testes de integração — PGlite"
RAIO_TEST_BACKEND=pglite run npx vitest run --project integration

step "testes de integração — PostgreSQL 15"
RAIO_TEST_BACKEND=postgresql RAIO_TEST_PG_URL="$PG_URL" run npx vitest run --project integration

step "build de produção"
npx next build

step "end-to-end (Playwright + Chromium) — PGlite"
E2E_DIR=$(mktemp -d /tmp/raio-e2e-XXXX)
RAIO_DATA_DIR="$E2E_DIR/pglite" RAIO_E2E_PORT=${RAIO_E2E_PORT:-3210} run npx playwright test

step "end-to-end (Playwright + Chromium) — PostgreSQL 15, two server workers"
psql "$PG_URL" -qc "CREATE DATABASE raio_e2e" >/dev/null
# Two workers whatever the core count: the browser's and the API's requests then cross workers.
RAIO_WORKERS=2 DATABASE_URL="${PG_URL%/postgres}/raio_e2e" RAIO_E2E_PORT=${RAIO_E2E_PG_PORT:-3211} run npx playwright test
rm -rf "$E2E_DIR"
# One plain total over every runner (vitest "Tests  N passed", playwright "N passed").
passed=$(sed 's/\x1b\[[0-9;]*m//g' "$SUMMARY_LOG" | grep -oE '^ +(Tests +)?[0-9]+ passed' | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}')
rm -f "$SUMMARY_LOG"
echo
echo "todos os testes passaram"
echo "${passed:-0} passed, 0 failed"
