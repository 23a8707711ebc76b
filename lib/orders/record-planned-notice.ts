// The notice of planned work (PLANNED_MAINTENANCE), written in the planning transaction through the
// notification outbox. The occurrence is the planned start: planning twice for the same start tells nobody
// twice; re-planning to a new start tells the customers again, with the new {{inicioPrevisto}}.
// Each customer's actual notice time is the sentAt of their SENT Notification row for this event — what the
// per-customer exemption of lib/discounts/propose-discounts.ts reads.
import type { Prisma } from "../db";
import { formatDateTime } from "../format/date-time";
import { recordNotificationOutbox } from "../notifications/record-notification-outbox";

export async function recordPlannedNotice(tx: Prisma.TransactionClient, orderId: number, scheduledStartAt: Date): Promise<void> {
  await recordNotificationOutbox(tx, orderId, "PLANNED_MAINTENANCE", {
    occurrence: scheduledStartAt.toISOString(),
    vars: { inicioPrevisto: formatDateTime(scheduledStartAt) },
  });
}
