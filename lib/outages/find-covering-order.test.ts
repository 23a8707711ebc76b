import { describe, expect, it } from "vitest";
import { COVERED_MIN_SHARE, findCoveringOrder, type CandidateRegion } from "./find-covering-order";

/** A square region [lng, lat] around (0, 0) with half-side `h` degrees. */
function region(orderId: number, number: number, h: number, status: CandidateRegion["status"] = "ABERTA"): CandidateRegion {
  const ring = [[-h, -h], [h, -h], [h, h], [-h, h], [-h, -h]];
  return { orderId, number, status, geometry: { type: "Polygon", coordinates: [ring] }, bbox: [-h, -h, h, h] };
}

/** n points on a line from (0, 0) eastwards, `step` degrees apart. */
const line = (n: number, step: number) => Array.from({ length: n }, (_, i) => ({ lng: i * step, lat: 0 }));

describe("findCoveringOrder", () => {
  it("covers when the region holds every offline login", () => {
    expect(findCoveringOrder(line(10, 0.0001), [region(1, 6, 0.01)])).toEqual({ orderId: 1, number: 6, status: "ABERTA", loginsCovered: 10 });
  });

  it.each([
    { label: "9 of 10 inside: covered", inside: 9, covered: true },
    { label: "8 of 10 inside: not covered", inside: 8, covered: false },
  ])("$label (threshold $inside / 10 against COVERED_MIN_SHARE)", ({ inside, covered }) => {
    // Points 0..inside-1 fall in a region reaching just past the (inside-1)th point.
    const points = line(10, 0.001);
    const r = region(2, 7, (inside - 1) * 0.001 + 0.0004);
    expect(inside / 10 >= COVERED_MIN_SHARE).toBe(covered);
    expect(findCoveringOrder(points, [r]) !== null).toBe(covered);
  });

  it("counts a login on the region's edge as inside", () => {
    expect(findCoveringOrder([{ lng: 0.01, lat: 0 }], [region(3, 8, 0.01)])?.number).toBe(8);
  });

  it("picks the order holding most of the logins, then the lowest number", () => {
    const points = line(10, 0.001);
    expect(findCoveringOrder(points, [region(1, 9, 0.0095), region(2, 4, 0.02)])?.number).toBe(4);
    expect(findCoveringOrder(points, [region(1, 9, 0.02), region(2, 4, 0.02)])?.number).toBe(4);
  });

  it("says nothing for no logins or no regions", () => {
    expect(findCoveringOrder([], [region(1, 1, 1)])).toBeNull();
    expect(findCoveringOrder(line(3, 0.001), [])).toBeNull();
  });
});
