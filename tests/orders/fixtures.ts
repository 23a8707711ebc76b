// Polygons for the orders tests, in Campinas. Sizes in metres; coordinates [lng, lat].
import { db } from "@/lib/db";

const M_PER_DEG_LAT = 111_320;
export const CENTER: [number, number] = [-47.06, -22.9];

/** A closed square ring of `sizeM` metres whose south-west corner is (lng, lat). */
export function squareRing(lng: number, lat: number, sizeM: number): number[][] {
  const dLat = sizeM / M_PER_DEG_LAT;
  const dLng = sizeM / (M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180));
  return [[lng, lat], [lng + dLng, lat], [lng + dLng, lat + dLat], [lng, lat + dLat], [lng, lat]];
}

export function feature(ring: number[][] | number[][][]) {
  const coordinates = Array.isArray(ring[0]?.[0]) ? (ring as number[][][]) : [ring as number[][]];
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates } };
}

export function squareFeature(lng = CENTER[0], lat = CENTER[1], sizeM = 500) {
  return feature(squareRing(lng, lat, sizeM));
}

export async function createMaintenanceSubject(name = `Manutenção em massa ${Math.random().toString(36).slice(2, 8)}`) {
  return db.subject.create({ data: { name, isMaintenance: true, maintenanceMessage: "Manutenção na sua região: previsão {{previsao}}." } });
}

/** Rows that a region+order creation writes; compared before and after a refused request. */
export async function countOrderRows() {
  const [orders, regions, events, audits, geo] = await Promise.all([
    db.serviceOrder.count(),
    db.maintenanceRegion.count(),
    db.serviceOrderEvent.count(),
    db.auditLog.count({ where: { entityType: "ServiceOrder" } }),
    db.geoVersion.findUnique({ where: { id: 1 }, select: { version: true } }),
  ]);
  return { orders, regions, events, audits, geoVersion: geo?.version ?? 0n };
}

export function validBody(overrides: Record<string, unknown> = {}) {
  return {
    region: squareFeature(),
    description: "Troca de OLT no POP Centro",
    responsible: "Equipe NOC",
    expectedEndAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
    ...overrides,
  };
}
