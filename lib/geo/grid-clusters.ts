// Server-side clustering of points for a map view: the view's bounding box is cut into square cells of
// CELL_PX screen pixels at the asked zoom (Web Mercator, the projection of the map's tiles); each cell with
// many points becomes one cluster (count, offline count, centroid of its members, bounds of its members),
// and each cell with few points gives its points one by one. The grid is anchored to the world, not to the
// view, so a small pan keeps every cluster where it was. The answer is bounded by the number of cells in the
// view (at most MAX_GRID_CELLS: a box too large for its zoom is cut into larger cells), never by the number
// of points, so nothing is ever left out.
// Pure: typed arrays in, plain data out; inputs never mutated.

/** Side of a cell in screen pixels at the asked zoom (about the size of a cluster disc and its margin). */
export const CELL_PX = 64;
/** Size of a map tile in pixels (the world is TILE_PX · 2^zoom pixels wide). */
const TILE_PX = 256;
/** At most this many cells per answer: a larger box (or a zoom too close for it) doubles the cell side. */
export const MAX_GRID_CELLS = 16_384;
/** From this zoom on (street level) a cell's logins are shown one by one up to STREET_MAX_SINGLES. */
export const STREET_ZOOM = 17;
/** Below STREET_ZOOM: a cell with at most this many points shows them, not a cluster. */
export const MAX_SINGLES = 3;
/** At STREET_ZOOM and closer: a cell with at most this many points shows them (a building's logins). The answer
 *  lists at most MAX_GRID_CELLS · STREET_MAX_SINGLES logins (a box too large for its zoom uses MAX_SINGLES). */
export const STREET_MAX_SINGLES = 64;
/** Mercator's latitude limit (the map cannot show beyond it). */
const MAX_LAT = 85.05112878;

export interface GridPoints {
  /** [lng, lat] pairs. */
  coords: Float64Array;
  /** mercatorY of each point's latitude (computed once per point set, not per request). */
  mercY: Float64Array;
  /** 1 = offline, per point. */
  offline: Uint8Array;
}

export interface GridCluster {
  count: number;
  offline: number;
  /** Centroid of the members. */
  lng: number;
  lat: number;
  /** Bounds of the members: [minLng, minLat, maxLng, maxLat]. */
  bounds: [number, number, number, number];
}

export interface GridAnswer {
  clusters: GridCluster[];
  /** Points shown one by one (indexes into the GridPoints arrays). */
  singles: number[];
  /** Every point in the box (the sum of the clusters' counts and the singles). */
  total: number;
}

/** Mercator y of a latitude in [0, 1] (0 at the north limit), as Leaflet projects it. */
export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const s = Math.sin((clamped * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

const mercatorX = (lng: number) => (lng + 180) / 360;

/** Clusters the points at `positions` (all inside `bbox`) for a view at `zoom`. */
export function clusterGrid(
  points: GridPoints,
  positions: Int32Array,
  bbox: readonly [number, number, number, number],
  zoom: number,
): GridAnswer {
  const [minLng, minLat, maxLng, maxLat] = bbox;
  const streetCell = CELL_PX / (TILE_PX * 2 ** zoom); // in world units ([0, 1] across)
  let cell = streetCell;
  const x0 = mercatorX(minLng);
  const x1 = mercatorX(maxLng);
  const y0 = mercatorY(maxLat); // north edge: the smaller y
  const y1 = mercatorY(minLat);
  let cx0 = 0, cy0 = 0, cols = 0, rows = 0;
  for (;;) {
    cx0 = Math.floor(x0 / cell);
    cy0 = Math.floor(y0 / cell);
    cols = Math.floor(x1 / cell) - cx0 + 1;
    rows = Math.floor(y1 / cell) - cy0 + 1;
    if (cols * rows <= MAX_GRID_CELLS) break;
    cell *= 2;
  }
  // A building's logins one by one only in street-sized cells (not in the larger cells of a box too big for its zoom).
  const maxSingles = zoom >= STREET_ZOOM && cell === streetCell ? STREET_MAX_SINGLES : MAX_SINGLES;
  const { coords, mercY, offline } = points;
  const n = positions.length;

  // Pass 1: each point's cell, and each cell's count, offline count, sums and bounds (typed arrays per cell).
  const cells = cols * rows;
  const cellOf = new Int32Array(n);
  const counts = new Int32Array(cells);
  const offlineOf = new Int32Array(cells);
  const sumLng = new Float64Array(cells);
  const sumLat = new Float64Array(cells);
  const west = new Float64Array(cells).fill(Infinity);
  const south = new Float64Array(cells).fill(Infinity);
  const east = new Float64Array(cells).fill(-Infinity);
  const north = new Float64Array(cells).fill(-Infinity);
  for (let k = 0; k < n; k++) {
    const i = positions[k] as number;
    const lng = coords[2 * i] as number;
    const lat = coords[2 * i + 1] as number;
    let cx = Math.floor(mercatorX(lng) / cell) - cx0;
    let cy = Math.floor((mercY[i] as number) / cell) - cy0;
    cx = cx < 0 ? 0 : cx >= cols ? cols - 1 : cx;
    cy = cy < 0 ? 0 : cy >= rows ? rows - 1 : cy;
    const c = cy * cols + cx;
    cellOf[k] = c;
    counts[c] = (counts[c] as number) + 1;
    offlineOf[c] = (offlineOf[c] as number) + (offline[i] as number);
    sumLng[c] = (sumLng[c] as number) + lng;
    sumLat[c] = (sumLat[c] as number) + lat;
    if (lng < (west[c] as number)) west[c] = lng;
    if (lat < (south[c] as number)) south[c] = lat;
    if (lng > (east[c] as number)) east[c] = lng;
    if (lat > (north[c] as number)) north[c] = lat;
  }

  // Pass 2: the points of the cells with few of them, one by one.
  const singles: number[] = [];
  for (let k = 0; k < n; k++) {
    if ((counts[cellOf[k] as number] as number) <= maxSingles) singles.push(positions[k] as number);
  }
  const clusters: GridCluster[] = [];
  for (let c = 0; c < cells; c++) {
    const count = counts[c] as number;
    if (count <= maxSingles) continue;
    clusters.push({
      count,
      offline: offlineOf[c] as number,
      lng: (sumLng[c] as number) / count,
      lat: (sumLat[c] as number) / count,
      bounds: [west[c] as number, south[c] as number, east[c] as number, north[c] as number],
    });
  }
  return { clusters, singles, total: n };
}
