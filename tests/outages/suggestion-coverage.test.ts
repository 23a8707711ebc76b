// Issue 18 items 2 and 3: a suggestion covered by an open or running order is handled (no second order
// from it), and its counts say what they are and agree with the order form's "logins dentro".
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getSuggestions } from "@/app/api/v1/outages/suggestions/route";
import { POST as postRegion } from "@/app/api/v1/regions/route";
import { preparePolygon } from "@/lib/geo/prepared-polygon";
import { generateOutageScenario } from "@/tests/support/generate-outage-scenario";
import type { PolygonGeometry } from "@/lib/geo/types";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createOrderAt, ensureMaintenanceSubject, square } from "../helpers/orders";
import { seedDetectionLogins } from "./seed-logins";

const SUGGESTIONS = "/api/v1/outages/suggestions";
const scenario = generateOutageScenario({
  logins: 2_500, citySideM: 2_500, outage: { eastM: -400, northM: 200, radiusM: 200 },
  noiseShare: 0.02, staleShare: 0.05, now: new Date(), windowMinutes: 20, seed: 18,
});
let admin: string;

interface Suggestion {
  polygon: PolygonGeometry;
  offlineCount: number;
  totalInArea: number;
  loginsInArea: number;
  offlineBeforeCount: number;
  offlineLoginIds: number[];
  coveredBy: { orderId: number; number: number; status: string } | null;
}

async function theSuggestion(): Promise<Suggestion> {
  const res = await call(getSuggestions, SUGGESTIONS, { cookie: admin });
  expect(res.status).toBe(200);
  expect(res.body.suggestions).toHaveLength(1);
  return res.body.suggestions[0];
}

function regionFrom(s: Suggestion, subjectId: number, withSuggestion = true) {
  return {
    subjectId,
    description: "Queda no bairro (sugestão)",
    region: { type: "Feature", properties: {}, geometry: s.polygon },
    ...(withSuggestion ? { fromSuggestion: { offlineLoginIds: s.offlineLoginIds } } : {}),
  };
}

const orderCount = () => db.serviceOrder.count();

beforeAll(async () => {
  await seedDetectionLogins(scenario.logins);
  admin = (await loginAs("ADMIN")).cookie;
});

describe("outage suggestion counts", () => {
  it("counts every login located in the area, and the ones already offline before the window apart", async () => {
    const s = await theSuggestion();
    const prepared = preparePolygon(s.polygon);
    const inside = scenario.logins.filter((l) => prepared.contains(l.lng, l.lat));
    const windowStart = Date.now() - 20 * 60_000 - 60_000;
    const before = inside.filter((l) => !l.online && (l.statusChangedAt?.getTime() ?? 0) < windowStart);
    expect(s.loginsInArea).toBe(inside.length);
    expect(s.offlineBeforeCount).toBe(before.length);
    expect(s.offlineBeforeCount).toBeGreaterThan(0); // the scenario's stale logins: counted apart, not in the share
    expect(s.loginsInArea).toBe(s.totalInArea + s.offlineBeforeCount);
    expect(s.offlineCount).toBeLessThanOrEqual(s.totalInArea);
  });
});

describe("a suggestion covered by an open or running order", () => {
  it("is handled: the suggestion names the covering order and a second order from it is refused with 409", async () => {
    const subject = await ensureMaintenanceSubject();
    const s = await theSuggestion();
    expect(s.coveredBy).toBeNull();

    const first = await call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(s, subject.id) });
    expect(first.status, first.text).toBe(201);
    const covered = await theSuggestion();
    expect(covered.coveredBy).toEqual(expect.objectContaining({ orderId: first.body.order.id, number: first.body.order.number, status: "ABERTA" }));

    const before = await orderCount();
    const again = await call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(covered, subject.id) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
    expect(again.body.error.message).toContain(`OS ${first.body.order.number}`);
    expect(again.body.error.details).toEqual(expect.objectContaining({ code: "SUGGESTION_COVERED", number: first.body.order.number }));
    expect(await orderCount()).toBe(before);

    // While it runs the logins inside are the work itself: no suggestion at all (issue 15: detection respects
    // running work); a second order from the old suggestion is still refused, and a hand-drawn region over the
    // same area stays possible (a warning only).
    await db.serviceOrder.update({ where: { id: first.body.order.id }, data: { status: "EM_EXECUCAO" } });
    expect((await call(getSuggestions, SUGGESTIONS, { cookie: admin })).body.suggestions).toEqual([]);
    expect((await call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(covered, subject.id) })).status).toBe(409);
    const byHand = await call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(covered, subject.id, false) });
    expect(byHand.status).toBe(201);
    expect(byHand.body.warnings.map((w: { number: number }) => w.number)).toContain(first.body.order.number);

    // Once the orders are closed the outage is unhandled again: "Criar região" works.
    await db.serviceOrder.updateMany({ where: { id: { in: [first.body.order.id, byHand.body.order.id] } }, data: { status: "CANCELADA" } });
    const open = await theSuggestion();
    expect(open.coveredBy).toBeNull();
    const later = await call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(open, subject.id) });
    expect(later.status).toBe(201);
    await db.serviceOrder.update({ where: { id: later.body.order.id }, data: { status: "CANCELADA" } });
  });

  it("planned work about to start raises no suggestion; planned work days ahead does not hide the outage", async () => {
    const s = await theSuggestion();
    const later = await createOrderAt(s.polygon.coordinates[0]!);
    await db.serviceOrder.update({ where: { id: later.order.id }, data: { scheduledStartAt: new Date(Date.now() + 3 * 86_400_000), planned: true } });
    expect((await theSuggestion()).offlineCount).toBe(s.offlineCount);
    await db.serviceOrder.update({ where: { id: later.order.id }, data: { scheduledStartAt: new Date(Date.now() + 10 * 60_000) } });
    expect((await call(getSuggestions, SUGGESTIONS, { cookie: admin })).body.suggestions).toEqual([]);
    await db.serviceOrder.update({ where: { id: later.order.id }, data: { status: "CANCELADA" } });
    expect((await theSuggestion()).offlineCount).toBe(s.offlineCount);
  });

  it("a region covering only a corner of the outage does not cover it", async () => {
    const s = await theSuggestion();
    const ring = s.polygon.coordinates[0]!;
    const [lng, lat] = ring[0]!;
    const { order } = await createOrderAt(square(lng!, lat!, 0.0005));
    expect((await theSuggestion()).coveredBy).toBeNull();
    await db.serviceOrder.update({ where: { id: order.id }, data: { status: "CANCELADA" } });
  });

  it("two admins clicking Criar região at once get one order and one 409", async () => {
    const subject = await ensureMaintenanceSubject();
    const s = await theSuggestion();
    const before = await orderCount();
    const results = await Promise.all([0, 1].map(() => call(postRegion, "/api/v1/regions", { cookie: admin, body: regionFrom(s, subject.id) })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await orderCount()).toBe(before + 1);
  });

  it("refuses a malformed suggestion reference with a Portuguese message naming the field", async () => {
    const subject = await ensureMaintenanceSubject();
    const s = await theSuggestion();
    const body = { ...regionFrom(s, subject.id), fromSuggestion: { offlineLoginIds: [] } };
    const res = await call(postRegion, "/api/v1/regions", { cookie: admin, body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("fromSuggestion.offlineLoginIds");
    expect(res.body.error.message).toContain("a sugestão não tem logins offline");
  });
});
