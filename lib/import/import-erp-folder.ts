// Imports an ERP export folder (customers.csv, contracts.csv, logins.csv, invoices.csv; format in
// docs/integracoes.md), read through the CSV connector (./csv-connector.ts) and validated with the row schemas
// below — the one mapping of outside values that the ERP sync and the push API use too. Every row is validated
// first; any error → nothing is imported. One transaction upserts
// every row by its external id, so importing the same files again updates rows and duplicates nothing.
import path from "node:path";
import { z } from "zod";
import { db } from "../db";
import { CSV_FILES, CsvConnector, type CsvTableName } from "./csv-connector";
import { parseDocument } from "../validation/document";
import { checkHeldElsewhere } from "./check-held-elsewhere";
import { uniqueViolationFields } from "../db/unique-violation";
import { normalizePhone } from "../validation/phone";
import {
  ACCESS_STATUS_VALUES,
  CONTRACT_STATUS_VALUES,
  IXC_ACCESS_STATUS,
  IXC_CONTRACT_STATUS,
  IXC_LOGIN_STATUS,
  LOGIN_STATUS_VALUES,
  normalizeStatusKey,
  statusKeys,
  TECHNOLOGY_CODES,
  TECHNOLOGY_VALUES,
} from "../domain/status-values";
import { upsertErpRows } from "./upsert-erp-rows";
import { loginPlantColumns, OPTIONAL_PLANT_COLUMNS } from "../topology/login-plant-columns";
import { upsertPlantRows } from "../topology/upsert-plant-rows";

export interface ImportError {
  file: string;
  line: number;
  field: string;
  message: string;
}

export interface ImportResult {
  ok: boolean;
  errors: ImportError[];
  counts: { branches: number; plans: number; customers: number; contracts: number; logins: number; invoices: number };
}

export const IMPORT_FILES = ["customers.csv", "contracts.csv", "logins.csv", "invoices.csv"] as const;

// ---- value parsers shared by the row schemas ------------------------------------------------------

export const required = (what: string) => z.string().min(1, `${what} obrigatório`);
export const optional = z.string().transform((v) => (v === "" ? null : v));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "data ISO 8601 esperada (AAAA-MM-DD)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "data inexistente")
  .transform((v) => new Date(`${v}T00:00:00Z`));
const isoDateTime = z
  .string()
  .transform((v, ctx) => {
    if (v === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(v) || Number.isNaN(Date.parse(v))) {
      ctx.addIssue({ code: "custom", message: "data/hora ISO 8601 esperada (ex.: 2026-11-23T14:30:00-03:00)" });
      return z.NEVER;
    }
    return new Date(v);
  });
/** BRL amount "99.90" or "99,90" → integer cents. */
const money = z.string().transform((v, ctx) => {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: "custom", message: `valor em reais inválido: "${v}" (use 99.90)` });
    return z.NEVER;
  }
  return Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
});
export const coordinate = (min: number, max: number, what: string) =>
  z.string().transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v.replace(",", "."));
    if (!Number.isFinite(n) || n < min || n > max) {
      ctx.addIssue({ code: "custom", message: `${what} fora do intervalo [${min}, ${max}] em graus decimais: "${v}"` });
      return z.NEVER;
    }
    return n;
  });
const yesNo = z.string().transform((v, ctx) => {
  const s = v.trim().toUpperCase();
  if (["S", "SIM", "TRUE", "1", "Y"].includes(s)) return true;
  if (["N", "NAO", "NÃO", "FALSE", "0", "", "SS"].includes(s)) return false;
  ctx.addIssue({ code: "custom", message: `use S ou N: "${v}"` });
  return z.NEVER;
});
/** Accepts Raio's names and IXC's codes for each enum (lib/domain/status-values.ts). */
function codeEnum<T extends string>(map: Record<string, T>, what: string) {
  return z.string().transform((v, ctx) => {
    const value = map[normalizeStatusKey(v)];
    if (!value) {
      ctx.addIssue({ code: "custom", message: `${what} desconhecido: "${v}" (aceitos: ${Object.keys(map).join(", ")})` });
      return z.NEVER;
    }
    return value;
  });
}

const contractStatus = codeEnum(statusKeys(CONTRACT_STATUS_VALUES, IXC_CONTRACT_STATUS), "status de contrato");
const accessStatus = codeEnum(statusKeys(ACCESS_STATUS_VALUES, IXC_ACCESS_STATUS), "status de acesso");
const loginStatus = codeEnum(statusKeys(LOGIN_STATUS_VALUES, IXC_LOGIN_STATUS), "status do login");
const technology = codeEnum(statusKeys(TECHNOLOGY_VALUES, TECHNOLOGY_CODES), "tecnologia");

// ---- row schemas ------------------------------------------------------------------------------------

export const customerRow = z.object({
  external_id: required("external_id"),
  name: required("nome"),
  document: z.string().transform((v, ctx) => {
    const p = parseDocument(v);
    if (!p.ok) {
      ctx.addIssue({ code: "custom", message: p.message });
      return z.NEVER;
    }
    return p.digits;
  }),
  email: optional,
  phones: z.string().transform((v, ctx) => {
    const out: string[] = [];
    for (const raw of v.split("|").map((s) => s.trim()).filter(Boolean)) {
      const p = normalizePhone(raw);
      if (!p.ok) {
        ctx.addIssue({ code: "custom", message: `${raw}: ${p.message}` });
        return z.NEVER;
      }
      out.push(p.phone);
    }
    return [...new Set(out)];
  }),
  street: optional,
  number: optional,
  neighborhood: optional,
  city: required("cidade"),
  state: z.string().regex(/^[A-Za-z]{2}$/, "UF com 2 letras").transform((v) => v.toUpperCase()),
  zip: optional,
  branch: required("filial"),
  branch_central: optional,
  lat: coordinate(-90, 90, "latitude"),
  lng: coordinate(-180, 180, "longitude"),
  active: yesNo,
});

export const contractRow = z.object({
  external_id: required("external_id"),
  customer_external_id: required("customer_external_id"),
  status: contractStatus,
  access_status: accessStatus,
  reduced_speed: yesNo,
  trust_unlock_eligible: z.string().transform((v) => !["N", "NAO", "NÃO", "FALSE", "0"].includes(v.trim().toUpperCase())),
  activated_at: isoDateTime,
  plan_name: required("plan_name"),
  plan_download_mbps: z.coerce.number().int().positive("velocidade em Mbps > 0"),
  plan_upload_mbps: z.coerce.number().int().positive("velocidade em Mbps > 0"),
  plan_price: money,
  plan_allowance_gb: z.string().transform((v, ctx) => {
    if (v === "") return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) {
      ctx.addIssue({ code: "custom", message: `franquia em GB inteira > 0, ou vazia para ilimitada: "${v}"` });
      return z.NEVER;
    }
    return n;
  }),
  plan_technology: technology,
});

export const loginRow = z.object({
  external_id: required("external_id"),
  contract_external_id: required("contract_external_id"),
  login: required("login"),
  status: loginStatus,
  online: yesNo,
  last_seen_at: isoDateTime,
  technology,
  data_used_mb: z.coerce.number().int().min(0, "consumo em MB ≥ 0"),
  lat: coordinate(-90, 90, "latitude"),
  lng: coordinate(-180, 180, "longitude"),
  // topo (issue 17): the FTTH plant's columns (lib/topology/plant-rows.ts); empty = no CTO.
  ...loginPlantColumns,
});

export const invoiceRow = z.object({
  external_id: required("external_id"),
  contract_external_id: required("contract_external_id"),
  due_date: isoDate,
  amount: money,
  paid_at: isoDateTime,
  digitable_line: optional,
  payment_url: optional,
});

type Schema = z.ZodType<unknown>;

/** Columns a file may leave out (read as empty). */
const OPTIONAL_COLUMNS = ["branch_central", "trust_unlock_eligible", "email", "zip", "digitable_line", "payment_url", "activated_at", "last_seen_at", "paid_at", ...OPTIONAL_PLANT_COLUMNS];

/** Reads one table through the CSV connector and validates every row with its schema, keeping each row's line. */
export async function validateFile<S extends Schema>(csv: CsvConnector, table: CsvTableName, schema: S, errors: ImportError[], optionalColumns: readonly string[] = []): Promise<{ line: number; row: z.output<S> }[]> {
  const file = CSV_FILES[table];
  const parsed = csv.table(table);
  if (!parsed) {
    errors.push({ file, line: 0, field: "-", message: "arquivo não encontrado" });
    return [];
  }
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, unknown>;
  const missing = Object.keys(shape).filter((c) => !parsed.header.includes(c) && !OPTIONAL_COLUMNS.includes(c) && !optionalColumns.includes(c));
  for (const c of missing) errors.push({ file, line: 1, field: c, message: "coluna ausente no cabeçalho" });
  if (missing.length) return [];
  const out: { line: number; row: z.output<S> }[] = [];
  for await (const batch of csv.pull(table)) {
    batch.rows.forEach((values, i) => {
      const line = batch.lines[i]!;
      const filled = Object.fromEntries(Object.keys(shape).map((k) => [k, values[k] ?? ""]));
      const result = schema.safeParse(filled);
      if (result.success) out.push({ line, row: result.data as z.output<S> });
      else for (const issue of result.error.issues) errors.push({ file, line, field: issue.path.join(".") || "-", message: issue.message });
    });
  }
  return out;
}

export function checkDuplicates<T>(file: string, rows: { line: number; row: T }[], key: (r: T) => string, field: string, errors: ImportError[]) {
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const k = key(row);
    const first = seen.get(k);
    if (first !== undefined) errors.push({ file, line, field, message: `"${k}" repetido (já na linha ${first})` });
    else seen.set(k, line);
  }
}

export async function importErpFolder(folder: string): Promise<ImportResult> {
  const errors: ImportError[] = [];
  const csv = new CsvConnector(folder);
  const customers = await validateFile(csv, "customers", customerRow, errors);
  const contracts = await validateFile(csv, "contracts", contractRow, errors);
  const logins = await validateFile(csv, "logins", loginRow, errors);
  const invoices = await validateFile(csv, "invoices", invoiceRow, errors);
  // topo (issue 17): olts.csv, pons.csv, ctos.csv (optional) and the logins' CTO/port, checked (lib/topology).
  // (Loaded on use: the plant's row schemas import this module's value parsers.)
  const plant = await (await import("../topology/read-plant-files")).readPlantFiles(csv, logins, errors);
  csv.close();
  checkDuplicates("customers.csv", customers, (r) => r.external_id, "external_id", errors);
  checkDuplicates("customers.csv", customers, (r) => r.document, "document", errors);
  checkDuplicates("contracts.csv", contracts, (r) => r.external_id, "external_id", errors);
  checkDuplicates("logins.csv", logins, (r) => r.external_id, "external_id", errors);
  checkDuplicates("logins.csv", logins, (r) => r.login, "login", errors);
  checkDuplicates("invoices.csv", invoices, (r) => r.external_id, "external_id", errors);

  // References: to a row of the same import, or to a record imported before.
  const [knownCustomers, knownContracts] = await Promise.all([
    db.customer.findMany({ where: { externalId: { in: contracts.map((c) => c.row.customer_external_id) } }, select: { externalId: true } }),
    db.contract.findMany({ where: { externalId: { in: [...logins, ...invoices].map((l) => l.row.contract_external_id) } }, select: { externalId: true } }),
  ]);
  const customerIds = new Set([...customers.map((c) => c.row.external_id), ...knownCustomers.map((c) => c.externalId!)]);
  const contractIds = new Set([...contracts.map((c) => c.row.external_id), ...knownContracts.map((c) => c.externalId!)]);
  for (const { line, row } of contracts) {
    if (!customerIds.has(row.customer_external_id)) errors.push({ file: "contracts.csv", line, field: "customer_external_id", message: `cliente "${row.customer_external_id}" não existe` });
  }
  for (const [file, rows] of [["logins.csv", logins], ["invoices.csv", invoices]] as const) {
    for (const { line, row } of rows) {
      if (!contractIds.has(row.contract_external_id)) errors.push({ file, line, field: "contract_external_id", message: `contrato "${row.contract_external_id}" não existe` });
    }
  }
  await checkHeldElsewhere(customers, logins, errors);
  const counts = { branches: 0, plans: 0, customers: customers.length, contracts: contracts.length, logins: logins.length, invoices: invoices.length };
  if (errors.length) return { ok: false, errors, counts };

  try {
    await db.$transaction(
      async (tx) => {
        // topo (issue 17): the plant first; upsertErpRows then hangs the logins from its CTOs.
        await upsertPlantRows(tx, { olts: plant.olts.map((r) => r.row), pons: plant.pons.map((r) => r.row), ctos: plant.ctos.map((r) => r.row), logins: [] });
        const written = await upsertErpRows(tx, {
          customers: customers.map((c) => c.row), contracts: contracts.map((c) => c.row),
          logins: logins.map((l) => l.row), invoices: invoices.map((i) => i.row),
        });
        counts.branches = written.branches;
        counts.plans = written.plans;
        await tx.auditLog.create({ data: { action: "erp.import", entityType: "Import", entityId: path.basename(folder), data: counts } });
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  } catch (err) {
    // Another process wrote one of these values between the check above and the transaction.
    const fields = uniqueViolationFields(err);
    if (fields === null) throw err;
    const field = fields[0] ?? "-";
    const file = field === "username" ? "logins.csv" : "customers.csv";
    return { ok: false, errors: [{ file, line: 0, field: field === "username" ? "login" : field, message: `valor já usado por outro registro (gravado durante a importação): ${fields.join(", ")}` }], counts };
  }
  return { ok: true, errors: [], counts };
}
