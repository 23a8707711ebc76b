// npm run import -- <folder> — imports customers.csv, contracts.csv, logins.csv, invoices.csv (README).
import { getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import { importErpFolder } from "../lib/import/import-erp-folder";
import { runCli } from "../scripts/run-cli";

// Errors listed on screen before "… and N more".
const MAX_LISTED_ERRORS = 200;

async function main() {
  const folder = process.argv[2];
  if (!folder) throw new Error("uso: npm run import -- <pasta com customers.csv, contracts.csv, logins.csv, invoices.csv>");
  await migrateDatabase(getBackend());
  const started = Date.now();
  const result = await importErpFolder(folder);
  if (!result.ok) {
    console.error(`[import] ${result.errors.length} erro(s); nada foi importado:`);
    for (const e of result.errors.slice(0, MAX_LISTED_ERRORS)) console.error(`  ${e.file}:${e.line}  ${e.field}: ${e.message}`);
    if (result.errors.length > MAX_LISTED_ERRORS) console.error(`  … e mais ${result.errors.length - MAX_LISTED_ERRORS}`);
    return 1;
  }
  const c = result.counts;
  console.log(`[import] ${c.customers} clientes, ${c.contracts} contratos, ${c.logins} logins, ${c.invoices} faturas (${c.plans} planos, ${c.branches} filiais) em ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return 0;
}

runCli(main, "[import] ");
