import { describe, expect, it, beforeAll } from "vitest";
import { db, type OrderStatus } from "@/lib/db";
import { POST as createRegion } from "@/app/api/v1/regions/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { POST as finalize } from "@/app/api/v1/service-orders/[id]/finalize/route";
import { POST as cancel } from "@/app/api/v1/service-orders/[id]/cancel/route";
import { PATCH as patchRegion } from "@/app/api/v1/service-orders/[id]/region/route";
import { MAX_JSON_BYTES } from "@/lib/http/read-json";
import { call } from "../helpers/http";
import { createBearer, loginAs } from "../helpers/factory";
import { createMaintenanceSubject, feature, squareFeature, validBody } from "./fixtures";

let admin: { cookie: string; user: { id: number } };
let offset = 0;

beforeAll(async () => {
  await createMaintenanceSubject();
  admin = await loginAs("ADMIN");
});

/** A fresh order (each in its own spot, so no overlap warnings pile up), moved to `status` through the API. */
async function orderIn(status: OrderStatus): Promise<{ id: number; number: number }> {
  offset += 0.02;
  const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-47.5 + offset, -23, 300) }) });
  expect(res.status).toBe(201);
  const o = { id: res.body.order.id as number, number: res.body.order.number as number };
  const path = [] as (typeof execute)[];
  if (status === "EM_EXECUCAO" || status === "FINALIZADA") path.push(execute);
  if (status === "FINALIZADA") path.push(finalize);
  if (status === "CANCELADA") path.push(cancel);
  for (const step of path) expect((await act(step, o.id)).status).toBe(200);
  return o;
}

function act(handler: typeof execute, id: number, cookie = admin.cookie, body?: unknown) {
  return call(handler, `/api/v1/service-orders/${id}/x`, { method: "POST", cookie, params: { id: String(id) }, ...(body === undefined ? {} : { body }) });
}

async function snapshot(id: number) {
  const [order, events, audits, geo] = await Promise.all([
    db.serviceOrder.findUniqueOrThrow({ where: { id } }),
    db.serviceOrderEvent.count({ where: { orderId: id } }),
    db.auditLog.count({ where: { entityType: "ServiceOrder", entityId: String(id) } }),
    db.geoVersion.findUniqueOrThrow({ where: { id: 1 } }),
  ]);
  return { order, events, audits, geoVersion: geo.version };
}

const ACTIONS = { execute, finalize, cancel } as const;

describe("allowed transitions", () => {
  it.each([
    { from: "ABERTA", action: "execute", to: "EM_EXECUCAO", stamp: "executedAt", by: "executedById" },
    { from: "ABERTA", action: "cancel", to: "CANCELADA", stamp: "cancelledAt", by: "cancelledById" },
    { from: "EM_EXECUCAO", action: "finalize", to: "FINALIZADA", stamp: "finalizedAt", by: "finalizedById" },
    { from: "EM_EXECUCAO", action: "cancel", to: "CANCELADA", stamp: "cancelledAt", by: "cancelledById" },
  ] as const)("$from --$action--> $to records who and when, the event, the audit and a GeoVersion bump", async ({ from, action, to, stamp, by }) => {
    const { id } = await orderIn(from);
    const before = await snapshot(id);
    const res = await act(ACTIONS[action], id, admin.cookie, { note: "teste" });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ id, fromStatus: from, status: to });
    const after = await snapshot(id);
    expect(after.order.status).toBe(to);
    expect(after.order[stamp]).toBeInstanceOf(Date);
    expect(after.order[by]).toBe(admin.user.id);
    expect(after.events).toBe(before.events + 1);
    // Finalizing also audits the applied discounts; every transition audits itself.
    expect(after.audits).toBeGreaterThanOrEqual(before.audits + 1);
    expect(await db.auditLog.count({ where: { entityType: "ServiceOrder", entityId: String(id), action: { startsWith: "order." } } })).toBeGreaterThan(0);
    expect(after.geoVersion).toBe(before.geoVersion + 1n);
    const last = await db.serviceOrderEvent.findFirstOrThrow({ where: { orderId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ fromStatus: from, toStatus: to, userId: admin.user.id, note: "teste" });
  });

  it("records the interruption: start on execute, end on finalize", async () => {
    const { id } = await orderIn("FINALIZADA");
    const o = await db.serviceOrder.findUniqueOrThrow({ where: { id } });
    expect(o.interruptionStart).toEqual(o.executedAt);
    expect(Math.abs(o.interruptionEnd!.getTime() - o.finalizedAt!.getTime())).toBeLessThan(5_000);
  });

  it("accepts a transition with no body at all", async () => {
    const { id } = await orderIn("ABERTA");
    const res = await call(execute, `/api/v1/service-orders/${id}/execute`, { method: "POST", cookie: admin.cookie, params: { id: String(id) } });
    expect(res.status).toBe(200);
  });
});

describe("refused transitions change nothing", () => {
  it.each([
    { from: "ABERTA", action: "finalize", label: "Aberta" },
    { from: "EM_EXECUCAO", action: "execute", label: "Em Execução" },
    { from: "FINALIZADA", action: "execute", label: "Finalizada" },
    { from: "FINALIZADA", action: "finalize", label: "Finalizada" },
    { from: "FINALIZADA", action: "cancel", label: "Finalizada" },
    { from: "CANCELADA", action: "execute", label: "Cancelada" },
    { from: "CANCELADA", action: "finalize", label: "Cancelada" },
    { from: "CANCELADA", action: "cancel", label: "Cancelada" },
  ] as const)("$from --$action--> 409 naming the status $label", async ({ from, action, label }) => {
    const { id, number } = await orderIn(from);
    const before = await snapshot(id);
    const res = await act(ACTIONS[action], id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("INVALID_TRANSITION");
    expect(res.body.error.message).toContain(`A OS ${number} está ${label}`);
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers 404 for an unknown order and 400 for a malformed id", async () => {
    expect((await act(execute, 999_999)).status).toBe(404);
    const bad = await call(execute, "/api/v1/service-orders/x/execute", { method: "POST", cookie: admin.cookie, params: { id: "x" } });
    expect(bad.status).toBe(400);
  });
});

describe("races", () => {
  it("two admins clicking Executar at once: exactly one 200 and one 409, one event", async () => {
    const { id } = await orderIn("ABERTA");
    const other = await loginAs("ADMIN");
    const before = await snapshot(id);
    const results = await Promise.all([act(execute, id, admin.cookie), act(execute, id, other.cookie)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body.error.message).toMatch(/está Em Execução/);
    const after = await snapshot(id);
    expect(after.order.status).toBe("EM_EXECUCAO");
    expect(after.events).toBe(before.events + 1);
    expect(after.audits).toBe(before.audits + 1);
    expect(after.geoVersion).toBe(before.geoVersion + 1n);
  });

  it("finalize and cancel at once on an executing order: exactly one wins", async () => {
    const { id } = await orderIn("EM_EXECUCAO");
    const before = await snapshot(id);
    const results = await Promise.all([act(finalize, id), act(cancel, id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await snapshot(id);
    expect(["FINALIZADA", "CANCELADA"]).toContain(after.order.status);
    expect(after.events).toBe(before.events + 1);
  });
});

describe("editing the region", () => {
  const moved = () => squareFeature(-47.9, -23.4, 450);

  it("replaces the polygon of an Aberta order, re-validated, with audit and GeoVersion bump", async () => {
    const { id } = await orderIn("ABERTA");
    const before = await snapshot(id);
    const res = await call(patchRegion, `/api/v1/service-orders/${id}/region`, { method: "PATCH", cookie: admin.cookie, params: { id: String(id) }, body: { region: moved() } });
    expect(res.status).toBe(200);
    const region = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
    expect(region.minLng).toBeCloseTo(-47.9, 9);
    expect(region.areaM2).toBeGreaterThan(190_000);
    const after = await snapshot(id);
    expect(after.audits).toBe(before.audits + 1);
    expect(after.geoVersion).toBe(before.geoVersion + 1n);
    expect(after.order.status).toBe("ABERTA");
  });

  it("refuses a bad polygon with 400 and keeps the old one", async () => {
    const { id } = await orderIn("ABERTA");
    const old = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
    const bowtie = feature([[-47, -23], [-46.99, -22.99], [-46.99, -23], [-47, -22.99], [-47, -23]]);
    const res = await call(patchRegion, `/api/v1/service-orders/${id}/region`, { method: "PATCH", cookie: admin.cookie, params: { id: String(id) }, body: { region: bowtie } });
    expect(res.status).toBe(400);
    expect(await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } })).toEqual(old);
  });

  it.each(["EM_EXECUCAO", "FINALIZADA", "CANCELADA"] as const)("refuses to edit the region of an order %s with 409", async (status) => {
    const { id } = await orderIn(status);
    const old = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
    const res = await call(patchRegion, `/api/v1/service-orders/${id}/region`, { method: "PATCH", cookie: admin.cookie, params: { id: String(id) }, body: { region: moved() } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/só a região de uma OS Aberta/);
    expect(await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } })).toEqual(old);
  });
});

describe("who may change orders", () => {
  it.each(["AGENT", "MANAGER"] as const)("refuses a %s with 403 on every write and changes nothing", async (role) => {
    const { id } = await orderIn("ABERTA");
    const { cookie } = await loginAs(role);
    const before = await snapshot(id);
    for (const h of [execute, finalize, cancel]) expect((await act(h, id, cookie)).status).toBe(403);
    const patch = await call(patchRegion, `/api/v1/service-orders/${id}/region`, { method: "PATCH", cookie, params: { id: String(id) }, body: { region: squareFeature() } });
    expect(patch.status).toBe(403);
    expect(await snapshot(id)).toEqual(before);
  });

  it("answers 401 without credentials and 403 to an agent token", async () => {
    const { id } = await orderIn("ABERTA");
    const anonymous = await call(execute, `/api/v1/service-orders/${id}/execute`, { method: "POST", params: { id: String(id) } });
    expect(anonymous.status).toBe(401);
    const { token } = await createBearer("AGENT");
    const agentToken = await call(execute, `/api/v1/service-orders/${id}/execute`, { method: "POST", token, params: { id: String(id) } });
    expect(agentToken.status).toBe(403);
  });

  it("lets an admin-role API token execute, recording the token as the actor", async () => {
    const { id } = await orderIn("ABERTA");
    const { token, record } = await createBearer("ADMIN", "NOC automação");
    const res = await call(execute, `/api/v1/service-orders/${id}/execute`, { method: "POST", token, params: { id: String(id) } });
    expect(res.status).toBe(200);
    const last = await db.serviceOrderEvent.findFirstOrThrow({ where: { orderId: id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ apiTokenId: record.id, userId: null, toStatus: "EM_EXECUCAO" });
  });

  it("answers 413 to an oversized region edit", async () => {
    const { id } = await orderIn("ABERTA");
    const res = await call(patchRegion, `/api/v1/service-orders/${id}/region`, {
      method: "PATCH", cookie: admin.cookie, params: { id: String(id) },
      rawBody: JSON.stringify({ region: squareFeature(), padding: "x".repeat(MAX_JSON_BYTES) }),
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(413);
  });
});
