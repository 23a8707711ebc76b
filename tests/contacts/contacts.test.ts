import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST } from "@/app/api/v1/contacts/route";
import { GET as orderContacts } from "@/app/api/v1/service-orders/[id]/contacts/route";
import { executeOrder } from "@/lib/orders/order-transitions";
import { cancelOrder } from "@/lib/orders/order-transitions";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { formatDocument } from "@/lib/validation/document";
import type { Principal } from "@/lib/auth/principal";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, ensureMaintenanceSubject, square } from "../helpers/orders";

async function adminPrincipal(): Promise<Principal> {
  const { user } = await loginAs("ADMIN");
  return { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };
}

describe("POST /api/v1/contacts", () => {
  it("answers a customer inside an executing region with the subject's message, rendered; one just outside gets none", async () => {
    const { token } = await createBearer("AGENT");
    const subject = await ensureMaintenanceSubject("Olá {{primeiroNome}}! Manutenção (OS {{os}}), previsão {{previsao}}. Acesso: {{diagnosticoAcessoOnline}}.");
    const inside = await createCustomer({ lng: -43.0, lat: -18.0, customer: { name: "Rita Dentro Silva" }, phone: "5531998765432" });
    const outside = await createCustomer({ lng: -43.0105, lat: -18.0, customer: { name: "Otto Fora" } });
    const { order } = await createOrderAt(square(-43.0, -18.0, 0.01), { subjectId: subject.id, execute: true });

    const a = await call(POST, "/api/v1/contacts", { token, body: { phone: "(31) 99876-5432", channel: "whatsapp", text: "minha internet caiu" } });
    expect(a.status).toBe(201);
    expect(a.body.inMaintenanceArea).toBe(true);
    expect(a.body.message).toMatch(new RegExp(`^Olá Rita! Manutenção \\(OS ${order.number}\\), previsão \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}\\. Acesso: Sim\\.$`));
    expect(a.body.variables.diagnosticoClienteEmAreaManutencao).toBe("Sim");

    const b = await call(POST, "/api/v1/contacts", { token, body: { cpf: formatDocument(outside.customer.document), channel: "chat" } });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ inMaintenanceArea: false, message: null, orders: [] });
    expect(b.body.variables.diagnosticoClienteEmAreaManutencao).toBe("Não");

    const stored = await db.contact.findMany({ where: { customerId: { in: [inside.customer.id, outside.customer.id] } }, include: { notifications: true }, orderBy: { id: "asc" } });
    expect(stored.map((c) => [c.maintenanceMessageSent, c.notifications.length])).toEqual([[true, 1], [false, 0]]);
    expect(stored[0]!.notifications[0]!.orderId).toBe(order.id);
    // The stored time is the answered one (UTC, to the millisecond), and recent.
    expect(stored[0]!.receivedAt.toISOString()).toBe(a.body.receivedAt);
    expect(Math.abs(stored[0]!.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);

    // The order's Contatos tab lists the contact from inside, with the message sent.
    const { cookie } = await loginAs("MANAGER");
    const tab = await call(orderContacts, `/api/v1/service-orders/${order.id}/contacts`, { cookie, params: { id: String(order.id) } });
    expect(tab.body).toMatchObject({ total: 1, sent: 1 });
    expect(tab.body.rows[0]).toMatchObject({ customerName: "Rita Dentro Silva", messageSent: true, text: "minha internet caiu" });
  });

  it("sends nothing for Aberta, Finalizada and Cancelada orders", async () => {
    const { token } = await createBearer("AGENT");
    const admin = await adminPrincipal();
    const c = await createCustomer({ lng: -42.0, lat: -17.0 });
    const cpf = c.customer.document;
    const open = await createOrderAt(square(-42.0, -17.0, 0.01));
    expect((await call(POST, "/api/v1/contacts", { token, body: { cpf, channel: "chat" } })).body.message).toBeNull();
    await executeOrder(open.order.id, admin);
    expect((await call(POST, "/api/v1/contacts", { token, body: { cpf, channel: "chat" } })).body.message).not.toBeNull();
    await finalizeOrderWithDiscounts(open.order.id, {}, admin);
    expect((await call(POST, "/api/v1/contacts", { token, body: { cpf, channel: "chat" } })).body.message).toBeNull();
    const other = await createOrderAt(square(-42.0, -17.0, 0.02), { execute: true });
    expect((await call(POST, "/api/v1/contacts", { token, body: { cpf, channel: "chat" } })).body.orders).toHaveLength(1);
    await cancelOrder(other.order.id, admin);
    expect((await call(POST, "/api/v1/contacts", { token, body: { cpf, channel: "chat" } })).body.message).toBeNull();
  });

  it("refuses bad input with 4xx naming the field, and records nothing", async () => {
    const { token } = await createBearer("AGENT");
    const before = await db.contact.count();
    const cases: [string, unknown, number, string | undefined][] = [
      ["bad CPF check digits", { cpf: "529.982.247-26", channel: "chat" }, 400, "cpf"],
      ["malformed phone", { phone: "12345", channel: "chat" }, 400, "phone"],
      ["no identifier", { channel: "chat" }, 400, "cpf"],
      ["unknown channel", { cpf: "529.982.247-25", channel: "pombo" }, 400, "channel"],
      ["unknown CPF", { cpf: "529.982.247-25", channel: "chat" }, 404, undefined],
    ];
    for (const [label, body, status, field] of cases) {
      const res = await call(POST, "/api/v1/contacts", { token, body });
      expect({ label, status: res.status, field: res.body.error.field }).toEqual({ label, status, field });
    }
    const big = await call(POST, "/api/v1/contacts", { token, rawBody: JSON.stringify({ cpf: "1", channel: "chat", text: "x".repeat(20_000) }), headers: { "content-type": "application/json" } });
    expect(big.status).toBe(413);
    expect((await call(POST, "/api/v1/contacts", { body: { cpf: "529.982.247-25", channel: "chat" } })).status).toBe(401);
    const manager = await createBearer("MANAGER");
    expect((await call(POST, "/api/v1/contacts", { token: manager.token, body: { cpf: "529.982.247-25", channel: "chat" } })).status).toBe(403);
    expect(await db.contact.count()).toBe(before);
  });
});
