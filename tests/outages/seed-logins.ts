// Bulk test data for outage detection: thousands of customers/contracts/logins in a few statements.
import { db } from "@/lib/db";
import { bumpLoginsVersion } from "@/lib/maintenance/geo-version";
import type { DetectionLogin } from "@/lib/outages/detect-outages";

/**
 * Inserts one customer + contract + login per detection login, with username `u<id>`. Even ids keep
 * their point on the login; odd ids leave the login's lat/lng null and put it on the customer (the
 * fallback). Returns the database login id per scenario id.
 */
export async function seedDetectionLogins(logins: readonly DetectionLogin[]): Promise<Map<number, number>> {
  const branch = await db.branch.create({ data: { name: "Filial", central: "Central", city: "Campinas" } });
  const plan = await db.plan.create({ data: { name: "Fibra 300", downloadMbps: 300, uploadMbps: 150, priceCents: 9990, technology: "FIBRA" } });
  const stamp = Date.now().toString(36);
  const customers = await db.customer.createManyAndReturn({
    data: logins.map((l) => ({
      name: `Cliente ${l.id}`, document: `${stamp}${String(l.id).padStart(8, "0")}`.slice(-14), city: "Campinas", state: "SP",
      branchId: branch.id, lng: l.id % 2 ? l.lng : -47.0, lat: l.id % 2 ? l.lat : -22.0, neighborhood: "Centro",
    })),
    select: { id: true },
  });
  const contracts = await db.contract.createManyAndReturn({
    data: customers.map((c) => ({ customerId: c.id, planId: plan.id, status: "ATIVO" as const, accessStatus: "ATIVO" as const })),
    select: { id: true },
  });
  const created = await db.login.createManyAndReturn({
    data: logins.map((l, i) => ({
      contractId: contracts[i]!.id, username: `u${l.id}`, status: "ATIVO" as const, technology: "FIBRA" as const,
      online: l.online, statusChangedAt: l.statusChangedAt, lng: l.id % 2 ? null : l.lng, lat: l.id % 2 ? null : l.lat,
    })),
    select: { id: true, username: true },
  });
  await db.$transaction((tx) => bumpLoginsVersion(tx));
  return new Map(created.map((c) => [Number(c.username.slice(1)), c.id]));
}
