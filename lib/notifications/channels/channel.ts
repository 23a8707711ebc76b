// One interface for every way a notice leaves Raio. An adapter makes ONE attempt and classifies the outcome:
//   ok                       — the provider accepted the message (its answer is kept for the order's tab);
//   permanent failure        — retrying cannot help (invalid number, template refused, any other 4xx): no retry;
//   transient failure        — network error, timeout, 5xx, 429: the queue retries with back-off.
// Credentials arrive decrypted in `config`; adapters never log them.
import type { NotificationChannel } from "../../db";

export interface OutgoingNotice {
  /** Stable across retries: receivers that deduplicate use it. */
  id: string;
  /** The address chosen for this channel: E.164 phone, e-mail, or "cliente:<id>" for the webhook. */
  to: string;
  text: string;
  subject: string;
  /** Opa! Suite: the approved template and its parameters, in order. */
  whatsapp: { templateId: string; variables: string[] } | null;
  event: string;
  orderId: number | null;
  customerId: number | null;
}

export type SendOutcome =
  | { ok: true; answer: string }
  | { ok: false; permanent: boolean; answer: string };

export interface ChannelAdapter<C> {
  channel: NotificationChannel;
  send(config: C, notice: OutgoingNotice): Promise<SendOutcome>;
}

/** Per-attempt timeout of HTTP channels: a provider slower than this is treated as down (transient). */
export const HTTP_TIMEOUT_MS = 10_000;
/** Longest provider answer kept. */
export const MAX_ANSWER_CHARS = 500;

/** An HTTP status as an outcome: 2xx ok; 408, 425, 429 and 5xx transient; any other status permanent. */
export function outcomeOfStatus(status: number, body: string): SendOutcome {
  const answer = `HTTP ${status}${body ? `: ${body}` : ""}`.slice(0, MAX_ANSWER_CHARS);
  if (status >= 200 && status < 300) return { ok: true, answer };
  const transient = status >= 500 || status === 408 || status === 425 || status === 429;
  return { ok: false, permanent: !transient, answer };
}

/** A thrown fetch error (refused, reset, DNS, timeout) as a transient outcome. */
export function outcomeOfNetworkError(err: unknown, timeoutMs = HTTP_TIMEOUT_MS): SendOutcome {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  const answer =
    err instanceof Error && err.name === "TimeoutError"
      ? `tempo esgotado após ${timeoutMs} ms`
      : (cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err)));
  return { ok: false, permanent: false, answer: answer.slice(0, MAX_ANSWER_CHARS) };
}

/** POST/GET with the timeout; the answer's body read as text (bounded). */
export async function httpAttempt(url: string, init: RequestInit, timeoutMs = HTTP_TIMEOUT_MS): Promise<SendOutcome> {
  try {
    const res = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.text().catch(() => "")).slice(0, MAX_ANSWER_CHARS);
    return outcomeOfStatus(res.status, body);
  } catch (err) {
    return outcomeOfNetworkError(err, timeoutMs);
  }
}
