// The queue of outgoing webhook deliveries. Each job is one delivery (one event to one URL); each attempt
// is one run of the job, so retries survive a restart of the process that fired the event and run on
// whichever app instance polls first.
import type { QueueDefinition } from "../queue/queue";

export interface WebhookJob {
  deliveryId: string;
  url: string;
  event: string;
  orderId: number | null;
  /** The exact bytes sent in every attempt, and their signature (computed once, when the event fired). */
  body: string;
  signature: string;
  /** Attempts in all (first + retries): the last failure is reported in the log. */
  maxAttempts: number;
}

/**
 * 1 + 5 attempts; back-off from a 2 s base: the retries wait 2–4 s, 4–8 s, 8–16 s, 16–32 s and 32–64 s (random
 * jitter in each range), so a receiver that comes back within about two minutes still gets the event.
 */
export const WEBHOOK_QUEUE: QueueDefinition<WebhookJob> = {
  name: "webhook-delivery",
  retryLimit: 5,
  retryDelaySeconds: 2,
  // One attempt lasts at most the request timeout (10 s); longer means its process died.
  expireInSeconds: 60,
};
