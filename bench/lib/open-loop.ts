// Open-loop load: requests sent on a fixed schedule (rate per second), whatever the server's answers, with
// each latency counted from the request's SCHEDULED time (so a stalled server is not hidden by a generator
// that waits for it: no coordinated omission). Also reports the generator's own CPU, which shares the cores.
import http from "node:http";
import { percentile } from "./stats";

export interface OpenLoopRequest {
  method: "GET" | "POST";
  path: string;
  body?: string;
}

export interface OpenLoopResult {
  rate: number;
  seconds: number;
  sent: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  /** CPU used by this process (the generator) as a share of one core over the run. */
  generatorCpu: number;
}

// Sockets kept open at most: enough for 400 req/s at a few hundred ms each without queueing in the agent.
const MAX_SOCKETS = 256;
const TICK_MS = 1;

export async function runOpenLoop(opts: {
  port: number;
  rate: number;
  seconds: number;
  headers: Record<string, string>;
  requests: readonly OpenLoopRequest[];
}): Promise<OpenLoopResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_SOCKETS });
  const total = Math.round(opts.rate * opts.seconds);
  const interval = 1000 / opts.rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let finished = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();

  await new Promise<void>((resolve) => {
    const fire = (i: number) => {
      const scheduled = t0 + i * interval;
      const r = opts.requests[i % opts.requests.length]!;
      const req = http.request(
        {
          host: "127.0.0.1", port: opts.port, method: r.method, path: r.path, agent,
          headers: { ...opts.headers, ...(r.body ? { "content-type": "application/json", "content-length": Buffer.byteLength(r.body) } : {}) },
        },
        (res) => {
          res.resume();
          res.on("end", () => {
            latencies.push(performance.now() - scheduled);
            if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) non2xx++;
            if (++finished === total) resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        if (++finished === total) resolve();
      });
      req.end(r.body);
    };
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - t0) / interval) + 1);
      while (sent < due) fire(sent++);
      if (sent < total) setTimeout(tick, TICK_MS);
    };
    tick();
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  agent.destroy();
  return {
    rate: opts.rate,
    seconds: opts.seconds,
    sent,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    non2xx,
    errors,
    generatorCpu: (cpu.user + cpu.system) / 1000 / wallMs,
  };
}
