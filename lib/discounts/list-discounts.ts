// Applied discounts, per order or overall, with who proposed, changed and applied each one.
import { db, type Prisma } from "../db";
import type { ListDiscountsQuery } from "../validation/discounts";
import { zonedMonthRange } from "../format/date-time";

export async function listDiscounts(query: ListDiscountsQuery, opts: { all?: boolean } = {}) {
  const where: Prisma.DiscountWhereInput = {
    ...(query.orderId ? { orderId: query.orderId } : {}),
    ...(query.month ? { appliedAt: zonedMonthRange(query.month) } : {}),
    ...(query.q
      ? { OR: [{ contract: { customer: { name: { contains: query.q, mode: "insensitive" } } } }, { contract: { externalId: { contains: query.q } } }] }
      : {}),
  };
  const [total, sums, rows] = await Promise.all([
    db.discount.count({ where }),
    db.discount.aggregate({ where, _sum: { amountCents: true, proposedCents: true } }),
    db.discount.findMany({
      where,
      orderBy: [{ appliedAt: "desc" }, { id: "asc" }],
      ...(opts.all ? {} : { skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      select: {
        id: true, rule: true, minutes: true, proposedCents: true, amountCents: true, excluded: true, reason: true, status: true, appliedAt: true,
        proposedById: true, changedById: true, appliedById: true,
        order: { select: { id: true, number: true, interruptionStart: true, interruptionEnd: true } },
        contract: { select: { id: true, externalId: true, customer: { select: { id: true, name: true } }, plan: { select: { name: true } } } },
      },
    }),
  ]);
  // Names of the people in the trail, in one query.
  const userIds = [...new Set(rows.flatMap((r) => [r.proposedById, r.changedById, r.appliedById]).filter((x): x is number => x !== null))];
  const users = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const name = (id: number | null) => (id === null ? null : (users.get(id) ?? `usuário ${id}`));
  return {
    total,
    totalCents: sums._sum.amountCents ?? 0,
    proposedCents: sums._sum.proposedCents ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({ ...r, proposedBy: name(r.proposedById), changedBy: name(r.changedById), appliedBy: name(r.appliedById) })),
  };
}
