import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { POST as createRegion, GET as listRegions } from "@/app/api/v1/regions/route";
import { GET as listLogins } from "@/app/api/v1/logins/route";
import { GET as listOrders } from "@/app/api/v1/service-orders/route";
import { GET as getOrder } from "@/app/api/v1/service-orders/[id]/route";
import { MAX_JSON_BYTES } from "@/lib/http/read-json";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";
import { CENTER, countOrderRows, createMaintenanceSubject, feature, squareFeature, squareRing, validBody } from "./fixtures";

let admin: { cookie: string; user: { id: number } };
let maintenanceSubjectId: number;

beforeAll(async () => {
  const s = await createMaintenanceSubject("Manutenção em massa");
  maintenanceSubjectId = s.id;
  admin = await loginAs("ADMIN");
});

describe("POST /api/v1/regions", () => {
  it("stores region, order, first event, audit entry and a GeoVersion bump together", async () => {
    const before = await countOrderRows();
    const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ planned: true, announcedAt: new Date().toISOString() }) });
    expect(res.status).toBe(201);
    expect(res.body.order).toMatchObject({ status: "ABERTA", subjectId: maintenanceSubjectId, subjectName: "Manutenção em massa" });
    expect(res.body.region.vertexCount).toBe(4);
    expect(res.body.region.areaM2).toBeGreaterThan(240_000);
    expect(res.body.region.areaM2).toBeLessThan(260_000);
    const after = await countOrderRows();
    expect(after).toEqual({
      orders: before.orders + 1, regions: before.regions + 1, events: before.events + 1,
      audits: before.audits + 1, geoVersion: before.geoVersion + 1n,
    });
    const order = await db.serviceOrder.findUniqueOrThrow({ where: { id: res.body.order.id }, include: { region: true, events: true } });
    expect(order.openedById).toBe(admin.user.id);
    expect(order.planned).toBe(true);
    expect(order.announcedAt).not.toBeNull();
    expect(order.responsible).toBe("Equipe NOC");
    expect(order.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "ABERTA", userId: admin.user.id })]);
    // The icon point lies inside the square.
    expect(order.region!.iconLng).toBeGreaterThan(order.region!.minLng);
    expect(order.region!.iconLat).toBeLessThan(order.region!.maxLat);
  });

  it("accepts an explicit subject and refuses an unknown one naming the field", async () => {
    const other = await db.subject.create({ data: { name: "Rompimento de fibra (teste)", isMaintenance: true } });
    const ok = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ subjectId: other.id, region: squareFeature(-47.2, -22.95) }) });
    expect(ok.status).toBe(201);
    expect(ok.body.order.subjectId).toBe(other.id);
    const before = await countOrderRows();
    const bad = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ subjectId: 999_999 }) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("subjectId");
    expect(await countOrderRows()).toEqual(before);
  });

  const [x, y] = CENTER;
  const bowtie = [[x, y], [x + 0.01, y + 0.01], [x + 0.01, y], [x, y + 0.01], [x, y]];
  const manyVertices = Array.from({ length: 5_001 }, (_, i) => {
    const a = (i / 5_001) * 2 * Math.PI;
    return [x + 0.01 * Math.cos(a), y + 0.01 * Math.sin(a)];
  });
  manyVertices.push(manyVertices[0]!);
  const huge = squareRing(-48, -23.5, 40_000); // 1,600 km², above the default 500 km²

  it.each([
    { label: "a bowtie (self-intersection)", region: feature(bowtie), message: /cruz|intersec|auto/i },
    { label: "fewer than 3 distinct vertices", region: feature([[x, y], [x + 0.01, y], [x, y], [x + 0.01, y], [x, y]]), message: /vértice/i },
    { label: "an open ring", region: feature([[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01]]), message: /fechad|anel/i },
    { label: "a latitude out of range", region: feature([[x, y], [x + 0.01, 95], [x, y + 0.01], [x, y]]), message: /latitude|faixa|interval/i },
    { label: "more than 5,000 vertices", region: feature(manyVertices), message: /5\.?000/ },
    { label: "zero area (collinear points)", region: feature([[x, y], [x + 0.01, y], [x + 0.02, y], [x, y]]), message: /área|colinear/i },
    { label: "an area above the configured maximum", region: feature(huge), message: /km²|área/i },
    { label: "a MultiPolygon instead of a Polygon", region: { type: "Feature", geometry: { type: "MultiPolygon", coordinates: [[squareRing(x, y, 100)]] } }, message: /Polygon/ },
    { label: "a bare geometry instead of a Feature", region: { type: "Polygon", coordinates: [squareRing(x, y, 100)] }, message: /Feature/ },
  ])("refuses $label with 400 in Portuguese and stores nothing", async ({ region, message }) => {
    const before = await countOrderRows();
    const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region }) });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(res.body.error.message).toMatch(message);
    expect(await countOrderRows()).toEqual(before);
  });

  it("refuses a missing description naming the field", async () => {
    const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ description: "" }) });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("description");
  });

  it("allows a region overlapping an open order but warns naming that order", async () => {
    const first = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-47.3, -22.7, 800), description: "Primeira região" }) });
    expect(first.status).toBe(201);
    const second = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-47.2985, -22.6985, 800), description: "Segunda região" }) });
    expect(second.status).toBe(201);
    expect(second.body.warnings).toEqual([
      expect.objectContaining({ code: "OVERLAP", orderId: first.body.order.id, number: first.body.order.number, message: expect.stringContaining(`OS ${first.body.order.number}`) }),
    ]);
    // Cancelled orders do not warn.
    await db.serviceOrder.update({ where: { id: first.body.order.id }, data: { status: "CANCELADA" } });
    const third = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-47.2995, -22.6995, 300), description: "Terceira" }) });
    expect(third.body.warnings.map((w: { orderId: number }) => w.orderId)).toEqual([second.body.order.id]);
  });

  it("answers 413 to an oversized body and stores nothing", async () => {
    const before = await countOrderRows();
    const res = await call(createRegion, "/api/v1/regions", {
      cookie: admin.cookie,
      rawBody: JSON.stringify({ ...validBody(), padding: "x".repeat(MAX_JSON_BYTES) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
    expect(await countOrderRows()).toEqual(before);
  });
});

describe("who may create and read", () => {
  it.each(["AGENT", "MANAGER"] as const)("refuses a %s with 403 and stores nothing", async (role) => {
    const { cookie } = await loginAs(role);
    const before = await countOrderRows();
    const res = await call(createRegion, "/api/v1/regions", { cookie, body: validBody() });
    expect(res.status).toBe(403);
    expect(await countOrderRows()).toEqual(before);
    expect((await call(listOrders, "/api/v1/service-orders", { cookie })).status).toBe(200);
    expect((await call(listRegions, "/api/v1/regions", { cookie })).status).toBe(200);
  });

  it("answers 401 without credentials", async () => {
    expect((await call(createRegion, "/api/v1/regions", { body: validBody() })).status).toBe(401);
    expect((await call(listOrders, "/api/v1/service-orders")).status).toBe(401);
    expect((await call(listLogins, "/api/v1/logins?bbox=-47.1,-22.95,-47,-22.85")).status).toBe(401);
  });

  it("lets an agent's Bearer token read but not write", async () => {
    const { token } = await createBearer("AGENT");
    expect((await call(listOrders, "/api/v1/service-orders", { token })).status).toBe(200);
    expect((await call(createRegion, "/api/v1/regions", { token, body: validBody() })).status).toBe(403);
  });
});

describe("GET /api/v1/regions, /api/v1/service-orders and /api/v1/logins", () => {
  it("lists regions per status layer", async () => {
    const res = await call(listRegions, "/api/v1/regions?status=ABERTA", { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.regions.length).toBeGreaterThan(0);
    expect(res.body.regions.every((r: { status: string }) => r.status === "ABERTA")).toBe(true);
    expect(res.body.regions[0]).toMatchObject({ geometry: { type: "Polygon" }, iconLng: expect.any(Number), subjectName: expect.any(String) });
    const bad = await call(listRegions, "/api/v1/regions?status=FECHADA", { cookie: admin.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/FECHADA/);
  });

  it("lists closed regions by bounding box: only those whose area meets the view (issue 16: not the newest 500)", async () => {
    const near = await createOrderAt(square(-40.0, -10.0, 0.01));
    const far = await createOrderAt(square(-40.5, -10.0, 0.01));
    await db.serviceOrder.updateMany({ where: { id: { in: [near.order.id, far.order.id] } }, data: { status: "CANCELADA", cancelledAt: new Date() } });
    const view = "-40.02,-10.02,-39.98,-9.98";
    const res = await call(listRegions, `/api/v1/regions?status=CANCELADA&bbox=${view}`, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    const ids = res.body.regions.map((r: { orderId: number }) => r.orderId);
    expect(ids).toContain(near.order.id);
    expect(ids).not.toContain(far.order.id);
    // A view touching only the corner of a region's box still shows it.
    const corner = await call(listRegions, "/api/v1/regions?status=CANCELADA&bbox=-40.5095,-10.0095,-40.5089,-10.0089", { cookie: admin.cookie });
    expect(corner.body.regions.map((r: { orderId: number }) => r.orderId)).toEqual([far.order.id]);
    const bad = await call(listRegions, "/api/v1/regions?status=CANCELADA&bbox=1,2,3", { cookie: admin.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/bbox/);
  });

  it("filters, searches and pages the orders", async () => {
    const created = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-46.9, -22.8, 200), description: "Poste derrubado na Rua Pesquisável" }) });
    const n = created.body.order.number;
    const byText = await call(listOrders, "/api/v1/service-orders?q=pesquisável", { cookie: admin.cookie });
    expect(byText.body.orders.map((o: { number: number }) => o.number)).toEqual([n]);
    const byNumber = await call(listOrders, `/api/v1/service-orders?q=OS ${n}`, { cookie: admin.cookie });
    expect(byNumber.body.orders.map((o: { number: number }) => o.number)).toContain(n);
    const page = await call(listOrders, "/api/v1/service-orders?pageSize=2&page=1&status=ABERTA", { cookie: admin.cookie });
    expect(page.body.orders).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(page.body.orders[0]).toEqual(expect.objectContaining({ subject: expect.objectContaining({ name: expect.any(String) }) }));
    const future = await call(listOrders, "/api/v1/service-orders?from=2999-01-01", { cookie: admin.cookie });
    expect(future.body.total).toBe(0);
    const today = new Date().toLocaleDateString("en-CA", { timeZone: "America/Sao_Paulo" });
    const todays = await call(listOrders, `/api/v1/service-orders?from=${today}&to=${today}`, { cookie: admin.cookie });
    expect(todays.body.total).toBeGreaterThan(0);
    const bad = await call(listOrders, "/api/v1/service-orders?pageSize=1000", { cookie: admin.cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("pageSize");
  });

  it("answers one order with its history and the logins inside it now", async () => {
    // Two logins inside (one located by its customer), one outside.
    const [lng, lat] = [-47.5, -22.5];
    await createCustomer({ lng: lng + 0.001, lat: lat + 0.001, login: { lat: lat + 0.001, lng: lng + 0.001 } });
    await createCustomer({ lng: lng + 0.002, lat: lat + 0.002, login: { lat: null, lng: null } });
    await createCustomer({ lng: lng - 0.01, lat: lat - 0.01, login: { lat: lat - 0.01, lng: lng - 0.01 } });
    const created = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(lng, lat, 1_000) }) });
    const { cookie } = await loginAs("MANAGER");
    const res = await call(getOrder, `/api/v1/service-orders/${created.body.order.id}`, { cookie, params: { id: String(created.body.order.id) } });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ number: created.body.order.number, status: "ABERTA", loginsAffected: 2 });
    expect(res.body.order.events).toEqual([expect.objectContaining({ toStatus: "ABERTA", by: expect.stringContaining("ADMIN") })]);
    expect((await call(getOrder, "/api/v1/service-orders/999999", { cookie, params: { id: "999999" } })).status).toBe(404);
    expect((await call(getOrder, "/api/v1/service-orders/abc", { cookie, params: { id: "abc" } })).status).toBe(400);
  });

  it("answers the logins of a bounding box only, with the customer's location as fallback", async () => {
    const [lng, lat] = [-46.5, -22.1];
    const own = await createCustomer({ lng: lng + 0.01, lat: lat + 0.01, login: { lat: lat + 0.001, lng: lng + 0.001, online: false } });
    const fallback = await createCustomer({ lng: lng + 0.002, lat: lat + 0.002, login: { lat: null, lng: null, online: true } });
    const outside = await createCustomer({ lng: lng + 1, lat: lat + 1, login: { lat: lat + 1, lng: lng + 1 } });
    const res = await call(listLogins, `/api/v1/logins?bbox=${lng},${lat},${lng + 0.005},${lat + 0.005}&zoom=19`, { cookie: admin.cookie });
    expect(res.status).toBe(200);
    expect(res.body.clusters).toEqual([]);
    const ids = res.body.logins.map((l: { id: number }) => l.id).sort();
    expect(ids).toEqual([own.login!.id, fallback.login!.id].sort());
    expect(ids).not.toContain(outside.login!.id);
    const marker = res.body.logins.find((l: { id: number }) => l.id === fallback.login!.id);
    expect(marker.online).toBe(true);
    expect(marker.lat).toBeCloseTo(lat + 0.002, 9);
    expect(marker.lng).toBeCloseTo(lng + 0.002, 9);
    for (const bbox of ["1,2,3", "-47,-22,-48,-21", "-200,-22,-46,-21", "a,b,c,d"]) {
      const bad = await call(listLogins, `/api/v1/logins?bbox=${bbox}&zoom=19`, { cookie: admin.cookie });
      expect(bad.status, bbox).toBe(400);
    }
    expect((await call(listLogins, "/api/v1/logins?zoom=19", { cookie: admin.cookie })).status).toBe(400);
  });
});
