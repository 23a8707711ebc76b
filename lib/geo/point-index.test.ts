import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPointIndex, pointsInPolygon, positionsInBbox } from "./point-index";
import { preparePolygon } from "./prepared-polygon";
import { boundaryPoints, CAMPINAS, gaussian, nearEdgePoints, seededRandom, starRing } from "@/tests/support/test-shapes";
import type { AreaGeometry } from "./types";
import { booleanPointInPolygon } from "@turf/turf";

const N = 20_000;

function logins(seed: number, n: number) {
  const rand = seededRandom(seed);
  const ids = new Int32Array(n);
  const lngs = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = 1000 + i;
    lngs[i] = CAMPINAS[0] + gaussian(rand) * 0.04;
    lats[i] = CAMPINAS[1] + gaussian(rand) * 0.04;
  }
  return { ids, lngs, lats };
}

const sorted = (a: ArrayLike<number>) => Array.from(a).sort((x, y) => x - y);

function turfIds(points: { ids: ArrayLike<number>; lngs: ArrayLike<number>; lats: ArrayLike<number> }, g: AreaGeometry) {
  const out: number[] = [];
  for (let i = 0; i < points.ids.length; i++) {
    if (booleanPointInPolygon([points.lngs[i] as number, points.lats[i] as number], g)) out.push(points.ids[i] as number);
  }
  return out.sort((x, y) => x - y);
}

describe("pointsInPolygon", () => {
  it("returns exactly the logins Turf finds inside, including logins on vertices and edges", () => {
    const rand = seededRandom(7);
    const outer = starRing(rand, CAMPINAS, 200, 0.05, 0.5);
    const hole = starRing(rand, CAMPINAS, 12, 0.01, 0.8).reverse();
    const g: AreaGeometry = { type: "Polygon", coordinates: [outer, hole] };
    const base = logins(1, N);
    const onBoundary = boundaryPoints(outer).concat(boundaryPoints(hole));
    const points = {
      ids: Int32Array.from([...base.ids, ...onBoundary.map((_, i) => 900_000 + i)]),
      lngs: Float64Array.from([...base.lngs, ...onBoundary.map((p) => p[0] as number)]),
      lats: Float64Array.from([...base.lats, ...onBoundary.map((p) => p[1] as number)]),
    };
    const found = sorted(pointsInPolygon(buildPointIndex(points), preparePolygon(g)));
    expect(found).toEqual(turfIds(points, g));
    expect(found.filter((id) => id >= 900_000)).toHaveLength(onBoundary.length);
  });

  it("agrees with Turf on random MultiPolygons with holes at coarse and fine grids (whole kd-nodes accepted or skipped)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(2, 8, 256), (s, gridSize) => {
        const rand = seededRandom(s);
        const east: [number, number] = [CAMPINAS[0] + 0.06, CAMPINAS[1]];
        const a = starRing(rand, CAMPINAS, 5 + Math.floor(rand() * 40), 0.05, 0.4);
        const b = starRing(rand, east, 5 + Math.floor(rand() * 10), 0.03, 0.8);
        const bHole = starRing(rand, east, 6, 0.01, 0.9).reverse();
        const g: AreaGeometry = { type: "MultiPolygon", coordinates: [[a], [b, bHole]] };
        const base = logins(s, 3000);
        const edge = [...boundaryPoints(a), ...boundaryPoints(bHole)];
        const points = {
          ids: Int32Array.from([...base.ids, ...edge.map((_, i) => 900_000 + i)]),
          lngs: Float64Array.from([...base.lngs, ...edge.map((p) => p[0] as number)]),
          lats: Float64Array.from([...base.lats, ...edge.map((p) => p[1] as number)]),
        };
        expect(sorted(pointsInPolygon(buildPointIndex(points), preparePolygon(g, { gridSize })))).toEqual(turfIds(points, g));
      }),
      { numRuns: 15 },
    );
  });

  it("returns the same ids as testing every login one by one, with logins packed on and around edges, in the hole and stacked on one spot", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(8, 64, 256), (s, gridSize) => {
        const rand = seededRandom(s);
        const outer = starRing(rand, CAMPINAS, 10 + Math.floor(rand() * 50), 0.03, 0.6, false);
        const hole = starRing(rand, CAMPINAS, 4 + Math.floor(rand() * 16), 0.01, 0.7, false).reverse();
        const g: AreaGeometry = { type: "Polygon", coordinates: [outer, hole] };
        const lngs: number[] = [];
        const lats: number[] = [];
        const add = (x: number, y: number) => {
          lngs.push(x);
          lats.push(y);
        };
        // Dense enough that whole kd-nodes fall inside the ring (taken without tests) and inside the hole (skipped).
        for (let i = 0; i < 30_000; i++) add(CAMPINAS[0] + gaussian(rand) * 0.02, CAMPINAS[1] + gaussian(rand) * 0.02);
        for (const p of [...nearEdgePoints(rand, outer, 3, 1), ...nearEdgePoints(rand, hole, 3, 1), ...outer, ...hole]) add(p[0] as number, p[1] as number);
        // Logins stacked on the same coordinates (one building): a vertex, a hole vertex, the centre (inside the hole).
        for (const p of [outer[0], hole[0], CAMPINAS] as number[][]) for (let k = 0; k < 300; k++) add(p[0] as number, p[1] as number);
        const ids = Int32Array.from(lngs, (_, i) => 7 * i + 3);
        const exact = preparePolygon(g, { gridSize: 1 });
        const expected = Array.from(ids).filter((_, i) => exact.contains(lngs[i] as number, lats[i] as number));
        const found = pointsInPolygon(buildPointIndex({ ids, lngs, lats }), preparePolygon(g, { gridSize }));
        expect(found.length).toBe(expected.length);
        expect(sorted(found)).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it("finds nothing in a polygon far from every login, and handles an empty index", () => {
    const far: AreaGeometry = { type: "Polygon", coordinates: [starRing(seededRandom(3), [-60, -3], 8, 0.1, 1)] };
    expect(pointsInPolygon(buildPointIndex(logins(2, 1000)), preparePolygon(far))).toHaveLength(0);
    expect(pointsInPolygon(buildPointIndex({ ids: [], lngs: [], lats: [] }), preparePolygon(far))).toHaveLength(0);
  });
});

describe("positionsInBbox", () => {
  it("finds exactly the points inside a box, edges included", () => {
    const points = logins(11, N);
    const index = buildPointIndex(points);
    // The box's edges pass through points (a login exactly on the viewport's edge is in view).
    const p = 17;
    const q = 4242;
    const box: [number, number, number, number] = [
      Math.min(points.lngs[p]!, points.lngs[q]!), Math.min(points.lats[p]!, points.lats[q]!),
      Math.max(points.lngs[p]!, points.lngs[q]!), Math.max(points.lats[p]!, points.lats[q]!),
    ];
    const expected: number[] = [];
    for (let i = 0; i < N; i++) {
      if (points.lngs[i]! >= box[0] && points.lngs[i]! <= box[2] && points.lats[i]! >= box[1] && points.lats[i]! <= box[3]) expected.push(points.ids[i]!);
    }
    const found = Array.from(positionsInBbox(index, box), (pos) => index.base.ids[pos]!);
    expect(sorted(found)).toEqual(sorted(expected));
    expect(found).toContain(points.ids[p]);
    expect(found).toContain(points.ids[q]);
    expect(positionsInBbox(index, [0, 0, 1, 1])).toHaveLength(0);
    expect(positionsInBbox(index, [-180, -90, 180, 90])).toHaveLength(N);
  });
});
