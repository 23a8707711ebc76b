// The regions drawn on the map, per status layer. Open and executing regions are few by nature; closed
// ones accumulate over the years, so the map asks for them by bounding box (the visible area: regions whose
// own box meets it, through the stored minLng/maxLng/minLat/maxLat columns); each call is still capped
// (newest first) and says when it was.
import { db, type OrderStatus } from "../db";
import type { AreaGeometry, Bbox } from "../geo/types";

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

export async function listRegions(statuses: OrderStatus[] = DEFAULT_REGION_STATUSES, bbox?: Bbox): Promise<{ regions: MapRegion[]; truncated: boolean }> {
  const inView = bbox ? { minLng: { lte: bbox[2] }, maxLng: { gte: bbox[0] }, minLat: { lte: bbox[3] }, maxLat: { gte: bbox[1] } } : {};
  const rows = await db.maintenanceRegion.findMany({
    where: { serviceOrder: { status: { in: statuses } }, ...inView },
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
