import { defineConfig } from "@playwright/test";

// Debian's chromium (no browser download); the built app is started on a fresh database with demo data.
const PORT = Number(process.env.RAIO_E2E_PORT ?? 3210);
// PGlite: a fresh data dir per run (the tests change data). PostgreSQL: the test command gives a fresh database.
const DATA_DIR = process.env.RAIO_DATA_DIR ?? `/tmp/raio-e2e-${PORT}/pglite`;
const FRESH = process.env.DATABASE_URL ? "" : `rm -rf ${DATA_DIR} && `;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: "pt-BR",
    timezoneId: "America/Sao_Paulo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
      ],
    },
  },
  webServer: {
    // Demo data (small, for speed) plus a few customers and logins with hostile names imported by CSV, as an
    // ERP export would bring them (e2e/map-hostile.spec.ts: every outside value reaches the map as text);
    // then the production server as `npm start` runs it: on PostgreSQL that is one worker per core, so
    // these tests also cross workers. Tiles point nowhere: the app must cope.
    command: `${FRESH}npx tsx prisma/seed.ts --if-empty --customers 1500 && npx tsx prisma/import.ts e2e/fixtures/hostile && node scripts/start-server.mjs --port ${PORT} --hostname 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/login`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // RAIO_SECRET_KEY: a throwaway key, so the ERP integration (e2e/integrations.spec.ts) can store its token.
    env: { RAIO_TILE_URL: "", NEXT_TELEMETRY_DISABLED: "1", RAIO_DATA_DIR: DATA_DIR, RAIO_SECRET_KEY: process.env.RAIO_SECRET_KEY ?? "cmFpby1lMmUtY2hhdmUtZGUtdGVzdGUtMzItYnl0ZXM=" },
  },
});
