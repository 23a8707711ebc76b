// Webhook delivery on the job queue: fireOrderWebhook (or any caller) enqueues the signed body with
// enqueueWebhook; the queue's worker makes one attempt per run (attemptWebhookDelivery), logging it in
// WebhookDelivery (status code or error, duration). An attempt succeeds on a 2xx answer; anything else
// (3xx, 4xx, 5xx, timeout, refused connection) fails the job, which the queue retries with back-off — a
// misconfigured receiver fixed within the back-off still gets the event. The body (and so the signature) is
// identical in every attempt; receivers deduplicate by X-Raio-Delivery.
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { sendJob, type QueueWorker } from "../queue/queue";
import { SIGNATURE_HEADER, signWebhook } from "./sign-webhook";
import { WEBHOOK_QUEUE, type WebhookJob } from "./webhook-queue";

/** Per-attempt timeout: a receiver that takes longer is treated as down. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Longest error text kept in the log. */
const MAX_ERROR_CHARS = 500;

export interface WebhookMessage {
  url: string;
  secret: string;
  event: string;
  orderId: number | null;
  payload: Record<string, unknown>;
}

export interface EnqueueOptions {
  /** Retries after the first attempt (default: the queue's). */
  retryLimit?: number;
  /** Back-off base in seconds (default: the queue's). */
  retryDelaySeconds?: number;
}

export interface EnqueuedDelivery {
  deliveryId: string;
  jobId: string | null;
}

export async function enqueueWebhook(message: WebhookMessage, opts: EnqueueOptions = {}): Promise<EnqueuedDelivery> {
  const deliveryId = randomUUID();
  const body = JSON.stringify({ id: deliveryId, event: message.event, ...message.payload });
  const retryLimit = opts.retryLimit ?? WEBHOOK_QUEUE.retryLimit;
  const job: WebhookJob = {
    deliveryId, url: message.url, event: message.event, orderId: message.orderId, body,
    signature: signWebhook(message.secret, body), maxAttempts: retryLimit + 1,
  };
  const jobId = await sendJob(WEBHOOK_QUEUE, job, {
    retryLimit, retryDelay: opts.retryDelaySeconds ?? WEBHOOK_QUEUE.retryDelaySeconds, retryBackoff: true,
  });
  return { deliveryId, jobId };
}

/** One attempt, logged; returns whether the receiver accepted it. */
export async function attemptWebhookDelivery(job: WebhookJob, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<{ ok: boolean; attempt: number; error: string | null }> {
  // The attempt number comes from the log, not from memory: it stays right across restarts.
  const attempt = (await db.webhookDelivery.count({ where: { deliveryId: job.deliveryId } })) + 1;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(job.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "content-type": "application/json",
        "user-agent": "Raio-Webhook/1",
        "x-raio-event": job.event,
        "x-raio-delivery": job.deliveryId,
        "x-raio-attempt": String(attempt),
        [SIGNATURE_HEADER]: job.signature,
      },
      body: job.body,
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
      deliveryId: job.deliveryId, event: job.event, orderId: job.orderId, url: job.url, attempt, statusCode, error, ok,
      durationMs: Math.round(performance.now() - started),
    },
  });
  return { ok, attempt, error };
}

/** The queue worker: a failed attempt throws, so the queue schedules the next one. */
export const webhookWorker: QueueWorker<WebhookJob> = {
  queue: WEBHOOK_QUEUE,
  async handle(job) {
    const result = await attemptWebhookDelivery(job.data);
    if (result.ok) return;
    if (result.attempt >= job.data.maxAttempts) {
      console.error(`[webhook] ${job.data.event} (${job.data.deliveryId}): ${result.attempt} tentativas falharam; a última: ${result.error}`);
    }
    throw new Error(`webhook ${job.data.deliveryId}: ${result.error}`);
  },
};
