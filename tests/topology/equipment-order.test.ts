// "Criar OS para este equipamento": an order whose affected logins are exactly a CTO's / PON's logins — not the
// logins that merely lie inside its outline — through the same life cycle as a drawn region (live list, frozen
// list at finalize, discounts), plus the element lists, the CTO layer and the root-cause suggestions.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createEquipmentOrder } from "@/app/api/v1/topology/orders/route";
import { GET as rootCauses } from "@/app/api/v1/topology/root-causes/route";
import { GET as elementLogins } from "@/app/api/v1/topology/elements/[kind]/[id]/logins/route";
import { GET as ctoLayer } from "@/app/api/v1/topology/ctos/route";
import { GET as affectedLogins } from "@/app/api/v1/service-orders/[id]/affected-logins/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { POST as finalize } from "@/app/api/v1/service-orders/[id]/finalize/route";
import { db } from "@/lib/db";
import { findExecutingOrdersAt } from "@/lib/maintenance/executing-regions";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createMaintenanceSubject } from "../orders/fixtures";

let cookie: string;
const plant = { ctoA: 0, ctoB: 0, pon: 0 };
const loginsA: { id: number; username: string; contractId: number }[] = [];
let loginB = 0;
let outsider = 0;

beforeAll(async () => {
  await createMaintenanceSubject();
  cookie = (await loginAs("ADMIN")).cookie;
  const olt = await db.olt.create({ data: { externalId: "T-OLT", name: "OLT Teste" } });
  const pon = await db.ponPort.create({ data: { externalId: "T-PON", oltId: olt.id, label: "0/1/1" } });
  const a = await db.cto.create({ data: { externalId: "T-CTO-A", name: "CTO Alfa", lat: -22.91, lng: -47.01, capacity: 8, ponId: pon.id } });
  const b = await db.cto.create({ data: { externalId: "T-CTO-B", name: "CTO Beta", lat: -22.9, lng: -47.1, capacity: 8, ponId: pon.id } });
  Object.assign(plant, { ctoA: a.id, ctoB: b.id, pon: pon.id });
  // CTO Alfa's three logins make a triangle ~2 km wide; a radio customer lives in its middle.
  const pointsA: [number, number][] = [[-47.0, -22.9], [-47.02, -22.92], [-47.0, -22.92]];
  for (const [k, [lng, lat]] of pointsA.entries()) {
    const c = await createCustomer({ lng, lat, login: { ctoId: a.id, ctoPort: k + 1, technology: "FIBRA" } });
    loginsA.push({ id: c.login!.id, username: c.login!.username, contractId: c.contract.id });
  }
  loginB = (await createCustomer({ lng: -47.1, lat: -22.9, login: { ctoId: b.id, ctoPort: 1, technology: "FIBRA" } })).login!.id;
  outsider = (await createCustomer({ lng: -47.007, lat: -22.915, login: { technology: "RADIO" } })).login!.id;
});

const create = (body: unknown) => call(createEquipmentOrder, "/api/v1/topology/orders", { cookie, body });
const act = (handler: typeof execute, id: number, body?: unknown) =>
  call(handler, `/api/v1/service-orders/${id}/x`, { method: "POST", cookie, params: { id: String(id) }, ...(body === undefined ? {} : { body }) });
const affected = async (id: number) =>
  (await call(affectedLogins, `/api/v1/service-orders/${id}/affected-logins?pageSize=500`, { cookie, params: { id: String(id) } })).body;

describe("an order for a plant element", () => {
  it("affects exactly the CTO's logins through execute and finalize (frozen list, discounts), not its outline's", async () => {
    const res = await create({ element: { kind: "CTO", id: plant.ctoA }, description: "CTO Alfa sem sinal", expectedEndAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ equipment: { kind: "CTO", id: plant.ctoA, name: "CTO Alfa" }, loginCount: 3, order: { status: "ABERTA" } });
    const id = res.body.order.id as number;
    const live = await affected(id);
    expect(live.frozen).toBe(false);
    expect(live.rows.map((r: { loginId: number }) => r.loginId).sort()).toEqual(loginsA.map((l) => l.id).sort());
    // The outline (for display and point lookups) holds the radio customer, who is still not affected.
    const region = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
    expect(region.minLng).toBeLessThan(-47.007);
    expect(region.maxLng).toBeGreaterThan(-47.007);
    expect(live.rows.map((r: { loginId: number }) => r.loginId)).not.toContain(outsider);

    expect((await act(execute, id)).status).toBe(200);
    // The chatbot's point lookup finds the order at a member's installation.
    expect((await findExecutingOrdersAt(-47.02, -22.92)).map((h) => h.orderId)).toContain(id);
    const done = await act(finalize, id, { interruptionStart: new Date(Date.now() - 2 * 3_600_000).toISOString() });
    expect(done.status).toBe(200);
    expect(done.body.frozenLogins).toBe(3);
    const frozen = await db.affectedLogin.findMany({ where: { orderId: id }, select: { loginId: true } });
    expect(frozen.map((f) => f.loginId).sort()).toEqual(loginsA.map((l) => l.id).sort());
    const discounts = await db.discount.findMany({ where: { orderId: id }, select: { contractId: true } });
    expect(discounts.map((d) => d.contractId).sort()).toEqual(loginsA.map((l) => l.contractId).sort());
    // Moving a login to another CTO afterwards does not rewrite the finalized order's history.
    await db.login.update({ where: { id: loginsA[0]!.id }, data: { ctoId: plant.ctoB, ctoPort: 2 } });
    await db.$transaction((tx) => tx.$executeRaw`UPDATE "GeoVersion" SET version = version + 1 WHERE id = 2`);
    expect((await affected(id)).rows).toHaveLength(3);
    await db.login.update({ where: { id: loginsA[0]!.id }, data: { ctoId: plant.ctoA, ctoPort: 1 } });
    await db.$transaction((tx) => tx.$executeRaw`UPDATE "GeoVersion" SET version = version + 1 WHERE id = 2`);
  });

  it("affects every login of every CTO of a PON", async () => {
    const res = await create({ element: { kind: "PON", id: plant.pon }, description: "PON 0/1/1 rompida" });
    expect(res.status).toBe(201);
    expect(res.body.equipment.name).toBe("OLT Teste PON 0/1/1");
    const rows = (await affected(res.body.order.id)).rows.map((r: { loginId: number }) => r.loginId).sort();
    expect(rows).toEqual([...loginsA.map((l) => l.id), loginB].sort());
  });

  it.each([
    { label: "an unknown CTO", body: { element: { kind: "CTO", id: 999_999 }, description: "x y z" }, status: 404, field: undefined },
    { label: "an unknown kind", body: { element: { kind: "ONU", id: 1 }, description: "x y z" }, status: 400, field: "element.kind" },
    { label: "no description", body: { element: { kind: "CTO", id: 1 } }, status: 400, field: "description" },
  ])("refuses $label with a clear error and creates nothing", async ({ body, status, field }) => {
    const before = await db.serviceOrder.count();
    const res = await create(body);
    expect(res.status).toBe(status);
    if (field) expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/\S/);
    expect(await db.serviceOrder.count()).toBe(before);
  });
});

describe("the plant on the map", () => {
  it("lists an element's logins, and the CTO layer's occupancy and offline logins", async () => {
    await db.login.update({ where: { id: loginsA[1]!.id }, data: { online: false } });
    const list = await call(elementLogins, `/api/v1/topology/elements/cto/${plant.ctoA}/logins`, { cookie, params: { kind: "cto", id: String(plant.ctoA) } });
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ element: { kind: "CTO", name: "CTO Alfa", capacity: 8, loginCount: 3 }, total: 3, online: 2 });
    expect(list.body.rows.map((r: { ctoPort: number }) => r.ctoPort).sort()).toEqual([1, 2, 3]);
    const layer = await call(ctoLayer, "/api/v1/topology/ctos?bbox=-47.2,-23,-46.9,-22.8", { cookie });
    expect(layer.body.ctos.find((c: { id: number }) => c.id === plant.ctoA)).toMatchObject({ name: "CTO Alfa", capacity: 8, used: 3, offline: 1, ponLabel: "0/1/1", oltName: "OLT Teste" });
    const bad = await call(ctoLayer, "/api/v1/topology/ctos?bbox=1,2,3", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("bbox");
    await db.login.update({ where: { id: loginsA[1]!.id }, data: { online: true } });
  });

  it("suggests the CTO as the root cause when most of its logins dropped together", async () => {
    const now = new Date();
    await db.login.updateMany({ where: { id: { in: loginsA.map((l) => l.id) } }, data: { online: false, statusChangedAt: now } });
    const res = await call(rootCauses, "/api/v1/topology/root-causes", { cookie });
    expect(res.status).toBe(200);
    expect(res.body.rootCauses).toEqual([expect.objectContaining({ kind: "CTO", id: plant.ctoA, name: "CTO Alfa", offlineCount: 3, baseCount: 3 })]);
    await db.login.updateMany({ where: { id: { in: loginsA.map((l) => l.id) } }, data: { online: true } });
  });
});
