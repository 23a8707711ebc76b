// A Polygon or MultiPolygon prepared once for fast point-in-polygon tests.
//
// Boundary rule: a point ON an edge or ON a vertex is INSIDE — for the outer ring and for holes alike
// (the boundary belongs to the region). A login drawn exactly on the border of a maintenance region is
// therefore affected, and it is affected by both regions when two regions share that border. This is
// Turf's `booleanPointInPolygon` default (ignoreBoundary = false) and the tests hold us to it point for
// point: the crossing rule below mirrors point-in-polygon-hao (what Turf uses) and the one
// orientation it needs is computed exactly (signOfDet2), so no rounding decides a boundary case.
//
// Layout, per polygon part (outer ring + holes, even-odd over all of its rings):
// - bbox rejection first;
// - a coarse grid over the bbox whose cells are classified OUTSIDE / INSIDE / BOUNDARY. A cell is
//   BOUNDARY when an edge can pass through it (conservative rasterisation with a margin of a billionth
//   of the bbox, far above rounding), so a point in an INSIDE/OUTSIDE cell is answered by one array
//   read and can never be on an edge;
// - for points in BOUNDARY cells, the exact crossing test over only the edges of the point's
//   horizontal slab (classifyRect answers a whole rectangle from 2-D prefix sums over the grid, which
//   lets the point index accept or skip whole kd-tree nodes). Edges are stored per slab (CSR: slabStart + 4 doubles per edge) in typed arrays,
//   an edge spanning several slabs is copied into each. Slab bucketing uses the same monotone formula
//   for edge ends and query points, so every edge whose y-range holds the point is in its slab.
// A MultiPolygon is a list of parts; a point is inside when it is inside any part (as Turf does).
// Inputs are read, never mutated; rings may be open or closed (a missing closing edge is added).

import { signOfDet2 } from "./exact-sign";
import type { AreaGeometry, Bbox, Ring } from "./types";

/** Default grid resolution (cells per axis). 256² cells = 64 KiB per part: few points need the exact test. */
export const DEFAULT_GRID_SIZE = 256;
/**
 * Upper bound on slabs per part. The default is one slab per edge and at least one per grid row, so a
 * slab holds few edges besides the two-or-so a horizontal line crosses.
 */
const MAX_SLABS = 4096;

const CELL_OUTSIDE = 0;
const CELL_INSIDE = 1;
const CELL_BOUNDARY = 2;

/** classifyRect answers. */
export const RECT_OUTSIDE = 0;
export const RECT_INSIDE = 1;
export const RECT_MIXED = 2;

export interface PreparePolygonOptions {
  /** Grid cells per axis (default DEFAULT_GRID_SIZE). Lower it when preparing many small regions. */
  gridSize?: number;
}

class PreparedPart {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  private readonly slabCount: number;
  private readonly slabScale: number;
  private readonly slabStart: Uint32Array;
  private readonly slabEdges: Float64Array;
  private readonly gridSize: number;
  private readonly gridScaleX: number;
  private readonly gridScaleY: number;
  private readonly cells: Uint8Array;
  /** 2-D prefix sums over the grid of INSIDE cells and of BOUNDARY cells, for classifyRect. */
  private readonly insideSums: Int32Array;
  private readonly boundarySums: Int32Array;

  constructor(rings: readonly Ring[], gridSize: number) {
    // Collect the edges of all rings, closing any open ring.
    const edgeList: number[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const ring of rings) {
      const n = ring.length;
      if (n === 0) continue;
      for (let i = 0; i < n; i++) {
        const a = ring[i] as number[];
        const b = (i + 1 < n ? ring[i + 1] : ring[0]) as number[];
        const ax = a[0] as number;
        const ay = a[1] as number;
        if (ax < minX) minX = ax;
        if (ax > maxX) maxX = ax;
        if (ay < minY) minY = ay;
        if (ay > maxY) maxY = ay;
        if (i + 1 === n && ax === b[0] && ay === b[1]) continue; // ring already closed
        edgeList.push(ax, ay, b[0] as number, b[1] as number);
      }
    }
    this.minX = minX;
    this.minY = minY;
    this.maxX = maxX;
    this.maxY = maxY;
    const edgeCount = edgeList.length / 4;
    const height = maxY - minY;
    const width = maxX - minX;

    // Slabs.
    const cellsPerAxis = Math.max(1, Math.floor(gridSize));
    this.slabCount = Math.max(1, Math.min(MAX_SLABS, Math.max(edgeCount, cellsPerAxis)));
    this.slabScale = height > 0 ? this.slabCount / height : 0;
    const counts = new Uint32Array(this.slabCount + 1);
    for (let e = 0; e < edgeCount; e++) {
      const ay = edgeList[e * 4 + 1] as number;
      const by = edgeList[e * 4 + 3] as number;
      const s0 = this.slabOf(Math.min(ay, by));
      const s1 = this.slabOf(Math.max(ay, by));
      for (let s = s0; s <= s1; s++) counts[s + 1]!++;
    }
    for (let s = 0; s < this.slabCount; s++) counts[s + 1]! += counts[s]!;
    this.slabStart = counts;
    this.slabEdges = new Float64Array((counts[this.slabCount] ?? 0) * 4);
    const fill = counts.slice(0, this.slabCount);
    for (let e = 0; e < edgeCount; e++) {
      const o = e * 4;
      const ay = edgeList[o + 1] as number;
      const by = edgeList[o + 3] as number;
      const s0 = this.slabOf(Math.min(ay, by));
      const s1 = this.slabOf(Math.max(ay, by));
      for (let s = s0; s <= s1; s++) {
        const at = fill[s]!++ * 4;
        this.slabEdges[at] = edgeList[o] as number;
        this.slabEdges[at + 1] = ay;
        this.slabEdges[at + 2] = edgeList[o + 2] as number;
        this.slabEdges[at + 3] = by;
      }
    }

    // Grid: mark BOUNDARY cells, then classify the rest row by row.
    this.gridSize = cellsPerAxis;
    this.gridScaleX = width > 0 ? this.gridSize / width : 0;
    this.gridScaleY = height > 0 ? this.gridSize / height : 0;
    const g = this.gridSize;
    const cells = new Uint8Array(g * g);
    const cellH = height / g;
    // A cell is BOUNDARY when a point of an edge can map to it, so that a cell left INSIDE/OUTSIDE holds
    // no boundary point and one exact test of its centre answers for all of its points. Each edge marks,
    // row by row, the cells its x-extent within the row's y-band covers, the band and the extent widened
    // by a margin (epsX, epsY) far larger than the rounding of this arithmetic (~1e-15 of the coordinates)
    // and far smaller than a cell; colOf and rowOf are monotone, so every edge point maps inside the
    // marked span. (Marking only the cells an edge crosses keeps the band of exact tests ~1–2 cells wide.)
    const epsX = width * 1e-9 + (Math.abs(minX) + Math.abs(maxX)) * 1e-12;
    const epsY = height * 1e-9 + (Math.abs(minY) + Math.abs(maxY)) * 1e-12;
    for (let e = 0; e < edgeCount; e++) {
      const o = e * 4;
      const ax = edgeList[o] as number;
      const ay = edgeList[o + 1] as number;
      const bx = edgeList[o + 2] as number;
      const by = edgeList[o + 3] as number;
      const loY = Math.min(ay, by);
      const hiY = Math.max(ay, by);
      const edgeLoX = Math.min(ax, bx);
      const edgeHiX = Math.max(ax, bx);
      const r0 = this.rowOf(loY - epsY);
      const r1 = this.rowOf(hiY + epsY);
      for (let r = r0; r <= r1; r++) {
        // The edge's x-extent within the widened band [y0, y1] (its whole extent when horizontal). The
        // differences are correctly rounded, so t = (y − ay)/(by − ay) is off by a few ulps of t ≤ 1
        // however flat the edge, and x by a few ulps of the coordinates: well inside epsX.
        let xLo = edgeLoX;
        let xHi = edgeHiX;
        if (ay !== by) {
          const y0 = Math.max(loY, minY + r * cellH - epsY);
          const y1 = Math.min(hiY, minY + (r + 1) * cellH + epsY);
          const x0 = ax + ((y0 - ay) / (by - ay)) * (bx - ax);
          const x1 = ax + ((y1 - ay) / (by - ay)) * (bx - ax);
          xLo = Math.max(xLo, Math.min(x0, x1) - epsX);
          xHi = Math.min(xHi, Math.max(x0, x1) + epsX);
        }
        const c0 = this.colOf(xLo - epsX);
        const c1 = this.colOf(xHi + epsX);
        cells.fill(CELL_BOUNDARY, r * g + c0, r * g + c1 + 1);
      }
    }
    this.cells = cells;
    const cellW = width / g;
    for (let r = 0; r < g; r++) {
      let state = -1; // unknown until a non-boundary cell's centre is tested
      const cy = minY + (r + 0.5) * cellH;
      for (let c = 0; c < g; c++) {
        const at = r * g + c;
        if (cells[at] === CELL_BOUNDARY) {
          state = -1;
          continue;
        }
        if (state < 0) state = this.exactContains(minX + (c + 0.5) * cellW, cy) ? CELL_INSIDE : CELL_OUTSIDE;
        cells[at] = state;
      }
    }
    const stride = g + 1;
    this.insideSums = new Int32Array(stride * stride);
    this.boundarySums = new Int32Array(stride * stride);
    for (let r = 0; r < g; r++) {
      let rowInside = 0;
      let rowBoundary = 0;
      for (let c = 0; c < g; c++) {
        const cell = cells[r * g + c];
        if (cell === CELL_INSIDE) rowInside++;
        else if (cell === CELL_BOUNDARY) rowBoundary++;
        const at = (r + 1) * stride + c + 1;
        this.insideSums[at] = (this.insideSums[at - stride] as number) + rowInside;
        this.boundarySums[at] = (this.boundarySums[at - stride] as number) + rowBoundary;
      }
    }
  }

  /**
   * Classifies every point of the closed rectangle at once: RECT_INSIDE when all of them are inside,
   * RECT_OUTSIDE when none is, RECT_MIXED otherwise (or when unsure). Exact: it only reports INSIDE or
   * OUTSIDE when every grid cell a point of the rectangle can map to is INSIDE / not INSIDE-or-BOUNDARY.
   */
  classifyRect(minX: number, minY: number, maxX: number, maxY: number): number {
    if (maxX < this.minX || minX > this.maxX || maxY < this.minY || minY > this.maxY) return RECT_OUTSIDE;
    const covered = minX >= this.minX && maxX <= this.maxX && minY >= this.minY && maxY <= this.maxY;
    const c0 = this.colOf(minX);
    const c1 = this.colOf(maxX) + 1;
    const r0 = this.rowOf(minY);
    const r1 = this.rowOf(maxY) + 1;
    const stride = this.gridSize + 1;
    const a = r1 * stride + c1;
    const b = r0 * stride + c1;
    const c = r1 * stride + c0;
    const d = r0 * stride + c0;
    const ins = this.insideSums;
    const inside = (ins[a] as number) - (ins[b] as number) - (ins[c] as number) + (ins[d] as number);
    if (covered && inside === (c1 - c0) * (r1 - r0)) return RECT_INSIDE;
    if (inside === 0) {
      const bs = this.boundarySums;
      if ((bs[a] as number) - (bs[b] as number) - (bs[c] as number) + (bs[d] as number) === 0) return RECT_OUTSIDE;
    }
    return RECT_MIXED;
  }

  private slabOf(y: number): number {
    const s = Math.floor((y - this.minY) * this.slabScale);
    return s < 0 ? 0 : s >= this.slabCount ? this.slabCount - 1 : s;
  }

  private rowOf(y: number): number {
    const r = Math.floor((y - this.minY) * this.gridScaleY);
    return r < 0 ? 0 : r >= this.gridSize ? this.gridSize - 1 : r;
  }

  private colOf(x: number): number {
    const c = Math.floor((x - this.minX) * this.gridScaleX);
    return c < 0 ? 0 : c >= this.gridSize ? this.gridSize - 1 : c;
  }

  /**
   * Appends to `out` (from `at`) the ids of the points left..right (inclusive) of the interleaved
   * [x, y] `coords` that are inside; returns the new count. The same answers as `contains` point by
   * point, with the grid's fields held in locals for the kd-tree leaves this runs over.
   */
  appendContained(coords: Float64Array, ids: Int32Array, left: number, right: number, out: Int32Array, at: number): number {
    const { minX, minY, maxX, maxY, gridScaleX, gridScaleY, cells } = this;
    const last = this.gridSize - 1;
    const g = this.gridSize;
    let n = at;
    for (let i = left; i <= right; i++) {
      const x = coords[2 * i] as number;
      const y = coords[2 * i + 1] as number;
      if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) continue;
      // colOf/rowOf without the lower clamp: x ≥ minX and y ≥ minY here.
      const c = Math.min(last, Math.floor((x - minX) * gridScaleX));
      const r = Math.min(last, Math.floor((y - minY) * gridScaleY));
      const cell = cells[r * g + c];
      if (cell === CELL_INSIDE || (cell === CELL_BOUNDARY && this.exactContains(x, y))) out[n++] = ids[i] as number;
    }
    return n;
  }

  contains(x: number, y: number): boolean {
    if (!(x >= this.minX && x <= this.maxX && y >= this.minY && y <= this.maxY)) return false;
    const cell = this.cells[this.rowOf(y) * this.gridSize + this.colOf(x)];
    if (cell !== CELL_BOUNDARY) return cell === CELL_INSIDE;
    return this.exactContains(x, y);
  }

  /** Crossing test over the point's slab, mirroring point-in-polygon-hao with an exact orientation. */
  exactContains(x: number, y: number): boolean {
    const s = this.slabOf(y);
    const edges = this.slabEdges;
    const end = (this.slabStart[s + 1] as number) * 4;
    let crossings = 0;
    for (let o = (this.slabStart[s] as number) * 4; o < end; o += 4) {
      const v1 = (edges[o + 1] as number) - y;
      const v2 = (edges[o + 3] as number) - y;
      if (v1 === 0 && v2 === 0) {
        const u1 = (edges[o] as number) - x;
        const u2 = (edges[o + 2] as number) - x;
        if ((u2 <= 0 && u1 >= 0) || (u1 <= 0 && u2 >= 0)) return true; // on a horizontal edge
      } else if ((v2 >= 0 && v1 <= 0) || (v2 <= 0 && v1 >= 0)) {
        const u1 = (edges[o] as number) - x;
        const u2 = (edges[o + 2] as number) - x;
        // An edge wholly left of the point (u1, u2 < 0) that straddles its y crosses the ray; one wholly
        // right never does. The orientation below would say exactly that (its sign is fixed by the signs
        // of u and v there, and it cannot be 0): only an edge whose x-range holds the point needs it.
        if (u1 < 0 && u2 < 0) {
          if ((v2 > 0 && v1 <= 0) || (v2 <= 0 && v1 > 0)) crossings++;
          continue;
        }
        if (u1 > 0 && u2 > 0) continue;
        const f = signOfDet2(u2, u1, v2, v1); // sign of u2·v1 − u1·v2
        if (f === 0) return true; // on the edge
        if ((f > 0 && v2 > 0 && v1 <= 0) || (f < 0 && v2 <= 0 && v1 > 0)) crossings++;
      }
    }
    return (crossings & 1) === 1;
  }
}

/** A prepared Polygon/MultiPolygon: `contains(lng, lat)` with the boundary counted as inside. */
export class PreparedPolygon {
  readonly bbox: Bbox;
  readonly parts: readonly PreparedPart[];
  private readonly single: PreparedPart | null;

  constructor(parts: PreparedPart[]) {
    this.parts = parts;
    this.single = parts.length === 1 ? (parts[0] as PreparedPart) : null;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of parts) {
      minX = Math.min(minX, p.minX);
      minY = Math.min(minY, p.minY);
      maxX = Math.max(maxX, p.maxX);
      maxY = Math.max(maxY, p.maxY);
    }
    this.bbox = [minX, minY, maxX, maxY];
  }

  /** RECT_INSIDE / RECT_OUTSIDE when the whole closed rectangle is inside / outside, else RECT_MIXED. */
  classifyRect(minX: number, minY: number, maxX: number, maxY: number): number {
    if (this.single !== null) return this.single.classifyRect(minX, minY, maxX, maxY);
    let allOutside = true;
    for (const part of this.parts) {
      const c = part.classifyRect(minX, minY, maxX, maxY);
      if (c === RECT_INSIDE) return RECT_INSIDE;
      if (c !== RECT_OUTSIDE) allOutside = false;
    }
    return allOutside ? RECT_OUTSIDE : RECT_MIXED;
  }

  /**
   * Appends to `out` (from `at`) the ids of the points left..right (inclusive) of the interleaved
   * [lng, lat] `coords` that are inside; returns the new count (the point index's leaf loop).
   */
  appendContained(coords: Float64Array, ids: Int32Array, left: number, right: number, out: Int32Array, at: number): number {
    if (this.single !== null) return this.single.appendContained(coords, ids, left, right, out, at);
    let n = at;
    for (let i = left; i <= right; i++) {
      if (this.contains(coords[2 * i] as number, coords[2 * i + 1] as number)) out[n++] = ids[i] as number;
    }
    return n;
  }

  contains(lng: number, lat: number): boolean {
    if (this.single !== null) return this.single.contains(lng, lat);
    for (const part of this.parts) if (part.contains(lng, lat)) return true;
    return false;
  }
}

/**
 * Prepares a Polygon or MultiPolygon geometry (or a Feature wrapping one) for repeated
 * `contains(lng, lat)` calls. Cost: O(edges + gridSize²) time and memory, once.
 * Expects a geometry that passed validatePolygon; it does not re-validate.
 */
export function preparePolygon(
  geometry: AreaGeometry | { type: "Feature"; geometry: AreaGeometry },
  opts: PreparePolygonOptions = {},
): PreparedPolygon {
  const geom = geometry.type === "Feature" ? geometry.geometry : geometry;
  const gridSize = opts.gridSize ?? DEFAULT_GRID_SIZE;
  const polygons: readonly (readonly Ring[])[] = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
  const parts: PreparedPart[] = [];
  for (const rings of polygons) {
    if (rings.length > 0 && (rings[0]?.length ?? 0) > 0) parts.push(new PreparedPart(rings, gridSize));
  }
  return new PreparedPolygon(parts);
}
