import { describe, expect, it } from "vitest";
import { excludeLoginsInWork } from "./exclude-logins-in-work";
import type { CandidateRegion } from "./find-covering-order";

const region: CandidateRegion = {
  orderId: 1, number: 7, status: "EM_EXECUCAO",
  geometry: { type: "Polygon", coordinates: [[[-47, -23], [-46.9, -23], [-46.9, -22.9], [-47, -22.9], [-47, -23]]] },
  bbox: [-47, -23, -46.9, -22.9],
};

describe("excludeLoginsInWork", () => {
  it("leaves out the logins inside a work region and keeps the others, without mutating the input", () => {
    const logins = [{ id: 1, lng: -46.95, lat: -22.95 }, { id: 2, lng: -46.5, lat: -22.95 }, { id: 3, lng: -46.95, lat: -22.5 }];
    const copy = structuredClone(logins);
    expect(excludeLoginsInWork(logins, [region]).map((l) => l.id)).toEqual([2, 3]);
    expect(logins).toEqual(copy);
  });

  it("keeps everything when no work is underway", () => {
    expect(excludeLoginsInWork([{ lng: -46.95, lat: -22.95 }], [])).toHaveLength(1);
  });
});
