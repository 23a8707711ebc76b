import { describe, expect, it } from "vitest";
import { MAX_GRID_CELLS, MAX_SINGLES, STREET_MAX_SINGLES, STREET_ZOOM, clusterGrid, mercatorY, type GridPoints } from "./grid-clusters";

function pointsOf(list: [number, number, boolean?][]): { points: GridPoints; all: Int32Array } {
  const coords = new Float64Array(list.flatMap(([lng, lat]) => [lng, lat]));
  const mercY = Float64Array.from(list, ([, lat]) => mercatorY(lat));
  const offline = Uint8Array.from(list, ([, , off]) => (off ? 1 : 0));
  return { points: { coords, mercY, offline }, all: Int32Array.from(list.keys()) };
}

/** A uniform pseudo-random scatter over a box (deterministic). */
function scatter(n: number, [w, s, e, nn]: [number, number, number, number]): [number, number, boolean][] {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, () => [w + rnd() * (e - w), s + rnd() * (nn - s), rnd() < 0.1]);
}

describe("clusterGrid", () => {
  it.each([4, 9, 11, 13, 15, 17, 19])("counts every point once at zoom %i, offline ones included", (zoom) => {
    const box: [number, number, number, number] = [-47.2, -23.05, -46.9, -22.8];
    const list = scatter(20_000, box);
    const { points, all } = pointsOf(list);
    const a = clusterGrid(points, all, box, zoom);
    expect(a.total).toBe(20_000);
    expect(a.clusters.reduce((s, c) => s + c.count, 0) + a.singles.length).toBe(20_000);
    const offline = a.clusters.reduce((s, c) => s + c.offline, 0) + a.singles.filter((i) => list[i]![2]).length;
    expect(offline).toBe(list.filter((p) => p[2]).length);
    expect(a.clusters.length + Math.ceil(a.singles.length / STREET_MAX_SINGLES)).toBeLessThanOrEqual(MAX_GRID_CELLS);
    for (const c of a.clusters) {
      const [w, s, e, n] = c.bounds;
      expect(c.lng).toBeGreaterThanOrEqual(w);
      expect(c.lng).toBeLessThanOrEqual(e);
      expect(c.lat).toBeGreaterThanOrEqual(s);
      expect(c.lat).toBeLessThanOrEqual(n);
    }
  });

  it("lists the points of a sparse cell one by one and clusters a dense one", () => {
    const dense: [number, number][] = Array.from({ length: MAX_SINGLES + 1 }, (_, i) => [-47 + i * 1e-5, -22.9]);
    const sparse: [number, number][] = Array.from({ length: MAX_SINGLES }, (_, i) => [-46.5 + i * 1e-5, -22.9]);
    const { points, all } = pointsOf([...dense, ...sparse]);
    const a = clusterGrid(points, all, [-47.1, -23, -46.4, -22.8], 12);
    expect(a.clusters).toEqual([expect.objectContaining({ count: MAX_SINGLES + 1, offline: 0 })]);
    expect(a.singles.sort((x, y) => x - y)).toEqual(Array.from({ length: MAX_SINGLES }, (_, i) => MAX_SINGLES + 1 + i));
  });

  it(`keeps a building's logins apart from zoom ${STREET_ZOOM} on`, () => {
    const building: [number, number][] = Array.from({ length: 20 }, (_, i) => [-47 + i * 1e-7, -22.9]);
    const { points, all } = pointsOf(building);
    expect(clusterGrid(points, all, [-47.01, -22.91, -46.99, -22.89], STREET_ZOOM - 1).clusters).toHaveLength(1);
    const street = clusterGrid(points, all, [-47.01, -22.91, -46.99, -22.89], STREET_ZOOM);
    expect(street.clusters).toEqual([]);
    expect(street.singles).toHaveLength(20);
  });

  it("keeps a cluster where it was when the view pans (the grid is the world's, not the view's)", () => {
    const list = scatter(5_000, [-47.1, -22.95, -47.0, -22.85]);
    const { points, all } = pointsOf(list);
    const key = (c: { count: number; lng: number; lat: number }) => `${c.count}@${c.lng.toFixed(9)},${c.lat.toFixed(9)}`;
    const a = clusterGrid(points, all, [-47.2, -23.0, -46.9, -22.8], 13).clusters.map(key).sort();
    const b = clusterGrid(points, all, [-47.25, -23.05, -46.85, -22.75], 13).clusters.map(key).sort();
    expect(b).toEqual(a);
  });

  it("cuts a box too large for its zoom into larger cells, never more than the limit", () => {
    const list = scatter(50_000, [-75, -33, -35, 5]);
    const { points, all } = pointsOf(list);
    const a = clusterGrid(points, all, [-180, -85, 180, 85], 19);
    expect(a.clusters.length).toBeLessThanOrEqual(MAX_GRID_CELLS);
    // Larger cells list few logins one by one, whatever the zoom: the answer stays small.
    expect(a.singles.length).toBeLessThanOrEqual(MAX_GRID_CELLS * MAX_SINGLES);
    expect(a.clusters.reduce((s, c) => s + c.count, 0) + a.singles.length).toBe(50_000);
  });
});
