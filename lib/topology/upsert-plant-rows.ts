// The one write path of the FTTH plant: checked rows (check-plant-rows.ts) upserted by external id in a few
// set-based statements inside the caller's transaction — OLTs, then PONs, then CTOs, then the logins' CTO and
// port. Coordinates travel as text (lib/db/exact-float.ts). The logins-version stamp is bumped, so the
// topology index (and every region lookup) reloads on its next call.
import type { SqlTx } from "../db";
import { floatText } from "../db/exact-float";
import { bumpLoginsVersion } from "../maintenance/geo-version";
import type { CtoRow, LoginPlant, OltRow, PonRow } from "./plant-rows";

export interface PlantRowsToWrite {
  olts: OltRow[];
  pons: PonRow[];
  ctos: CtoRow[];
  logins: LoginPlant[];
}

const NOW = `CURRENT_TIMESTAMP`;

export async function upsertPlantRows(tx: SqlTx, rows: PlantRowsToWrite): Promise<void> {
  if (rows.olts.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Olt" ("externalId", name, lat, lng, "updatedAt")
       SELECT v.e, v.n, v.lat::float8, v.lng::float8, ${NOW} FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(e, n, lat, lng)
       ON CONFLICT ("externalId") DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lng = EXCLUDED.lng, "updatedAt" = EXCLUDED."updatedAt"`,
      rows.olts.map((r) => r.external_id), rows.olts.map((r) => r.name), rows.olts.map((r) => floatText(r.lat)), rows.olts.map((r) => floatText(r.lng)),
    );
  }
  if (rows.pons.length) {
    // A PON moving to another label of the same OLT could meet its own old label: labels are freed first.
    await tx.$executeRawUnsafe(
      `UPDATE "PonPort" SET label = '~livre~' || id::text WHERE "externalId" = ANY($1::text[])`,
      rows.pons.map((r) => r.external_id),
    );
    await tx.$executeRawUnsafe(
      `INSERT INTO "PonPort" ("externalId", "oltId", label, "updatedAt")
       SELECT v.e, o.id, v.label, ${NOW} FROM unnest($1::text[], $2::text[], $3::text[]) AS v(e, olt, label) JOIN "Olt" o ON o."externalId" = v.olt
       ON CONFLICT ("externalId") DO UPDATE SET "oltId" = EXCLUDED."oltId", label = EXCLUDED.label, "updatedAt" = EXCLUDED."updatedAt"`,
      rows.pons.map((r) => r.external_id), rows.pons.map((r) => r.olt_external_id), rows.pons.map((r) => r.label),
    );
  }
  if (rows.ctos.length) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "Cto" ("externalId", name, lat, lng, capacity, "ponId", "updatedAt")
       SELECT v.e, v.n, v.lat::float8, v.lng::float8, v.cap, p.id, ${NOW}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[]) AS v(e, n, lat, lng, cap, pon)
         LEFT JOIN "PonPort" p ON p."externalId" = v.pon
       ON CONFLICT ("externalId") DO UPDATE SET name = EXCLUDED.name, lat = EXCLUDED.lat, lng = EXCLUDED.lng,
         capacity = EXCLUDED.capacity, "ponId" = EXCLUDED."ponId", "updatedAt" = EXCLUDED."updatedAt"`,
      rows.ctos.map((r) => r.external_id), rows.ctos.map((r) => r.name), rows.ctos.map((r) => floatText(r.lat)),
      rows.ctos.map((r) => floatText(r.lng)), rows.ctos.map((r) => r.capacity), rows.ctos.map((r) => r.pon_external_id),
    );
  }
  let loginsMoved = 0;
  if (rows.logins.length) {
    const args = [rows.logins.map((r) => r.external_id), rows.logins.map((r) => r.cto_external_id), rows.logins.map((r) => r.cto_port)];
    const changed = `FROM unnest($1::text[], $2::text[], $3::int[]) AS v(e, cto, port) LEFT JOIN "Cto" c ON c."externalId" = v.cto
        WHERE l."externalId" = v.e AND (l."ctoId" IS DISTINCT FROM c.id OR l."ctoPort" IS DISTINCT FROM v.port)`;
    // Ports that change are freed first: two logins swapping ports would otherwise meet the unique
    // (ctoId, ctoPort) midway. Logins whose CTO and port stay are not rewritten (and bump nothing).
    await tx.$executeRawUnsafe(`UPDATE "Login" AS l SET "ctoPort" = NULL ${changed} AND l."ctoPort" IS NOT NULL`, ...args);
    loginsMoved = await tx.$executeRawUnsafe(`UPDATE "Login" AS l SET "ctoId" = c.id, "ctoPort" = v.port ${changed}`, ...args);
  }
  if (rows.olts.length || rows.pons.length || rows.ctos.length || loginsMoved > 0) await bumpLoginsVersion(tx);
}
