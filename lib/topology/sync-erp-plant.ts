// The ERP sync's plant step (before the logins, which hang from it): the connector's OLTs, PONs and CTOs
// validated with the plant's row schemas and checks; bad rows are skipped and reported as the sync's other
// tables report theirs (SyncIssue: table, ERP id, field, why) — a row that depended on a skipped one is
// skipped too — and the good ones are upserted in one transaction.
import type { z } from "zod";
import { db } from "../db";
import type { ErpConnector } from "../erp/connector";
import { checkPlantRows } from "./check-plant-rows";
import { PLANT_SCHEMAS, PLANT_TABLES, type PlantBatch, type PlantError } from "./plant-rows";
import { upsertPlantRows } from "./upsert-plant-rows";

/** Rounds of "drop the bad rows, check again" (a bad OLT drops its PONs, which drop their CTOs). */
const MAX_CHECK_ROUNDS = 4;

export async function syncErpPlant(connector: ErpConnector, runId: number): Promise<{ rows: number; skipped: number } | null> {
  if (!connector.pullPlant) return null;
  const source = await connector.pullPlant();
  const issues: PlantError[] = [];
  let batch: PlantBatch = { olts: [], pons: [], ctos: [], logins: [] };
  for (const table of PLANT_TABLES) {
    const schema = PLANT_SCHEMAS[table] as z.ZodType<unknown>;
    const columns = Object.keys(PLANT_SCHEMAS[table].shape);
    source[table].forEach((raw, at) => {
      const parsed = schema.safeParse(Object.fromEntries(columns.map((c) => [c, raw[c] ?? ""])));
      if (parsed.success) (batch[table] as { at: number; row: unknown }[]).push({ at, row: parsed.data });
      else issues.push({ table, at, externalId: raw.external_id ?? "", field: parsed.error.issues[0]!.path.join(".") || "-", message: parsed.error.issues[0]!.message });
    });
  }
  for (let round = 0; round < MAX_CHECK_ROUNDS; round++) {
    const errors = await checkPlantRows(batch);
    if (errors.length === 0) break;
    issues.push(...errors);
    const bad = new Set(errors.map((e) => `${e.table}\u0000${e.at}`));
    const keep = <T,>(table: keyof PlantBatch, rows: { at: number; row: T }[]) => rows.filter((r) => !bad.has(`${table}\u0000${r.at}`));
    batch = { olts: keep("olts", batch.olts), pons: keep("pons", batch.pons), ctos: keep("ctos", batch.ctos), logins: [] };
  }
  await db.$transaction(
    async (tx) => {
      await upsertPlantRows(tx, { olts: batch.olts.map((r) => r.row), pons: batch.pons.map((r) => r.row), ctos: batch.ctos.map((r) => r.row), logins: [] });
      if (issues.length) {
        await tx.syncIssue.createMany({ data: issues.map((e) => ({ runId, table: e.table, externalId: e.externalId, field: e.field, message: e.message.slice(0, 500) })) });
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return { rows: batch.olts.length + batch.pons.length + batch.ctos.length, skipped: issues.length };
}
