// The push API for ERPs without a connector (SGP, Hubsoft, Voalle, MK-Auth…): a batch of one table's rows,
// upserted by external id through the import's one path (row schemas + checks + upsertErpRows). All or
// nothing: any bad row refuses the whole batch with every error naming its row (0-based index), external id
// and field; sending the same batch again changes nothing (idempotent).
import { db } from "../../db";
import { AppError, badRequest } from "../../errors";
import { recordAudit } from "../../audit/record-audit";
import type { Principal } from "../../auth/principal";
import { upsertErpRows, type ErpRows } from "../../import/upsert-erp-rows";
import { pushBatchSchema, pushTableSchema } from "../../validation/erp-push";
import { checkErpRows, type ParsedErpRow } from "../check-erp-rows";

export interface PushError {
  row: number;
  externalId: string;
  field: string;
  message: string;
}

export async function pushErpRows(tableParam: string, body: unknown, principal: Principal): Promise<{ table: string; upserted: number }> {
  const parsedTable = pushTableSchema.safeParse(tableParam);
  if (!parsedTable.success) throw badRequest(`Tabela "${tableParam}" desconhecida: use customers, contracts, logins ou invoices.`, "table");
  const table = parsedTable.data;
  const { rows } = pushBatchSchema.parse(body);
  const errors: PushError[] = [];
  const indexOf = new Map<string, number>();
  const unique = rows.filter((row, i) => {
    const id = row.external_id ?? "";
    if (id && indexOf.has(id)) {
      errors.push({ row: i, externalId: id, field: "external_id", message: `external_id repetido no lote (já na linha ${indexOf.get(id)})` });
      return false;
    }
    indexOf.set(id, i);
    return true;
  });
  const { good, skipped } = await checkErpRows(table, unique, []);
  for (const s of skipped) errors.push({ row: indexOf.get(s.id) ?? -1, externalId: s.id, field: s.field, message: s.message });
  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    const first = errors[0]!;
    throw new AppError("VALIDATION", `Lote recusado (nada foi gravado): ${errors.length} erro(s); linha ${first.row}, campo ${first.field}: ${first.message}`, {
      field: `rows.${first.row}.${first.field}`,
      details: errors,
    });
  }
  const batch: ErpRows = { customers: [], contracts: [], logins: [], invoices: [] };
  (batch[table] as ParsedErpRow[]) = good;
  await db.$transaction(
    async (tx) => {
      await upsertErpRows(tx, batch);
      await recordAudit(tx, principal, "erp.push", { type: "Sync", id: table }, { rows: good.length });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { table, upserted: good.length };
}
