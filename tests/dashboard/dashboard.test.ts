import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/api/v1/dashboard/route";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { recordContact } from "@/lib/contacts/record-contact";
import { processSlot } from "@/lib/process-slot";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

const today = () => new Date(Date.now() - 3 * 3_600_000).toISOString().slice(0, 10);

describe("the manager's dashboard", () => {
  it("counts orders, affected logins, contacts and discounts from the database", async () => {
    const { cookie, user } = await loginAs("MANAGER");
    const before = await call(GET, "/api/v1/dashboard", { cookie });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ openOrders: 0, executingOrders: 0, affectedLoginsNow: 0 });

    const a = await createCustomer({ lng: -44.0, lat: -19.0, plan: { priceCents: 43200 } });
    const b = await createCustomer({ lng: -44.001, lat: -19.001, plan: { priceCents: 43200 } });
    await createCustomer({ lng: -44.5, lat: -19.0 });
    const open = await createOrderAt(square(-44.5, -19.0, 0.01));
    const executing = await createOrderAt(square(-44.0, -19.0, 0.01), { execute: true });
    // Two contacts from inside (one got the message), one from elsewhere.
    const c1 = await db.contact.create({ data: { customerId: a.customer.id, channel: "whatsapp", maintenanceMessageSent: true } });
    await db.contactNotification.create({ data: { contactId: c1.id, orderId: executing.order.id, message: "manutenção" } });
    const c2 = await db.contact.create({ data: { customerId: b.customer.id, channel: "whatsapp", maintenanceMessageSent: false } });
    await db.contactNotification.create({ data: { contactId: c2.id, orderId: executing.order.id, message: "" } });
    await db.contact.create({ data: { customerId: b.customer.id, channel: "telefone" } });

    const during = await call(GET, "/api/v1/dashboard", { cookie });
    expect(during.body).toMatchObject({
      openOrders: 1, executingOrders: 1, affectedLoginsNow: 2,
      contacts: { total: 3, duringMaintenance: 2, messageSent: 1, shareAutomatic: 0.5 },
    });
    const row = during.body.regions.find((r: { id: number }) => r.id === executing.order.id);
    expect(row).toMatchObject({ affectedLogins: 2, contacts: 2, sent: 1 });
    expect(during.body.regions.find((r: { id: number }) => r.id === open.order.id).affectedLogins).toBe(1);
    const todayPoint = during.body.daily.find((p: { day: string }) => p.day === today());
    expect(todayPoint).toMatchObject({ orders: 2, contacts: 3 });

    // Finalizing applies discounts: 43200 cents ÷ 43,200 × 60 min = 60 cents per contract.
    await finalizeOrderWithDiscounts(executing.order.id, {
      interruptionStart: new Date(Date.now() - 3_600_000).toISOString(), interruptionEnd: new Date().toISOString(),
    }, { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email });
    const after = await call(GET, "/api/v1/dashboard", { cookie });
    expect(after.body).toMatchObject({ executingOrders: 0, affectedLoginsNow: 0, discountsThisMonth: { cents: 120, count: 2 } });
    expect(after.body.daily.find((p: { day: string }) => p.day === today()).affectedLogins).toBe(2);
    // The finalized order's row: its frozen logins and its discounts, as written when it was finalized.
    expect(after.body.regions.find((r: { id: number }) => r.id === executing.order.id)).toMatchObject({ status: "FINALIZADA", affectedLogins: 2, discountCents: 120 });
    expect(after.body.contacts).toMatchObject({ total: 3, duringMaintenance: 2, messageSent: 1 });
  });

  it("puts each contact on its São Paulo calendar day, evenings included", async () => {
    const { cookie } = await loginAs("MANAGER");
    const { customer } = await createCustomer({ lng: -43.0, lat: -18.0 });
    // 20:30 and 23:59 in São Paulo (UTC−3) are still the 10th; 00:30 is the 11th.
    for (const receivedAt of ["2026-03-10T23:30:00Z", "2026-03-11T02:59:00Z", "2026-03-11T03:30:00Z"]) {
      await db.contact.create({ data: { customerId: customer.id, channel: "whatsapp", receivedAt: new Date(receivedAt) } });
    }
    const res = await call(GET, "/api/v1/dashboard?from=2026-03-09&to=2026-03-12", { cookie });
    expect(res.status).toBe(200);
    expect(res.body.daily.map((p: { day: string; contacts: number }) => [p.day, p.contacts])).toEqual([
      ["2026-03-09", 0], ["2026-03-10", 2], ["2026-03-11", 1], ["2026-03-12", 0],
    ]);
  });

  it("groups days in the ISP's zone when RAIO_TIME_ZONE names another one (Manaus, UTC−4)", async () => {
    const { cookie } = await loginAs("MANAGER");
    const { customer } = await createCustomer({ lng: -43.1, lat: -18.1 });
    // 03:30Z is 00:30 of the 11th in São Paulo but 23:30 of the 10th in Manaus; 04:30Z is the 11th in both.
    for (const receivedAt of ["2026-04-21T03:30:00Z", "2026-04-21T04:30:00Z"]) {
      await db.contact.create({ data: { customerId: customer.id, channel: "whatsapp", receivedAt: new Date(receivedAt) } });
    }
    const before = process.env.RAIO_TIME_ZONE;
    try {
      process.env.RAIO_TIME_ZONE = "America/Manaus";
      const res = await call(GET, "/api/v1/dashboard?from=2026-04-20&to=2026-04-21", { cookie });
      expect(res.body.daily.map((p: { day: string; contacts: number }) => [p.day, p.contacts])).toEqual([["2026-04-20", 1], ["2026-04-21", 1]]);
    } finally {
      if (before === undefined) delete process.env.RAIO_TIME_ZONE;
      else process.env.RAIO_TIME_ZONE = before;
    }
    const sp = await call(GET, "/api/v1/dashboard?from=2026-04-20&to=2026-04-21", { cookie });
    expect(sp.body.daily.map((p: { day: string; contacts: number }) => [p.day, p.contacts])).toEqual([["2026-04-20", 0], ["2026-04-21", 2]]);
  });

  it("adds the contacts recorded after a first look to what it shows, exactly as a full count gives them", async () => {
    const { cookie } = await loginAs("MANAGER");
    const inside = await createCustomer({ lng: -42.0, lat: -17.0 });
    const both = await createCustomer({ lng: -42.0005, lat: -17.0005 });
    const outside = await createCustomer({ lng: -41.5, lat: -17.0 });
    // Two executing orders over the same street: a contact from there gets both orders' notices.
    const first = await createOrderAt(square(-42.0, -17.0, 0.01), { execute: true });
    const second = await createOrderAt(square(-42.0005, -17.0005, 0.0003), { execute: true });
    const token = { kind: "system" as const, role: "ADMIN" as const, name: "teste" };
    await recordContact({ cpf: inside.customer.document, channel: "whatsapp" }, token);
    const seen = await call(GET, "/api/v1/dashboard", { cookie });
    expect(seen.status).toBe(200);

    // Within the cache's lifetime, only contacts move: the next look adds them to the cached figures.
    await recordContact({ cpf: both.customer.document, channel: "whatsapp" }, token);
    await recordContact({ cpf: outside.customer.document, channel: "telefone" }, token);
    await recordContact({ cpf: inside.customer.document, channel: "chat" }, token);
    const added = await call(GET, "/api/v1/dashboard", { cookie });
    const gained = (r: { body: { contacts: { total: number; duringMaintenance: number; messageSent: number } } }) => r.body.contacts;
    expect(gained(added).total - gained(seen).total).toBe(3);
    expect(gained(added).duringMaintenance - gained(seen).duringMaintenance).toBe(2); // "both" counts once
    expect(gained(added).messageSent - gained(seen).messageSent).toBe(2);
    const row = (r: typeof added, id: number) => r.body.regions.find((x: { id: number }) => x.id === id);
    expect(row(added, first.order.id).contacts - row(seen, first.order.id).contacts).toBe(2);
    expect(row(added, second.order.id).contacts - row(seen, second.order.id).contacts).toBe(1);

    // A full count from scratch gives the same figures.
    processSlot("dashboardFigures", () => new Map()).clear();
    const counted = await call(GET, "/api/v1/dashboard", { cookie });
    expect(added.body).toEqual(counted.body);
  });

  it("refuses agents and a malformed period", async () => {
    const agent = await loginAs("AGENT");
    expect((await call(GET, "/api/v1/dashboard", { cookie: agent.cookie })).status).toBe(403);
    const { cookie } = await loginAs("MANAGER");
    const bad = await call(GET, "/api/v1/dashboard?from=2026-12-01&to=2026-11-01", { cookie });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("from");
  });
});
