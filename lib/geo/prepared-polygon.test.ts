import { booleanPointInPolygon } from "@turf/turf";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { preparePolygon } from "./prepared-polygon";
import {
  boundaryPoints,
  CAMPINAS,
  nearEdgePoints,
  nearlyAxisAlignedRing,
  nudge,
  seededRandom,
  snap,
  staircaseRing,
  starRing,
} from "@/tests/support/test-shapes";
import type { AreaGeometry, Position, Ring } from "./types";

const RUNS = 25;
const RANDOM_POINTS = 400;

/** Random points over the bbox (plus margin): half free-valued, half on the dyadic grid. */
function randomPoints(rand: () => number, geometry: AreaGeometry, count: number): Position[] {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const all = polys.flatMap((rings) => rings.flat());
  const xs = all.map((p) => p[0] as number);
  const ys = all.map((p) => p[1] as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const pad = Math.max(maxX - minX, maxY - minY) * 0.1;
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const x = minX - pad + rand() * (maxX - minX + 2 * pad);
    const y = minY - pad + rand() * (maxY - minY + 2 * pad);
    out.push(i % 2 === 0 ? [x, y] : [snap(x), snap(y)]);
  }
  return out;
}

function expectSameAsTurf(geometry: AreaGeometry, points: Position[], onBoundary: Position[]): void {
  const prepared = preparePolygon(geometry);
  const coarse = preparePolygon(geometry, { gridSize: 4 });
  for (const p of points.concat(onBoundary)) {
    const expected = booleanPointInPolygon(p, geometry);
    expect({ p, got: prepared.contains(p[0] as number, p[1] as number) }).toEqual({ p, got: expected });
    expect({ p, got: coarse.contains(p[0] as number, p[1] as number) }).toEqual({ p, got: expected });
  }
  for (const p of onBoundary) expect({ p, inside: prepared.contains(p[0] as number, p[1] as number) }).toEqual({ p, inside: true });
}

const seed = fc.integer({ min: 1, max: 2 ** 31 - 1 });

describe("preparePolygon(...).contains agrees with Turf booleanPointInPolygon point for point", () => {
  it("on random convex polygons, including vertices and edge midpoints", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const ring = starRing(rand, CAMPINAS, 3 + Math.floor(rand() * 20), 0.05, 1);
        expectSameAsTurf({ type: "Polygon", coordinates: [ring] }, randomPoints(rand, { type: "Polygon", coordinates: [ring] }, RANDOM_POINTS), boundaryPoints(ring));
      }),
      { numRuns: RUNS },
    );
  });

  it("on random concave (star-shaped) polygons", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const ring = starRing(rand, CAMPINAS, 5 + Math.floor(rand() * 60), 0.05, 0.3);
        const g: AreaGeometry = { type: "Polygon", coordinates: [ring] };
        expectSameAsTurf(g, randomPoints(rand, g, RANDOM_POINTS), boundaryPoints(ring));
      }),
      { numRuns: RUNS },
    );
  });

  it("on polygons with holes, counting hole edges as inside", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const outer = starRing(rand, CAMPINAS, 8 + Math.floor(rand() * 30), 0.08, 0.8);
        const hole = starRing(rand, CAMPINAS, 4 + Math.floor(rand() * 12), 0.03, 0.5).reverse();
        const g: AreaGeometry = { type: "Polygon", coordinates: [outer, hole] };
        expectSameAsTurf(g, randomPoints(rand, g, RANDOM_POINTS), boundaryPoints(outer).concat(boundaryPoints(hole)));
      }),
      { numRuns: RUNS },
    );
  });

  it("on 1,000-vertex polygons", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const ring = starRing(rand, CAMPINAS, 1000, 0.05, 0.6);
        const g: AreaGeometry = { type: "Polygon", coordinates: [ring] };
        expectSameAsTurf(g, randomPoints(rand, g, 2000), boundaryPoints(ring).filter((_, i) => i % 7 === 0));
      }),
      { numRuns: 5 },
    );
  });

  it("on MultiPolygons (one part with a hole)", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const a = starRing(rand, CAMPINAS, 6 + Math.floor(rand() * 20), 0.04, 0.5);
        const east: [number, number] = [CAMPINAS[0] + 0.1, CAMPINAS[1]];
        const b = starRing(rand, east, 6 + Math.floor(rand() * 20), 0.04, 0.9);
        const bHole = starRing(rand, east, 5, 0.015, 0.9).reverse();
        const g: AreaGeometry = { type: "MultiPolygon", coordinates: [[a], [b, bHole]] };
        expectSameAsTurf(g, randomPoints(rand, g, RANDOM_POINTS), [...boundaryPoints(a), ...boundaryPoints(b), ...boundaryPoints(bHole)]);
      }),
      { numRuns: RUNS },
    );
  });

  it("on axis-aligned (staircase) polygons, with points anywhere along horizontal and vertical edges", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const ring: Ring = staircaseRing(rand, CAMPINAS, 2 + Math.floor(rand() * 10), 0.03);
        const g: AreaGeometry = { type: "Polygon", coordinates: [ring] };
        const onEdges: Position[] = [];
        for (let i = 0; i + 1 < ring.length; i++) {
          const [ax, ay] = ring[i] as [number, number];
          const [bx, by] = ring[i + 1] as [number, number];
          const t = rand();
          // Along an axis-aligned edge one coordinate is fixed, so any value of the other is exact.
          onEdges.push(ay === by ? [ax + t * (bx - ax), ay] : [ax, ay + t * (by - ay)]);
        }
        expectSameAsTurf(g, randomPoints(rand, g, RANDOM_POINTS), onEdges.concat(boundaryPoints(ring)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("the grid never changes an answer (it only decides which points skip the exact test)", () => {
  /** Same answers as the exact crossing test alone: with one grid cell every point takes the exact path. */
  function expectGridMatchesExact(geometry: AreaGeometry, points: Position[]): void {
    const exact = preparePolygon(geometry, { gridSize: 1 });
    for (const gridSize of [8, 64, 256]) {
      const gridded = preparePolygon(geometry, { gridSize });
      const wrong = points.filter((p) => gridded.contains(p[0] as number, p[1] as number) !== exact.contains(p[0] as number, p[1] as number));
      expect({ gridSize, wrong: wrong.slice(0, 5), count: wrong.length }).toEqual({ gridSize, wrong: [], count: 0 });
    }
  }

  /** Points on the cell borders of a grid of `g` cells over the geometry's bbox, and an ulp either side. */
  function cellBorderPoints(rand: () => number, geometry: AreaGeometry, g: number): Position[] {
    const [minX, minY, maxX, maxY] = preparePolygon(geometry).bbox;
    const out: Position[] = [];
    for (let k = 0; k <= g; k++) {
      const x = minX + ((maxX - minX) * k) / g;
      const y = minY + ((maxY - minY) * k) / g;
      for (let i = 0; i < 4; i++) {
        const along = rand();
        for (const d of [-1, 0, 1]) {
          out.push([x + d * Number.EPSILON * Math.abs(x), minY + along * (maxY - minY)]);
          out.push([minX + along * (maxX - minX), y + d * Number.EPSILON * Math.abs(y)]);
        }
      }
    }
    return out;
  }

  it("on polygons with holes, for points on, a few ulps off, and between edges (free-valued coordinates)", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const rand = seededRandom(s);
        const outer = starRing(rand, CAMPINAS, 8 + Math.floor(rand() * 60), 0.05, 0.6, false);
        const hole = starRing(rand, CAMPINAS, 4 + Math.floor(rand() * 20), 0.015, 0.7, false).reverse();
        const g: AreaGeometry = { type: "Polygon", coordinates: [outer, hole] };
        const points = [
          ...randomPoints(rand, g, RANDOM_POINTS),
          ...nearEdgePoints(rand, outer, 2, 2),
          ...nearEdgePoints(rand, hole, 2, 2),
          ...outer,
          ...hole,
          ...cellBorderPoints(rand, g, 8),
          ...cellBorderPoints(rand, g, 64),
        ];
        expectGridMatchesExact(g, points);
      }),
      { numRuns: 20 },
    );
  });

  it("on diagonals running through the grid's corners, for points a few ulps around every corner", () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(8, 64, 256), (s, g) => {
        const rand = seededRandom(s);
        // A right triangle over its own bbox: the hypotenuse passes through every (k, k) grid corner of a
        // g×g grid, where the edge leaves two cells through a shared corner and only touches the other two.
        const [x0, y0] = [CAMPINAS[0] + rand() * 0.01, CAMPINAS[1] + rand() * 0.01];
        const [w, h] = [0.02 + rand() * 0.05, 0.02 + rand() * 0.05];
        const ring: Ring = [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0]];
        const geometry: AreaGeometry = { type: "Polygon", coordinates: [ring] };
        const points: Position[] = [];
        for (let k = 0; k <= g; k++) {
          const x = x0 + (w * k) / g;
          const y = y0 + (h * k) / g;
          for (let dx = -3; dx <= 3; dx++) for (let dy = -3; dy <= 3; dy++) points.push([nudge(x, dx), nudge(y, dy)]);
        }
        const exact = preparePolygon(geometry, { gridSize: 1 });
        const gridded = preparePolygon(geometry, { gridSize: g });
        const wrong = points.filter((p) => gridded.contains(p[0] as number, p[1] as number) !== exact.contains(p[0] as number, p[1] as number));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("on near-flat edges that cross grid rows and columns at a shallow angle, with a near-flat hole", () => {
    fc.assert(
      fc.property(seed, fc.constantFrom(1e-13, 1e-9, 1e-6, 1e-4), (s, tilt) => {
        const rand = seededRandom(s);
        const outer = nearlyAxisAlignedRing(rand, CAMPINAS, 0.04, tilt);
        const hole = nearlyAxisAlignedRing(rand, CAMPINAS, 0.01, tilt).reverse();
        const g: AreaGeometry = { type: "Polygon", coordinates: [outer, hole] };
        const points = [
          ...randomPoints(rand, g, RANDOM_POINTS),
          ...nearEdgePoints(rand, outer, 6, 2),
          ...nearEdgePoints(rand, hole, 6, 2),
          ...cellBorderPoints(rand, g, 8),
          ...cellBorderPoints(rand, g, 256),
        ];
        expectGridMatchesExact(g, points);
      }),
      { numRuns: 20 },
    );
  });
});

describe("preparePolygon", () => {
  it("counts a point on a vertex or an edge as inside, and just outside as outside", () => {
    const square: AreaGeometry = { type: "Polygon", coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
    const p = preparePolygon(square);
    expect([p.contains(0, 0), p.contains(1, 0.5), p.contains(0.5, 1), p.contains(0.5, 0.5)]).toEqual([true, true, true, true]);
    expect([p.contains(1 + 1e-12, 0.5), p.contains(0.5, -1e-12), p.contains(Number.NaN, 0.5)]).toEqual([false, false, false]);
  });

  it("does not mutate its input", () => {
    const ring = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const geometry: AreaGeometry = { type: "Polygon", coordinates: [ring] };
    const before = JSON.stringify(geometry);
    preparePolygon(geometry).contains(0.5, 0.2);
    expect(JSON.stringify(geometry)).toBe(before);
  });
});
