// An open-loop HTTP load generator: requests leave on a fixed schedule (rate per second) whether or not the
// earlier ones have been answered, and each latency is measured from the request's SCHEDULED time. A closed
// loop (wrk, autocannon) waits for an answer before sending the next request on a connection, so a stalled
// server also slows the load and hides the wait (coordinated omission); here a stall shows in the tail.
import http from "node:http";
import { percentile } from "./stats";

/** A request of the rotation when it is more than a GET of a path. */
export interface OpenLoopRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface OpenLoopOptions {
  origin: string;
  /** Rotated through in order (GETs), or `requests` for other methods and bodies. */
  paths?: readonly string[];
  requests?: readonly OpenLoopRequest[];
  /** Sent with every request (e.g. Authorization). */
  headers?: Record<string, string>;
  ratePerSecond: number;
  durationS: number;
  /** Keep-alive connections at most (more are opened while answers are outstanding). Default 256. */
  maxSockets?: number;
  /** A request not answered in this long counts as an error. Default 10 s. */
  timeoutMs?: number;
}

export interface OpenLoopResult {
  /** The schedule asked: requests per second over durationS. */
  targetRate: number;
  durationS: number;
  scheduled: number;
  completed: number;
  non2xx: number;
  errors: number;
  /** Error kinds and status codes seen, with their counts ("ECONNRESET": 3, "HTTP 503": 1). */
  failures: Record<string, number>;
  /** Achieved completions per second over the schedule's duration. */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  /** The generator's own CPU time over wall time (1.0 = one core busy). */
  generatorCpu: number;
}

/** How often the scheduler wakes to send what is due (sub-millisecond accuracy is not needed). */
const TICK_MS = 1;

export async function runOpenLoop(opts: OpenLoopOptions): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.maxSockets ?? 256 });
  const url = new URL(opts.origin);
  const rotation: readonly OpenLoopRequest[] = opts.requests ?? (opts.paths ?? []).map((path) => ({ method: "GET" as const, path }));
  if (rotation.length === 0) throw new Error("runOpenLoop: informe paths ou requests");
  const total = Math.round(opts.ratePerSecond * opts.durationS);
  const intervalMs = 1000 / opts.ratePerSecond;
  const latencies = new Float64Array(total);
  let completed = 0, non2xx = 0, errors = 0, sent = 0, settled = 0;
  const failures: Record<string, number> = {};
  const fail = (kind: string) => (failures[kind] = (failures[kind] ?? 0) + 1);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await new Promise<void>((resolve) => {
    const settle = () => {
      settled++;
      if (settled === total) resolve();
    };
    const fire = (i: number, scheduledAt: number) => {
      const r = rotation[i % rotation.length]!;
      const headers = { ...opts.headers, ...(r.body ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(r.body)) } : {}) };
      const req = http.request(
        { host: url.hostname, port: url.port, path: r.path, agent, method: r.method, headers, timeout: opts.timeoutMs ?? 10_000 },
        (res) => {
          res.resume();
          res.on("end", () => {
            if ((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300) {
              latencies[completed++] = performance.now() - scheduledAt;
            } else {
              non2xx++;
              fail(`HTTP ${res.statusCode}`);
            }
            settle();
          });
        },
      );
      req.on("timeout", () => req.destroy(new Error("timeout")));
      req.on("error", (err: NodeJS.ErrnoException) => {
        errors++;
        fail(err.code ?? err.message);
        settle();
      });
      req.end(r.body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && t0 + sent * intervalMs <= now) {
        fire(sent, t0 + sent * intervalMs);
        sent++;
      }
      if (sent < total) setTimeout(tick, TICK_MS);
    };
    tick();
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  const samples = Array.from(latencies.subarray(0, completed));
  return {
    targetRate: opts.ratePerSecond,
    durationS: opts.durationS,
    scheduled: total,
    completed,
    non2xx,
    errors,
    failures,
    rate: completed / opts.durationS,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    max: samples.length ? samples.reduce((m, v) => Math.max(m, v), 0) : Number.NaN,
    generatorCpu: (cpu.user + cpu.system) / 1000 / wallMs,
  };
}
