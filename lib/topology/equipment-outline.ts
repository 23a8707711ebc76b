// An order made for a plant element ("Criar OS para este equipamento") keeps a drawn-region shape for
// display and for the point lookups (the map, the chatbot's "is there maintenance here"): the element's login
// points' convex hull, buffered so that every point lies well inside. Which logins are affected is NOT read
// from that outline: the region's geometry carries the element (a GeoJSON foreign member, `equipment`), and
// lib/maintenance/login-points.ts answers such a region with the element's logins (the plant index).
import { buffer, convex, featureCollection, lineString, point } from "@turf/turf";
import type { AreaGeometry, PolygonGeometry } from "../geo/types";
import type { ElementKind } from "./topology-index";

/** Margin around the outermost login of the element (metres). */
export const OUTLINE_BUFFER_M = 40;
/** Segments per quarter circle of the buffer's rounded corners (few vertices, still round). */
const BUFFER_STEPS = 4;

export interface EquipmentRef {
  kind: ElementKind;
  id: number;
  /** Shown with the order ("CTO 00042"). */
  name: string;
}

/** The element a region was made for, or null for a drawn region. */
export function equipmentOf(geometry: unknown): EquipmentRef | null {
  const e = (geometry as { equipment?: Partial<EquipmentRef> } | null)?.equipment;
  if (!e || (e.kind !== "CTO" && e.kind !== "PON" && e.kind !== "OLT") || !Number.isInteger(e.id)) return null;
  return { kind: e.kind, id: e.id!, name: String(e.name ?? "") };
}

/** The outline of a set of [lng, lat] points (at least one). */
export function deriveOutline(points: readonly [number, number][]): PolygonGeometry {
  if (points.length === 0) throw new RangeError("Sem pontos para o contorno");
  const unique = [...new Map(points.map((p) => [`${p[0]},${p[1]}`, p])).values()];
  const hull =
    unique.length >= 3 ? convex(featureCollection(unique.map((p) => point(p)))) : null;
  const base = hull ?? (unique.length === 1 ? point(unique[0]!) : lineString(unique));
  const out = buffer(base, OUTLINE_BUFFER_M, { units: "meters", steps: BUFFER_STEPS });
  const geometry = out?.geometry as AreaGeometry | undefined;
  if (!geometry || geometry.type !== "Polygon") throw new Error("Contorno do equipamento não gerado");
  return { type: "Polygon", coordinates: geometry.coordinates };
}
