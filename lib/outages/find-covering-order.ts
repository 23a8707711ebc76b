// Which open or running order already handles an outage suggestion. Pure: plain data in, plain data out.
//
// A suggestion is covered when the region of an Aberta or Em Execução order holds at least
// COVERED_MIN_SHARE of the suggestion's recently offline logins (boundary inside). The test is on the
// logins, not on the polygons: a region drawn from the suggestion and then widened or trimmed a little
// still covers it, and a region drawn by hand over the same outage counts too. When several orders
// cover it, the one holding most of its logins wins (then the lowest number).
import { preparePolygon } from "../geo/prepared-polygon";
import type { AreaGeometry, Bbox } from "../geo/types";

/** Share of a suggestion's offline logins an order's region must hold to cover it: nearly all. */
export const COVERED_MIN_SHARE = 0.9;

export interface CandidateRegion {
  orderId: number;
  number: number;
  status: "ABERTA" | "EM_EXECUCAO";
  geometry: AreaGeometry;
  bbox: Bbox;
}

export interface CoveringOrder {
  orderId: number;
  number: number;
  status: "ABERTA" | "EM_EXECUCAO";
  /** Offline logins of the suggestion inside the order's region. */
  loginsCovered: number;
}

export function findCoveringOrder(points: readonly { lng: number; lat: number }[], regions: readonly CandidateRegion[]): CoveringOrder | null {
  if (points.length === 0) return null;
  const needed = Math.ceil(points.length * COVERED_MIN_SHARE);
  let best: CoveringOrder | null = null;
  for (const r of regions) {
    const [minLng, minLat, maxLng, maxLat] = r.bbox;
    const near = points.filter((p) => p.lng >= minLng && p.lng <= maxLng && p.lat >= minLat && p.lat <= maxLat);
    if (near.length < needed) continue; // bounding-box rejection before the exact test
    const prepared = preparePolygon(r.geometry);
    let inside = 0;
    for (const p of near) if (prepared.contains(p.lng, p.lat)) inside++;
    if (inside < needed) continue;
    if (!best || inside > best.loginsCovered || (inside === best.loginsCovered && r.number < best.number)) {
      best = { orderId: r.orderId, number: r.number, status: r.status, loginsCovered: inside };
    }
  }
  return best;
}
