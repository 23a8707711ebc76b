// The API's front door, run on the Node.js HTTP server before Next.js routes the request (installed by
// instrumentation-node.ts in every server process). It does for /api what proxy.ts does for pages, without
// Next's middleware machinery: running proxy.ts for an API request made Next build a web Request, an abort
// signal and a second routing pass, which halved the throughput of every API route (measured: /api/v1/health
// ~400 → ~800 req/s per worker, /api/v1/me ~500 → ~830). Pages still go through proxy.ts (their CSP nonce).
// - every API answer carries the security headers and the API's CSP (lib/http/security-headers.ts);
// - a NUL character in the query string → 400 naming the parameter, before any route reads it;
// - a wrong method on an existing API route → JSON 405 with Allow (Next would answer an empty 405).
// - the fast lane: the chatbot's hot routes (diagnostics, contacts: hundreds a second in an outage) are handed
//   to their route handler here, as a web Request, without Next's routing and rendering pipeline. The handler
//   is the very function the route file exports (instrumentation-node.ts passes them in), so the answer is
//   the same; Next's share of the CPU per request goes (measured in docs/desempenho.md). RAIO_API_FAST_LANE=0
//   sends them through Next like every other route.
// It also guards X-Forwarded-* for every request (pages too): they are believed only from a reverse proxy
// (RAIO_TRUST_PROXY=1); otherwise a client could forge its address (and dodge the per-IP login limit) or its
// host, so the socket's address replaces whatever it sent before anything reads it (lib/http/client-ip.ts).
import http from "node:http";
import { allowedMethods } from "./api-methods";
import { API_CSP, COMMON_SECURITY_HEADERS } from "./security-headers";
import { rejectNulInSearchParams } from "./reject-nul";
import { AppError, errorResponse, toErrorBody } from "../errors";
import { processSlot } from "../process-slot";
import { MAX_JSON_BYTES } from "./read-json";
import { incompleteBody, payloadTooLarge } from "./read-body";
import { getEnv } from "../env";

export interface FrontDecision {
  /** Headers every answer to this request carries. */
  headers: Record<string, string>;
  /** When set, the request is answered here and never reaches Next. */
  answer?: { status: number; headers: Record<string, string>; body: string };
}

const API_HEADERS: Record<string, string> = { ...COMMON_SECURITY_HEADERS, "content-security-policy": API_CSP };

function refuse(err: unknown): FrontDecision["answer"] {
  const { status, body, headers } = toErrorBody(err);
  return { status, headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
}

/** What the front door does with `method url` (the raw request line): null for anything but the API. */
export function decideApiFront(method: string, url: string): FrontDecision | null {
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (pathname !== "/api" && !pathname.startsWith("/api/")) return null;
  if (q !== -1) {
    try {
      rejectNulInSearchParams(new URLSearchParams(url.slice(q + 1)));
    } catch (err) {
      return { headers: API_HEADERS, answer: refuse(err) };
    }
  }
  const allow = allowedMethods(pathname);
  if (allow && !allow.includes(method)) {
    const err = new AppError("METHOD_NOT_ALLOWED", `Método ${method} não é aceito em ${pathname}: use ${allow.join(", ")}.`, {
      headers: { allow: allow.join(", ") },
    });
    return { headers: API_HEADERS, answer: refuse(err) };
  }
  return { headers: API_HEADERS };
}

/**
 * A route handler as the route file exports it: a web Request (and its params) in, a Response out. Each
 * handler types its own params; the lane hands over the decoded `:name` segments of its pattern.
 */
export type FastLaneHandler = (req: Request, ctx: { params: Promise<never> }) => Promise<Response> | Response;

/**
 * Routes served by the fast lane: a path pattern ("/api/v1/diagnostics", or with `:name` segments as
 * "/api/v1/chatbot/diagnostics/:field/:value") and its handlers by method. Other methods go to Next.
 */
export type FastLane = readonly { pattern: string; methods: Partial<Record<"GET" | "POST", FastLaneHandler>> }[];

interface CompiledRoute {
  segments: readonly string[];
  methods: Partial<Record<string, FastLaneHandler>>;
}

export function compileFastLane(lane: FastLane): CompiledRoute[] {
  return lane.map((r) => ({ segments: r.pattern.split("/"), methods: r.methods }));
}

/** The handler and the decoded params for `method pathname`, or null (the request goes to Next). */
export function matchFastLane(routes: readonly CompiledRoute[], method: string, pathname: string): { handler: FastLaneHandler; params: Record<string, string> } | null {
  const parts = pathname.split("/");
  for (const route of routes) {
    const handler = route.methods[method];
    if (!handler || route.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = route.segments[i]!;
      if (seg.startsWith(":")) {
        try {
          params[seg.slice(1)] = decodeURIComponent(parts[i]!);
        } catch {
          return null; // malformed percent-encoding: Next answers it as it answers any such path
        }
        ok = parts[i] !== "";
      } else {
        ok = seg === parts[i];
      }
    }
    if (ok) return { handler, params };
  }
  return null;
}

/** X-Forwarded-* are a client's word unless a reverse proxy (RAIO_TRUST_PROXY=1) put them there. */
function guardForwardedHeaders(req: http.IncomingMessage, trustProxy: boolean): void {
  if (trustProxy) return;
  req.headers["x-forwarded-for"] = req.socket?.remoteAddress ?? "";
  delete req.headers["x-forwarded-host"];
  delete req.headers["x-forwarded-proto"];
  delete req.headers["x-forwarded-port"];
}

/**
 * The whole body, read before the handler runs (the lane's routes take small JSON): the connection is left
 * clean for its next request even when the handler answers without reading (a bad token), and no web stream
 * is built per request. More than MAX_JSON_BYTES (the API's largest JSON body) is refused with 413; the
 * route's own smaller limit still applies to what it reads.
 */
function readNodeBody(req: http.IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) return Promise.reject(payloadTooLarge(MAX_JSON_BYTES, declared));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on("data", (chunk: Buffer) => {
      total += chunk.length;
      if (total > MAX_JSON_BYTES) {
        req.removeAllListeners("data");
        req.pause();
        reject(payloadTooLarge(MAX_JSON_BYTES));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, total)));
    req.on("error", () => reject(incompleteBody()));
  });
}

/** The Node request as the web Request a route handler reads. */
function toWebRequest(req: http.IncomingMessage, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  try {
    return new Request(`http://${req.headers.host ?? "localhost"}${req.url ?? "/"}`, { method: req.method ?? "GET", headers, body: body ? new Uint8Array(body) : undefined });
  } catch {
    // A Host header no URL can hold: the client's mistake.
    throw new AppError("VALIDATION", "Cabeçalho Host inválido.", { field: "Host" });
  }
}

async function serveFastLane(handler: FastLaneHandler, params: Record<string, string>, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  let response: Response;
  try {
    const method = req.method ?? "GET";
    const body = method === "GET" || method === "HEAD" ? undefined : await readNodeBody(req).catch((err: unknown) => {
      // A body refused half-read: the rest is not read, so the connection cannot carry another request.
      res.setHeader("connection", "close");
      throw err;
    });
    response = await handler(toWebRequest(req, body), { params: Promise.resolve(params) as Promise<never> });
  } catch (err) {
    response = errorResponse(err);
  }
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
  if (res.getHeader("connection") === "close") res.once("finish", () => req.socket.destroySoon());
}

/**
 * Puts the front door on every HTTP server of this process (once; before Next handles a request), with the
 * fast lane's routes when given.
 */
export function installApiFront(opts: { fastLane?: FastLane } = {}): void {
  const installed = processSlot("apiFront", () => ({ done: false }));
  if (installed.done) return;
  installed.done = true;
  const routes = compileFastLane(opts.fastLane ?? []);
  const trustProxy = getEnv().RAIO_TRUST_PROXY;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      guardForwardedHeaders(req, trustProxy);
      const method = req.method ?? "GET";
      const url = req.url ?? "/";
      const decision = decideApiFront(method, url);
      if (decision) {
        for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
        if (decision.answer) {
          res.writeHead(decision.answer.status, decision.answer.headers);
          res.end(method === "HEAD" ? undefined : decision.answer.body);
          return true;
        }
        if (routes.length) {
          const q = url.indexOf("?");
          const fast = matchFastLane(routes, method, q === -1 ? url : url.slice(0, q));
          if (fast) {
            serveFastLane(fast.handler, fast.params, req, res).catch((err: unknown) => {
              console.error("[api] resposta da via rápida falhou:", err);
              if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
              if (!res.writableEnded) res.end(JSON.stringify({ error: { code: "INTERNAL", message: "Erro interno." } }));
            });
            return true;
          }
        }
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof http.Server.prototype.emit;
}
