// Runs before every integration test file: a fresh, migrated database of the backend under test.
// PGlite: in memory. PostgreSQL: a new database on the throwaway local cluster (never a remote one).
import { afterAll } from "vitest";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { resetEnvCache } from "@/lib/env";
import { closeDb, getBackend } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";

const backend = process.env.RAIO_TEST_BACKEND ?? "pglite";
let dropDatabase: (() => Promise<void>) | undefined;

if (backend === "postgresql") {
  const base = process.env.RAIO_TEST_PG_URL;
  if (!base) throw new Error("RAIO_TEST_PG_URL ausente: rode os testes com `npm test`, que sobe um PostgreSQL descartável.");
  const u = new URL(base);
  if (!["127.0.0.1", "localhost", "::1"].includes(u.hostname)) {
    throw new Error(`Recusado: os testes só rodam contra um PostgreSQL local (recebido ${u.hostname}).`);
  }
  const name = `raio_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ host: u.hostname, port: Number(u.port), user: u.username, database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  u.pathname = `/${name}`;
  process.env.DATABASE_URL = u.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ host: u.hostname, port: Number(u.port), user: u.username, database: "postgres" });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.RAIO_DATA_DIR = "memory://";
}
resetEnvCache();
await migrateDatabase(getBackend());

afterAll(async () => {
  await closeDb();
  await dropDatabase?.();
});
