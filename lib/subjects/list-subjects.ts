import { db } from "../db";

export async function listSubjects(opts: { includeRetired?: boolean } = {}) {
  return db.subject.findMany({
    where: opts.includeRetired ? {} : { retiredAt: null },
    orderBy: [{ retiredAt: "asc" }, { isMaintenance: "desc" }, { name: "asc" }],
    select: {
      id: true, name: true, maintenanceMessage: true, isMaintenance: true, discountRule: true, retiredAt: true, updatedAt: true,
      _count: { select: { orders: true } },
    },
  });
}
