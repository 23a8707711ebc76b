// Writes a region's geometry and the columns stored beside it (bbox, icon point, area) for an order,
// creating or replacing its MaintenanceRegion row. Every double travels as text (lib/db/exact-float.ts),
// so GET /regions answers the very polygon that was posted, and the bbox used to reject points before the
// exact test is the polygon's own, bit for bit.
import type { Prisma } from "../db";
import { floatText } from "../db/exact-float";
import type { CheckedRegion } from "./check-region-geometry";

export interface SavedRegion {
  id: number;
  areaM2: number;
  vertexCount: number;
  iconLng: number;
  iconLat: number;
}

export async function saveRegionColumns(tx: Prisma.TransactionClient, serviceOrderId: number, columns: CheckedRegion["columns"]): Promise<SavedRegion> {
  const c = columns;
  const rows = await tx.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "MaintenanceRegion" ("serviceOrderId", geometry, "minLng", "minLat", "maxLng", "maxLat", "iconLng", "iconLat", "areaM2", "vertexCount", "updatedAt")
     VALUES ($1, $2::jsonb, $3::float8, $4::float8, $5::float8, $6::float8, $7::float8, $8::float8, $9::float8, $10, $11::timestamp(3))
     ON CONFLICT ("serviceOrderId") DO UPDATE SET
       geometry = EXCLUDED.geometry, "minLng" = EXCLUDED."minLng", "minLat" = EXCLUDED."minLat", "maxLng" = EXCLUDED."maxLng",
       "maxLat" = EXCLUDED."maxLat", "iconLng" = EXCLUDED."iconLng", "iconLat" = EXCLUDED."iconLat", "areaM2" = EXCLUDED."areaM2",
       "vertexCount" = EXCLUDED."vertexCount", "updatedAt" = EXCLUDED."updatedAt"
     RETURNING id`,
    serviceOrderId,
    JSON.stringify(c.geometry),
    floatText(c.minLng), floatText(c.minLat), floatText(c.maxLng), floatText(c.maxLat),
    floatText(c.iconLng), floatText(c.iconLat), floatText(c.areaM2),
    c.vertexCount,
    // timestamp(3) columns hold UTC (as Prisma writes them): an ISO instant cast without its zone.
    new Date().toISOString(),
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`Região da OS ${serviceOrderId} não gravada.`);
  return { id: Number(id), areaM2: c.areaM2, vertexCount: c.vertexCount, iconLng: c.iconLng, iconLat: c.iconLat };
}
