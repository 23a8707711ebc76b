// The open or executing orders whose region a new (or edited) region overlaps: a warning, not a refusal
// (two crews may work in neighbouring areas), naming the other orders.
import { db } from "../db";
import { findOverlaps } from "../geo/validate-polygon";
import type { AreaGeometry, Bbox } from "../geo/types";
import { formatDateTime } from "../format/date-time";
import { statusLabel } from "./order-life-cycle";

export interface OverlapWarning {
  code: "OVERLAP";
  orderId: number;
  number: number;
  message: string;
}

export async function findRegionOverlaps(geometry: AreaGeometry, bbox: Bbox, excludeOrderId?: number): Promise<OverlapWarning[]> {
  // Bounding-box rejection in SQL; the exact test only on the candidates.
  const candidates = await db.maintenanceRegion.findMany({
    where: {
      serviceOrder: { status: { in: ["ABERTA", "EM_EXECUCAO"] }, ...(excludeOrderId ? { id: { not: excludeOrderId } } : {}) },
      minLng: { lte: bbox[2] }, maxLng: { gte: bbox[0] }, minLat: { lte: bbox[3] }, maxLat: { gte: bbox[1] },
    },
    select: { geometry: true, serviceOrder: { select: { id: true, number: true, status: true, description: true, scheduledStartAt: true } } },
  });
  const byId = new Map(candidates.map((c) => [c.serviceOrder.id, c.serviceOrder]));
  const hits = findOverlaps(
    geometry,
    candidates.map((c) => ({ id: c.serviceOrder.id, label: String(c.serviceOrder.number), geometry: c.geometry as unknown as AreaGeometry })),
  );
  return hits
    .map(({ id }) => byId.get(id)!)
    .sort((a, b) => a.number - b.number)
    .map((o) => ({
      code: "OVERLAP" as const,
      orderId: o.id,
      number: o.number,
      message: `A região sobrepõe a da OS ${o.number} (${statusLabel(o.status)}${o.status === "ABERTA" && o.scheduledStartAt ? `, programada para ${formatDateTime(o.scheduledStartAt)}` : ""}): ${o.description}`,
    }));
}
