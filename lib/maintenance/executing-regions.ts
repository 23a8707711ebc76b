// The in-memory index of the regions whose order is Em Execução, rebuilt when the regions' version
// stamp moves (checked once per call: one indexed single-row read). Boundary rule: a point on an edge
// or a vertex is inside (lib/geo/prepared-polygon.ts).
import { db, getBackend } from "../db";
import { epochMs } from "../db/sql";
import { buildRegionIndex, type RegionIndex } from "../geo/region-index";
import type { AreaGeometry } from "../geo/types";
import { createVersionedCache } from "./versioned-cache";
import type { GeoVersions } from "./geo-version";

export interface ExecutingOrderHit {
  orderId: number;
  number: number;
  subjectId: number;
  subjectName: string;
  maintenanceMessage: string | null;
  expectedEndAt: Date | null;
  executedAt: Date | null;
  description: string;
  /** The latest note for customers on the order's timeline (OrderUpdate PUBLIC_NOTE), or null. */
  lastUpdate: { text: string; at: Date } | null;
}

// Only ids and geometry are cached: the order's and subject's texts are read fresh for the few hits, so
// editing a message or an expected end needs no cache invalidation.
async function loadIndex(): Promise<RegionIndex> {
  const regions = await db.maintenanceRegion.findMany({
    where: { serviceOrder: { status: "EM_EXECUCAO" } },
    select: { serviceOrderId: true, geometry: true },
  });
  return buildRegionIndex(regions.map((r) => ({ id: r.serviceOrderId, geometry: r.geometry as unknown as AreaGeometry })));
}

/** The current index (rebuilt first if another instance or request changed the executing set). */
export const getExecutingRegionIndex = createVersionedCache("executingRegions", "regions", loadIndex);

// The hits' texts in one plain statement (a named prepared statement on PostgreSQL), not a Prisma query:
// for a customer inside an executing region this runs on every diagnostics call, and Prisma's per-call query
// compilation cost more than the query. Timestamps travel as epoch milliseconds.
const HITS_SQL = `SELECT o.id, o.number, o."subjectId", o.description,
    ${epochMs('o."expectedEndAt"')} AS "expectedEndAt", ${epochMs('o."executedAt"')} AS "executedAt",
    s.name AS "subjectName", s."maintenanceMessage", u.text AS "lastUpdateText", ${epochMs('u."createdAt"')} AS "lastUpdateAt"
  FROM "ServiceOrder" o JOIN "Subject" s ON s.id = o."subjectId"
  LEFT JOIN LATERAL (SELECT text, "createdAt" FROM "OrderUpdate" WHERE "orderId" = o.id AND kind = 'PUBLIC_NOTE'
                      ORDER BY "createdAt" DESC, id DESC LIMIT 1) u ON true
  WHERE o.id = ANY($1::int[]) AND o.status = 'EM_EXECUCAO'
  ORDER BY o.number`.replace(/\s+/g, " ");

interface HitRow {
  id: number; number: number; subjectId: number; description: string; expectedEndAt: number | null;
  executedAt: number | null; subjectName: string; maintenanceMessage: string | null;
  lastUpdateText: string | null; lastUpdateAt: number | null;
}

/**
 * The executing orders whose region holds the point, by order number. `versions`: the stamps when the caller
 * has just read them (else they are read here).
 */
export async function findExecutingOrdersAt(lng: number, lat: number, versions?: GeoVersions): Promise<ExecutingOrderHit[]> {
  const ids = (await getExecutingRegionIndex(versions)).regionsContaining(lng, lat);
  if (ids.length === 0) return [];
  // The status is checked again: an order finalized a moment ago sends nothing.
  const rows = await getBackend().query<HitRow>(HITS_SQL, [ids], { prepared: "raio_executing_hits" });
  return rows.map((o) => ({
    orderId: o.id, number: o.number, subjectId: o.subjectId, subjectName: o.subjectName, maintenanceMessage: o.maintenanceMessage,
    expectedEndAt: o.expectedEndAt === null ? null : new Date(o.expectedEndAt),
    executedAt: o.executedAt === null ? null : new Date(o.executedAt),
    description: o.description,
    lastUpdate: o.lastUpdateText !== null && o.lastUpdateAt !== null ? { text: o.lastUpdateText, at: new Date(o.lastUpdateAt) } : null,
  }));
}
