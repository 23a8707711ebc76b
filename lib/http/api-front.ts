// The API's front door, run on the Node.js HTTP server before Next.js routes the request (installed by
// instrumentation-node.ts in every server process). It does for /api what proxy.ts does for pages, without
// Next's middleware machinery: running proxy.ts for an API request made Next build a web Request, an abort
// signal and a second routing pass, which halved the throughput of every API route (measured: /api/v1/health
// ~400 → ~800 req/s per worker, /api/v1/me ~500 → ~830). Pages still go through proxy.ts (their CSP nonce).
// - every API answer carries the security headers and the API's CSP (lib/http/security-headers.ts);
// - a NUL character in the query string → 400 naming the parameter, before any route reads it;
// - a wrong method on an existing API route → JSON 405 with Allow (Next would answer an empty 405).
import http from "node:http";
import { allowedMethods } from "./api-methods";
import { API_CSP, COMMON_SECURITY_HEADERS } from "./security-headers";
import { rejectNulInSearchParams } from "./reject-nul";
import { AppError, toErrorBody } from "../errors";
import { processSlot } from "../process-slot";

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

/** Puts the front door on every HTTP server of this process (once; before Next handles a request). */
export function installApiFront(): void {
  const installed = processSlot("apiFront", () => ({ done: false }));
  if (installed.done) return;
  installed.done = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      const decision = decideApiFront(req.method ?? "GET", req.url ?? "/");
      if (decision) {
        for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
        if (decision.answer) {
          res.writeHead(decision.answer.status, decision.answer.headers);
          res.end(req.method === "HEAD" ? undefined : decision.answer.body);
          return true;
        }
      }
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof http.Server.prototype.emit;
}
