// Conversions between GeoJSON ([lng, lat]) and Leaflet ([lat, lng]) shapes, and the live "logins inside"
// count of a draft polygon over the login markers loaded for the view.
import type L from "leaflet";
import { closeRing } from "@/lib/geo/validate-polygon";
import { preparePolygon } from "@/lib/geo/prepared-polygon";
import type { AreaGeometry, PolygonGeometry } from "@/lib/geo/types";
import type { LoadedLogins } from "./login-markers-layer";

/** Grid of the prepared polygon used for the live count (a few thousand markers at most). */
const COUNT_GRID_SIZE = 32;

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

/** Loaded login markers inside a polygon (boundary inside), whatever their state. */
export function countInside(geometry: PolygonGeometry, loaded: LoadedLogins | null): number {
  if (!loaded || loaded.lngs.length === 0) return 0;
  const ring = geometry.coordinates[0];
  if (!ring || ring.length < 4) return 0;
  const prepared = preparePolygon(geometry, { gridSize: COUNT_GRID_SIZE });
  let n = 0;
  for (let i = 0; i < loaded.lngs.length; i++) if (prepared.contains(loaded.lngs[i] as number, loaded.lats[i] as number)) n++;
  return n;
}
