// npm run db:migrate — applies pending migrations to the configured database and exits.
import { getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import { runCli } from "./run-cli";

async function main() {
  const backend = getBackend();
  const started = Date.now();
  const { applied, alreadyApplied } = await migrateDatabase(backend);
  console.log(
    `[migrate] ${backend.label}: ${applied.length} migração(ões) aplicada(s)${applied.length ? ` (${applied.join(", ")})` : ""}, ${alreadyApplied} já aplicada(s), ${Date.now() - started} ms`,
  );
}

runCli(main, "[migrate] ");
