// The push API of the FTTH plant (PUT /api/v1/sync/olts|pons|ctos): a batch of one table's rows, upserted by
// external id. All or nothing, like the ERP tables' push (lib/erp/push/push-erp-rows.ts): any bad row refuses
// the whole batch, every error naming its row (0-based), external id and field; the same batch again changes
// nothing. The logins' CTO and port travel in the logins push (columns cto_external_id, cto_port).
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { pushBatchSchema } from "../validation/erp-push";
import { checkPlantRows } from "./check-plant-rows";
import { PLANT_SCHEMAS, type PlantBatch, type PlantError, type PlantTable } from "./plant-rows";
import { upsertPlantRows } from "./upsert-plant-rows";

export async function pushPlantRows(table: PlantTable, body: unknown, principal: Principal): Promise<{ table: PlantTable; upserted: number }> {
  const { rows } = pushBatchSchema.parse(body);
  const schema = PLANT_SCHEMAS[table] as z.ZodType<unknown>;
  const columns = Object.keys(PLANT_SCHEMAS[table].shape);
  const errors: PlantError[] = [];
  const batch: PlantBatch = { olts: [], pons: [], ctos: [], logins: [] };
  rows.forEach((raw, at) => {
    // Absent keys read as empty cells (required ones then say so).
    const parsed = schema.safeParse(Object.fromEntries(columns.map((c) => [c, raw[c] ?? ""])));
    if (parsed.success) (batch[table] as { at: number; row: unknown }[]).push({ at, row: parsed.data });
    else for (const issue of parsed.error.issues) errors.push({ table, at, externalId: raw.external_id ?? "", field: issue.path.join(".") || "-", message: issue.message });
  });
  errors.push(...(await checkPlantRows(batch)));
  if (errors.length) {
    errors.sort((a, b) => a.at - b.at);
    const first = errors[0]!;
    throw new AppError("VALIDATION", `Lote recusado (nada foi gravado): ${errors.length} erro(s); linha ${first.at}, campo ${first.field}: ${first.message}`, {
      field: `rows.${first.at}.${first.field}`,
      details: errors.map((e) => ({ row: e.at, externalId: e.externalId, field: e.field, message: e.message })),
    });
  }
  await db.$transaction(
    async (tx) => {
      await upsertPlantRows(tx, { olts: batch.olts.map((r) => r.row), pons: batch.pons.map((r) => r.row), ctos: batch.ctos.map((r) => r.row), logins: [] });
      await recordAudit(tx, principal, "erp.push", { type: "Sync", id: table }, { rows: rows.length });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { table, upserted: rows.length };
}
