// Closes a GeoJSON ring (first vertex repeated at the end) — the browser calls this on what
// leaflet-geoman drew before sending it, because validatePolygon refuses open rings.
import type { Ring } from "./types";

/** Returns a closed copy of `ring`; an already closed (or empty) ring is returned as a copy too. */
export function closeRing(ring: readonly (readonly number[])[]): Ring {
  const copy = ring.map((p) => [...p]);
  const first = copy[0];
  const last = copy[copy.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    copy.push([...first]);
  }
  return copy;
}
