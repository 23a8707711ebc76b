// The orders list: filters (status, subject, opening period), search (number or description) and pages.
import { db, type Prisma } from "../db";
import type { ListOrdersQuery } from "../validation/order";

// Rows in one CSV export: far more than any period's orders, but bounded.
export const MAX_EXPORT_ROWS = 50_000;

export async function listOrders(query: ListOrdersQuery, opts: { all?: boolean } = {}) {
  const where: Prisma.ServiceOrderWhereInput = {};
  if (query.status?.length) where.status = { in: query.status };
  if (query.subjectId) where.subjectId = query.subjectId;
  if (query.from || query.to) {
    // A bare "to" date means the whole day: up to the next midnight.
    const to = query.to ? new Date(query.to.getTime() + (isWholeDay(query.to) ? DAY_MS : 0)) : undefined;
    where.openedAt = { ...(query.from ? { gte: query.from } : {}), ...(to ? { lt: to } : {}) };
  }
  if (query.q) {
    const digits = /^\s*(?:OS\s*)?(\d{1,9})\s*$/i.exec(query.q);
    where.OR = [
      { description: { contains: query.q, mode: "insensitive" } },
      ...(digits ? [{ number: Number(digits[1]) }] : []),
    ];
  }
  const [total, rows] = await Promise.all([
    db.serviceOrder.count({ where }),
    db.serviceOrder.findMany({
      where,
      orderBy: [{ openedAt: "desc" }, { id: "desc" }],
      skip: opts.all ? 0 : (query.page - 1) * query.pageSize,
      take: opts.all ? MAX_EXPORT_ROWS : query.pageSize,
      select: {
        id: true, number: true, status: true, description: true, responsible: true,
        openedAt: true, expectedEndAt: true, executedAt: true, finalizedAt: true, cancelledAt: true, planned: true,
        subject: { select: { id: true, name: true } },
      },
    }),
  ]);
  return {
    orders: rows,
    page: query.page,
    pageSize: query.pageSize,
    total,
    pages: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

const DAY_MS = 86_400_000;
// Dates parsed from "AAAA-MM-DD" land on midnight in Brasília (UTC−3): 03:00 UTC.
function isWholeDay(d: Date): boolean {
  return d.getUTCHours() === 3 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}
