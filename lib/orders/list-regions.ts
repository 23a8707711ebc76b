// The regions drawn on the map, per status layer. Open and executing regions are few by nature; closed
// ones accumulate over the years, so each call is capped (newest first) and says when it was.
import { db, type OrderStatus } from "../db";
import type { AreaGeometry } from "../geo/types";

/** Regions answered per call at most. */
export const MAX_REGIONS = 500;
/** Layers shown when the map asks for none. */
export const DEFAULT_REGION_STATUSES: OrderStatus[] = ["ABERTA", "EM_EXECUCAO"];

export interface MapRegion {
  orderId: number;
  number: number;
  status: OrderStatus;
  subjectName: string;
  description: string;
  expectedEndAt: string | null;
  iconLng: number;
  iconLat: number;
  areaM2: number;
  geometry: AreaGeometry;
}

export async function listRegions(statuses: OrderStatus[] = DEFAULT_REGION_STATUSES): Promise<{ regions: MapRegion[]; truncated: boolean }> {
  const rows = await db.maintenanceRegion.findMany({
    where: { serviceOrder: { status: { in: statuses } } },
    orderBy: { serviceOrderId: "desc" },
    take: MAX_REGIONS + 1,
    select: {
      geometry: true, iconLng: true, iconLat: true, areaM2: true,
      serviceOrder: { select: { id: true, number: true, status: true, description: true, expectedEndAt: true, subject: { select: { name: true } } } },
    },
  });
  const truncated = rows.length > MAX_REGIONS;
  const regions = rows.slice(0, MAX_REGIONS).map((r) => ({
    orderId: r.serviceOrder.id,
    number: r.serviceOrder.number,
    status: r.serviceOrder.status,
    subjectName: r.serviceOrder.subject.name,
    description: r.serviceOrder.description,
    expectedEndAt: r.serviceOrder.expectedEndAt?.toISOString() ?? null,
    iconLng: r.iconLng,
    iconLat: r.iconLat,
    areaM2: r.areaM2,
    geometry: r.geometry as unknown as AreaGeometry,
  }));
  return { regions, truncated };
}
