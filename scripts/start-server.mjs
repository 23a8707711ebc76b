#!/usr/bin/env node
// The production server (`npm start`, `setup-and-start.mjs --prod`, the e2e tests, `npm run bench:api`): `next start`
// run as one worker process per CPU core (node:cluster: the workers share the listening port) when the
// database is a PostgreSQL server, and as a single process on the embedded PGlite, which one process owns.
//
//   RAIO_WORKERS=N    number of workers (default: the CPU count on PostgreSQL, 1 on PGlite)
//   extra arguments   go to `next start` (--port, --hostname…)
//
// Why: one Node process runs JavaScript on one core, and Next's per-request work saturates it long before
// PostgreSQL does, so throughput grows with the number of workers up to the core count (`npm run bench:api
// -- --workers N` measures it). The app is built for several instances:
// in-memory indexes and caches check a version stamp in the database (lib/maintenance/geo-version.ts),
// and nothing else keeps state between requests in memory.
//
// A worker that dies is replaced (not more than 5 times in 30 s: then the whole server stops, so a
// supervisor sees the failure). SIGINT/SIGTERM stop every worker and then the primary.
import cluster from "node:cluster";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve("next/dist/bin/next");

if (cluster.isPrimary) {
  const usesPglite = !process.env.DATABASE_URL;
  const asked = process.env.RAIO_WORKERS ? Number(process.env.RAIO_WORKERS) : null;
  if (asked !== null && !(Number.isInteger(asked) && asked >= 1)) {
    console.error(`[raio] RAIO_WORKERS deve ser um inteiro ≥ 1 (recebido "${process.env.RAIO_WORKERS}").`);
    process.exit(2);
  }
  let workers = asked ?? (usesPglite ? 1 : availableParallelism());
  if (usesPglite && workers > 1) {
    console.warn("[raio] PGlite é embutido num só processo: iniciando 1 worker (use DATABASE_URL para vários).");
    workers = 1;
  }
  if (workers === 1) {
    // No cluster: the server runs in this very process (signals, exit code and logs as plain `next start`).
    runNext();
  } else {
    superviseWorkers(workers);
  }
} else {
  runNext();
}

function runNext() {
  process.argv = [process.argv[0], NEXT_BIN, "start", ...process.argv.slice(2)];
  require(NEXT_BIN);
}

function superviseWorkers(count) {
  console.log(`[raio] servidor de produção com ${count} workers (RAIO_WORKERS para mudar).`);
  let stopping = false;
  const restarts = [];
  for (let i = 0; i < count; i++) cluster.fork();
  relayBroadcasts();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    const now = Date.now();
    while (restarts.length > 0 && now - restarts[0] > 30_000) restarts.shift();
    if (restarts.length >= 5) {
      console.error("[raio] workers caindo em sequência (5 em 30 s): parando o servidor.");
      stop("SIGTERM", 1);
      return;
    }
    restarts.push(now);
    console.error(`[raio] worker ${worker.process.pid} saiu (${signal ?? `código ${code}`}); iniciando outro.`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, 1_000);
  });
  let exitCode = 0;
  function stop(signal, code = 0) {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(exitCode);
    for (const w of alive) w?.process.kill(signal);
    // A worker that does not stop in 10 s is killed.
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGKILL");
      process.exit(exitCode);
    }, 10_000).unref();
  }
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
}

// lib/cluster/broadcast.ts: a worker's message goes to every other worker; once they have all acknowledged it
// (or after a second), the sender is told, and the request that caused it can be answered.
function relayBroadcasts() {
  const waiting = new Map(); // ref → { sender, left: Set<worker id>, timer }
  const finish = (ref) => {
    const entry = waiting.get(ref);
    if (!entry) return;
    waiting.delete(ref);
    clearTimeout(entry.timer);
    if (entry.sender.isConnected()) entry.sender.send({ type: "raio:broadcast-done", ref });
  };
  cluster.on("message", (worker, m) => {
    if (m?.type === "raio:broadcast" && typeof m.ref === "string") {
      const others = Object.values(cluster.workers ?? {}).filter((w) => w && w.id !== worker.id && w.isConnected());
      const entry = { sender: worker, left: new Set(others.map((w) => w.id)), timer: setTimeout(() => finish(m.ref), 1_000) };
      waiting.set(m.ref, entry);
      for (const w of others) w.send(m);
      if (entry.left.size === 0) finish(m.ref);
    } else if (m?.type === "raio:broadcast-ack" && typeof m.ref === "string") {
      const entry = waiting.get(m.ref);
      if (!entry) return;
      entry.left.delete(worker.id);
      if (entry.left.size === 0) finish(m.ref);
    }
  });
  // A worker that dies owes no acknowledgement.
  cluster.on("exit", (worker) => {
    for (const [ref, entry] of waiting) {
      entry.left.delete(worker.id);
      if (entry.left.size === 0) finish(ref);
    }
  });
}
