// Delivers one webhook event: POST the JSON body signed with HMAC-SHA256, retried with exponential
// back-off, every attempt logged in WebhookDelivery (status code or error, duration).
// An attempt succeeds on a 2xx answer; anything else (3xx, 4xx, 5xx, timeout, refused connection) is
// retried — a misconfigured receiver fixed within the back-off still gets the event. The body (and
// so the signature) is identical in every attempt; receivers deduplicate by X-Raio-Delivery.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { SIGNATURE_HEADER, signWebhook } from "./sign-webhook";

/** Waits before each retry: 1 s, 4 s, 16 s → up to 4 attempts over ~21 s. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [1_000, 4_000, 16_000];
/** Per-attempt timeout: a receiver that takes longer is treated as down. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Longest error text kept in the log. */
const MAX_ERROR_CHARS = 500;

export interface DeliveryOptions {
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

export interface WebhookMessage {
  url: string;
  secret: string;
  event: string;
  orderId: number | null;
  payload: Record<string, unknown>;
}

export interface DeliveryResult {
  deliveryId: string;
  ok: boolean;
  attempts: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function deliverWebhook(message: WebhookMessage, opts: DeliveryOptions = {}): Promise<DeliveryResult> {
  const delays = opts.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deliveryId = randomUUID();
  const body = JSON.stringify({ id: deliveryId, event: message.event, ...message.payload });
  const signature = signWebhook(message.secret, body);

  for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
    if (attempt > 1) await sleep(delays[attempt - 2] ?? 0);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(message.url, {
        method: "POST",
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          "content-type": "application/json",
          "user-agent": "Raio-Webhook/1",
          "x-raio-event": message.event,
          "x-raio-delivery": deliveryId,
          "x-raio-attempt": String(attempt),
          [SIGNATURE_HEADER]: signature,
        },
        body,
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined); // the answer's body is not used
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      error = (err instanceof Error && err.name === "TimeoutError" ? `tempo esgotado após ${timeoutMs} ms` : (cause?.code ?? cause?.message ?? String(err))).slice(0, MAX_ERROR_CHARS);
    }
    const ok = error === null;
    await db.webhookDelivery.create({
      data: {
        deliveryId, event: message.event, orderId: message.orderId, url: message.url, attempt, statusCode, error, ok,
        durationMs: Math.round(performance.now() - started),
      },
    });
    if (ok) return { deliveryId, ok: true, attempts: attempt };
  }
  return { deliveryId, ok: false, attempts: delays.length + 1 };
}
