// Applies prisma/migrations/*/migration.sql in order, each in its own transaction, recording them in
// Prisma's own _prisma_migrations table (so `prisma migrate status` agrees). Same code on both backends.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import type { Backend } from "./backend";

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export async function migrateDatabase(backend: Backend, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  await backend.exec(CREATE_TABLE);
  const done = await backend.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const doneByName = new Map(done.map((r) => [r.migration_name, r.checksum]));
  const names = readdirSync(dir)
    .filter((n) => existsSync(path.join(dir, n, "migration.sql")))
    .sort();
  const applied: string[] = [];
  for (const name of names) {
    const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    const previous = doneByName.get(name);
    if (previous !== undefined) {
      if (previous !== checksum) {
        throw new Error(`A migração ${name} já aplicada foi alterada depois (checksum diferente): crie uma nova migração.`);
      }
      continue;
    }
    const id = randomUUID();
    // One transaction per migration: a failure leaves the database as it was.
    await backend.exec(
      `BEGIN;\n${sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ('${id}', '${checksum}', now(), '${name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
    ).catch(async (err: unknown) => {
      await backend.exec("ROLLBACK").catch(() => undefined);
      throw new Error(`Falha ao aplicar a migração ${name}: ${(err as Error).message}`);
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: names.length - applied.length };
}
