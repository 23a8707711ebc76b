// Seeded shape and point generators shared by the lib/geo tests and bench/geo.ts.
// Test coordinates sit on a dyadic grid (multiples of 2⁻¹⁰ degree) so that edge midpoints and points
// on axis-aligned edges are exactly representable: "on the edge" is then true in exact arithmetic.
import type { Position, Ring } from "../../lib/geo/types";
import { seededRandom } from "../../lib/random/seeded-random";

export { seededRandom };

/** Standard normal sample (Box–Muller). */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

export const CAMPINAS: [number, number] = [-47.06, -22.9];
const GRID_STEP = 1 / 1024;
export const snap = (v: number): number => Math.round(v / GRID_STEP) * GRID_STEP;

/**
 * A closed star-shaped ring around `center`: `n` vertices at increasing angles, radius in
 * [radius·minFactor, radius]. minFactor 1 gives a convex-ish ring. `onGrid` snaps to the dyadic grid.
 */
export function starRing(
  rand: () => number,
  center: [number, number],
  n: number,
  radius: number,
  minFactor: number,
  onGrid = true,
): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (minFactor + (1 - minFactor) * rand());
    let x = center[0] + r * Math.cos(angle);
    let y = center[1] + r * Math.sin(angle);
    if (onGrid) {
      x = snap(x);
      y = snap(y);
    }
    const prev = ring[ring.length - 1];
    if (prev === undefined || prev[0] !== x || prev[1] !== y) ring.push([x, y]);
  }
  ring.push([...(ring[0] as Position)]);
  return ring;
}

/** A smooth "traced" ring: low-frequency wobble plus small noise, like a region drawn along streets. */
export function wobblyRing(rand: () => number, center: [number, number], n: number, radius: number): Ring {
  const phase = rand() * Math.PI * 2;
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    const r = radius * (1 + 0.2 * Math.sin(3 * angle + phase) + 0.1 * Math.sin(7 * angle) + 0.01 * (rand() - 0.5));
    ring.push([center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle)]);
  }
  ring.push([...(ring[0] as Position)]);
  return ring;
}

/** A closed rectilinear (staircase) ring on the grid: every edge horizontal or vertical. */
export function staircaseRing(rand: () => number, center: [number, number], steps: number, size: number): Ring {
  const x0 = snap(center[0] - size);
  const y0 = snap(center[1] - size);
  const stepW = snap((2 * size) / steps) || GRID_STEP;
  const ring: Ring = [[x0, y0]];
  let x = x0;
  let y = y0;
  for (let i = 0; i < steps; i++) {
    x += stepW;
    ring.push([x, y]);
    y += stepW * (1 + Math.floor(rand() * 3));
    ring.push([x, y]);
  }
  ring.push([x0, y]);
  ring.push([x0, y0]);
  return ring;
}

/** Edge midpoints (exact on the grid) and the vertices themselves: all on the boundary. */
export function boundaryPoints(ring: Ring): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    out.push([a[0] as number, a[1] as number]);
    out.push([((a[0] as number) + (b[0] as number)) / 2, ((a[1] as number) + (b[1] as number)) / 2]);
  }
  return out;
}

const ulpFloat = new Float64Array(1);
const ulpBits = new BigInt64Array(ulpFloat.buffer);

/** `v` moved by `k` representable doubles (k < 0: down). For points a few ulps off an edge. */
export function nudge(v: number, k: number): number {
  if (k === 0 || v === 0) return k === 0 ? v : k * Number.MIN_VALUE;
  ulpFloat[0] = v;
  // For finite non-zero doubles the bit pattern is monotone in |v|: step it towards ±∞ as asked.
  ulpBits[0] = (ulpBits[0] as bigint) + BigInt(v > 0 ? k : -k);
  return ulpFloat[0] as number;
}

/**
 * Points on and around every edge of `ring`: for `perEdge` random spots along each edge (computed in
 * doubles, so on the edge or within an ulp of it), the spot and its neighbours `spread` ulps away in x
 * and y. Whether each is inside is decided only by exact arithmetic.
 */
export function nearEdgePoints(rand: () => number, ring: Ring, perEdge: number, spread: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i] as [number, number];
    const [bx, by] = ring[i + 1] as [number, number];
    for (let k = 0; k < perEdge; k++) {
      const t = rand();
      const x = ax + t * (bx - ax);
      const y = ay + t * (by - ay);
      for (let dx = -spread; dx <= spread; dx++) {
        for (let dy = -spread; dy <= spread; dy++) out.push([nudge(x, dx), nudge(y, dy)]);
      }
    }
  }
  return out;
}

/**
 * A closed quadrilateral ring around `center` whose four edges are each within `tilt` degrees of
 * horizontal or vertical: near-flat edges that cross grid rows/columns at a shallow angle.
 */
export function nearlyAxisAlignedRing(rand: () => number, center: [number, number], size: number, tilt: number): Ring {
  const [cx, cy] = center;
  const j = () => (rand() - 0.5) * 2 * tilt;
  const ring: Ring = [
    [cx - size, cy - size + j()],
    [cx + size + j(), cy - size + j()],
    [cx + size + j(), cy + size],
    [cx - size + j(), cy + size + j()],
  ];
  ring.push([...(ring[0] as Position)]);
  return ring;
}
