import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { GET as listDiscountsRoute } from "@/app/api/v1/discounts/route";
import { GET as proposalRoute } from "@/app/api/v1/service-orders/[id]/discount-proposal/route";
import type { Principal } from "@/lib/auth/principal";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

const H = 3_600_000;

async function admin(): Promise<{ principal: Principal; cookie: string }> {
  const { user, cookie } = await loginAs("ADMIN");
  return { principal: { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email }, cookie };
}

/** An executing order over three customers (R$ 99,90, R$ 119,90 and R$ 216,00 plans) and one outside. */
async function outage(lng: number, lat: number, opts: { execute?: boolean } = { execute: true }) {
  const a = await createCustomer({ lng, lat, plan: { priceCents: 9990 }, customer: { name: "Ana" } });
  const b = await createCustomer({ lng: lng + 0.001, lat, plan: { priceCents: 11990 }, customer: { name: "Bia" } });
  const c = await createCustomer({ lng, lat: lat + 0.001, plan: { priceCents: 21600 }, customer: { name: "Caio" } });
  await createCustomer({ lng: lng + 0.05, lat, customer: { name: "Fora" } });
  const { order } = await createOrderAt(square(lng, lat, 0.01), { execute: opts.execute });
  return { order, a, b, c };
}

describe("finalizing an order with downtime discounts", () => {
  it("proposes Anatel RQUAL refunds per affected contract: fee ÷ 43,200 × minutes, rounded half up", async () => {
    const { cookie } = await admin();
    const { order, a, c } = await outage(-40.0, -10.0);
    const start = new Date("2026-11-20T10:00:00-03:00");
    const end = new Date(start.getTime() + 5 * H); // 300 minutes
    const res = await call(proposalRoute, `/api/v1/service-orders/${order.id}/discount-proposal?interruptionStart=${start.toISOString()}&interruptionEnd=${end.toISOString()}`, { cookie, params: { id: String(order.id) } });
    expect(res.status).toBe(200);
    expect(res.body.rule).toBe("ANATEL_RQUAL");
    expect(res.body.lines).toHaveLength(3);
    const byContract = new Map(res.body.lines.map((l: { contractId: number; proposedCents: number; minutes: number }) => [l.contractId, l]));
    // 9990 × 300 / 43200 = 69.375 → 69; 21600 × 300 / 43200 = 150 exactly.
    expect(byContract.get(a.contract.id)).toMatchObject({ minutes: 300, proposedCents: 69 });
    expect(byContract.get(c.contract.id)).toMatchObject({ minutes: 300, proposedCents: 150 });
  });

  it("applies the reviewed discounts, freezes the affected logins and finalizes, in one go", async () => {
    const { principal } = await admin();
    const { order, a, b, c } = await outage(-40.1, -10.1);
    const start = new Date(Date.now() - 5 * H);
    const result = await finalizeOrderWithDiscounts(order.id, {
      interruptionStart: start.toISOString(), interruptionEnd: new Date(start.getTime() + 5 * H).toISOString(),
      adjustments: [
        { contractId: b.contract.id, amountCents: 500, reason: "Cliente ficou sem serviço também no dia seguinte" },
        { contractId: c.contract.id, excluded: true, reason: "Contrato empresarial com SLA próprio" },
      ],
    }, principal);
    expect(result.discounts).toBe(3);
    expect(result.frozenLogins).toBe(3);
    const rows = await db.discount.findMany({ where: { orderId: order.id } });
    const by = new Map(rows.map((r) => [r.contractId, r]));
    expect(by.get(a.contract.id)).toMatchObject({ amountCents: 69, proposedCents: 69, excluded: false, changedById: null, appliedById: principal.kind === "user" ? principal.userId : -1 });
    expect(by.get(b.contract.id)).toMatchObject({ amountCents: 500, proposedCents: 83, changedById: expect.any(Number), reason: expect.stringMatching(/dia seguinte/) });
    expect(by.get(c.contract.id)).toMatchObject({ amountCents: 0, excluded: true });
    const saved = await db.serviceOrder.findUniqueOrThrow({ where: { id: order.id } });
    expect(saved.status).toBe("FINALIZADA");
    expect(saved.interruptionStart?.getTime()).toBe(start.getTime());
    expect(await db.auditLog.count({ where: { action: "discounts.apply", entityId: String(order.id) } })).toBe(1);
  });

  it("refuses a change without a reason, naming the field, and changes nothing", async () => {
    const { principal } = await admin();
    const { order, a } = await outage(-40.2, -10.2);
    await expect(
      finalizeOrderWithDiscounts(order.id, { adjustments: [{ contractId: a.contract.id, amountCents: 1 }] }, principal),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ path: ["adjustments", 0, "reason"] })] });
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EM_EXECUCAO");
    expect(await db.discount.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.affectedLogin.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("refuses an adjustment for a contract outside the order, naming the field, and rolls everything back", async () => {
    // On PostgreSQL the contracts are priced while the transaction has already changed the status and frozen the
    // logins: the refusal must undo both.
    const { principal } = await admin();
    const { order } = await outage(-40.4, -10.4);
    const events = await db.serviceOrderEvent.count({ where: { orderId: order.id } });
    await expect(
      finalizeOrderWithDiscounts(order.id, { adjustments: [{ contractId: 999_999_999, excluded: true, reason: "não é daqui" }] }, principal),
    ).rejects.toMatchObject({ status: 400, field: "adjustments.0.contractId" });
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("EM_EXECUCAO");
    expect(await db.affectedLogin.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.discount.count({ where: { orderId: order.id } })).toBe(0);
    expect(await db.serviceOrderEvent.count({ where: { orderId: order.id } })).toBe(events);
  });

  it("creates one set of discounts when two admins finalize at once or the form is submitted twice", async () => {
    const { principal } = await admin();
    const { order } = await outage(-40.3, -10.3);
    const body = { interruptionStart: new Date(Date.now() - 2 * H).toISOString() };
    const results = await Promise.allSettled([
      finalizeOrderWithDiscounts(order.id, body, principal),
      finalizeOrderWithDiscounts(order.id, body, principal),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "INVALID_TRANSITION" });
    await expect(finalizeOrderWithDiscounts(order.id, body, principal)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    expect(await db.discount.count({ where: { orderId: order.id } })).toBe(3);
    expect(await db.serviceOrderEvent.count({ where: { orderId: order.id, toStatus: "FINALIZADA" } })).toBe(1);
  });

  it("refuses an order that is not executing", async () => {
    const { principal } = await admin();
    const { order } = await outage(-40.4, -10.4, { execute: false });
    await expect(finalizeOrderWithDiscounts(order.id, {}, principal)).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });

  it("lists discounts for managers and exports them for the ERP; agents are refused", async () => {
    const { principal } = await admin();
    const { order, a } = await outage(-40.5, -10.5);
    await db.contract.update({ where: { id: a.contract.id }, data: { externalId: "CT-ERP-77" } });
    const start = new Date(Date.now() - 5 * H);
    await finalizeOrderWithDiscounts(order.id, { interruptionStart: start.toISOString(), interruptionEnd: new Date(start.getTime() + 5 * H).toISOString() }, principal);
    const { cookie } = await loginAs("MANAGER");
    const list = await call(listDiscountsRoute, `/api/v1/discounts?orderId=${order.id}`, { cookie });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(3);
    expect(list.body.rows[0].appliedBy).toBeTruthy();
    const csv = await call(listDiscountsRoute, `/api/v1/discounts?orderId=${order.id}&format=csv`, { cookie });
    expect(csv.text).toContain("contrato_external_id;valor;motivo;periodo_inicio;periodo_fim");
    expect(csv.text).toContain("CT-ERP-77;0.69;");
    const agent = await loginAs("AGENT");
    expect((await call(listDiscountsRoute, "/api/v1/discounts", { cookie: agent.cookie })).status).toBe(403);
  });
});
