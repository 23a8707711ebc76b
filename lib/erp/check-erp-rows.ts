// Validation of ERP rows before they are written, shared by the sync and the push API: the import's row
// schemas (the one mapping of outside values), then what the schemas cannot see — references to customers
// and contracts already in Raio, and CPFs or logins that belong to another record. Returns the good rows
// and the refused ones with table, external id, field and reason.
import type { z } from "zod";
import { getBackend } from "../db";
import { probeByIndex } from "../db/probe-by-index";
import { contractRow, customerRow, invoiceRow, loginRow } from "../import/import-erp-folder";
import type { ErpRows } from "../import/upsert-erp-rows";
import type { SkippedRow, SourceRow } from "./connector";
import { checkPlantRows } from "../topology/check-plant-rows";

export type ErpRowTable = keyof ErpRows;

const SCHEMAS = { customers: customerRow, contracts: contractRow, logins: loginRow, invoices: invoiceRow } as const;

export type ParsedErpRow = ErpRows[keyof ErpRows][number];

/**
 * The rows of `table` whose `column` is one of `keys` (one array parameter), each key one probe of the column's
 * unique b-tree (lib/db/probe-by-index: no hash join reading the whole table, no trigram GIN index).
 */
export async function byKeys<T>(table: string, column: string, select: string, keys: string[]): Promise<T[]> {
  if (!keys.length) return [];
  return getBackend().transaction(async (tx) => {
    await probeByIndex(tx);
    return tx.$queryRawUnsafe<T[]>(`SELECT ${select} FROM unnest($1::text[]) AS k(key) JOIN "${table}" t ON t."${column}" = k.key`, [...new Set(keys)]);
  });
}

/** Validates a page with the import's row schemas and checks what the schemas cannot: references and ownership. */
export async function checkErpRows(table: ErpRowTable, rows: SourceRow[], already: SkippedRow[]): Promise<{ good: ParsedErpRow[]; skipped: SkippedRow[] }> {
  return checkErpReferences(table, parseErpRows(table, rows, already));
}

export interface ParsedPage {
  parsed: ParsedErpRow[];
  skipped: SkippedRow[];
}

/** The row schemas only (no database): what a page's rows mean in Raio's values, and the rows they refuse. */
export function parseErpRows(table: ErpRowTable, rows: SourceRow[], already: SkippedRow[]): ParsedPage {
  const skipped = [...already];
  const parsed: ParsedErpRow[] = [];
  const schema = SCHEMAS[table] as z.ZodType<ParsedErpRow>;
  // Absent columns read as empty, as in a CSV file without them (required ones then say so).
  const columns = Object.keys((SCHEMAS[table] as unknown as z.ZodObject).shape);
  for (const row of rows) {
    const result = schema.safeParse(Object.fromEntries(columns.map((c) => [c, row[c] ?? ""])));
    if (result.success) parsed.push(result.data);
    else {
      const issue = result.error.issues[0]!;
      skipped.push({ table, id: row.external_id ?? "", field: issue.path.join(".") || "-", message: issue.message });
    }
  }
  return { parsed, skipped };
}

/** What the schemas cannot see, against the database: references to customers/contracts, CPFs and logins held elsewhere. */
export async function checkErpReferences(table: ErpRowTable, page: ParsedPage): Promise<{ good: ParsedErpRow[]; skipped: SkippedRow[] }> {
  const { parsed } = page;
  const skipped = [...page.skipped];
  const skip = (r: { external_id: string }, field: string, message: string) => {
    skipped.push({ table, id: r.external_id, field, message });
    return false;
  };
  let good = parsed;
  if (table === "customers") {
    const rowsC = parsed as ErpRows["customers"];
    const owners = await byKeys<{ document: string; externalId: string | null }>("Customer", "document", `t.document, t."externalId"`, rowsC.map((r) => r.document));
    const ownerOf = new Map(owners.map((o) => [o.document, o.externalId]));
    const seen = new Set<string>();
    good = rowsC.filter((r) => {
      const owner = ownerOf.get(r.document);
      if (owner !== undefined && owner !== r.external_id) return skip(r, "document", `CPF/CNPJ já pertence a outro cliente (código ${owner ?? "sem código"})`);
      if (seen.has(r.document)) return skip(r, "document", "CPF/CNPJ repetido na mesma página");
      seen.add(r.document);
      return true;
    });
  } else if (table === "contracts") {
    const rowsK = parsed as ErpRows["contracts"];
    const known = new Set((await byKeys<{ externalId: string }>("Customer", "externalId", `t."externalId"`, rowsK.map((r) => r.customer_external_id))).map((c) => c.externalId));
    good = rowsK.filter((r) => known.has(r.customer_external_id) || skip(r, "customer_external_id", `cliente "${r.customer_external_id}" não existe no Raio (ignorado ou ainda não sincronizado)`));
  } else {
    const rowsL = parsed as (ErpRows["logins"][number] | ErpRows["invoices"][number])[];
    const known = new Set((await byKeys<{ externalId: string }>("Contract", "externalId", `t."externalId"`, rowsL.map((r) => r.contract_external_id))).map((c) => c.externalId));
    good = rowsL.filter((r) => known.has(r.contract_external_id) || skip(r, "contract_external_id", `contrato "${r.contract_external_id}" não existe no Raio`));
    if (table === "logins") {
      const logins = good as ErpRows["logins"];
      const owners = await byKeys<{ username: string; externalId: string | null }>("Login", "username", `t.username, t."externalId"`, logins.map((l) => l.login));
      const ownerOf = new Map(owners.map((o) => [o.username, o.externalId]));
      good = logins.filter((l) => {
        const owner = ownerOf.get(l.login);
        return owner === undefined || owner === l.external_id || skip(l, "login", `login já pertence a outro registro (código ${owner ?? "sem código"})`);
      });
      // topo (issue 17): the login's CTO must exist, its port be free and within the CTO's capacity. A login
      // whose plant is wrong is still written, without CTO (its status matters more), and reported.
      const plantErrors = await checkPlantRows({ olts: [], pons: [], ctos: [], logins: (good as ErpRows["logins"]).map((row, at) => ({ at, row })) });
      const refused = new Map(plantErrors.map((e) => [e.externalId, e]));
      good = (good as ErpRows["logins"]).map((l) => {
        const e = refused.get(l.external_id);
        if (!e) return l;
        skip(l, e.field, `login gravado sem CTO: ${e.message}`);
        return { ...l, cto_external_id: null, cto_port: null };
      });
    }
  }
  return { good, skipped };
}

