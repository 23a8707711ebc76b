// Outage detection respects work in progress: logins inside the region of a running order, or of an Aberta
// order whose planned start is near (lib/outages/load-covering-candidates.ts loadWorkRegions), are left out of
// detection, so going offline there raises no suggestion — the interruption is the work itself. Logins
// outside those regions are detected as usual. Pure: plain data in, a new array out.
import { preparePolygon } from "../geo/prepared-polygon";
import type { CandidateRegion } from "./find-covering-order";

export function excludeLoginsInWork<T extends { lng: number; lat: number }>(logins: readonly T[], work: readonly CandidateRegion[]): T[] {
  if (work.length === 0) return [...logins];
  const prepared = work.map((r) => ({ bbox: r.bbox, polygon: preparePolygon(r.geometry) }));
  return logins.filter((l) => !prepared.some(({ bbox: [minLng, minLat, maxLng, maxLat], polygon }) =>
    l.lng >= minLng && l.lng <= maxLng && l.lat >= minLat && l.lat <= maxLat && polygon.contains(l.lng, l.lat)));
}
