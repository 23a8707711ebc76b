import { describe, expect, it } from "vitest";
import { buildTopologyIndex, type PlantArrays } from "./topology-index";
import { rankRootCauses } from "./rank-root-causes";

// One OLT (id 1) with PONs 10 and 11; PON 10 feeds CTOs 100..102, PON 11 feeds CTOs 110..111.
// CTO c holds logins c*10+1 .. c*10+8 (8 each). Login 9999 is a radio login (no CTO).
function plant(): PlantArrays {
  const ctos = [100, 101, 102, 110, 111];
  const loginIds: number[] = [];
  const loginCtos: number[] = [];
  for (const c of ctos) for (let k = 1; k <= 8; k++) (loginIds.push(c * 10 + k), loginCtos.push(c));
  return {
    olts: { ids: Int32Array.of(1), names: ["OLT Centro"], lats: Float64Array.of(-22.9), lngs: Float64Array.of(-47.06) },
    pons: { ids: Int32Array.of(10, 11), oltIds: Int32Array.of(1, 1), labels: ["0/1", "0/2"] },
    ctos: {
      ids: Int32Array.from(ctos), ponIds: Int32Array.of(10, 10, 10, 11, 11), capacities: new Int32Array(5).fill(16),
      lats: Float64Array.of(-22.9, -22.901, -22.902, -22.91, -22.911), lngs: Float64Array.of(-47, -47.001, -47.002, -47.01, -47.011),
      names: ctos.map((c) => `CTO ${c}`),
    },
    logins: { ids: Int32Array.from(loginIds), ctoIds: Int32Array.from(loginCtos) },
  };
}

const T0 = Date.UTC(2026, 10, 30, 10, 0);
const drop = (ids: number[], offlineBefore: number[] = []) => ({
  dropIds: Int32Array.from(ids), dropAtMs: Float64Array.from(ids, (_, i) => T0 + i * 1000), offlineBeforeIds: Int32Array.from(offlineBefore),
});
const loginsOf = (cto: number, n = 8) => Array.from({ length: n }, (_, k) => cto * 10 + k + 1);

describe("rankRootCauses", () => {
  const index = buildTopologyIndex(plant());

  it("gives an element's logins: a CTO's, a PON's (its CTOs') and an OLT's", () => {
    expect(Array.from(index.loginsOf("CTO", 101))).toEqual(loginsOf(101));
    expect(index.loginsOf("PON", 11).length).toBe(16);
    expect(index.loginsOf("OLT", 1).length).toBe(40);
    expect(index.loginsOf("CTO", 555).length).toBe(0);
  });

  it("points at the CTO when most of its logins dropped together", () => {
    const ranked = rankRootCauses(index, drop([...loginsOf(101, 6), 9999, 1001]));
    expect(ranked.map((r) => [r.kind, r.id, r.offlineCount, r.baseCount])).toEqual([["CTO", 101, 6, 8]]);
    expect(ranked[0]).toMatchObject({ name: "CTO 101", lat: -22.901, lng: -47.001, firstOfflineAt: T0 });
  });

  it("does not blame a CTO when only a few of its logins dropped, or a single login", () => {
    expect(rankRootCauses(index, drop([...loginsOf(101, 4), 1021]))).toEqual([]);
  });

  it("leaves logins offline since before the window out of the base", () => {
    // 4 of 8 dropped, 3 others were already offline: 4 of a base of 5 → suspect.
    expect(rankRootCauses(index, drop(loginsOf(101, 4), [1015, 1016, 1017])).map((r) => [r.kind, r.id, r.baseCount])).toEqual([["CTO", 101, 5]]);
  });

  it("climbs to the PON when most of its CTOs are down, absorbing them", () => {
    const ranked = rankRootCauses(index, drop([...loginsOf(100), ...loginsOf(101, 7), 1021]));
    expect(ranked.map((r) => [r.kind, r.id, r.offlineCount, r.suspectChildren, r.activeChildren])).toEqual([["PON", 10, 16, 2, 3]]);
    expect(ranked[0]!.name).toBe("OLT Centro PON 0/1");
  });

  it("climbs to the OLT when most of its PONs are down", () => {
    const ranked = rankRootCauses(index, drop([...loginsOf(100), ...loginsOf(101), ...loginsOf(110), ...loginsOf(111)]));
    expect(ranked.map((r) => [r.kind, r.id, r.offlineCount, r.loginCount])).toEqual([["OLT", 1, 32, 40]]);
  });

  it("ranks separate failures by logins dropped", () => {
    const ranked = rankRootCauses(index, drop([...loginsOf(102, 5), ...loginsOf(110, 8)]));
    expect(ranked.map((r) => [r.kind, r.id])).toEqual([["CTO", 110], ["CTO", 102]]);
  });
});
