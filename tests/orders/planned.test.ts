// Planned work: a window planned at creation or re-planned while Aberta, its warnings, its notice through
// the outbox, and the durable job that starts the order at its time (on the real pg-boss queue).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as createRegion } from "@/app/api/v1/regions/route";
import { PUT as schedule } from "@/app/api/v1/service-orders/[id]/schedule/route";
import { cancelOrder, executeOrder } from "@/lib/orders/order-transitions";
import { plannedStartWorker, startPlannedOrder } from "@/lib/orders/planned-start-queue";
import { startQueueWorkers, stopQueue, type QueueWorker } from "@/lib/queue/queue";
import type { Principal } from "@/lib/auth/principal";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createMaintenanceSubject, squareFeature, validBody } from "./fixtures";

const HOUR = 3_600_000;
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
let admin: { cookie: string; user: { id: number; name: string; email: string } };
let principal: Principal;
let lng = -48.0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`tempo esgotado esperando ${what}`);
    await sleep(200);
  }
}

/** A planned order on its own square (far from the others unless `at` is given). */
async function plan(fields: Record<string, unknown>, at?: number) {
  if (at === undefined) lng -= 0.2;
  return call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(at ?? lng, -23.5), ...fields }) });
}
const replan = (id: number, body: unknown) =>
  call(schedule, `/api/v1/service-orders/${id}/schedule`, { method: "PUT", cookie: admin.cookie, body, params: { id: String(id) } });

beforeAll(async () => {
  await createMaintenanceSubject("Manutenção programada");
  admin = await loginAs("ADMIN") as typeof admin;
  principal = { kind: "user", userId: admin.user.id, role: "ADMIN", name: admin.user.name, email: admin.user.email };
});

afterAll(async () => {
  await stopQueue();
});

describe("planning a window", () => {
  it("refuses a start in the past and an end before the start, naming the field, and writes nothing", async () => {
    const before = await db.serviceOrder.count();
    const past = await plan({ scheduledStartAt: inMs(-HOUR), expectedEndAt: inMs(HOUR) });
    expect(past.status).toBe(400);
    expect(past.body.error.field).toBe("scheduledStartAt");
    expect(past.body.error.message).toMatch(/início previsto já passou/);
    const inverted = await plan({ scheduledStartAt: inMs(5 * HOUR), expectedEndAt: inMs(4 * HOUR) });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.field).toBe("expectedEndAt");
    expect(inverted.body.error.message).toMatch(/depois do início previsto/);
    expect(await db.serviceOrder.count()).toBe(before);
  });

  it("stores the window, warns about a short notice, and queues the notice with {{inicioPrevisto}}", async () => {
    const start = inMs(2 * HOUR);
    const res = await plan({ scheduledStartAt: start, expectedEndAt: inMs(4 * HOUR) });
    expect(res.status).toBe(201);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain("SHORT_NOTICE");
    const order = await db.serviceOrder.findUniqueOrThrow({ where: { id: res.body.order.id } });
    expect(order).toMatchObject({ status: "ABERTA", planned: true, scheduledStartAt: new Date(start) });
    const outbox = await db.notificationOutbox.findMany({ where: { orderId: order.id } });
    expect(outbox).toEqual([expect.objectContaining({ event: "PLANNED_MAINTENANCE", occurrence: new Date(start).toISOString(), vars: { inicioPrevisto: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/) } })]);
  });

  it("gives no notice warning 4 days ahead, and warns about an overlapping planned order on the same area", async () => {
    lng -= 0.2;
    const here = lng;
    const first = await plan({ scheduledStartAt: inMs(96 * HOUR), expectedEndAt: null }, here);
    expect(first.status).toBe(201);
    expect(first.body.warnings.map((w: { code: string }) => w.code)).not.toContain("SHORT_NOTICE");
    const second = await plan({ scheduledStartAt: inMs(97 * HOUR), expectedEndAt: null }, here);
    const overlap = second.body.warnings.find((w: { code: string }) => w.code === "OVERLAP");
    expect(overlap.message).toContain(`OS ${first.body.order.number} (Aberta, programada para`);
  });

  it("re-plans while Aberta: notifies again for a new start only, records the forecast change, refuses once running", async () => {
    const created = await plan({ scheduledStartAt: inMs(100 * HOUR), expectedEndAt: inMs(102 * HOUR) });
    const id = created.body.order.id as number;
    const newStart = inMs(120 * HOUR);
    const newEnd = inMs(123 * HOUR);
    const res = await replan(id, { scheduledStartAt: newStart, expectedEndAt: newEnd });
    expect(res.status).toBe(200);
    expect(res.body.order).toMatchObject({ scheduledStartAt: new Date(newStart).toISOString() });
    await replan(id, { scheduledStartAt: newStart, expectedEndAt: newEnd }); // the same window again: no new notice
    const occurrences = (await db.notificationOutbox.findMany({ where: { orderId: id, event: "PLANNED_MAINTENANCE" }, orderBy: { id: "asc" } })).map((o) => o.occurrence);
    expect(occurrences).toHaveLength(2);
    expect(occurrences[1]).toBe(new Date(newStart).toISOString());
    const updates = await db.orderUpdate.findMany({ where: { orderId: id } });
    expect(updates).toEqual([expect.objectContaining({ kind: "FORECAST", expectedEndAt: new Date(newEnd), userId: admin.user.id })]);

    const bad = await replan(id, { scheduledStartAt: newStart, expectedEndAt: newStart });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("expectedEndAt");
    await executeOrder(id, principal);
    const late = await replan(id, { scheduledStartAt: inMs(130 * HOUR) });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/Em Execução: só uma OS Aberta pode ser programada/);
  });
});

describe("the planned start (durable job)", () => {
  beforeAll(async () => {
    await startQueueWorkers([plannedStartWorker] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });
  });

  it("starts an order planned a few seconds ahead by itself, like Executar (history, audit, notice)", async () => {
    const res = await plan({ scheduledStartAt: inMs(3_000) });
    const id = res.body.order.id as number;
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id } })).status).toBe("ABERTA");
    await until(async () => (await db.serviceOrder.findUniqueOrThrow({ where: { id } })).status === "EM_EXECUCAO", 30_000, "o início automático");
    const order = await db.serviceOrder.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(order.executedAt!.getTime()).toBeGreaterThanOrEqual(order.scheduledStartAt!.getTime());
    expect(order.events.at(-1)).toMatchObject({ fromStatus: "ABERTA", toStatus: "EM_EXECUCAO", userId: null, apiTokenId: null, note: expect.stringMatching(/^Início programado para/) });
    expect(await db.auditLog.count({ where: { entityType: "ServiceOrder", entityId: String(id), action: "order.execute" } })).toBe(1);
    expect(await db.notificationOutbox.count({ where: { orderId: id, event: "ORDER_STARTED" } })).toBe(1);
  });

  it("leaves a re-planned order alone at the old time, and a cancelled one", async () => {
    const moved = await plan({ scheduledStartAt: inMs(2_000) });
    await replan(moved.body.order.id, { scheduledStartAt: inMs(48 * HOUR) });
    const cancelled = await plan({ scheduledStartAt: inMs(2_000) });
    await cancelOrder(cancelled.body.order.id, principal);
    const witness = await plan({ scheduledStartAt: inMs(4_000) });
    await until(async () => (await db.serviceOrder.findUniqueOrThrow({ where: { id: witness.body.order.id } })).status === "EM_EXECUCAO", 30_000, "a OS testemunha");
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id: moved.body.order.id } })).status).toBe("ABERTA");
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id: cancelled.body.order.id } })).status).toBe("CANCELADA");
  });

  it("can still be started by hand earlier; the job then does nothing", async () => {
    const start = inMs(HOUR);
    const res = await plan({ scheduledStartAt: start });
    await executeOrder(res.body.order.id, principal);
    expect(await startPlannedOrder(res.body.order.id, new Date(start), new Date(Date.now() + 2 * HOUR))).toBe(false);
    expect(await db.serviceOrderEvent.count({ where: { orderId: res.body.order.id, toStatus: "EM_EXECUCAO" } })).toBe(1);
  });
});
