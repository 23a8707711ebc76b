// Benchmark of the ERP sync on PostgreSQL (run by scripts/bench-sync.sh on a throwaway cluster), against the
// fake IXC (tests/fakes) answering every page after 20 ms, its customer tables made on demand:
//   1. full sync of 100,000 customers with their contracts, logins and two invoices each: ≤ 60 s, peak RSS of
//      the syncing process ≤ 400 MB, and every row in the database;
//   2. incremental run after 1,000 rows changed in the ERP (250 per table): ≤ 5 s, every change in the database;
//   3. online refresh of the 100,000 logins after 10,000 flipped: ≤ 10 s, every flip applied;
//   4. with --million: full sync of 1,000,000 customers (a fresh database): ≤ 10 min.
// The sync runs in its own process (bench/sync-child.ts), as `npm run sync` would. Figures depend on the
// machine and on what else runs on it: the load average is printed beside each figure.
import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { promisify } from "node:util";
import { closeDb, getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import { formatIxcDateTime } from "../lib/erp/ixc/ixc-values";
import { startFakeIxc, type FakeIxc } from "../tests/fakes/ixc-server";

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, "sync-child.ts");
const PAGE_DELAY_MS = 20;
const TARGETS = { fullMs: 60_000, fullRssMb: 400, incrementalMs: 5_000, onlineMs: 10_000, millionMs: 600_000 };
const CHANGED_PER_TABLE = 250;
const FLIPPED_EVERY = 10;

const { values: args } = parseArgs({ options: { million: { type: "boolean", default: false }, customers: { type: "string", default: "100000" } } });
if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL ausente: rode com npm run bench:sync (sobe um PostgreSQL descartável).");

interface ChildResult {
  ms: number;
  peakRssMb: number;
  outcome: Record<string, unknown>;
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
const results: { name: string; pass: boolean; text: string }[] = [];

function report(name: string, pass: boolean, text: string): void {
  results.push({ name, pass, text });
  console.log(`${pass ? "PASS" : "FAIL"} ${name}: ${text} · load ${load()}`);
}

async function child(fake: FakeIxc, mode: "full" | "incremental" | "online"): Promise<ChildResult & { wallMs: number }> {
  const t0 = performance.now();
  const env = { ...process.env, BENCH_IXC_URL: fake.url, BENCH_IXC_USER: fake.userId, BENCH_IXC_TOKEN: fake.token };
  // BENCH_SYNC_NODE_ARGS: extra node options for the syncing process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeArgs = process.env.BENCH_SYNC_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
  const p = run(process.execPath, [...nodeArgs, "--import", "tsx", CHILD, mode], { env, maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000 });
  p.child.stderr?.pipe(process.stderr);
  const { stdout } = await p;
  return { ...(JSON.parse(stdout.trim().split("\n").pop()!) as ChildResult), wallMs: performance.now() - t0 };
}

const q = <T,>(sql: string, params: unknown[] = []) => getBackend().query<T>(sql, params);
const count = async (sql: string, params: unknown[] = []) => Number((await q<{ n: number }>(sql, params))[0]!.n);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Ids 1…n spread evenly, `k` of them. */
const spread = (n: number, k: number) => Array.from({ length: k }, (_, j) => 1 + Math.floor((j * n) / k));

async function fullSync(customers: number, targetMs: number, name: string): Promise<FakeIxc> {
  const fake = await startFakeIxc({ lazy: true, customers });
  fake.faults.pageDelayMs = PAGE_DELAY_MS;
  console.log(`${name}: IXC falso com ${customers.toLocaleString("pt-BR")} clientes (${PAGE_DELAY_MS} ms por página), load ${load()}`);
  const r = await child(fake, "full");
  const counts = {
    customers: await count(`SELECT count(*)::int AS n FROM "Customer"`),
    contracts: await count(`SELECT count(*)::int AS n FROM "Contract"`),
    logins: await count(`SELECT count(*)::int AS n FROM "Login"`),
    invoices: await count(`SELECT count(*)::int AS n FROM "Invoice"`),
  };
  const complete = counts.customers === customers && counts.contracts === customers && counts.logins === customers && counts.invoices === 2 * customers;
  const rows = customers * 5;
  const rssOk = name !== "completa 100k" || r.peakRssMb <= TARGETS.fullRssMb;
  report(name, complete && r.ms <= targetMs && rssOk,
    `${s(r.ms)} (meta ≤ ${s(targetMs)}; processo ${s(r.wallMs)}), ${Math.round(rows / (r.ms / 1000)).toLocaleString("pt-BR")} linhas/s, `
      + `pico RSS ${Math.round(r.peakRssMb)} MB${name === "completa 100k" ? ` (meta ≤ ${TARGETS.fullRssMb} MB)` : ""}, `
      + `banco: ${counts.customers} clientes, ${counts.contracts} contratos, ${counts.logins} logins, ${counts.invoices} faturas${complete ? "" : " (INCOMPLETO)"}`);
  return fake;
}

async function incremental(fake: FakeIxc, customers: number): Promise<void> {
  // IXC stamps a change with its wall clock: now, after the full sync started.
  const at = formatIxcDateTime(new Date());
  const ids = spread(customers, CHANGED_PER_TABLE);
  for (const id of ids) {
    fake.upsert("cliente", { id: String(id), razao: `Cliente Alterado ${id}` }, at);
    fake.upsert("cliente_contrato", { id: String(id), status_internet: "CA" }, at);
    fake.upsert("radusuarios", { id: String(id), latitude: "-22.123456", longitude: "-47.123456" }, at);
    fake.upsert("fn_areceber", { id: String(id * 2), status: "R", valor_aberto: "0.00", pagamento_data: "2026-11-29" }, at);
  }
  const r = await child(fake, "incremental");
  const ext = ids.map(String);
  const applied = {
    customers: await count(`SELECT count(*)::int AS n FROM "Customer" WHERE "externalId" = ANY($1::text[]) AND name LIKE 'Cliente Alterado %'`, [ext]),
    contracts: await count(`SELECT count(*)::int AS n FROM "Contract" WHERE "externalId" = ANY($1::text[]) AND "accessStatus" = 'BLOQUEADO'`, [ext]),
    logins: await count(`SELECT count(*)::int AS n FROM "Login" WHERE "externalId" = ANY($1::text[]) AND lat = -22.123456`, [ext]),
    invoices: await count(`SELECT count(*)::int AS n FROM "Invoice" WHERE "externalId" = ANY($1::text[]) AND "paidAt" IS NOT NULL`, [ids.map((i) => String(i * 2))]),
  };
  const all = Object.values(applied).every((n) => n === CHANGED_PER_TABLE);
  report("incremental 1.000 linhas", all && r.ms <= TARGETS.incrementalMs,
    `${s(r.ms)} (meta ≤ ${s(TARGETS.incrementalMs)}; processo inteiro ${s(r.wallMs)}), linhas lidas ${String(r.outcome.rows)}, `
      + `aplicadas ${applied.customers}/${applied.contracts}/${applied.logins}/${applied.invoices} de ${CHANGED_PER_TABLE} por tabela`);
}

async function online(fake: FakeIxc, customers: number): Promise<void> {
  const ids = spread(customers, Math.floor(customers / FLIPPED_EVERY));
  const before = new Map((await q<{ e: string; online: boolean }>(`SELECT "externalId" AS e, online FROM "Login" WHERE "externalId" = ANY($1::text[])`, [ids.map(String)])).map((r) => [r.e, r.online]));
  for (const id of ids) fake.upsert("radusuarios", { id: String(id), online: before.get(String(id)) ? "N" : "S" }, fake.lazy!.row("radusuarios", id)!.ultima_atualizacao!);
  const r = await child(fake, "online");
  const flipped = Number(r.outcome.flipped);
  report(`online ${customers.toLocaleString("pt-BR")} logins`, flipped === ids.length && r.ms <= TARGETS.onlineMs,
    `${s(r.ms)} (meta ≤ ${s(TARGETS.onlineMs)}; processo ${s(r.wallMs)}), ${String(r.outcome.logins)} logins lidos, ${flipped} mudaram (esperado ${ids.length})`);
}

async function main(): Promise<void> {
  await migrateDatabase(getBackend());
  const customers = Number(args.customers);
  const fake = await fullSync(customers, TARGETS.fullMs, "completa 100k");
  try {
    await incremental(fake, customers);
    await online(fake, customers);
  } finally {
    await fake.close();
  }
  if (args.million) {
    // A fresh database: the 1,000,000 are a first full sync, like the 100,000.
    await q(`DROP SCHEMA public CASCADE`);
    await q(`CREATE SCHEMA public`);
    await closeDb();
    await migrateDatabase(getBackend());
    const big = await fullSync(1_000_000, TARGETS.millionMs, "completa 1M");
    await big.close();
  }
  const failed = results.filter((r) => !r.pass);
  console.log(failed.length ? `FAIL (${failed.map((f) => f.name).join(", ")})` : "PASS");
  await closeDb();
  process.exitCode = failed.length ? 1 : 0;
}

await main();
