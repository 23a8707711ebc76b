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
//   RAIO_MICRO_CACHE=0 turns off the public pages' micro-cache (below; on by default)
//
// Micro-cache: a GET answer that carries the header x-raio-micro-cache: <ms> (the public status page and its
// feed, app/status) is kept in this process's memory for that long and served again without entering Next:
// Next's own work per request (routing, the proxy, rendering) costs a few milliseconds of CPU, which caps a
// 2-core server far below the thousands of visits per second an outage brings to the status page. The data
// itself already comes from memory (lib/status-page/status-read-model.ts); this removes the framework's share.
// Only answers the route marked public and identical for everyone are kept (no cookie is read by them);
// entries are keyed by the full URL, bounded in number, refreshed by one request while the others get the
// previous copy, and answered 304 to a matching If-None-Match. See docs/pagina-de-status.md.
//
// A worker that dies is replaced (not more than 5 times in 30 s: then the whole server stops, so a
// supervisor sees the failure). SIGINT/SIGTERM stop every worker and then the primary.
import cluster from "node:cluster";
import http from "node:http";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";

const require = createRequire(import.meta.url);
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
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
  // X-Forwarded-* are guarded by the app's front door (lib/http/api-front.ts), installed in every server process.
  if (!["0", "false", "nao", "no"].includes((process.env.RAIO_MICRO_CACHE ?? "").trim().toLowerCase())) installMicroCache();
  const args = process.argv.slice(2);
  // Idle keep-alive connections stay open longer than the usual proxy's or client pool's (nginx and most load
  // balancers: 60 s): Node's default (5 s) closes a connection just as a client reuses it, and that request
  // fails with ECONNRESET (seen under the chatbot's load). An explicit --keepAliveTimeout wins.
  if (!args.some((a) => a.startsWith("--keepAliveTimeout"))) args.push("--keepAliveTimeout", String(KEEP_ALIVE_TIMEOUT_MS));
  process.argv = [process.argv[0], NEXT_BIN, "start", ...args];
  require(NEXT_BIN);
}

// The paths whose answers may be micro-cached (the route still decides, through its header).
const MICRO_CACHE_PATHS = new Set(["/status", "/status/feed.xml"]);
const MICRO_CACHE_HEADER = "x-raio-micro-cache";
// An answer carrying a stamp stays valid past its time while the app's current stamp is the same
// (globalThis.__raioMicroCacheStamp, set by lib/status-page/status-read-model.ts), up to MICRO_CACHE_MAX_AGE_MS.
const MICRO_CACHE_STAMP_HEADER = "x-raio-micro-cache-stamp";
const MICRO_CACHE_MAX_AGE_MS = 60_000;
// Entries kept per process (distinct URLs: the page, the feed, each CEP looked up); the oldest goes first.
const MICRO_CACHE_MAX_ENTRIES = 5_000;
// Longest URL cached (a lookup is short; longer ones go to Next every time).
const MICRO_CACHE_MAX_URL = 300;
// How long an expired entry may still be served while one request refreshes it (a refresh that takes longer,
// or failed, lets the next request try again).
const MICRO_CACHE_STALE_MS = 30_000;
// Requests for a URL not cached yet wait for the one already asking Next (collapsed), at most this many.
const MICRO_CACHE_MAX_WAITERS = 1_000;
// Hop-by-hop and per-answer headers never replayed from the cache.
const NOT_REPLAYED = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", MICRO_CACHE_HEADER, MICRO_CACHE_STAMP_HEADER]);

function installMicroCache() {
  const { createHash } = require("node:crypto");
  const cache = new Map(); // url → { headers, body, etag, expires, refreshing: since when (ms) or 0 }
  const waiting = new Map(); // url → [{ req, res, pass }]: requests waiting for the first answer of that URL
  const cacheable = (req) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || !req.url || req.url.length > MICRO_CACHE_MAX_URL) return false;
    const q = req.url.indexOf("?");
    return MICRO_CACHE_PATHS.has(q === -1 ? req.url : req.url.slice(0, q));
  };
  const serve = (entry, req, res) => {
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, { etag: entry.etag, "cache-control": entry.headers["cache-control"] ?? "no-cache" });
      res.end();
      return;
    }
    res.writeHead(200, { ...entry.headers, etag: entry.etag, "content-length": entry.body.length });
    res.end(req.method === "HEAD" ? undefined : entry.body);
  };
  const capture = (req, res, key) => {
    const chunks = [];
    const { write, end, writeHead } = res;
    // A leader that never ends (connection cut mid-answer) must not strand the requests collapsed behind it.
    res.once("close", () => {
      const waiters = waiting.get(key);
      if (!waiters || res.writableEnded) return;
      waiting.delete(key);
      for (const w of waiters) w.pass();
    });
    let ttl = 0;
    let stamp = null;
    // The hint is read and removed before the headers leave (Next sets headers, then writes the head).
    res.writeHead = function (...args) {
      const hint = Number(res.getHeader(MICRO_CACHE_HEADER));
      if (Number.isFinite(hint) && hint > 0) ttl = hint;
      stamp = res.getHeader(MICRO_CACHE_STAMP_HEADER) ?? null;
      res.removeHeader(MICRO_CACHE_HEADER);
      res.removeHeader(MICRO_CACHE_STAMP_HEADER);
      return writeHead.apply(this, args);
    };
    res.write = function (chunk, ...rest) {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk));
      return write.call(this, chunk, ...rest);
    };
    res.end = function (chunk, ...rest) {
      if (chunk && typeof chunk !== "function") chunks.push(Buffer.from(chunk));
      if (!res.headersSent) res.writeHead(res.statusCode);
      const result = end.call(this, chunk, ...rest);
      const stale = cache.get(key);
      if (stale) stale.refreshing = 0;
      let stored = null;
      // An answer that sets a cookie is somebody's own: never replayed to others.
      if (ttl > 0 && res.statusCode === 200 && req.method === "GET" && !res.hasHeader("set-cookie")) {
        const body = Buffer.concat(chunks);
        const headers = {};
        for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_REPLAYED.has(name)) headers[name] = value;
        const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
        cache.delete(key);
        if (cache.size >= MICRO_CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value);
        const now = Date.now();
        stored = { headers, body, etag, expires: now + ttl, stamp, storedAt: now, refreshing: 0 };
        cache.set(key, stored);
      }
      // The collapsed requests get this answer from memory, or (not cacheable) go to Next themselves.
      const waiters = waiting.get(key);
      waiting.delete(key);
      for (const w of waiters ?? []) {
        if (stored) serve(stored, w.req, w.res);
        else w.pass();
      }
      return result;
    };
  };
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, res, ...rest) {
    if (event === "request" && cacheable(req)) {
      const entry = cache.get(req.url);
      const now = Date.now();
      const fresh = entry && (entry.expires > now || (entry.stamp !== null && now - entry.storedAt < MICRO_CACHE_MAX_AGE_MS && entry.stamp === globalThis.__raioMicroCacheStamp?.()));
      if (entry && (fresh || (entry.refreshing && now - entry.refreshing < MICRO_CACHE_STALE_MS))) {
        serve(entry, req, res);
        return true;
      }
      if (entry) entry.refreshing = now;
      else {
        const queue = waiting.get(req.url);
        if (queue && queue.length < MICRO_CACHE_MAX_WAITERS) {
          queue.push({ req, res, pass: () => emit.call(this, event, req, res, ...rest) });
          return true;
        }
        if (!queue) waiting.set(req.url, []);
      }
      // An identity body is what the cache keeps and replays (the pages are small).
      delete req.headers["accept-encoding"];
      capture(req, res, req.url);
    }
    return emit.call(this, event, req, res, ...rest);
  };
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
