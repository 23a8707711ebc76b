// ERP sync test support: the Raio tables an ERP feeds, as comparable snapshots keyed by external id; a
// reset of those tables; and the CSV export (the import's format) of the same rows a connector pulls.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import type { ErpConnector, SourceRow } from "@/lib/erp/connector";

/** Every ERP-fed table, row by row, with references by external id (database ids differ between runs). */
export async function snapshotErpTables() {
  const branches = await db.branch.findMany({ orderBy: { externalId: "asc" }, select: { externalId: true, name: true, central: true, city: true } });
  const plans = await db.plan.findMany({ orderBy: { externalId: "asc" }, select: { externalId: true, name: true, downloadMbps: true, uploadMbps: true, priceCents: true, allowanceGb: true, technology: true } });
  const customers = (await db.customer.findMany({
    orderBy: { externalId: "asc" },
    select: {
      externalId: true, name: true, document: true, email: true, street: true, number: true, neighborhood: true, city: true, state: true, zip: true,
      lat: true, lng: true, active: true, branch: { select: { externalId: true } }, phones: { select: { phone: true }, orderBy: { phone: "asc" } },
    },
  })).map(({ branch, phones, ...c }) => ({ ...c, branch: branch.externalId, phones: phones.map((p) => p.phone) }));
  const contracts = (await db.contract.findMany({
    orderBy: { externalId: "asc" },
    select: {
      externalId: true, status: true, accessStatus: true, reducedSpeed: true, trustUnlockEligible: true, activatedAt: true,
      customer: { select: { externalId: true } }, plan: { select: { externalId: true } },
    },
  })).map(({ customer, plan, ...c }) => ({ ...c, customer: customer.externalId, plan: plan.externalId }));
  const logins = (await db.login.findMany({
    orderBy: { externalId: "asc" },
    select: { externalId: true, username: true, status: true, online: true, lastSeenAt: true, technology: true, dataUsedMb: true, lat: true, lng: true, contract: { select: { externalId: true } } },
  })).map(({ contract, ...l }) => ({ ...l, contract: contract.externalId }));
  const invoices = (await db.invoice.findMany({
    orderBy: { externalId: "asc" },
    select: { externalId: true, dueDate: true, amountCents: true, paidAt: true, digitableLine: true, paymentUrl: true, contract: { select: { externalId: true } } },
  })).map(({ contract, ...i }) => ({ ...i, contract: contract.externalId }));
  return JSON.parse(JSON.stringify({ branches, plans, customers, contracts, logins, invoices })) as Record<string, unknown[]>;
}

/** Empties the ERP-fed tables and the sync bookkeeping (children first). */
export async function resetErpTables(): Promise<void> {
  await db.$transaction([
    db.invoice.deleteMany(), db.login.deleteMany(), db.trustUnlock.deleteMany(), db.contract.deleteMany(),
    db.customerPhone.deleteMany(), db.customer.deleteMany(), db.plan.deleteMany(), db.branch.deleteMany(),
    db.syncIssue.deleteMany(), db.syncRun.deleteMany(), db.syncSeen.deleteMany(),
    db.cto.deleteMany(), db.ponPort.deleteMany(), db.olt.deleteMany(), // topo (issue 17): the FTTH plant
  ]);
}

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Writes the rows a connector pulls as the import's four CSV files; returns the folder. */
export async function exportAsCsv(connector: ErpConnector): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "raio-erp-csv-"));
  const files = { customers: "customers.csv", contracts: "contracts.csv", logins: "logins.csv", invoices: "invoices.csv" } as const;
  const write = (file: string, rows: SourceRow[]) => {
    const header = Object.keys(rows[0] ?? {});
    const lines = [header.join(","), ...rows.map((r) => header.map((h) => csvCell(r[h] ?? "")).join(","))];
    writeFileSync(path.join(dir, file), `${lines.join("\n")}\n`);
  };
  for (const [table, file] of Object.entries(files)) {
    const rows: SourceRow[] = [];
    for await (const batch of connector.pull(table as keyof typeof files)) rows.push(...batch.rows);
    write(file, rows);
  }
  // topo (issue 17): the FTTH plant's files (olts.csv, pons.csv, ctos.csv), when the connector has one.
  const plant = await connector.pullPlant?.();
  if (plant) for (const [table, rows] of Object.entries(plant)) if (rows.length) write(`${table}.csv`, rows);
  return dir;
}
