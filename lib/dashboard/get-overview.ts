// The start page's figures, counted in SQL (no rows loaded).
import { db } from "../db";

export async function getOverview() {
  const [customers, loginsByOnline, ordersByStatus, contractsByAccess] = await Promise.all([
    db.customer.count({ where: { active: true } }),
    db.login.groupBy({ by: ["online"], _count: { _all: true } }),
    db.serviceOrder.groupBy({ by: ["status"], _count: { _all: true } }),
    db.contract.groupBy({ by: ["accessStatus"], _count: { _all: true } }),
  ]);
  const online = loginsByOnline.find((r) => r.online)?._count._all ?? 0;
  const offline = loginsByOnline.find((r) => !r.online)?._count._all ?? 0;
  return {
    customers,
    online,
    offline,
    orders: Object.fromEntries(ordersByStatus.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
    contractsByAccess: Object.fromEntries(contractsByAccess.map((r) => [r.accessStatus, r._count._all])) as Partial<Record<string, number>>,
  };
}
