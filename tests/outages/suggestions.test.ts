import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/outages/suggestions/route";
import { preparePolygon } from "@/lib/geo/prepared-polygon";
import { generateOutageScenario } from "@/tests/support/generate-outage-scenario";
import type { PolygonGeometry } from "@/lib/geo/types";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createOrderAt } from "../helpers/orders";
import { seedDetectionLogins } from "./seed-logins";

const PATH = "/api/v1/outages/suggestions";
// Recent enough for the default 30-minute window whatever the test's own duration.
const scenario = generateOutageScenario({
  logins: 2_500, citySideM: 2_500, outage: { eastM: 400, northM: 300, radiusM: 200 },
  noiseShare: 0.02, staleShare: 0.02, now: new Date(), windowMinutes: 20, seed: 11,
});
let cookie: string;
let dbIdOf: Map<number, number>;

beforeAll(async () => {
  dbIdOf = await seedDetectionLogins(scenario.logins);
  cookie = (await loginAs("AGENT")).cookie;
});

describe("GET /api/v1/outages/suggestions", () => {
  it("proposes one region covering the offline neighbourhood and nothing for the noise", async () => {
    const res = await call(GET, PATH, { cookie });
    expect(res.status).toBe(200);
    expect(res.body.suggestions).toHaveLength(1);
    const s = res.body.suggestions[0];
    const prepared = preparePolygon(s.polygon as PolygonGeometry);
    for (const l of scenario.logins) if (scenario.outageIds.has(l.id)) expect(prepared.contains(l.lng, l.lat)).toBe(true);
    const outageDbIds = [...scenario.outageIds].map((id) => dbIdOf.get(id));
    expect(s.offlineLoginIds).toEqual(expect.arrayContaining(outageDbIds));
    expect(s.offlineShare).toBeGreaterThan(0.5);
    expect(new Date(s.firstOfflineAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(s.overlaps).toEqual([]);
  });

  it("says which open order the suggestion overlaps", async () => {
    const first = (await call(GET, PATH, { cookie })).body.suggestions[0];
    const ring = (first.polygon as PolygonGeometry).coordinates[0]!;
    const { order } = await createOrderAt(ring.map((p) => [p[0]!, p[1]!]));
    const res = await call(GET, PATH, { cookie });
    expect(res.body.suggestions[0].overlaps).toEqual([expect.objectContaining({ orderId: order.id, number: order.number })]);
    await db.serviceOrder.update({ where: { id: order.id }, data: { status: "CANCELADA" } });
    expect((await call(GET, PATH, { cookie })).body.suggestions[0].overlaps).toEqual([]);
  });

  it("follows the settings: a higher share threshold drops the suggestion", async () => {
    await db.setting.upsert({ where: { key: "app" }, create: { key: "app", value: { outageMinSharePercent: 100 } }, update: { value: { outageMinSharePercent: 100 } } });
    expect((await call(GET, PATH, { cookie })).body.suggestions).toEqual([]);
    await db.setting.delete({ where: { key: "app" } });
  });

  it("refuses an anonymous caller", async () => {
    expect((await call(GET, PATH)).status).toBe(401);
  });
});
