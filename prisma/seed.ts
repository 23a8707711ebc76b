// npm run seed [-- --customers N] [--seed S] [--reset] — deterministic demo data on the configured database.
import { parseArgs } from "node:util";
import { getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import { DEMO_USERS, isDatabaseEmpty, seedDatabase } from "./demo/seed-database";
import { runCli } from "../scripts/run-cli";

// Default demo size: enough customers for realistic clusters on the map, quick to create (~10 s).
const DEFAULT_CUSTOMERS = 5_000;
const DEFAULT_SEED = 20261123;

async function main() {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: String(DEFAULT_CUSTOMERS) },
      seed: { type: "string", default: String(DEFAULT_SEED) },
      reset: { type: "boolean", default: false },
      "if-empty": { type: "boolean", default: false },
    },
  });
  const customers = Number(values.customers);
  const seed = Number(values.seed);
  if (!Number.isInteger(customers) || customers < 1) throw new Error(`--customers ${values.customers}: informe um inteiro positivo`);
  if (!Number.isInteger(seed)) throw new Error(`--seed ${values.seed}: informe um inteiro`);
  const backend = getBackend();
  await migrateDatabase(backend);
  if (!(await isDatabaseEmpty())) {
    if (values["if-empty"]) {
      console.log(`[seed] ${backend.label}: o banco já tem dados; nada a fazer.`);
      return;
    }
    if (!values.reset) throw new Error("O banco já tem dados. Use --reset para apagar tudo e gerar de novo.");
    await backend.exec(`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
    await migrateDatabase(backend);
  }
  console.log(`[seed] ${backend.label}: gerando ${customers.toLocaleString("pt-BR")} clientes (semente ${seed})…`);
  const { ms, phases } = await seedDatabase({ customers, seed });
  const s = (phase: number) => `${(phase / 1000).toFixed(1)} s`;
  console.log(`[seed] pronto em ${s(ms)} (geração ${s(phases.generate)}, inserção ${s(phases.insert)}, índices ${s(phases.indexes)}, planta FTTH ${s(phases.plant)}, VACUUM/ANALYZE ${s(phases.analyze)}, OS de demonstração ${s(phases.maintenance)}). Usuários de demonstração:`);
  for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(8)} ${u.email}  senha: ${u.password}`);
}

runCli(main, "\n[seed] ");
