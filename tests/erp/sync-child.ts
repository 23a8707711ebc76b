// A stand-alone process for the kill -9 test (run with tsx), on the database its environment names:
//   setup <url> <user> <token>   migrates and saves the ERP connection (RAIO_SECRET_KEY from the environment)
//   sync                         runs `npm run sync -- --full`'s code, printing one JSON line per page
//   snapshot                     prints the ERP-fed tables as JSON
import { closeDb, getBackend } from "../../lib/db";
import { migrateDatabase } from "../../lib/db/migrate";
import { saveErpConnection } from "../../lib/erp/erp-connection";
import { openErpConnector } from "../../lib/erp/open-connector";
import { runSync } from "../../lib/erp/sync/run-sync";
import { snapshotErpTables } from "../helpers/erp-sync";

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  await migrateDatabase(getBackend());
  if (mode === "setup") {
    const [baseUrl, userId, token] = args;
    await saveErpConnection({ baseUrl, userId, token }, null);
  } else if (mode === "sync") {
    const connector = await openErpConnector();
    const outcome = await runSync(connector, {
      kind: "FULL",
      onProgress: (p) => console.log(JSON.stringify({ page: p.table, done: p.tables.map((t) => t.done) })),
    });
    connector.close();
    console.log(JSON.stringify({ outcome }));
  } else if (mode === "snapshot") {
    console.log(JSON.stringify({ snapshot: await snapshotErpTables() }));
  }
}

main()
  .then(async () => {
    await closeDb();
    process.exit(0);
  })
  .catch(async (err) => {
    console.error(err);
    await closeDb().catch(() => undefined);
    process.exit(1);
  });
