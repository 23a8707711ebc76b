// A static spatial index of login points with a fused "which logins are inside this region" walk.
//
// Built once from plain arrays (KDBush over Float64Array coordinates, kd-sorted). pointsInPolygon walks
// the kd-tree over the polygon's bbox tracking each node's bounds (from the splits above it) and asks the
// prepared polygon's grid about each node's rectangle:
// - wholly inside: the node's points are one contiguous range of the kd-sorted arrays, so the walk only
//   records the range and copies its ids out at the end with one block copy (no point is tested);
// - wholly outside (beyond the ring, or within a hole): skipped;
// - straddling the boundary: descend; a leaf hands its range to the prepared polygon's leaf loop
//   (appendContained: grid read per point, exact test only in the grid's boundary cells).
// No intermediate candidate array and no per-point allocation: leaf matches go to a reusable Int32Array,
// and the result is allocated once at its final size.
// An index is immutable: when logins change, the caller builds a new one (lib/maintenance/login-points.ts
// rebuilds it when the login-locations version stamp moves).
// Ids are assumed unique (one point per login).

import KDBush from "kdbush";
import { RECT_INSIDE, RECT_OUTSIDE, type PreparedPolygon } from "./prepared-polygon";

/** kd-tree leaf size; KDBush's default (64) measured best for the fused walk. */
const KD_NODE_SIZE = 64;

export interface PointSet {
  ids: Int32Array | readonly number[];
  lngs: Float64Array | readonly number[];
  lats: Float64Array | readonly number[];
}

interface BaseTree {
  readonly kd: KDBush;
  /** Login id per kd-sorted position. */
  readonly ids: Int32Array;
  /** kd-sorted [lng, lat] pairs (KDBush's own array). */
  readonly coords: Float64Array;
  /** Reusable output buffer (the walk writes matches here, then copies them out). */
  readonly scratch: Int32Array;
}

export interface PointIndex {
  /** Number of points. */
  readonly size: number;
  readonly base: BaseTree;
}

/** Room for this many wholly-inside nodes before the list grows (a region at 1,000,000 logins takes a few hundred). */
const TAKEN_INITIAL_PAIRS = 512;

const WALK_STACK_DEPTH = 3 * 64; // 3 ints per frame; kd depth ≤ 32 for 2³² points

/** A walk's stack holding its first frame: the whole tree (n points), split on x, unbounded. */
function walkStack(n: number): { ranges: Int32Array; bounds: Float64Array } {
  const ranges = new Int32Array(WALK_STACK_DEPTH);
  const bounds = new Float64Array((WALK_STACK_DEPTH / 3) * 4);
  ranges[1] = n - 1;
  bounds[0] = -Infinity;
  bounds[1] = -Infinity;
  bounds[2] = Infinity;
  bounds[3] = Infinity;
  return { ranges, bounds };
}

/** Replaces the walk's frame `sp` (node [left, right] split at m) with the children the query box reaches;
 *  returns the new stack size. Each child's bounds are its parent's cut at the split. */
function pushChildren(
  ranges: Int32Array, bounds: Float64Array, sp: number, left: number, right: number, axis: number, m: number, split: number,
  minX: number, minY: number, maxX: number, maxY: number,
): number {
  const b0 = bounds[sp * 4] as number;
  const b1 = bounds[sp * 4 + 1] as number;
  const b2 = bounds[sp * 4 + 2] as number;
  const b3 = bounds[sp * 4 + 3] as number;
  if (axis === 0 ? minX <= split : minY <= split) {
    ranges[sp * 3] = left;
    ranges[sp * 3 + 1] = m - 1;
    ranges[sp * 3 + 2] = 1 - axis;
    bounds[sp * 4] = b0;
    bounds[sp * 4 + 1] = b1;
    bounds[sp * 4 + 2] = axis === 0 ? split : b2;
    bounds[sp * 4 + 3] = axis === 0 ? b3 : split;
    sp++;
  }
  if (axis === 0 ? maxX >= split : maxY >= split) {
    ranges[sp * 3] = m + 1;
    ranges[sp * 3 + 1] = right;
    ranges[sp * 3 + 2] = 1 - axis;
    bounds[sp * 4] = axis === 0 ? split : b0;
    bounds[sp * 4 + 1] = axis === 0 ? b1 : split;
    bounds[sp * 4 + 2] = b2;
    bounds[sp * 4 + 3] = b3;
    sp++;
  }
  return sp;
}

/** Builds the index. O(n log n). */
export function buildPointIndex(points: PointSet): PointIndex {
  const n = points.ids.length;
  if (points.lngs.length !== n || points.lats.length !== n) {
    throw new Error(`Tamanhos diferentes: ${n} ids, ${points.lngs.length} longitudes, ${points.lats.length} latitudes`);
  }
  const kd = new KDBush(n, KD_NODE_SIZE, Float64Array);
  for (let i = 0; i < n; i++) kd.add(points.lngs[i] as number, points.lats[i] as number);
  kd.finish();
  const ids = new Int32Array(n);
  for (let i = 0; i < n; i++) ids[i] = points.ids[kd.ids[i] as number] as number;
  const base: BaseTree = {
    kd,
    ids,
    coords: kd.coords as Float64Array,
    scratch: new Int32Array(n),
  };
  return { size: n, base };
}

/** Ids of the points inside `polygon` (boundary counts as inside). Order: unspecified. */
export function pointsInPolygon(index: PointIndex, polygon: PreparedPolygon): Int32Array {
  const [minX, minY, maxX, maxY] = polygon.bbox;
  const { kd, ids, coords, scratch } = index.base;
  const nodeSize = kd.nodeSize;
  let found = 0; // leaf matches written to scratch
  // Wholly-inside nodes as [from, to) pairs of kd-sorted positions, and how many points they hold.
  let taken = new Int32Array(TAKEN_INITIAL_PAIRS * 2);
  let takenPairs = 0;
  let takenPoints = 0;

  if (ids.length > 0) {
    // Each frame: left, right, axis, and the node's bounds (known from the splits on the way down).
    // A node whose bounds the polygon classifies as wholly inside is taken as a range without testing
    // its points; one wholly outside is skipped.
    const { ranges, bounds } = walkStack(ids.length);
    let sp = 1;
    while (sp > 0) {
      sp--;
      const left = ranges[sp * 3] as number;
      const right = ranges[sp * 3 + 1] as number;
      const axis = ranges[sp * 3 + 2] as number;
      const nMinX = Math.max(bounds[sp * 4] as number, minX);
      const nMinY = Math.max(bounds[sp * 4 + 1] as number, minY);
      const nMaxX = Math.min(bounds[sp * 4 + 2] as number, maxX);
      const nMaxY = Math.min(bounds[sp * 4 + 3] as number, maxY);
      if (nMinX > nMaxX || nMinY > nMaxY) continue;
      // Node bounds are the splits, not the points: clip to the query box before classifying.
      const nodeBoundsInside =
        (bounds[sp * 4] as number) >= minX && (bounds[sp * 4 + 1] as number) >= minY && (bounds[sp * 4 + 2] as number) <= maxX && (bounds[sp * 4 + 3] as number) <= maxY;
      const klass = polygon.classifyRect(nMinX, nMinY, nMaxX, nMaxY);
      if (klass === RECT_OUTSIDE) continue;
      if (klass === RECT_INSIDE && nodeBoundsInside) {
        if (takenPairs * 2 === taken.length) {
          const grown = new Int32Array(taken.length * 2);
          grown.set(taken);
          taken = grown;
        }
        taken[takenPairs * 2] = left;
        taken[takenPairs * 2 + 1] = right + 1;
        takenPairs++;
        takenPoints += right + 1 - left;
        continue;
      }
      if (right - left <= nodeSize) {
        found = polygon.appendContained(coords, ids, left, right, scratch, found);
        continue;
      }
      const m = (left + right) >> 1;
      const x = coords[2 * m] as number;
      const y = coords[2 * m + 1] as number;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY && polygon.contains(x, y)) {
        scratch[found++] = ids[m] as number;
      }
      sp = pushChildren(ranges, bounds, sp, left, right, axis, m, axis === 0 ? x : y, minX, minY, maxX, maxY);
    }
  }

  const out = new Int32Array(takenPoints + found);
  let at = 0;
  for (let k = 0; k < takenPairs; k++) {
    const from = taken[k * 2] as number;
    const to = taken[k * 2 + 1] as number;
    out.set(ids.subarray(from, to), at);
    at += to - from;
  }
  out.set(scratch.subarray(0, found), at);
  return out;
}

/** Kd-sorted positions (indexes into `base.ids` / `base.coords`) of the points inside `bbox` (edges inside).
 *  A node wholly inside the box is copied as a range without testing its points. Order: unspecified. */
export function positionsInBbox(index: PointIndex, [minX, minY, maxX, maxY]: readonly [number, number, number, number]): Int32Array {
  const { kd, ids, coords, scratch } = index.base;
  const nodeSize = kd.nodeSize;
  let found = 0;
  if (ids.length === 0) return new Int32Array(0);
  // Each frame: left, right, axis, and the node's bounds (from the splits on the way down).
  const { ranges, bounds } = walkStack(ids.length);
  let sp = 1;
  while (sp > 0) {
    sp--;
    const left = ranges[sp * 3] as number;
    const right = ranges[sp * 3 + 1] as number;
    const axis = ranges[sp * 3 + 2] as number;
    const b0 = bounds[sp * 4] as number;
    const b1 = bounds[sp * 4 + 1] as number;
    const b2 = bounds[sp * 4 + 2] as number;
    const b3 = bounds[sp * 4 + 3] as number;
    if (b0 > maxX || b1 > maxY || b2 < minX || b3 < minY) continue;
    if (b0 >= minX && b1 >= minY && b2 <= maxX && b3 <= maxY) {
      for (let i = left; i <= right; i++) scratch[found++] = i;
      continue;
    }
    if (right - left <= nodeSize) {
      for (let i = left; i <= right; i++) {
        const x = coords[2 * i] as number;
        const y = coords[2 * i + 1] as number;
        if (x >= minX && x <= maxX && y >= minY && y <= maxY) scratch[found++] = i;
      }
      continue;
    }
    const m = (left + right) >> 1;
    const x = coords[2 * m] as number;
    const y = coords[2 * m + 1] as number;
    if (x >= minX && x <= maxX && y >= minY && y <= maxY) scratch[found++] = m;
    sp = pushChildren(ranges, bounds, sp, left, right, axis, m, axis === 0 ? x : y, minX, minY, maxX, maxY);
  }
  return scratch.slice(0, found);
}
