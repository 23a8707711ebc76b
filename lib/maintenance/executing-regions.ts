// The in-memory index of the regions whose order is Em Execução, rebuilt when the regions' version
// stamp moves (checked once per call: one indexed single-row read). Boundary rule: a point on an edge
// or a vertex is inside (lib/geo/prepared-polygon.ts).
import { db } from "../db";
import { buildRegionIndex, type RegionIndex } from "../geo/region-index";
import type { AreaGeometry } from "../geo/types";
import { createVersionedCache } from "./versioned-cache";

export interface ExecutingOrderHit {
  orderId: number;
  number: number;
  subjectId: number;
  subjectName: string;
  maintenanceMessage: string | null;
  expectedEndAt: Date | null;
  executedAt: Date | null;
  description: string;
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

/** The executing orders whose region holds the point, by order number. */
export async function findExecutingOrdersAt(lng: number, lat: number): Promise<ExecutingOrderHit[]> {
  const ids = (await getExecutingRegionIndex()).regionsContaining(lng, lat);
  if (ids.length === 0) return [];
  const orders = await db.serviceOrder.findMany({
    // The status is checked again: an order finalized a moment ago sends nothing.
    where: { id: { in: ids }, status: "EM_EXECUCAO" },
    orderBy: { number: "asc" },
    select: {
      id: true, number: true, subjectId: true, expectedEndAt: true, executedAt: true, description: true,
      subject: { select: { name: true, maintenanceMessage: true } },
    },
  });
  return orders.map((o) => ({
    orderId: o.id, number: o.number, subjectId: o.subjectId, subjectName: o.subject.name,
    maintenanceMessage: o.subject.maintenanceMessage, expectedEndAt: o.expectedEndAt, executedAt: o.executedAt, description: o.description,
  }));
}
