// Sends a channel's due notices, group by group, until none is due:
//   1. claim a group: QUEUED rows of the channel whose time has come → SENDING, attempts + 1, a lease
//      (UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED): two dispatchers never claim the same row);
//   2. decide each (pure): opted out or no usable contact → SKIPPED; else render and send, the group in parallel,
//      paced by the channel's rate limit;
//   3. record the group's outcomes in one UPDATE: SENT; FAILED (permanent error, or the last attempt); or
//      QUEUED again with a back-off for a transient error.
// A row is SENDING only while its send is in flight. A process killed then leaves it SENDING with an expired
// lease; the next dispatcher marks it FAILED "interrompido" and does NOT send it again (the provider may have
// received it): a customer never gets the same notice twice. "Reenviar falhas" puts such rows back in the queue.
// Quiet hours: nothing is claimed inside the window; the caller reschedules at its end.
import { getBackend, type NotificationChannel, type NotificationEvent } from "../db";
import { epochMs } from "../db/sql";
import type { NotificationChannelsConfig } from "../validation/notification-channels";
import { chooseRecipient } from "./choose-recipient";
import { getChannelsConfig, openChannel, type ReadyChannel } from "./channel-settings";
import { loadNoticeContext } from "./load-notice-context";
import { quietUntil } from "./quiet-hours";
import { renderNotice } from "./render-notice";

/** Notices sent in parallel per group (and claimed per statement). */
export const DEFAULT_GROUP_SIZE = 50;
/** A SENDING row older than this belongs to a dead process (longer than any channel's timeout). */
export const DEFAULT_LEASE_MS = 60_000;
/** Back-off of transient errors: the n-th retry waits base·2ⁿ⁻¹ (± 20 % jitter), at most the cap. */
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 15 * 60_000;
const INTERRUPTED = "interrompido durante o envio (processo encerrado): não reenviado para não duplicar; use Reenviar falhas";

export interface DispatchOptions {
  groupSize?: number;
  leaseMs?: number;
  /** Stop after this many groups (tests, benchmarks); default: until none is due. */
  maxGroups?: number;
  config?: NotificationChannelsConfig;
}

export interface DispatchResult {
  sent: number;
  failed: number;
  skipped: number;
  retried: number;
  interrupted: number;
  /** Set when quiet hours hold the channel: when to come back. */
  heldUntil: Date | null;
  /** The earliest retry still waiting (the caller schedules the next run), or null. */
  nextDueAt: Date | null;
}

interface Claimed {
  id: number;
  orderId: number;
  event: NotificationEvent;
  occurrence: string;
  customerId: number;
  attempts: number;
}

interface Outcome {
  id: number;
  status: "SENT" | "FAILED" | "SKIPPED" | "QUEUED";
  address: string | null;
  answer: string;
  nextAttemptAt: Date | null;
}

const CLAIM_SQL = `
  UPDATE "Notification" n
     SET status = 'SENDING', attempts = n.attempts + 1, "claimedUntil" = now() + ($3::int * interval '1 millisecond'), "updatedAt" = now()
   WHERE n.id IN (SELECT id FROM "Notification"
                   WHERE channel = $1::"NotificationChannel" AND status = 'QUEUED' AND "nextAttemptAt" <= now()
                   ORDER BY "nextAttemptAt", id LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING n.id, n."orderId", n.event::text AS event, n.occurrence, n."customerId", n.attempts`;

// Timestamps travel as epoch milliseconds; the columns are timestamp(3) holding UTC.
const RECORD_SQL = `
  UPDATE "Notification" n
     SET status = v.status::"NotificationStatus", address = COALESCE(v.address, n.address), answer = v.answer,
         "sentAt" = CASE WHEN v.status = 'SENT' THEN now() ELSE n."sentAt" END,
         "nextAttemptAt" = CASE WHEN v.next_ms IS NULL THEN n."nextAttemptAt" ELSE to_timestamp(v.next_ms / 1000) AT TIME ZONE 'UTC' END,
         "claimedUntil" = NULL, "updatedAt" = now()
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS v(id, status, address, answer, next_ms)
   WHERE n.id = v.id AND n.status = 'SENDING'`;

const INTERRUPTED_SQL = `
  UPDATE "Notification" SET status = 'FAILED', answer = $2, "claimedUntil" = NULL, "updatedAt" = now()
   WHERE channel = $1::"NotificationChannel" AND status = 'SENDING' AND "claimedUntil" < now()`;

const NEXT_DUE_SQL = `
  SELECT ${epochMs('min("nextAttemptAt")')} AS next
    FROM "Notification" WHERE channel = $1::"NotificationChannel" AND status = 'QUEUED'`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function backoffMs(attempt: number): number {
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** (attempt - 1));
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export async function dispatchNotifications(channel: NotificationChannel, opts: DispatchOptions = {}): Promise<DispatchResult> {
  const backend = getBackend();
  const config = opts.config ?? (await getChannelsConfig());
  const rate = channelRate(config, channel);
  // With a rate limit a group is at most one second's worth of messages, and groups start one "slot" apart:
  // no second ever sees more than `rate` messages start.
  const groupSize = Math.max(1, Math.min(opts.groupSize ?? DEFAULT_GROUP_SIZE, rate > 0 ? Math.floor(rate) : Infinity));
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const result: DispatchResult = { sent: 0, failed: 0, skipped: 0, retried: 0, interrupted: 0, heldUntil: null, nextDueAt: null };

  const interrupted = await backend.query<{ id: number }>(`${INTERRUPTED_SQL} RETURNING id`, [channel, INTERRUPTED]);
  result.interrupted = interrupted.length;

  const held = quietUntil(new Date(), config.quietHours);
  if (held) return { ...result, heldUntil: held };

  let ready: ReadyChannel;
  try {
    ready = await openChannel(channel, config);
  } catch (err) {
    // A secret the key cannot open: the notices wait (transient) until the operator fixes the key.
    ready = { ready: false, disabled: false, reason: err instanceof Error ? err.message : String(err) };
  }
  const maxAttempts = config.maxAttempts;
  let nextStart = performance.now();

  for (let groups = 0; opts.maxGroups === undefined || groups < opts.maxGroups; groups++) {
    const claimed = (await backend.query<Claimed>(CLAIM_SQL, [channel, groupSize, leaseMs])).sort((a, b) => a.id - b.id);
    if (claimed.length === 0) break;
    const context = await loadNoticeContext(
      [...new Set(claimed.map((c) => c.customerId))],
      uniqueOrders(claimed),
    );
    // Pace: a group of n messages may start n/rate seconds after the previous one.
    if (rate > 0) {
      const wait = nextStart - performance.now();
      if (wait > 0) await sleep(wait);
      nextStart = Math.max(nextStart, performance.now()) + (claimed.length * 1000) / rate;
    }
    const outcomes = await Promise.all(
      claimed.map(async (row): Promise<Outcome> => {
        const customer = context.customers.get(row.customerId);
        const order = context.orders.get(`${row.orderId}:${row.event}:${row.occurrence}`);
        if (!customer || !order) return { id: row.id, status: "SKIPPED", address: null, answer: "cliente ou OS removidos", nextAttemptAt: null };
        const recipient = chooseRecipient(channel, { ...customer, customerId: customer.id });
        if (!recipient.ok) return { id: row.id, status: "SKIPPED", address: null, answer: recipient.reason, nextAttemptAt: null };
        if (!ready.ready) {
          // Disabled by the ISP: nobody to try on it (skipped). Incomplete: a configuration error (failed).
          return { id: row.id, status: ready.disabled ? "SKIPPED" : "FAILED", address: recipient.address, answer: ready.reason, nextAttemptAt: null };
        }
        const rendered = renderNotice(customer, order, context.discounts.get(`${row.orderId}:${row.customerId}`));
        const outcome = await ready.send({
          id: `raio-${row.id}`, to: recipient.address, ...rendered, event: row.event, orderId: row.orderId, customerId: row.customerId,
        });
        if (outcome.ok) return { id: row.id, status: "SENT", address: recipient.address, answer: outcome.answer, nextAttemptAt: null };
        if (outcome.permanent) return { id: row.id, status: "FAILED", address: recipient.address, answer: `erro permanente: ${outcome.answer}`, nextAttemptAt: null };
        if (row.attempts >= maxAttempts) {
          return { id: row.id, status: "FAILED", address: recipient.address, answer: `desistiu após ${row.attempts} tentativas: ${outcome.answer}`, nextAttemptAt: null };
        }
        return { id: row.id, status: "QUEUED", address: recipient.address, answer: `tentativa ${row.attempts} falhou: ${outcome.answer}`, nextAttemptAt: new Date(Date.now() + backoffMs(row.attempts)) };
      }),
    );
    await backend.query(RECORD_SQL, [
      outcomes.map((o) => o.id), outcomes.map((o) => o.status), outcomes.map((o) => o.address), outcomes.map((o) => o.answer),
      outcomes.map((o) => o.nextAttemptAt?.getTime() ?? null),
    ]);
    for (const o of outcomes) {
      if (o.status === "SENT") result.sent++;
      else if (o.status === "FAILED") result.failed++;
      else if (o.status === "SKIPPED") result.skipped++;
      else result.retried++;
    }
  }
  const [next] = await backend.query<{ next: number | null }>(NEXT_DUE_SQL, [channel]);
  result.nextDueAt = next?.next ? new Date(Number(next.next)) : null;
  return result;
}

function channelRate(config: NotificationChannelsConfig, channel: NotificationChannel): number {
  const section = { WHATSAPP: config.whatsapp, EMAIL: config.email, SMS: config.sms, WEBHOOK: config.webhook }[channel];
  return section.ratePerSecond;
}

function uniqueOrders(rows: Claimed[]) {
  const seen = new Map<string, { orderId: number; event: NotificationEvent; occurrence: string }>();
  for (const r of rows) seen.set(`${r.orderId}:${r.event}:${r.occurrence}`, { orderId: r.orderId, event: r.event, occurrence: r.occurrence });
  return [...seen.values()];
}
