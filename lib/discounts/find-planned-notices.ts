// When each customer of a planned order was actually told about it: the earliest sentAt of their SENT
// PLANNED_MAINTENANCE notice for the order's current planned start, on any channel. A notice of an earlier
// plan (re-planned since: another occurrence) does not count — it announced another start. One GROUP BY.
import { db } from "../db";

export async function findPlannedNotices(orderId: number, scheduledStartAt: Date | null): Promise<Map<number, Date>> {
  if (!scheduledStartAt) return new Map();
  const rows = await db.notification.groupBy({
    by: ["customerId"],
    where: { orderId, event: "PLANNED_MAINTENANCE", occurrence: scheduledStartAt.toISOString(), status: "SENT", sentAt: { not: null } },
    _min: { sentAt: true },
  });
  return new Map(rows.flatMap((r) => (r._min.sentAt ? [[r.customerId, r._min.sentAt] as const] : [])));
}
