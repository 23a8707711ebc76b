// npm run bench:api [-- --customers 100000 --duration 10 --connections 32 --port 3303 --workers N]
// Throughput and latency of GET /api/v1/diagnostics against a trivial authenticated route (GET /api/v1/me)
// on the same built server, on PostgreSQL with N demo customers. Targets (issue 3): diagnostics keeps at
// least half the trivial route's req/s, and its p99 stays under 50 ms, at 32 connections.
//
// The server is the production one (scripts/start-server.mjs: one worker per core, or --workers N). The load
// comes from wrk (C, one thread; scripts/bench-api.sh installs Debian's package when it can), else from
// autocannon, which runs in Node and competes with the server for the same cores.
//
// Needs a build (`npx next build`, or RAIO_DIST_DIR=… for another folder) and a local PostgreSQL:
// BENCH_DATABASE_URL (default postgresql://app@127.0.0.1:55432/raio_bench; local hosts only). The database
// is created and seeded when empty (100,000 customers take about 40 s). Each route gets a warm-up, then
// a fixed duration: the whole run is bounded (~2 × (warm-up + duration) after the server is up; a watchdog
// stops the server and exits if it takes much longer). It refuses a --port another server already uses.
// Prints both routes' req/s, p50 and p99, their ratio, the load average, and PASS/FAIL per target; also the
// trivial route's own p99, the floor under any route of this server.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { ensureBenchDatabase } from "./lib/bench-server";
import { killServerNow, startServer, stopServer } from "./lib/server";

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number; max: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const TARGET_RATIO = 0.5; // diagnostics ≥ half the trivial route's throughput
const TARGET_P99_MS = 50;
const SAMPLE_CUSTOMERS = 2_000; // distinct customers the diagnostics requests rotate through
const WARMUP_S = 3;
const SERVER_START_TIMEOUT_MS = 120_000; // bench/lib/server.ts waits this long for readiness

const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "100000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "32" },
    port: { type: "string", default: "3303" },
    workers: { type: "string" },
  },
});
const customers = Number(values.customers);
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = Number(values.port);
const workers = values.workers ?? process.env.RAIO_WORKERS ?? String(availableParallelism());
const hasWrk = spawnSync("wrk", ["--version"]).error === undefined;
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://app@127.0.0.1:55432/raio_bench");

async function ensureDatabase(): Promise<void> {
  await ensureBenchDatabase(url, customers);
}

async function prepare(): Promise<{ token: string; documents: string[]; total: number }> {
  process.env.DATABASE_URL = url.toString();
  const { createApiToken } = await import("../lib/auth/api-tokens");
  const { db, closeDb } = await import("../lib/db");
  const { token } = await createApiToken({ name: `bench ${new Date().toISOString()}`, role: "AGENT" });
  const total = await db.customer.count();
  if (total < customers) console.warn(`[bench] atenção: o banco tem ${total} clientes (pedido: ${customers}).`);
  const step = Math.max(1, Math.floor(total / SAMPLE_CUSTOMERS));
  const rows = await db.$queryRawUnsafe<{ document: string }[]>(
    `SELECT document FROM "Customer" WHERE id % ${step} = 0 ORDER BY id LIMIT ${SAMPLE_CUSTOMERS}`,
  );
  await closeDb();
  return { token, documents: rows.map((r) => r.document), total };
}

async function measure(label: string, token: string, paths: string[], seconds: number): Promise<LoadResult & { label: string }> {
  return { label, ...(hasWrk ? await measureWrk(token, paths, seconds) : await measureAutocannon(token, paths, seconds)) };
}

async function measureAutocannon(token: string, paths: string[], seconds: number): Promise<LoadResult> {
  let i = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${token}` },
    requests: [{ method: "GET", setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
}

// wrk with a script that rotates through the paths and prints its summary as JSON on the last line.
const WRK_SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("RAIO_BENCH_PATHS")) do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"status":%d,"errors":%d,"timeouts":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status,
    e.connect + e.read + e.write, e.timeout))
end
`;
let wrkDir: string | undefined;

async function measureWrk(token: string, paths: string[], seconds: number): Promise<LoadResult> {
  wrkDir ??= mkdtempSync(path.join(tmpdir(), "raio-bench-"));
  const pathsFile = path.join(wrkDir, `paths-${paths.length}-${paths[0]!.length}.txt`);
  writeFileSync(pathsFile, paths.join("\n") + "\n");
  writeFileSync(path.join(wrkDir, "rotate.lua"), WRK_SCRIPT);
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-H", `authorization: Bearer ${token}`];
  args.push("-s", path.join(wrkDir, "rotate.lua"), `http://127.0.0.1:${port}`);
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn("wrk", args, { env: { ...process.env, RAIO_BENCH_PATHS: pathsFile }, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (c: Buffer) => (text += c.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk saiu com ${code}`))));
  });
  const last = out.trim().split("\n").pop() ?? "";
  const r = JSON.parse(last) as { requests: number; durationUs: number; p50Us: number; p99Us: number; status: number; errors: number; timeouts: number };
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    requests: { average: r.requests / (r.durationUs / 1e6) },
    latency: { p50: ms(r.p50Us), p99: ms(r.p99Us) },
    non2xx: r.status,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

async function main() {
  await ensureDatabase();
  const { token, documents, total } = await prepare();
  armWatchdog();
  const { server } = await startServer({ port, workers, databaseUrl: url.toString() });
  try {
    const me = ["/api/v1/me"];
    const diag = documents.map((d) => `/api/v1/diagnostics?cpf=${d}`);
    const probe = await fetch(`http://127.0.0.1:${port}${diag[0]}`, { headers: { authorization: `Bearer ${token}` } });
    if (!probe.ok) throw new Error(`diagnostics respondeu ${probe.status}: ${await probe.text()}`);
    await measure("warm-up", token, me, WARMUP_S);
    await measure("warm-up", token, diag, WARMUP_S);
    const trivial = await measure("GET /api/v1/me", token, me, duration);
    const diagnostics = await measure("GET /api/v1/diagnostics", token, diag, duration);
    const load = loadavg().map((l) => l.toFixed(2)).join(" ");
    console.log(
      `\n[bench] ${total.toLocaleString("pt-BR")} clientes, ${connections} conexões, ${duration} s por rota, ${workers} worker(s), carga por ${hasWrk ? "wrk" : "autocannon"}, PostgreSQL por ${url.searchParams.has("host") ? "socket Unix" : "TCP"}; load average ${load}\n`,
    );
    console.log("rota                        req/s     p50 ms   p99 ms   não-2xx  erros");
    for (const r of [trivial, diagnostics]) {
      console.log(
        `${r.label.padEnd(26)} ${r.requests.average.toFixed(0).padStart(7)} ${String(r.latency.p50).padStart(9)} ${String(r.latency.p99).padStart(8)} ${String(r.non2xx).padStart(9)} ${String(r.errors + r.timeouts).padStart(6)}`,
      );
    }
    const ratio = diagnostics.requests.average / trivial.requests.average;
    const okRatio = ratio >= TARGET_RATIO;
    const okP99 = diagnostics.latency.p99 < TARGET_P99_MS;
    const clean = diagnostics.non2xx === 0 && diagnostics.errors + diagnostics.timeouts === 0 && trivial.non2xx === 0;
    console.log(`\nrazão diagnostics/me: ${ratio.toFixed(2)} (meta ≥ ${TARGET_RATIO}) ${okRatio ? "PASS" : "FAIL"}`);
    console.log(`p99 diagnostics: ${diagnostics.latency.p99} ms (meta < ${TARGET_P99_MS} ms) ${okP99 ? "PASS" : "FAIL"}`);
    // Little's law: with a fixed number of connections, the mean latency is connections ÷ throughput.
    console.log(`(a ${connections} conexões, p99 < ${TARGET_P99_MS} ms pede mais de ~${Math.ceil((connections * 1000) / TARGET_P99_MS)} req/s)`);
    // The trivial route runs the same framework, authentication and HTTP path with no database work: its p99
    // is the floor under every route of this server, so a floor above the target means no diagnostics code
    // can meet it on the machine measured.
    console.log(
      `piso: p99 da rota trivial ${trivial.latency.p99} ms ${trivial.latency.p99 < TARGET_P99_MS ? "(abaixo da meta)" : `(já acima da meta de ${TARGET_P99_MS} ms sem nenhum trabalho de banco)`}`,
    );
    if (!clean) console.log("FAIL: houve respostas não-2xx, erros ou timeouts");
    console.log(`[bench] ${okRatio && okP99 && clean ? "PASS" : "FAIL"}`);
  } finally {
    await stopServer(server);
  }
}

// Hard bound on the whole run (the seeding of an empty database aside, which runs before the timer).
function armWatchdog(): void {
  const ms = SERVER_START_TIMEOUT_MS + 4 * (WARMUP_S + duration) * 1000 + 30_000;
  setTimeout(() => {
    console.error(`[bench] tempo esgotado (${Math.round(ms / 1000)} s): parando o servidor.`);
    killServerNow();
    process.exit(2);
  }, ms).unref();
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
    process.exit(1);
  },
);
