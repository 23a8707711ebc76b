// The one write path of ERP data into Raio: validated rows (the import's row schemas: lib/import) upserted by
// external id inside the caller's transaction — the CSV import, the ERP sync and the push API all end here.
// Set-based: one statement per table and chunk (lib/db/bulk-upsert), references (branch, plan, customer,
// contract) resolved by external id in SQL, unchanged rows left alone. Branches and plans are created from the
// rows that name them; phones are replaced by the row's list (the ERP is the source of truth). Referenced
// customers/contracts must exist (in the same call or before). Coordinates travel as text (lib/db/exact-float).
//
// Each table's mapping from a row to its columns is the *_COLUMNS list below: a new column is one more entry.
import type { z } from "zod";
import type { SqlTx } from "../db";
import { bulkInsert, type BulkColumn } from "../db/bulk-insert";
import { bulkUpsert, type RefColumn, type UpsertSpec } from "../db/bulk-upsert";
import { bumpLoginsVersion, bumpStatusVersion } from "../maintenance/geo-version";
import { upsertPlantRows } from "../topology/upsert-plant-rows";
import type { contractRow, customerRow, invoiceRow, loginRow } from "./import-erp-folder";

export interface ErpRows {
  customers: z.output<typeof customerRow>[];
  contracts: z.output<typeof contractRow>[];
  logins: z.output<typeof loginRow>[];
  invoices: z.output<typeof invoiceRow>[];
}

type Row<T extends keyof ErpRows> = ErpRows[T][number];

/** A written column: its name and SQL type (lib/db/bulk-insert) and its value in a row. */
interface Column<R> extends BulkColumn {
  value: (row: R) => unknown;
}

const CUSTOMER_COLUMNS: Column<Row<"customers">>[] = [
  { name: "name", type: "text", value: (r) => r.name },
  { name: "document", type: "text", value: (r) => r.document },
  { name: "email", type: "text", value: (r) => r.email },
  { name: "street", type: "text", value: (r) => r.street },
  { name: "number", type: "text", value: (r) => r.number },
  { name: "neighborhood", type: "text", value: (r) => r.neighborhood },
  { name: "city", type: "text", value: (r) => r.city },
  { name: "state", type: "text", value: (r) => r.state },
  { name: "zip", type: "text", value: (r) => r.zip },
  { name: "lat", type: "float8", value: (r) => r.lat },
  { name: "lng", type: "float8", value: (r) => r.lng },
  { name: "active", type: "bool", value: (r) => r.active },
];

const PLAN_COLUMNS: Column<Row<"contracts">>[] = [
  { name: "name", type: "text", value: (r) => r.plan_name },
  { name: "downloadMbps", type: "int", value: (r) => r.plan_download_mbps },
  { name: "uploadMbps", type: "int", value: (r) => r.plan_upload_mbps },
  { name: "priceCents", type: "int", value: (r) => r.plan_price },
  { name: "allowanceGb", type: "int", value: (r) => r.plan_allowance_gb },
  { name: "technology", type: "Technology", value: (r) => r.plan_technology },
];

const CONTRACT_COLUMNS: Column<Row<"contracts">>[] = [
  { name: "status", type: "ContractStatus", value: (r) => r.status },
  { name: "accessStatus", type: "AccessStatus", value: (r) => r.access_status },
  { name: "reducedSpeed", type: "bool", value: (r) => r.reduced_speed },
  { name: "trustUnlockEligible", type: "bool", value: (r) => r.trust_unlock_eligible },
  { name: "activatedAt", type: "timestamp(3)", value: (r) => r.activated_at },
];

const LOGIN_COLUMNS: Column<Row<"logins">>[] = [
  { name: "username", type: "text", value: (r) => r.login },
  { name: "status", type: "LoginStatus", value: (r) => r.status },
  { name: "online", type: "bool", value: (r) => r.online },
  { name: "lastSeenAt", type: "timestamp(3)", value: (r) => r.last_seen_at },
  { name: "technology", type: "Technology", value: (r) => r.technology },
  { name: "dataUsedMb", type: "int", value: (r) => r.data_used_mb },
  { name: "lat", type: "float8", value: (r) => r.lat },
  { name: "lng", type: "float8", value: (r) => r.lng },
];

const INVOICE_COLUMNS: Column<Row<"invoices">>[] = [
  { name: "dueDate", type: "date", value: (r) => r.due_date },
  { name: "amountCents", type: "int", value: (r) => r.amount },
  { name: "paidAt", type: "timestamp(3)", value: (r) => r.paid_at },
  { name: "digitableLine", type: "text", value: (r) => r.digitable_line },
  { name: "paymentUrl", type: "text", value: (r) => r.payment_url },
];

/** Plans are known by name: the ERP rows carry the plan's name and figures on each contract. */
const planKey = (name: string) => `plano:${name}`;

/** One upsert: the spec from the columns, the records from the rows (key + columns + reference ids). */
async function upsert<R>(
  tx: SqlTx,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  key: (row: R) => string,
  refs: readonly (RefColumn & { value: (row: R) => string })[] = [],
  extra: Pick<UpsertSpec, "moved" | "touch"> = {},
) {
  const spec: UpsertSpec = { table, key: "externalId", columns: columns.map(({ name, type }) => ({ name, type })), refs, ...extra };
  const records = rows.map((row) => {
    const rec: Record<string, unknown> = { externalId: key(row) };
    for (const c of columns) rec[c.name] = c.value(row);
    for (const r of refs) rec[r.name] = r.value(row);
    return rec;
  });
  return bulkUpsert(tx, spec, records);
}

/** The first row of each key (a branch or plan named by many rows takes its figures from the first). */
function firstBy<R>(rows: readonly R[], key: (row: R) => string): R[] {
  const seen = new Map<string, R>();
  for (const row of rows) if (!seen.has(key(row))) seen.set(key(row), row);
  return [...seen.values()];
}

export async function upsertErpRows(tx: SqlTx, rows: ErpRows): Promise<{ branches: number; plans: number }> {
  let moved = 0;
  const branches = firstBy(rows.customers, (r) => r.branch);
  if (rows.customers.length) {
    // Branches: created with the first row's central and city; an existing one takes a central the rows name.
    await bulkInsert(
      tx, "Branch",
      [{ name: "externalId", type: "text" }, { name: "name", type: "text" }, { name: "central", type: "text" }, { name: "city", type: "text" }],
      branches.map((r) => ({ externalId: r.branch, name: r.branch, central: r.branch_central ?? `Central ${r.branch}`, city: r.city })),
      { onConflictDoNothing: true },
    );
    const named = branches.filter((r) => r.branch_central);
    if (named.length) {
      await tx.$executeRawUnsafe(
        `UPDATE "Branch" b SET central = v.central FROM unnest($1::text[], $2::text[]) AS v(ext, central)
          WHERE b."externalId" = v.ext AND b.central IS DISTINCT FROM v.central`,
        named.map((r) => r.branch), named.map((r) => r.branch_central),
      );
    }
    moved += (await upsert(tx, "Customer", CUSTOMER_COLUMNS, rows.customers, (r) => r.external_id,
      [{ name: "branchId", table: "Branch", value: (r) => r.branch }], { moved: ["lat", "lng"] })).moved;
    await replacePhones(tx, rows.customers);
  }
  const plans = firstBy(rows.contracts, (r) => r.plan_name);
  if (rows.contracts.length) {
    await upsert(tx, "Plan", PLAN_COLUMNS, plans, (r) => planKey(r.plan_name));
    await upsert(tx, "Contract", CONTRACT_COLUMNS, rows.contracts, (r) => r.external_id, [
      { name: "customerId", table: "Customer", value: (r) => r.customer_external_id },
      { name: "planId", table: "Plan", value: (r) => planKey(r.plan_name) },
    ]);
  }
  if (rows.logins.length) {
    moved += (await upsert(tx, "Login", LOGIN_COLUMNS, rows.logins, (r) => r.external_id,
      [{ name: "contractId", table: "Contract", value: (r) => r.contract_external_id }],
      { moved: ["lat", "lng", "contractId"], touch: "updatedAt" })).moved;
    // topo (issue 17): each login's CTO and port (checked before: lib/topology/check-plant-rows.ts).
    await upsertPlantRows(tx, { olts: [], pons: [], ctos: [], logins: rows.logins });
  }
  if (rows.invoices.length) {
    await upsert(tx, "Invoice", INVOICE_COLUMNS, rows.invoices, (r) => r.external_id,
      [{ name: "contractId", table: "Contract", value: (r) => r.contract_external_id }]);
  }
  // A login appeared or moved (its own point, its customer's point, or its contract): region lookups must see it.
  if (moved > 0) await bumpLoginsVersion(tx);
  // Logins' online flags were written (the ERP's value): the map's offline counts reload.
  if (rows.logins.length) await bumpStatusVersion(tx);
  return { branches: branches.length, plans: plans.length };
}

/** Each customer's phones become exactly the row's list: two statements for the whole batch. */
async function replacePhones(tx: SqlTx, customers: readonly Row<"customers">[]): Promise<void> {
  const ext = customers.flatMap((c) => c.phones.map(() => c.external_id));
  const phones = customers.flatMap((c) => c.phones);
  // Each customer found by its external id and its phones by the (customerId, phone) index; the kept pairs
  // in a hashed list. Never a read of the whole Customer or CustomerPhone table (lib/db/probe-by-index), nor
  // a pair-by-pair comparison of the page's phones with each other.
  await tx.$executeRawUnsafe(
    `DELETE FROM "CustomerPhone" p USING unnest($1::text[]) AS k(ext) JOIN "Customer" c ON c."externalId" = k.ext
      WHERE c.id = p."customerId"
        AND (c."externalId", p.phone) NOT IN (SELECT v.ext, v.phone FROM unnest($2::text[], $3::text[]) AS v(ext, phone))`,
    customers.map((c) => c.external_id), ext, phones,
  );
  if (phones.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "CustomerPhone" ("customerId", phone)
       SELECT c.id, v.phone FROM unnest($1::text[], $2::text[]) AS v(ext, phone) JOIN "Customer" c ON c."externalId" = v.ext
       ON CONFLICT ("customerId", phone) DO NOTHING`,
      ext, phones,
    );
  }
}
