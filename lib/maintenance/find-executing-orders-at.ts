// The service orders Em Execução whose region holds a point (boundary counts as inside).
// Used by the contacts API and by diagnosticoClienteEmAreaManutencao: one function serves both.
import { booleanPointInPolygon } from "@turf/turf";
import type { Polygon, MultiPolygon } from "geojson";
import { db } from "../db";

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

export async function findExecutingOrdersAt(lng: number, lat: number): Promise<ExecutingOrderHit[]> {
  // Bounding-box rejection in SQL first; the exact test only on the few candidates.
  const candidates = await db.maintenanceRegion.findMany({
    where: {
      serviceOrder: { status: "EM_EXECUCAO" },
      minLng: { lte: lng }, maxLng: { gte: lng }, minLat: { lte: lat }, maxLat: { gte: lat },
    },
    select: {
      geometry: true,
      serviceOrder: {
        select: {
          id: true, number: true, subjectId: true, expectedEndAt: true, executedAt: true, description: true,
          subject: { select: { name: true, maintenanceMessage: true } },
        },
      },
    },
  });
  return candidates
    .filter((c) => booleanPointInPolygon([lng, lat], c.geometry as unknown as Polygon | MultiPolygon))
    .map(({ serviceOrder: o }) => ({
      orderId: o.id, number: o.number, subjectId: o.subjectId, subjectName: o.subject.name,
      maintenanceMessage: o.subject.maintenanceMessage, expectedEndAt: o.expectedEndAt, executedAt: o.executedAt,
      description: o.description,
    }))
    .sort((a, b) => a.number - b.number);
}
