// The coarse public map: the simplified outlines of the regions as an inline SVG (no map library, no tiles,
// no script), in an equirectangular projection scaled by the latitude's cosine so shapes are not squashed.
// Running work in the brand colour, planned work hatched in grey. Never a customer's point.
import { html, type SafeHtml } from "./html";
import type { StatusOrder } from "./load-status-snapshot";

/** SVG user units across the map's width. */
const MAP_WIDTH = 600;
/** Margin around the outlines, as a share of their extent. */
const MARGIN_SHARE = 0.08;

export function renderOutlineMap(orders: readonly StatusOrder[]): SafeHtml | null {
  const rings = orders.flatMap((o) => o.outline.map((ring) => ({ order: o, ring })));
  if (rings.length === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const { ring } of rings) {
    for (const [x, y] of ring) {
      minX = Math.min(minX, x!); maxX = Math.max(maxX, x!); minY = Math.min(minY, y!); maxY = Math.max(maxY, y!);
    }
  }
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-4);
  const spanY = Math.max(maxY - minY, 1e-4);
  const pad = Math.max(spanX, spanY) * MARGIN_SHARE;
  const scale = MAP_WIDTH / (spanX + 2 * pad);
  const height = Math.round((spanY + 2 * pad) * scale);
  const px = (x: number) => (((x - minX) * kx + pad) * scale).toFixed(1);
  const py = (y: number) => (((maxY - y) + pad) * scale).toFixed(1);
  const paths = rings.map(({ order, ring }) => {
    const d = ring.map(([x, y], i) => `${i === 0 ? "M" : "L"}${px(x!)} ${py(y!)}`).join("") + "Z";
    return html`<path class="${order.state === "running" ? "area-running" : "area-planned"}" d="${d}"><title>OS ${order.number} · ${order.title}</title></path>`;
  });
  return html`<svg class="map" viewBox="0 0 ${MAP_WIDTH} ${height}" role="img" aria-label="Mapa aproximado das áreas em manutenção">
<defs><pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f1f5f9"/><line x1="0" y1="0" x2="0" y2="8" stroke="#94a3b8" stroke-width="3"/></pattern></defs>
${paths}</svg>`;
}
