import { booleanPointInPolygon } from "@turf/turf";
import { describe, expect, it, test } from "vitest";
import { closeRing, findOverlaps, validatePolygon } from "./validate-polygon";
import { CAMPINAS, seededRandom, starRing } from "@/tests/support/test-shapes";
import type { AreaGeometry } from "./types";

const [X, Y] = CAMPINAS;
const D = 0.01; // ~1 km
const square = (x = X, y = Y, d = D) => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]];
const poly = (...rings: number[][][]) => ({ type: "Polygon", coordinates: rings });

describe("validatePolygon refuses", () => {
  test.each([
    ["a bowtie polygon", poly([[X, Y], [X + D, Y + D], [X + D, Y], [X, Y + D], [X, Y]]), "SELF_INTERSECTION", /cruza/],
    ["an open ring", poly([[X, Y], [X + D, Y], [X + D, Y + D], [X, Y + D]]), "RING_NOT_CLOSED", /não está fechado/],
    ["too many vertices", { type: "Polygon", coordinates: [starRing(seededRandom(1), CAMPINAS, 5200, 0.05, 1, false)] }, "TOO_MANY_VERTICES", /Polígono com 5200 vértices: o máximo é 5000/],
    ["a longitude out of range", poly([[200, Y], [X + D, Y], [X + D, Y + D], [200, Y]]), "COORDINATE_OUT_OF_RANGE", /Longitude 200 fora/],
    ["a latitude out of range", poly([[X, -91], [X + D, Y], [X + D, Y + D], [X, -91]]), "COORDINATE_OUT_OF_RANGE", /Latitude -91 fora/],
    ["a non-finite coordinate", poly([[X, Number.NaN], [X + D, Y], [X + D, Y + D], [X, Number.NaN]]), "INVALID_COORDINATE", /NaN|null/],
    ["a zero-area (collinear) polygon", poly([[X, Y], [X + D, Y], [X + 2 * D, Y], [X, Y]]), "ZERO_AREA", /área nula/],
    ["a huge area", poly(square(X, Y, 1)), "AREA_TOO_LARGE", /km²: o máximo é 500 km²/],
    ["fewer than three distinct vertices", poly([[X, Y], [X + D, Y], [X + D, Y], [X, Y]]), "TOO_FEW_VERTICES", /mínimo é 3/],
    ["a vertex visited twice (ring touching itself)", poly([[X, Y], [X + D, Y], [X + D / 2, Y + D / 2], [X + D, Y + D], [X, Y + D], [X + D / 2, Y + D / 2], [X, Y]]), "SELF_INTERSECTION", /toca/],
    ["a zero-width spike", poly([[X, Y], [X + D, Y], [X + D, Y + D], [X + D, Y + 2 * D], [X + D, Y + D], [X, Y + D], [X, Y]]), "SELF_INTERSECTION", /cruza/],
    ["a hole outside its outer ring", poly(square(), square(X + 2 * D, Y, D / 2).reverse()), "HOLE_OUTSIDE", /buraco 1/],
    ["a hole crossing its outer ring", poly(square(), square(X + D / 2, Y + D / 4, D)), "SELF_INTERSECTION", /cruza/],
    ["a MultiPolygon whose parts overlap", { type: "MultiPolygon", coordinates: [[square()], [square(X + D / 4, Y + D / 4, D / 4)]] }, "PARTS_OVERLAP", /parte 2 está dentro da parte 1/],
    ["a Point", { type: "Point", coordinates: [X, Y] }, "INVALID_GEOMETRY", /recebido "Point"/],
    ["null", null, "INVALID_GEOMETRY", /Geometria inválida/],
  ])("refuses %s", (_label, geometry, code, message) => {
    const result = validatePolygon(geometry);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(message);
    }
  });

  it("refuses more vertices than a custom maxVertices", () => {
    const result = validatePolygon(poly(square()), { maxVertices: 3 });
    expect(result).toMatchObject({ ok: false, code: "TOO_MANY_VERTICES", message: "Polígono com 4 vértices: o máximo é 3" });
  });
});

describe("validatePolygon accepts", () => {
  it("a valid concave polygon, normalized counter-clockwise, with a point inside for the icon", () => {
    // A "U": concave, drawn clockwise; its vertex centre falls in the notch (outside).
    const u = [[X, Y], [X, Y + 3 * D], [X + D, Y + 3 * D], [X + D, Y + D], [X + 2 * D, Y + D], [X + 2 * D, Y + 3 * D], [X + 3 * D, Y + 3 * D], [X + 3 * D, Y], [X, Y]];
    const result = validatePolygon({ type: "Feature", properties: {}, geometry: poly(u) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.vertexCount).toBe(8);
    expect(result.areaM2 / 1e6).toBeGreaterThan(5);
    expect(result.areaM2 / 1e6).toBeLessThan(10);
    expect(result.bbox).toEqual([X, Y, X + 3 * D, Y + 3 * D]);
    const ring = (result.geometry as { coordinates: number[][][] }).coordinates[0] as number[][];
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    const twiceArea = ring.slice(0, -1).reduce((sum, p, i) => {
      const q = ring[i + 1] as number[];
      return sum + (p[0] as number) * (q[1] as number) - (q[0] as number) * (p[1] as number);
    }, 0);
    expect(twiceArea).toBeGreaterThan(0); // rewound to counter-clockwise
    expect(booleanPointInPolygon(result.iconPoint, result.geometry, { ignoreBoundary: true })).toBe(true);
  });

  it("collapses duplicate consecutive points (the finishing double-click) instead of refusing them", () => {
    const ring = [[X, Y], [X + D, Y], [X + D, Y], [X + D, Y + D], [X, Y + D], [X, Y + D], [X, Y], [X, Y]];
    const result = validatePolygon(poly(ring));
    expect(result).toMatchObject({ ok: true, vertexCount: 4 });
    if (result.ok) expect((result.geometry as { coordinates: number[][][] }).coordinates[0]).toHaveLength(5);
  });

  it("a polygon with a hole, holes rewound clockwise, icon outside the hole", () => {
    const hole = square(X + D / 4, Y + D / 4, D / 2);
    const result = validatePolygon(poly(square(), hole));
    expect(result).toMatchObject({ ok: true, vertexCount: 8 });
    if (result.ok) expect(booleanPointInPolygon(result.iconPoint, result.geometry, { ignoreBoundary: true })).toBe(true);
  });

  it("a MultiPolygon of disjoint parts, with an altitude dropped", () => {
    const result = validatePolygon({ type: "MultiPolygon", coordinates: [[square()], [square(X + 2 * D, Y).map(([x, y]) => [x as number, y as number, 600])]] });
    expect(result).toMatchObject({ ok: true, vertexCount: 8 });
    if (result.ok) expect(JSON.stringify(result.geometry)).not.toContain("600");
  });

  it("does not mutate its input", () => {
    const input = poly([[X, Y], [X, Y + D], [X + D, Y + D], [X + D, Y + D], [X + D, Y], [X, Y]]);
    const before = JSON.stringify(input);
    expect(validatePolygon(input).ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("closeRing", () => {
  it("appends the first vertex to an open ring and leaves a closed one alone, without mutating", () => {
    const open = [[0, 0], [1, 0], [1, 1]];
    expect(closeRing(open)).toEqual([[0, 0], [1, 0], [1, 1], [0, 0]]);
    expect(open).toHaveLength(3);
    expect(closeRing([[0, 0], [1, 0], [1, 1], [0, 0]])).toHaveLength(4);
  });
});

describe("findOverlaps", () => {
  it("names the regions that overlap or share a border, and skips distant ones", () => {
    const region: AreaGeometry = { type: "Polygon", coordinates: [square()] };
    const others = [
      { id: 12, label: "OS 12", geometry: { type: "Polygon", coordinates: [square(X + D / 2, Y + D / 2)] } as AreaGeometry },
      { id: 13, label: "OS 13", geometry: { type: "Polygon", coordinates: [square(X + D, Y)] } as AreaGeometry },
      { id: 14, label: "OS 14", geometry: { type: "Polygon", coordinates: [square(X + 5 * D, Y)] } as AreaGeometry },
    ];
    expect(findOverlaps(region, others)).toEqual([{ id: 12, label: "OS 12" }, { id: 13, label: "OS 13" }]);
  });
});
