// Answers of the public status pages: HTML documents (never JSON: a visitor's browser shows them), the
// micro-cache hint for the production server, and one catch that turns any error into a Portuguese page
// with the right status (bad input 4xx, database down 503, never a stack trace).
import { getEnv } from "../env";
import { toErrorBody } from "../errors";
import { DEFAULT_STATUS_PAGE_SETTINGS } from "../validation/status-page";
import { html } from "./html";
import { renderPublicDocument } from "./render-status-page";
import type { StatusSnapshot } from "./load-status-snapshot";

/**
 * Response header telling scripts/start-server.mjs that this GET answer may be served again from the worker's
 * memory for that many milliseconds (the header itself is removed before it leaves the server).
 */
export const MICRO_CACHE_HEADER = "x-raio-micro-cache";
/**
 * With it, the answer stays valid past that time while globalThis.__raioMicroCacheStamp() still returns this
 * value (the read model's snapshot did not change); removed before the answer leaves too.
 */
export const MICRO_CACHE_STAMP_HEADER = "x-raio-micro-cache-stamp";
/**
 * Longest time /status and the feed are served from the worker's micro-cache (5 s); never longer than the read
 * model's refresh interval, so a change shows within about two intervals.
 */
export const MAX_MICRO_CACHE_MS = 5_000;

export function htmlResponse(
  body: string,
  opts: { status?: number; microCache?: boolean; stamp?: string; type?: string; headers?: Record<string, string> } = {},
): Response {
  const headers: Record<string, string> = {
    "content-type": opts.type ?? "text/html; charset=utf-8",
    // Browsers and proxies may keep a public answer a few seconds; the rest never.
    "cache-control": opts.microCache ? "public, max-age=5" : "no-store",
    ...opts.headers,
  };
  if (opts.microCache) {
    headers[MICRO_CACHE_HEADER] = String(Math.min(MAX_MICRO_CACHE_MS, getEnv().RAIO_STATUS_REFRESH_MS));
    if (opts.stamp) headers[MICRO_CACHE_STAMP_HEADER] = opts.stamp;
  }
  return new Response(body, { status: opts.status ?? 200, headers });
}

/** A small page with a title and one message (subscription answers, errors). */
export function messagePage(snapshot: Pick<StatusSnapshot, "settings"> | null, title: string, message: string, ok: boolean, status = 200, extra?: Record<string, string>): Response {
  const body = html`<section><h2>${title}</h2><p class="msg ${ok ? "ok" : "err"}" role="${ok ? "status" : "alert"}">${message}</p>
<p><a href="/status">Voltar à página de status</a></p></section>`;
  return htmlResponse(renderPublicDocument(snapshot ?? { settings: DEFAULT_STATUS_PAGE_SETTINGS }, title, body), { status, headers: extra });
}

/** Runs a public handler; a thrown error becomes a page with its status and Portuguese message. */
export async function publicPage(handler: () => Promise<Response>, snapshot?: () => Pick<StatusSnapshot, "settings"> | null): Promise<Response> {
  try {
    return await handler();
  } catch (err) {
    const { status, body, headers } = toErrorBody(err);
    const title = status === 429 ? "Muitas tentativas" : status >= 500 ? "Indisponível no momento" : "Não foi possível concluir";
    return messagePage(snapshot?.() ?? null, title, body.error.message, false, status, headers);
  }
}
