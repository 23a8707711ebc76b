// Diagnostics test data: blocked contracts, invoices, trust unlocks, an executing maintenance region.
import { db, type AccessStatus, type Prisma } from "@/lib/db";
import { generateCnpj } from "@/lib/validation/document";
import { toZonedDate } from "@/lib/format/date-time";
import { createCustomer, type CustomerSpec } from "../helpers/factory";
import { bumpRegionsVersion } from "@/lib/maintenance/geo-version";

export const DAY = 24 * 60 * 60 * 1000;

/** A calendar date `days` from today in São Paulo (UTC midnight, as a @db.Date column holds it). */
export function dateOnly(days: number): Date {
  const today = new Date(`${toZonedDate(new Date())}T00:00:00Z`);
  return new Date(today.getTime() + days * DAY);
}

export async function addInvoice(contractId: number, dueInDays: number, overrides: Partial<Prisma.InvoiceUncheckedCreateInput> = {}) {
  return db.invoice.create({
    data: {
      contractId,
      dueDate: dateOnly(dueInDays),
      amountCents: 9990,
      digitableLine: "34191.79001 01043.510047 91020.150008 1 99990000009990",
      paymentUrl: `https://boleto.exemplo.com.br/${contractId}`,
      ...overrides,
    },
  });
}

/** A customer whose contract is blocked for an overdue invoice and may use a trust unlock now. */
export async function createBlockedCustomer(accessStatus: AccessStatus = "FINANCEIRO_EM_ATRASO", spec: CustomerSpec = {}) {
  const made = await createCustomer({ ...spec, contract: { accessStatus, ...spec.contract }, login: { online: false, ...spec.login } });
  await addInvoice(made.contract.id, -40, { paidAt: new Date(Date.now() - 41 * DAY) });
  const overdue = await addInvoice(made.contract.id, -10);
  await addInvoice(made.contract.id, 20);
  return { ...made, overdue };
}

export async function addTrustUnlock(contractId: number, performedDaysAgo: number, days = 3, previous: AccessStatus = "FINANCEIRO_EM_ATRASO") {
  const performedAt = new Date(Date.now() - performedDaysAgo * DAY);
  return db.trustUnlock.create({
    data: { contractId, performedAt, expiresAt: new Date(performedAt.getTime() + days * DAY), previousAccessStatus: previous, channel: "chatbot" },
  });
}

/** An Em Execução order whose square region (half side `r` degrees) is centred on (lng, lat). */
export async function createExecutingOrder(lng: number, lat: number, message: string | null, r = 0.01) {
  const subject = await db.subject.create({
    data: { name: `Manutenção ${Math.random().toString(36).slice(2)}`, maintenanceMessage: message, isMaintenance: true },
  });
  const ring = [[lng - r, lat - r], [lng + r, lat - r], [lng + r, lat + r], [lng - r, lat + r], [lng - r, lat - r]];
  const order = await db.serviceOrder.create({
    data: {
      subjectId: subject.id,
      description: "Rompimento de fibra",
      status: "EM_EXECUCAO",
      executedAt: new Date(),
      expectedEndAt: new Date("2030-01-15T17:30:00Z"),
      region: {
        create: {
          geometry: { type: "Polygon", coordinates: [ring] },
          minLng: lng - r, maxLng: lng + r, minLat: lat - r, maxLat: lat + r,
          iconLng: lng, iconLat: lat, areaM2: 1, vertexCount: 4,
        },
      },
    },
  });
  // The executing-region index is cached per version stamp: bump it as the order services do.
  await db.$transaction((tx) => bumpRegionsVersion(tx));
  return { subject, order };
}

/** Rows every read-only or refused request must leave unchanged. */
export async function writeCounts() {
  const [audit, unlocks, contracts, invoices, customers] = await Promise.all([
    db.auditLog.count(),
    db.trustUnlock.count(),
    db.contract.findMany({ select: { id: true, accessStatus: true }, orderBy: { id: "asc" } }),
    db.invoice.count(),
    db.customer.count(),
  ]);
  return { audit, unlocks, contracts, invoices, customers };
}

export { generateCnpj };
