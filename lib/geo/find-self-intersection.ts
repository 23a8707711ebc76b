// Finds where a set of closed rings touches or crosses itself: a sweep over segments sorted by
// minimum longitude, exact orientation tests. Adjacent segments of a ring may only share their
// common vertex (a collinear back-track — a zero-width spike — counts as an intersection); any other
// contact, within a ring or between rings (holes, MultiPolygon parts), is reported.
// Expects rings without consecutive duplicate vertices, given WITHOUT the closing vertex.

import { signOfDet2 } from "./exact-sign";
import type { Position } from "./types";

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return signOfDet2(bx - ax, by - ay, cx - ax, cy - ay);
}

function onSegment(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);
}

/** Returns a point where the rings touch or cross, or null when they are simple and disjoint. */
export function findSelfIntersection(rings: readonly (readonly Position[])[]): Position | null {
  const seg: number[] = []; // ax, ay, bx, by, ring, index, ringLength
  rings.forEach((ring, r) => {
    const m = ring.length;
    for (let i = 0; i < m; i++) {
      const a = ring[i] as Position;
      const b = ring[(i + 1) % m] as Position;
      seg.push(a[0] as number, a[1] as number, b[0] as number, b[1] as number, r, i, m);
    }
  });
  const S = 7;
  const count = seg.length / S;
  const at = (k: number, f: number) => seg[k * S + f] as number;
  const minX = (k: number) => Math.min(at(k, 0), at(k, 2));
  const maxX = (k: number) => Math.max(at(k, 0), at(k, 2));
  const order = Array.from({ length: count }, (_, k) => k).sort((p, q) => minX(p) - minX(q));

  for (let oi = 0; oi < count; oi++) {
    const i = order[oi] as number;
    const [ax, ay, bx, by] = [at(i, 0), at(i, 1), at(i, 2), at(i, 3)];
    const iMaxX = maxX(i);
    const iMinY = Math.min(ay, by);
    const iMaxY = Math.max(ay, by);
    for (let oj = oi + 1; oj < count; oj++) {
      const j = order[oj] as number;
      if (minX(j) > iMaxX) break;
      const [cx, cy, dx, dy] = [at(j, 0), at(j, 1), at(j, 2), at(j, 3)];
      if (Math.max(cy, dy) < iMinY || Math.min(cy, dy) > iMaxY) continue;
      const sameRing = at(i, 4) === at(j, 4);
      const m = at(i, 6);
      const ii = at(i, 5);
      const jj = at(j, 5);
      if (sameRing && ((ii + 1) % m === jj || (jj + 1) % m === ii)) {
        // Adjacent: they share one vertex; refuse only a collinear back-track over it.
        const [p, v, q] = (ii + 1) % m === jj ? [[ax, ay], [bx, by], [dx, dy]] : [[cx, cy], [dx, dy], [bx, by]];
        const [px, py] = p as number[];
        const [vx, vy] = v as number[];
        const [qx, qy] = q as number[];
        if (
          orient(px as number, py as number, vx as number, vy as number, qx as number, qy as number) === 0 &&
          ((px as number) - (vx as number)) * ((qx as number) - (vx as number)) +
            ((py as number) - (vy as number)) * ((qy as number) - (vy as number)) >
            0
        ) {
          return [vx as number, vy as number];
        }
        continue;
      }
      const o1 = orient(ax, ay, bx, by, cx, cy);
      const o2 = orient(ax, ay, bx, by, dx, dy);
      const o3 = orient(cx, cy, dx, dy, ax, ay);
      const o4 = orient(cx, cy, dx, dy, bx, by);
      if (o1 !== o2 && o3 !== o4) {
        if (o1 === 0) return [cx, cy];
        if (o2 === 0) return [dx, dy];
        if (o3 === 0) return [ax, ay];
        if (o4 === 0) return [bx, by];
        // Proper crossing: report the intersection point (approximate, for the message).
        const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / ((bx - ax) * (dy - cy) - (by - ay) * (dx - cx));
        return [ax + t * (bx - ax), ay + t * (by - ay)];
      }
      if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return [cx, cy];
      if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return [dx, dy];
      if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return [ax, ay];
      if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return [bx, by];
    }
  }
  return null;
}
