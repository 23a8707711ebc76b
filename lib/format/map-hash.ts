// A map view written in an address's hash, "#zoom/lat/lng" (OpenStreetMap's convention): read back from
// outside input (a link, a typed address), so anything malformed or out of range is no view at all.

export interface HashView {
  zoom: number;
  lat: number;
  lng: number;
}

/** "#17/-22.9252/-47.0248" → the view, or null for anything else (a hash is outside input). */
export function parseHashView(hash: string, minZoom: number, maxZoom: number): HashView | null {
  const m = /^#(\d{1,2})\/(-?\d{1,3}(?:\.\d{1,10})?)\/(-?\d{1,3}(?:\.\d{1,10})?)$/.exec(hash);
  if (!m) return null;
  const [zoom, lat, lng] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (zoom < minZoom || zoom > maxZoom || Math.abs(lat) > 85 || Math.abs(lng) > 180) return null;
  return { zoom, lat, lng };
}

/** The hash for a view: more decimals as the zoom grows, so a reload lands within a pixel or so. */
export function formatHashView({ zoom, lat, lng }: HashView): string {
  const digits = Math.max(0, Math.ceil(Math.log10(2 ** zoom)));
  return `#${zoom}/${lat.toFixed(digits)}/${lng.toFixed(digits)}`;
}
