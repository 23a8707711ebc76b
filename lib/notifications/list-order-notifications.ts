// An order's notices for its Notificações tab: counts per status (the progress bar) and per channel, and a page
// of rows with each customer's channel answer. Counts come from one GROUP BY; rows are paged in SQL.
import { z } from "zod";
import { db, type NotificationChannel, type NotificationStatus } from "../db";
import { notFound } from "../errors";
import { notificationChannelSchema } from "../validation/notifications";

/** Rows per page: default and cap (the CSV export reads every row). */
const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
export const NOTIFICATION_STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED", "SKIPPED"] as const satisfies readonly NotificationStatus[];

export const orderNotificationsQuerySchema = z.object({
  status: z.enum(NOTIFICATION_STATUSES, { error: `status: use ${NOTIFICATION_STATUSES.join(", ")}` }).optional(),
  channel: z.string().transform((c) => c.toUpperCase()).pipe(notificationChannelSchema).optional(),
  page: z.coerce.number().int().min(1, "página a partir de 1").default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `no máximo ${MAX_PAGE_SIZE} por página`).default(DEFAULT_PAGE_SIZE),
});
export type OrderNotificationsQuery = z.infer<typeof orderNotificationsQuerySchema>;

export async function listOrderNotifications(orderId: number, query: OrderNotificationsQuery, opts: { all?: boolean } = {}) {
  const order = await db.serviceOrder.findUnique({ where: { id: orderId }, select: { id: true, number: true, status: true } });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  const where = { orderId, ...(query.status ? { status: query.status } : {}), ...(query.channel ? { channel: query.channel } : {}) };
  const [groups, total, rows] = await Promise.all([
    db.notification.groupBy({ by: ["status", "channel"], where: { orderId }, _count: true }),
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ customer: { name: "asc" } }, { customerId: "asc" }, { channel: "asc" }, { id: "asc" }],
      ...(opts.all ? {} : { skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      select: {
        id: true, event: true, channel: true, status: true, address: true, answer: true, attempts: true, sentAt: true, updatedAt: true,
        customer: { select: { id: true, name: true } },
      },
    }),
  ]);
  const counts = Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as Record<NotificationStatus, number>;
  const byChannel: Partial<Record<NotificationChannel, Record<NotificationStatus, number>>> = {};
  for (const g of groups) {
    counts[g.status] += g._count;
    const c = (byChannel[g.channel] ??= Object.fromEntries(NOTIFICATION_STATUSES.map((s) => [s, 0])) as Record<NotificationStatus, number>);
    c[g.status] += g._count;
  }
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    order,
    counts: { ...counts, total: all, done: counts.SENT + counts.FAILED + counts.SKIPPED },
    byChannel,
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({
      id: r.id, event: r.event, channel: r.channel, status: r.status, address: r.address, answer: r.answer, attempts: r.attempts,
      sentAt: r.sentAt, updatedAt: r.updatedAt, customerId: r.customer.id, customerName: r.customer.name,
    })),
  };
}
