// npm run db:migrate — applies pending migrations to the configured database and exits.
import { getBackend, closeDb } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";

async function main() {
  const backend = getBackend();
  const started = Date.now();
  const { applied, alreadyApplied } = await migrateDatabase(backend);
  console.log(
    `[migrate] ${backend.label}: ${applied.length} migração(ões) aplicada(s)${applied.length ? ` (${applied.join(", ")})` : ""}, ${alreadyApplied} já aplicada(s), ${Date.now() - started} ms`,
  );
}

main()
  .then(() => closeDb())
  .then(() => process.exit(0))
  .catch(async (err: unknown) => {
    console.error(`[migrate] ${(err as Error).message}`);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
