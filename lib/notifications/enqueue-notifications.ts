// An outbox row → one Notification row per (affected customer × channel the subject chose for the event), in
// ONE INSERT … SELECT whatever the number of customers, ON CONFLICT DO NOTHING on the dedupe key (order, event,
// occurrence, customer, channel): an event enqueued twice — two instances, a retried job, the sweep racing the
// fast path — inserts nothing the second time. The outbox row is marked processed in the same transaction.
// Who is affected: the customers of the logins inside the order's region now (started, forecast, planned,
// outage), or those frozen when the order was finalized (AffectedLogin).
import { db, type NotificationChannel } from "../db";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";

/** Tens of thousands of rows in one statement: more than Prisma's default 5 s on a loaded machine. */
const ENQUEUE_TIMEOUT_MS = 120_000;

export interface EnqueueResult {
  outboxId: number;
  inserted: number;
  channels: NotificationChannel[];
}

const INSERT_FROM_LOGINS = `
  INSERT INTO "Notification" ("orderId", event, occurrence, "customerId", channel, "updatedAt")
  SELECT $1::int, $2::text::"NotificationEvent", $3::text, c."customerId", ch::"NotificationChannel", now()
    FROM (SELECT DISTINCT k."customerId" FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.id = ANY($4::int[])) c
   CROSS JOIN unnest($5::text[]) AS ch
  ON CONFLICT ("orderId", event, occurrence, "customerId", channel) DO NOTHING`;

const INSERT_FROM_FROZEN = `
  INSERT INTO "Notification" ("orderId", event, occurrence, "customerId", channel, "updatedAt")
  SELECT $1::int, $2::text::"NotificationEvent", $3::text, c."customerId", ch::"NotificationChannel", now()
    FROM (SELECT DISTINCT "customerId" FROM "AffectedLogin" WHERE "orderId" = $1) c
   CROSS JOIN unnest($4::text[]) AS ch
  ON CONFLICT ("orderId", event, occurrence, "customerId", channel) DO NOTHING`;

export async function enqueueNotifications(outboxId: number): Promise<EnqueueResult | null> {
  const outbox = await db.notificationOutbox.findUnique({ where: { id: outboxId } });
  if (!outbox || outbox.processedAt) return null;
  const order = await db.serviceOrder.findUnique({
    where: { id: outbox.orderId },
    select: { subjectId: true, region: { select: { geometry: true } } },
  });
  const setting = order
    ? await db.subjectNotification.findUnique({ where: { subjectId_event: { subjectId: order.subjectId, event: outbox.event } }, select: { channels: true } })
    : null;
  const channels = setting?.channels ?? [];
  const frozen = outbox.event === "ORDER_FINALIZED";
  // Read before the transaction opens: on PGlite (one connection) a read outside an open transaction waits for it.
  const loginIds = channels.length > 0 && !frozen && order?.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
  const inserted = await db.$transaction(async (tx) => {
    const claimed = await tx.notificationOutbox.updateMany({ where: { id: outboxId, processedAt: null }, data: { processedAt: new Date() } });
    if (claimed.count === 0 || channels.length === 0) return 0;
    return frozen
      ? tx.$executeRawUnsafe(INSERT_FROM_FROZEN, outbox.orderId, outbox.event, outbox.occurrence, channels)
      : tx.$executeRawUnsafe(INSERT_FROM_LOGINS, outbox.orderId, outbox.event, outbox.occurrence, loginIds, channels);
  }, { timeout: ENQUEUE_TIMEOUT_MS });
  return { outboxId, inserted, channels };
}
