// Writes the outbox row of an order event INSIDE the caller's transaction: if the transaction commits, the
// notices will be sent (the sweep finds the row even if this process dies right after the commit); if it
// rolls back, nothing is sent. Repeating an event (same order, event and occurrence) writes nothing.
import type { NotificationEvent, Prisma } from "../db";

export async function recordNotificationOutbox(
  tx: Prisma.TransactionClient,
  orderId: number,
  event: NotificationEvent,
  opts: { occurrence?: string; vars?: Record<string, string> } = {},
): Promise<void> {
  await tx.notificationOutbox.createMany({
    data: [{ orderId, event, occurrence: opts.occurrence ?? "", vars: opts.vars ?? {} }],
    skipDuplicates: true,
  });
}
