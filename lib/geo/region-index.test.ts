import { booleanPointInPolygon } from "@turf/turf";
import { describe, expect, it } from "vitest";
import { buildRegionIndex } from "./region-index";
import { boundaryPoints, CAMPINAS, gaussian, seededRandom, starRing } from "@/tests/support/test-shapes";
import type { AreaGeometry, Position } from "./types";

describe("buildRegionIndex(...).regionsContaining", () => {
  it("returns exactly the regions Turf says contain the point, boundary included", () => {
    const rand = seededRandom(21);
    const regions: { id: number; geometry: AreaGeometry }[] = [];
    for (let i = 0; i < 300; i++) {
      const c: [number, number] = [CAMPINAS[0] + gaussian(rand) * 0.1, CAMPINAS[1] + gaussian(rand) * 0.1];
      const outer = starRing(rand, c, 4 + Math.floor(rand() * 20), 0.005 + rand() * 0.02, 0.5);
      const coordinates = i % 5 === 0 ? [outer, starRing(rand, c, 5, 0.002, 0.9).reverse()] : [outer];
      regions.push({ id: 100 + i, geometry: { type: "Polygon", coordinates } });
    }
    const index = buildRegionIndex(regions);
    const queries: Position[] = [];
    for (let i = 0; i < 3000; i++) queries.push([CAMPINAS[0] + gaussian(rand) * 0.1, CAMPINAS[1] + gaussian(rand) * 0.1]);
    for (const r of regions.slice(0, 40)) queries.push(...boundaryPoints((r.geometry.coordinates as Position[][])[0] as Position[]));
    for (const q of queries) {
      const expected = regions.filter((r) => booleanPointInPolygon(q, r.geometry)).map((r) => r.id);
      expect({ q, ids: index.regionsContaining(q[0] as number, q[1] as number) }).toEqual({ q, ids: expected });
    }
  });

  it("answers nothing for an empty set or a non-finite point", () => {
    expect(buildRegionIndex([]).regionsContaining(CAMPINAS[0], CAMPINAS[1])).toEqual([]);
    const one = buildRegionIndex([{ id: 1, geometry: { type: "Polygon", coordinates: [starRing(seededRandom(1), CAMPINAS, 6, 0.01, 1)] } }]);
    expect(one.regionsContaining(CAMPINAS[0], CAMPINAS[1])).toEqual([1]);
    expect(one.regionsContaining(Number.NaN, CAMPINAS[1])).toEqual([]);
  });
});
