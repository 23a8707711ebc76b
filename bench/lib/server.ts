// The production server (scripts/start-server.mjs) started and stopped by a benchmark: its own process
// group (stopped as a whole), the port checked free first, and "up" meaning the readiness endpoint says so.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const SERVER_START_TIMEOUT_MS = 120_000;
const POLL_MS = 100;

let stopping = false;
let current: ChildProcess | undefined;

async function portAnswers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/v1/health`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

export interface StartedServer {
  server: ChildProcess;
  /** Milliseconds from spawning the server to the first 200 of `readyPath`. */
  readyMs: number;
}

/**
 * Starts `workers` workers on `port` against `databaseUrl` and waits until `readyPath` answers 200
 * (GET /api/v1/health/ready: what a load balancer waits for). Refuses a port another server uses.
 */
export async function startServer(opts: { port: number; workers: string; databaseUrl: string; readyPath?: string; env?: Record<string, string | undefined> }): Promise<StartedServer> {
  const { port } = opts;
  // Another server on the port (an e2e run, a dev server) would be measured instead of this build.
  if (await portAnswers(port)) throw new Error(`A porta ${port} já está em uso: escolha outra com --port.`);
  stopping = false;
  const started = performance.now();
  const server = spawn(process.execPath, ["scripts/start-server.mjs", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...opts.env, DATABASE_URL: opts.databaseUrl, NEXT_TELEMETRY_DISABLED: "1", RAIO_WORKERS: opts.workers },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  current = server;
  // The server's errors are shown while measuring; once stopping, requests cut short are expected noise.
  server.stderr?.on("data", (chunk: Buffer) => {
    if (!stopping) process.stderr.write(chunk);
  });
  const readyPath = opts.readyPath ?? "/api/v1/health/ready";
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}${readyPath}`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return { server, readyMs: performance.now() - started };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  await stopServer(server);
  throw new Error(`O servidor não ficou pronto em http://127.0.0.1:${port}${readyPath} em ${SERVER_START_TIMEOUT_MS / 1000} s (rodou \`npx next build\`?)`);
}

/** Stops the server's whole process group: SIGTERM, then SIGKILL for whatever is left after 10 s. */
export async function stopServer(server: ChildProcess): Promise<void> {
  stopping = true;
  const pid = server.pid;
  if (!pid) return;
  const signal = (sig: NodeJS.Signals | 0) => {
    try {
      process.kill(-pid, sig);
      return true;
    } catch {
      return false; // the group is gone
    }
  };
  if (!signal("SIGTERM")) return;
  for (let waited = 0; waited < 10_000; waited += 200) {
    await new Promise((r) => setTimeout(r, 200));
    if (!signal(0)) return;
  }
  // A server that ignores SIGTERM would keep a core busy and skew the next run.
  console.warn("[bench] o servidor não parou em 10 s: SIGKILL.");
  signal("SIGKILL");
}

/** Immediate stop (watchdog, Ctrl-C): SIGKILL to the current server's group. */
export function killServerNow(): void {
  stopping = true;
  try {
    if (current?.pid) process.kill(-current.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** CPU time (user + system, ms) used so far by the server's processes (primary and workers: its process group). */
export function serverCpuMs(server: ChildProcess): number {
  const pgid = server.pid;
  if (!pgid) return 0;
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
  return ticks * 10; // Linux clock ticks of 10 ms
}
