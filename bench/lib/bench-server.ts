// The production server (scripts/start-server.mjs) started for a benchmark, and stopped with its whole process
// group. Shared by bench/api.ts and bench/status.ts.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";

const SERVER_START_TIMEOUT_MS = 60_000;

export interface BenchServer {
  process: ChildProcess;
  /** CPU time (user + system, ms) used so far by the server's processes (primary and workers). */
  cpuMs(): number;
  stop(): Promise<void>;
  /** SIGKILL the group now (watchdog, Ctrl-C). */
  kill(): void;
}

/** CPU ms of every live process in a process group (Linux /proc: utime + stime, in clock ticks of 10 ms). */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command's closing parenthesis: state(3) ppid pgrp … utime(14) stime(15).
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10;
}

async function portAnswers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

/** Starts `npm start`'s server on `port` with `env` added; resolves once GET /login answers. */
export async function startBenchServer(port: number, env: Record<string, string>): Promise<BenchServer> {
  // Another server on the port (an e2e run, a dev server) would be measured instead of this build.
  if (await portAnswers(port)) throw new Error(`A porta ${port} já está em uso: escolha outra com --port.`);
  const child = spawn(process.execPath, ["scripts/start-server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  let stopping = false;
  // The server's errors are shown while measuring; once stopping, requests cut short are expected noise.
  child.stderr?.on("data", (chunk: Buffer) => {
    if (!stopping) process.stderr.write(chunk);
  });
  const signal = (sig: NodeJS.Signals | 0) => {
    try {
      if (child.pid) process.kill(-child.pid, sig);
      return Boolean(child.pid);
    } catch {
      return false; // the group is gone
    }
  };
  const server: BenchServer = {
    process: child,
    cpuMs: () => (child.pid ? groupCpuMs(child.pid) : 0),
    async stop() {
      stopping = true;
      if (!signal("SIGTERM")) return;
      for (let waited = 0; waited < 10_000; waited += 200) {
        await new Promise((r) => setTimeout(r, 200));
        if (!signal(0)) return;
      }
      // A server that ignores SIGTERM would keep a core busy and skew the next run.
      console.warn("[bench] o servidor não parou em 10 s: SIGKILL.");
      signal("SIGKILL");
    },
    kill() {
      stopping = true;
      signal("SIGKILL");
    },
  };
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/login`);
      if (res.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await server.stop();
  throw new Error(`O servidor não respondeu em http://127.0.0.1:${port} em 60 s (rodou \`npx next build\`?)`);
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} saiu com ${code}`))));
  });
}

/** A pg client for the admin database of the cluster `url` points at (Unix socket when ?host= is given). */
export function adminClient(url: URL, database = "postgres"): pg.Client {
  return new pg.Client({ host: url.searchParams.get("host") ?? url.hostname, port: Number(url.port || 5432), user: url.username, database });
}

/** Refuses a non-local database, creates it when missing and seeds `customers` demo customers when empty. */
export async function ensureBenchDatabase(url: URL, customers: number): Promise<void> {
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname)) {
    throw new Error(`Recusado: o benchmark só roda contra um PostgreSQL local (recebido ${url.hostname}).`);
  }
  const dbName = url.pathname.slice(1);
  const admin = adminClient(url);
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${dbName.replace(/"/g, "")}"`);
  await admin.end();
  await run("npx", ["tsx", "prisma/seed.ts", "--if-empty", "--customers", String(customers)], { ...process.env, DATABASE_URL: url.toString() });
}
