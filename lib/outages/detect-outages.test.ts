import { describe, expect, it } from "vitest";
import { preparePolygon } from "../geo/prepared-polygon";
import { CAMPINAS } from "@/tests/support/test-shapes";
import { validatePolygon } from "../geo/validate-polygon";
import { detectOutages, type DetectionLogin } from "./detect-outages";
import { generateOutageScenario } from "@/tests/support/generate-outage-scenario";

const NOW = new Date("2026-11-23T15:00:00Z");
const WINDOW = 30;
const OUTAGE = { eastM: 700, northM: -400, radiusM: 250 };
const [LNG0, LAT0] = CAMPINAS;

function metresFromOutageCentre(l: DetectionLogin): number {
  const x = (l.lng - LNG0) * 111_320 * Math.cos((LAT0 * Math.PI) / 180) - OUTAGE.eastM;
  const y = (l.lat - LAT0) * 111_320 - OUTAGE.northM;
  return Math.hypot(x, y);
}

function scenario(seed: number, overrides: Partial<Parameters<typeof generateOutageScenario>[0]> = {}) {
  return generateOutageScenario({
    logins: 6_000, citySideM: 4_000, outage: OUTAGE,
    noiseShare: 0.02, staleShare: 0.03, now: NOW, windowMinutes: WINDOW, seed, ...overrides,
  });
}

describe("detectOutages", () => {
  it.each([
    { label: "seed 1", seed: 1 },
    { label: "seed 2", seed: 2 },
    { label: "seed 3", seed: 3 },
  ])("finds the offline neighbourhood among thousands of online logins and ignores the noise ($label)", ({ seed }) => {
    const { logins, outageIds, noiseIds } = scenario(seed);
    const found = detectOutages(logins, NOW, { windowMinutes: WINDOW });
    expect(found).toHaveLength(1);
    const s = found[0]!;
    const prepared = preparePolygon(s.polygon);
    for (const l of logins) if (outageIds.has(l.id)) expect(prepared.contains(l.lng, l.lat)).toBe(true);
    // No noise login beyond the outage's edge plus two DBSCAN hops (a noise core point next to the
    // outage, then its border point) and the margin is swept in.
    const byId = new Map(logins.map((l) => [l.id, l]));
    for (const id of s.offlineLoginIds.filter((i) => noiseIds.has(i))) {
      expect(metresFromOutageCentre(byId.get(id)!)).toBeLessThan(OUTAGE.radiusM + 2 * 150 + 60);
    }
    expect(s.offlineCount).toBeGreaterThanOrEqual(outageIds.size);
    expect(s.offlineShare).toBeGreaterThan(0.5);
    expect(s.offlineShare).toBeCloseTo(s.offlineCount / s.totalInArea, 10);
    expect(validatePolygon(s.polygon).ok).toBe(true);
    const outageTimes = logins.filter((l) => outageIds.has(l.id)).map((l) => l.statusChangedAt!.getTime());
    expect(s.firstOfflineAt.getTime()).toBeLessThanOrEqual(Math.min(...outageTimes));
  });

  it("suggests nothing for scattered noise alone", () => {
    const { logins } = scenario(4, { outage: null, noiseShare: 0.03 });
    expect(detectOutages(logins, NOW, { windowMinutes: WINDOW })).toEqual([]);
  });

  it("ignores logins that went offline before the window", () => {
    const { logins, outageIds, noiseIds } = scenario(5);
    const moved = (id: number) => outageIds.has(id) || noiseIds.has(id);
    const older = logins.map((l): DetectionLogin => (moved(l.id) ? { ...l, statusChangedAt: new Date(NOW.getTime() - 2 * 3_600_000) } : l));
    expect(detectOutages(older, NOW, { windowMinutes: WINDOW })).toEqual([]);
    // The same data with a wider window finds the outage again.
    expect(detectOutages(older, NOW, { windowMinutes: 180 })).toHaveLength(1);
  });

  it("refuses a dense area where only a minority is offline", () => {
    // 40 logins on a 10 m grid, 10 of them offline (25%): a DBSCAN cluster, but not an outage.
    const logins: DetectionLogin[] = [];
    for (let i = 0; i < 40; i++) {
      const offline = i % 4 === 0;
      logins.push({
        id: i + 1, lng: -47.06 + (i % 8) * 0.0001, lat: -22.9 + Math.floor(i / 8) * 0.0001, online: !offline,
        statusChangedAt: new Date(NOW.getTime() - (offline ? 60_000 : 86_400_000)),
      });
    }
    expect(detectOutages(logins, NOW, { windowMinutes: WINDOW, minOffline: 5 })).toEqual([]);
    expect(detectOutages(logins, NOW, { windowMinutes: WINDOW, minOffline: 5, minShare: 0.2 })).toHaveLength(1);
  });

  it.each([
    { label: "convex", hull: "convex" as const },
    { label: "concave", hull: "concave" as const },
  ])("keeps every outage login inside a $label hull with the margin", ({ hull }) => {
    const { logins, outageIds } = scenario(6);
    const [s] = detectOutages(logins, NOW, { windowMinutes: WINDOW, hull, marginM: 60 });
    expect(s).toBeDefined();
    const prepared = preparePolygon(s!.polygon);
    for (const l of logins) if (outageIds.has(l.id)) expect(prepared.contains(l.lng, l.lat)).toBe(true);
  });

  it("does not mutate its input", () => {
    const { logins } = scenario(7);
    const copy = structuredClone(logins);
    detectOutages(logins, NOW, { windowMinutes: WINDOW });
    expect(logins).toEqual(copy);
  });

  it("names a bad parameter", () => {
    expect(() => detectOutages([], NOW, { windowMinutes: WINDOW, minShare: 2 })).toThrow(/minShare = 2/);
  });
});
