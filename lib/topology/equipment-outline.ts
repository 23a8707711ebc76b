// An order made for a plant element ("Criar OS para este equipamento") keeps a drawn-region shape for
// display and for the point lookups (the map, the chatbot's "is there maintenance here"): the element's login
// points' convex hull, buffered so that every point lies well inside. Which logins are affected is NOT read
// from that outline: the region's geometry carries the element (a GeoJSON foreign member, `equipment`), and
// lib/maintenance/login-points.ts answers such a region with the element's logins (the plant index).
import type { PolygonGeometry } from "../geo/types";
import { bufferedConvexHull } from "../outages/detect-outages";
import type { ElementKind } from "./topology-index";

/** Margin around the outermost login of the element (metres). */
export const OUTLINE_BUFFER_M = 40;

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

/** The outline of a set of [lng, lat] points (at least one): their convex hull buffered by OUTLINE_BUFFER_M. */
export function deriveOutline(points: readonly [number, number][]): PolygonGeometry {
  if (points.length === 0) throw new RangeError("Sem pontos para o contorno");
  return bufferedConvexHull(points.map((p) => p[0]), points.map((p) => p[1]), OUTLINE_BUFFER_M);
}
