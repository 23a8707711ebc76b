// The one write path of ERP data into Raio: validated rows (the import's row schemas: lib/import) upserted by
// external id inside the caller's transaction — the CSV import, the ERP sync and the push API all end here.
// Branches and plans are created from the rows that name them; phones are replaced by the row's list (the
// ERP is the source of truth). Referenced customers/contracts must exist (in the same call or before).
import type { z } from "zod";
import type { Prisma } from "../db";
import { bumpLoginsVersion } from "../maintenance/geo-version";
import { writeExactPoints, type PointRow } from "../db/exact-float";
import { upsertPlantRows } from "../topology/upsert-plant-rows";
import type { contractRow, customerRow, invoiceRow, loginRow } from "./import-erp-folder";

export interface ErpRows {
  customers: z.output<typeof customerRow>[];
  contracts: z.output<typeof contractRow>[];
  logins: z.output<typeof loginRow>[];
  invoices: z.output<typeof invoiceRow>[];
}

export async function upsertErpRows(tx: Prisma.TransactionClient, rows: ErpRows): Promise<{ branches: number; plans: number }> {
  const branchIds = new Map<string, number>();
  for (const row of rows.customers) {
    if (branchIds.has(row.branch)) continue;
    const b = await tx.branch.upsert({
      where: { externalId: row.branch },
      create: { externalId: row.branch, name: row.branch, central: row.branch_central ?? `Central ${row.branch}`, city: row.city },
      update: row.branch_central ? { central: row.branch_central } : {},
      select: { id: true },
    });
    branchIds.set(row.branch, b.id);
  }
  const customerIdByExt = new Map<string, number>();
  // Coordinates are rewritten exactly once the rows exist (Prisma's number parameters are not exact).
  const customerPoints: PointRow[] = [];
  for (const row of rows.customers) {
    const data = {
      name: row.name, document: row.document, email: row.email, street: row.street, number: row.number,
      neighborhood: row.neighborhood, city: row.city, state: row.state, zip: row.zip, branchId: branchIds.get(row.branch)!,
      lat: row.lat, lng: row.lng, active: row.active,
    };
    const c = await tx.customer.upsert({ where: { externalId: row.external_id }, create: { externalId: row.external_id, ...data }, update: data, select: { id: true } });
    customerIdByExt.set(row.external_id, c.id);
    customerPoints.push({ id: c.id, lat: row.lat, lng: row.lng });
    // Phones are replaced by the export's list (the ERP is the source of truth).
    await tx.customerPhone.deleteMany({ where: { customerId: c.id, phone: { notIn: row.phones } } });
    for (const phone of row.phones) {
      await tx.customerPhone.upsert({ where: { customerId_phone: { customerId: c.id, phone } }, create: { customerId: c.id, phone }, update: {} });
    }
  }
  await writeExactPoints(tx, "Customer", customerPoints);
  const planIds = new Map<string, number>();
  const contractIdByExt = new Map<string, number>();
  for (const row of rows.contracts) {
    let planId = planIds.get(row.plan_name);
    if (planId === undefined) {
      const plan = {
        name: row.plan_name, downloadMbps: row.plan_download_mbps, uploadMbps: row.plan_upload_mbps,
        priceCents: row.plan_price, allowanceGb: row.plan_allowance_gb, technology: row.plan_technology,
      };
      planId = (await tx.plan.upsert({ where: { externalId: `plano:${row.plan_name}` }, create: { externalId: `plano:${row.plan_name}`, ...plan }, update: plan, select: { id: true } })).id;
      planIds.set(row.plan_name, planId);
    }
    const customerId = customerIdByExt.get(row.customer_external_id) ?? (await tx.customer.findUniqueOrThrow({ where: { externalId: row.customer_external_id }, select: { id: true } })).id;
    const data = {
      customerId, planId, status: row.status, accessStatus: row.access_status, reducedSpeed: row.reduced_speed,
      trustUnlockEligible: row.trust_unlock_eligible, activatedAt: row.activated_at,
    } satisfies Partial<Prisma.ContractUncheckedCreateInput>;
    const c = await tx.contract.upsert({ where: { externalId: row.external_id }, create: { externalId: row.external_id, ...data }, update: data, select: { id: true } });
    contractIdByExt.set(row.external_id, c.id);
  }
  const contractId = async (ext: string) =>
    contractIdByExt.get(ext) ?? (await tx.contract.findUniqueOrThrow({ where: { externalId: ext }, select: { id: true } })).id;
  const loginPoints: PointRow[] = [];
  for (const row of rows.logins) {
    const data = {
      contractId: await contractId(row.contract_external_id), username: row.login, status: row.status, online: row.online,
      lastSeenAt: row.last_seen_at, technology: row.technology, dataUsedMb: row.data_used_mb, lat: row.lat, lng: row.lng,
    };
    const l = await tx.login.upsert({ where: { externalId: row.external_id }, create: { externalId: row.external_id, ...data }, update: data, select: { id: true } });
    loginPoints.push({ id: l.id, lat: row.lat, lng: row.lng });
  }
  await writeExactPoints(tx, "Login", loginPoints);
  // topo (issue 17): each login's CTO and port (checked before: lib/topology/check-plant-rows.ts).
  if (rows.logins.length) await upsertPlantRows(tx, { olts: [], pons: [], ctos: [], logins: rows.logins });
  for (const row of rows.invoices) {
    const data = {
      contractId: await contractId(row.contract_external_id), dueDate: row.due_date, amountCents: row.amount, paidAt: row.paid_at,
      digitableLine: row.digitable_line, paymentUrl: row.payment_url,
    };
    await tx.invoice.upsert({ where: { externalId: row.external_id }, create: { externalId: row.external_id, ...data }, update: data });
  }
  // Login locations may have changed: region lookups must see it.
  if (rows.customers.length || rows.logins.length) await bumpLoginsVersion(tx);
  return { branches: branchIds.size, plans: planIds.size };
}
