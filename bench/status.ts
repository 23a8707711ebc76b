// npm run bench:status [-- --customers 20000 --rate 2000 --duration 10 --port 3053 --workers 2]
// The public status page under an outage's surge (issue 15): open-loop load at --rate requests/s of GET /status,
// then of CEP lookups (GET /status?q=<CEP>, rotating through affected, unaffected and unknown CEPs), each for
// --duration seconds, on the production server (scripts/start-server.mjs, cluster workers on PostgreSQL).
// Targets: each phase completes at least 99 % of the scheduled rate with p99 ≤ 100 ms, measured from the
// scheduled send time, with no error; and the database is untouched by the visits after warm-up: the app's
// statements during the measured phases (pg_stat_statements, reset after warm-up) are only the read model's
// periodic freshness check, bounded by time (workers × duration ÷ RAIO_STATUS_REFRESH_MS), not by requests.
// Prints the generator's own CPU and the load average (other processes on the machine compete for the cores).
import { availableParallelism, loadavg } from "node:os";
import { parseArgs } from "node:util";
import type { ChildProcess } from "node:child_process";
import { adminClient, ensureBenchDatabase } from "./lib/bench-server";
import { killServerNow, serverCpuMs, startServer, stopServer } from "./lib/server";
import { runOpenLoop, type OpenLoopResult } from "./lib/open-loop";

const TARGET_P99_MS = 100;
const TARGET_RATE_SHARE = 0.99;
const WARMUP_S = 3;
const WARMUP_RATE = 500;
const SAMPLE_CEPS = 200;
// The read model's freshness check interval during the run (the app's default).
const REFRESH_MS = 5_000;

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "20000" },
    rate: { type: "string", default: "2000" },
    duration: { type: "string", default: "10" },
    port: { type: "string", default: "3053" },
    workers: { type: "string" },
  },
});
const customers = Number(values.customers);
const rate = Number(values.rate);
const duration = Number(values.duration);
const port = Number(values.port);
const workers = values.workers ?? process.env.RAIO_WORKERS ?? String(availableParallelism());
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://app@127.0.0.1:55432/raio_bench_status");

/** Running work over two demo neighbourhoods, one planned, each with a public note; the CEPs to look up. */
async function prepare(): Promise<{ ceps: string[]; total: number }> {
  process.env.DATABASE_URL = url.toString();
  const { db, closeDb } = await import("../lib/db");
  const { createRegionWithOrder } = await import("../lib/orders/create-region-with-order");
  const { executeOrder } = await import("../lib/orders/order-transitions");
  const user = (await db.user.findFirst({ where: { role: "ADMIN" } }))!;
  const admin = { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email } as const;
  const subject = await db.subject.create({ data: { name: `Rompimento de fibra (bench ${Date.now()})`, isMaintenance: true, maintenanceMessage: "OS {{os}}" } });
  const square = (lng: number, lat: number, h: number) => [[lng - h, lat - h], [lng + h, lat - h], [lng + h, lat + h], [lng - h, lat + h], [lng - h, lat - h]];
  const areas = [square(-47.0608, -22.9056, 0.006), square(-47.0525, -22.8935, 0.006), square(-47.0715, -22.8165, 0.006)];
  for (const [i, ring] of areas.entries()) {
    const { order } = await createRegionWithOrder(
      { subjectId: subject.id, description: "Bench", expectedEndAt: new Date(Date.now() + 3_600_000).toISOString(), region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } } },
      admin,
    );
    if (i < 2) await executeOrder(order.id, admin);
    else await db.serviceOrder.update({ where: { id: order.id }, data: { scheduledStartAt: new Date(Date.now() + 4 * 86_400_000), planned: true } });
    await db.orderUpdate.create({ data: { orderId: order.id, kind: "PUBLIC_NOTE", text: "Equipe a caminho; próxima atualização em 30 min." } });
  }
  const total = await db.customer.count();
  const rows = await db.$queryRawUnsafe<{ zip: string }[]>(`SELECT DISTINCT zip FROM "Customer" WHERE zip IS NOT NULL ORDER BY zip LIMIT ${SAMPLE_CEPS}`);
  await closeDb();
  // One in ten lookups is a CEP nobody has (the "not found" answer is a page too).
  const ceps = rows.map((r) => r.zip).flatMap((z, i) => (i % 10 === 9 ? [z, `99${String(i).padStart(6, "0")}`] : [z]));
  return { ceps, total };
}

interface Statements {
  calls: number;
  /** Those of the status page itself (tagged raio:status-page: the freshness check and any rebuild). */
  page: number;
  top: { calls: number; query: string }[];
}

/**
 * The app's statements since the last reset (pg_stat_statements), this script's monitoring queries and the job
 * queue's polling (pg-boss, schema pgboss: it polls on a timer whatever the traffic) excluded.
 */
async function appStatements(reset: boolean): Promise<Statements | null> {
  const c = adminClient(url, url.pathname.slice(1));
  await c.connect();
  try {
    const ok = await c.query("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'").catch(() => ({ rowCount: 0 }));
    if (!ok.rowCount) {
      const created = await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").then(() => true, () => false);
      if (!created) return null;
    }
    if (reset) {
      await c.query("SELECT pg_stat_statements_reset()");
      return { calls: 0, page: 0, top: [] };
    }
    const rows = await c.query<{ calls: string; query: string }>(
      `SELECT calls, query FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
        WHERE d.datname = current_database() AND query NOT ILIKE '%pg_stat_statements%' AND query NOT ILIKE '%pg_extension%'
          AND query NOT ILIKE '%pgboss%'
        ORDER BY calls DESC`,
    );
    const top = rows.rows.map((r) => ({ calls: Number(r.calls), query: r.query.replace(/\s+/g, " ").slice(0, 110) }));
    const page = top.filter((r) => r.query.includes("raio:status-page")).reduce((n, r) => n + r.calls, 0);
    return { calls: top.reduce((n, r) => n + r.calls, 0), page, top: top.slice(0, 6) };
  } catch {
    return null; // not preloaded (shared_preload_libraries): the run goes on without the count
  } finally {
    await c.end();
  }
}

function line(label: string, r: OpenLoopResult): string {
  return `${label.padEnd(26)} ${String(r.scheduled).padStart(7)} ${r.rate.toFixed(0).padStart(7)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)} ${String(r.non2xx + r.errors).padStart(6)} ${(r.generatorCpu * 100).toFixed(0).padStart(5)} %`;
}

let server: ChildProcess | undefined;

async function main() {
  await ensureBenchDatabase(url, customers);
  const { ceps, total } = await prepare();
  const watchdog = setTimeout(() => {
    console.error("[bench] tempo esgotado: parando o servidor.");
    killServerNow();
    process.exit(2);
  }, 120_000 + 4 * (WARMUP_S + duration) * 1000);
  watchdog.unref();
  server = (await startServer({ port, workers, databaseUrl: url.toString(), env: { ...process.env, RAIO_STATUS_REFRESH_MS: String(REFRESH_MS) } })).server;
  try {
    const origin = `http://127.0.0.1:${port}`;
    const page = ["/status"];
    const lookups = ceps.map((c) => `/status?q=${c}`);
    const probe = await fetch(`${origin}/status?q=${ceps[0]}`);
    const body = await probe.text();
    if (!probe.ok || !body.includes("Manutenções em andamento")) throw new Error(`/status respondeu ${probe.status}`);
    if (!body.includes("Rompimento de fibra")) throw new Error("a página não mostra as manutenções preparadas");
    // Warm-up: every worker loads its read model and fills its micro-cache.
    await runOpenLoop({ origin, paths: page, ratePerSecond: WARMUP_RATE, durationS: WARMUP_S });
    await runOpenLoop({ origin, paths: lookups, ratePerSecond: WARMUP_RATE, durationS: WARMUP_S });
    const counted = (await appStatements(true)) !== null;
    const load0 = loadavg()[0]!;
    const windowStart = Date.now();
    const cpu0 = serverCpuMs(server);
    const statusRun = await runOpenLoop({ origin, paths: page, ratePerSecond: rate, durationS: duration });
    const cpu1 = serverCpuMs(server);
    const cepRun = await runOpenLoop({ origin, paths: lookups, ratePerSecond: rate, durationS: duration });
    const cpu2 = serverCpuMs(server);
    const statements = counted ? await appStatements(false) : null;
    const windowS = (Date.now() - windowStart) / 1000;
    const load = loadavg().map((l) => l.toFixed(2)).join(" ");
    console.log(`\n[bench] ${total.toLocaleString("pt-BR")} clientes, ${workers} worker(s), ${rate} req/s por ${duration} s em cada fase (open-loop), ${lookups.length} CEPs; ${availableParallelism()} núcleos; load average antes ${load0.toFixed(2)}, depois ${load}\n`);
    console.log("fase                       agendadas  req/s   p50 ms   p99 ms   máx ms  erros  CPU do gerador");
    console.log(line("GET /status", statusRun));
    console.log(line("GET /status?q=<CEP>", cepRun));
    for (const [label, r] of [["/status", statusRun], ["CEP", cepRun]] as const) {
      if (r.non2xx + r.errors > 0) console.log(`  falhas em ${label}: ${Object.entries(r.failures).map(([k, n]) => `${k} × ${n}`).join(", ")}`);
    }
    // The server's own CPU per request does not depend on what else runs on the machine: it says whether
    // the rate fits in the cores at all.
    const perReq = [(cpu1 - cpu0) / statusRun.scheduled, (cpu2 - cpu1) / cepRun.scheduled];
    console.log(`CPU do servidor por requisição: /status ${perReq[0]!.toFixed(3)} ms, CEP ${perReq[1]!.toFixed(3)} ms (a ${rate} req/s: ${((perReq[0]! * rate) / 1000).toFixed(2)} e ${((perReq[1]! * rate) / 1000).toFixed(2)} núcleo)`);
    let pass = true;
    for (const [label, r] of [["/status", statusRun], ["CEP", cepRun]] as const) {
      const okRate = r.completed >= r.scheduled * TARGET_RATE_SHARE && r.non2xx + r.errors === 0;
      const okP99 = r.p99 <= TARGET_P99_MS;
      console.log(`${label}: ${r.rate.toFixed(0)} req/s (meta ${rate}) ${okRate ? "PASS" : "FAIL"}; p99 ${r.p99.toFixed(1)} ms (meta ≤ ${TARGET_P99_MS} ms) ${okP99 ? "PASS" : "FAIL"}`);
      pass &&= okRate && okP99;
    }
    const requests = statusRun.scheduled + cepRun.scheduled;
    if (statements) {
      // Each worker checks freshness once per interval (a timer): that, and nothing per request, is allowed.
      // Other statements come from the app's own timers (the notice outbox, the job queue's upkeep), which
      // run the same without visitors: they must stay far below one per thousand requests.
      const bound = Number(workers) * (Math.ceil((windowS * 1000) / REFRESH_MS) + 1);
      const okPage = statements.page <= bound;
      const okAll = statements.calls <= requests / 1000;
      console.log(`banco durante a medição (${windowS.toFixed(0)} s, ${requests.toLocaleString("pt-BR")} requisições):`);
      console.log(`  comandos da página de status: ${statements.page} (limite ${bound}: uma verificação a cada ${REFRESH_MS / 1000} s por worker) ${okPage ? "PASS" : "FAIL"}`);
      console.log(`  comandos do app, fora a fila de jobs: ${statements.calls} (limite ${requests / 1000}: 1 por mil requisições) ${okAll ? "PASS" : "FAIL"}`);
      for (const st of statements.top) console.log(`  ${String(st.calls).padStart(6)} × ${st.query}`);
      pass &&= okPage && okAll;
    } else {
      console.log("banco: pg_stat_statements indisponível (shared_preload_libraries): contagem não medida — FAIL");
      pass = false;
    }
    const cpuNote = Math.max(statusRun.generatorCpu, cepRun.generatorCpu);
    console.log(`gerador de carga: ${(cpuNote * 100).toFixed(0)} % de um núcleo no pico (divide os ${availableParallelism()} núcleos com o servidor).`);
    if (!pass && load0 > availableParallelism()) {
      console.log(`atenção: load average ${load0.toFixed(2)} acima do número de núcleos antes da medição: outros processos disputavam a CPU.`);
    }
    console.log(`[bench] ${pass ? "PASS" : "FAIL"}`);
  } finally {
    await stopServer(server);
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killServerNow();
    process.exit(130);
  });
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(`[bench] ${(err as Error).message}`);
    killServerNow();
    process.exit(1);
  },
);
