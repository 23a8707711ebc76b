// Conversions between GeoJSON ([lng, lat]) and Leaflet ([lat, lng]) shapes, and the live "logins inside"
// count of a draft polygon (asked of the server: the map shows clusters, not every login).
import type L from "leaflet";
import { apiFetch } from "@/lib/api-client";
import { closeRing } from "@/lib/geo/validate-polygon";
import type { AreaGeometry, PolygonGeometry } from "@/lib/geo/types";

/** GeoJSON [lng, lat] rings → Leaflet [lat, lng] rings. */
export function toLatLngs(geometry: AreaGeometry): L.LatLngExpression[][] | L.LatLngExpression[][][] {
  const ring = (r: number[][]) => r.map((p) => [p[1] as number, p[0] as number] as L.LatLngTuple);
  return geometry.type === "Polygon" ? geometry.coordinates.map(ring) : geometry.coordinates.map((poly) => poly.map(ring));
}

/** A Leaflet polygon (drawn or edited) as a closed GeoJSON Polygon geometry. */
export function layerGeometry(layer: L.Polygon): PolygonGeometry {
  const g = layer.toGeoJSON().geometry as unknown as { type: string; coordinates: number[][][] };
  return { type: "Polygon", coordinates: g.coordinates.map((r) => closeRing(r)) };
}

/** Logins inside a polygon (boundary inside), online and offline: POST /api/v1/logins/count. */
export async function countLoginsInside(geometry: PolygonGeometry, signal?: AbortSignal): Promise<number> {
  const { count } = await apiFetch<{ count: number }>("/api/v1/logins/count", { method: "POST", json: { geometry }, signal });
  return count;
}
