// No R$ 0,00 discounts (issue: finalizing an order that ran 40 s wrote 4,410 discount rows of R$ 0,00, which
// would also reach the ERP in the CSV). A contract without an amount gets no Discount row; the proposal, the
// finalize answer and the finalize screen say why.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as finalizeRoute } from "@/app/api/v1/service-orders/[id]/finalize/route";
import { GET as proposalRoute } from "@/app/api/v1/service-orders/[id]/discount-proposal/route";
import { GET as listDiscountsRoute } from "@/app/api/v1/discounts/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

const MIN = 60_000;

/** An executing order over `n` customers around (lng, lat) on plans of the given prices. */
async function outage(lng: number, lat: number, prices: number[]) {
  const customers = [];
  for (const [i, priceCents] of prices.entries()) customers.push(await createCustomer({ lng: lng + i * 0.0001, lat, plan: { priceCents } }));
  const { order } = await createOrderAt(square(lng, lat, 0.01), { execute: true });
  return { order, customers };
}

async function finalize(orderId: number, cookie: string, start: Date, end: Date, adjustments: unknown[] = []) {
  return call(finalizeRoute, `/api/v1/service-orders/${orderId}/finalize`, {
    cookie, params: { id: String(orderId) }, body: { interruptionStart: start.toISOString(), interruptionEnd: end.toISOString(), adjustments },
  });
}

async function proposal(orderId: number, cookie: string, start: Date, end: Date) {
  return call(proposalRoute, `/api/v1/service-orders/${orderId}/discount-proposal?interruptionStart=${start.toISOString()}&interruptionEnd=${end.toISOString()}`, {
    cookie, params: { id: String(orderId) },
  });
}

async function erpCsvLines(orderId: number, cookie: string): Promise<string[]> {
  const csv = await call(listDiscountsRoute, `/api/v1/discounts?orderId=${orderId}&format=csv`, { cookie });
  expect(csv.status).toBe(200);
  return csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
}

describe("zero discounts are not written", () => {
  it("an order that ran 40 s writes no discount row, exports nothing to the ERP, and says it was under 10 minutes", async () => {
    const { cookie } = await loginAs("ADMIN");
    const { order } = await outage(-41.0, -11.0, Array.from({ length: 25 }, () => 9990));
    const start = new Date(Date.now() - 40_000);
    const end = new Date(start.getTime() + 40_000);

    const p = await proposal(order.id, cookie, start, end);
    expect(p.status).toBe(200);
    expect(p.body.totalCents).toBe(0);
    expect(p.body.withoutDiscount).toEqual([{ cause: "BELOW_MINIMUM_MINUTES", contracts: 25, message: expect.stringMatching(/0 min.*10 minutos.*RQUAL/) }]);
    expect(p.body.summary).toMatch(/^Nenhum desconto\. Sem desconto para 25 contrato\(s\): interrupção de 0 min, abaixo do mínimo de 10 minutos/);

    const res = await finalize(order.id, cookie, start, end);
    expect(res.status, res.text).toBe(200);
    expect(res.body.order.status).toBe("FINALIZADA");
    expect(res.body.discounts).toBe(0);
    expect(res.body.totalCents).toBe(0);
    expect(res.body.summary).toBe(p.body.summary);
    expect(res.body.withoutDiscount).toEqual(p.body.withoutDiscount);
    expect(await db.discount.count({ where: { orderId: order.id } })).toBe(0);
    expect(await erpCsvLines(order.id, cookie)).toEqual([]);
    // The reason stays in the audit trail.
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "discounts.apply", entityId: String(order.id) } });
    expect((audit.data as { summary: string }).summary).toBe(res.body.summary);
  });

  it("a planned interruption announced 72 h ahead writes no discount row and says so", async () => {
    const { cookie } = await loginAs("ADMIN");
    const { order } = await outage(-41.5, -11.5, [9990, 11990, 21600]);
    const start = new Date(Date.now() - 3 * 3_600_000);
    await db.serviceOrder.update({ where: { id: order.id }, data: { planned: true, announcedAt: new Date(start.getTime() - 73 * 3_600_000) } });
    const res = await finalize(order.id, cookie, start, new Date(start.getTime() + 2 * 3_600_000));
    expect(res.status, res.text).toBe(200);
    expect(res.body.discounts).toBe(0);
    expect(res.body.withoutDiscount).toEqual([{ cause: "PLANNED_ANNOUNCED", contracts: 3, message: expect.stringMatching(/programada e cliente avisado/) }]);
    expect(await db.discount.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("writes the contracts with an amount and leaves out those whose amount rounds to R$ 0,00, saying why", async () => {
    const { cookie } = await loginAs("ADMIN");
    // 10 minutes: R$ 99,90 → 9990 × 10 / 43,200 = 2.31 → 2 cents; R$ 1,00 → 0.23 → 0 cents.
    const { order, customers } = await outage(-42.0, -12.0, [9990, 100]);
    const start = new Date(Date.now() - 10 * MIN);
    const p = await proposal(order.id, cookie, start, new Date(start.getTime() + 10 * MIN));
    const res = await finalize(order.id, cookie, start, new Date(start.getTime() + 10 * MIN));
    expect(res.status, res.text).toBe(200);
    expect(res.body.summary).toBe("1 desconto(s), total R$ 0,02. Sem desconto para 1 contrato(s): o valor calculado arredonda para R$ 0,00.");
    expect(p.body.summary).toBe(res.body.summary);
    const rows = await db.discount.findMany({ where: { orderId: order.id } });
    expect(rows).toEqual([expect.objectContaining({ contractId: customers[0]!.contract.id, amountCents: 2, excluded: false })]);
    expect(await erpCsvLines(order.id, cookie)).toHaveLength(1);
  });

  it("a discount the reviewer sets to R$ 0,00 is kept as an exclusion with its reason, never exported", async () => {
    const { cookie } = await loginAs("ADMIN");
    const { order, customers } = await outage(-42.5, -12.5, [9990, 11990]);
    const start = new Date(Date.now() - 60 * MIN);
    const res = await finalize(order.id, cookie, start, new Date(start.getTime() + 60 * MIN), [
      { contractId: customers[1]!.contract.id, amountCents: 0, reason: "Cortesia já concedida pelo comercial" },
    ]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.withoutDiscount).toEqual([{ cause: "EXCLUDED_IN_REVIEW", contracts: 1, message: expect.any(String) }]);
    const zeroed = await db.discount.findUniqueOrThrow({ where: { orderId_contractId: { orderId: order.id, contractId: customers[1]!.contract.id } } });
    expect(zeroed).toMatchObject({ amountCents: 0, excluded: true, reason: "Cortesia já concedida pelo comercial" });
    expect(await erpCsvLines(order.id, cookie)).toHaveLength(1);
  });
});
