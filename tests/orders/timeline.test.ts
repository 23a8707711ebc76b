// An order's timeline: forecast changes, notes for customers (which re-notify them and are what the chatbot
// answers) and internal notes, with who and when; the API is idempotent for retried POSTs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listUpdates, POST as postUpdate } from "@/app/api/v1/service-orders/[id]/updates/route";
import { PUT as putForecast } from "@/app/api/v1/service-orders/[id]/forecast/route";
import { GET as chatbot } from "@/app/api/v1/chatbot/diagnostics/[field]/[value]/route";
import { chatbotDiagnosticsSchema } from "@/lib/chatbot/chatbot-answer-schema";
import { finalizeOrder } from "@/lib/orders/order-transitions";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

let admin: { cookie: string; user: { id: number; name: string; email: string } };
let token: string;

beforeAll(async () => {
  admin = (await loginAs("ADMIN")) as typeof admin;
  token = (await createBearer("ADMIN", "noc-bot")).token;
});

const post = (id: number, body: unknown, opts: { token?: string; key?: string } = {}) =>
  call(postUpdate, `/api/v1/service-orders/${id}/updates`, {
    ...(opts.token ? { token: opts.token } : { cookie: admin.cookie }), body, params: { id: String(id) },
    headers: opts.key ? { "idempotency-key": opts.key } : {},
  });
const list = (id: number) => call(listUpdates, `/api/v1/service-orders/${id}/updates`, { cookie: admin.cookie, params: { id: String(id) } });

describe("the order timeline", () => {
  it("records forecast changes, public and internal notes with who and when, newest first", async () => {
    const { order } = await createOrderAt(square(-35.0, -8.0, 0.01), { execute: true });
    const end = new Date(Date.now() + 6 * 3_600_000);
    const f = await call(putForecast, `/api/v1/service-orders/${order.id}/forecast`, { method: "PUT", cookie: admin.cookie, body: { expectedEndAt: end.toISOString() }, params: { id: String(order.id) } });
    expect(f.status).toBe(200);
    expect((await post(order.id, { kind: "INTERNAL_NOTE", text: "Equipe chegou ao poste 12." })).status).toBe(201);
    const pub = await post(order.id, { kind: "PUBLIC_NOTE", text: "Fibra emendada; testando os equipamentos." }, { token });
    expect(pub.status).toBe(201);

    const res = await list(order.id);
    expect(res.status).toBe(200);
    expect(res.body.updates.map((u: { kind: string; by: string }) => [u.kind, u.by])).toEqual([
      ["PUBLIC_NOTE", "token noc-bot"], ["INTERNAL_NOTE", admin.user.name], ["FORECAST", admin.user.name],
    ]);
    expect(res.body.updates[2]).toMatchObject({ expectedEndAt: end.toISOString(), previousExpectedEndAt: expect.any(String) });
  });

  it("re-notifies the customers for a public note only, once per note, even when the POST is retried", async () => {
    const { order } = await createOrderAt(square(-35.5, -8.0, 0.01), { execute: true });
    await post(order.id, { kind: "INTERNAL_NOTE", text: "Só para a equipe." });
    const a = await post(order.id, { kind: "PUBLIC_NOTE", text: "Previsão mantida." }, { key: "nota-1" });
    const b = await post(order.id, { kind: "PUBLIC_NOTE", text: "Previsão mantida." }, { key: "nota-1" });
    expect(b.status).toBe(201);
    expect(b.body.update.id).toBe(a.body.update.id);
    const outbox = await db.notificationOutbox.findMany({ where: { orderId: order.id, event: "ORDER_UPDATE" } });
    expect(outbox).toEqual([expect.objectContaining({ vars: { atualizacao: "Previsão mantida.", ultimaAtualizacao: expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/) } })]);
    expect(await db.orderUpdate.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("refuses an empty note naming the field, and a public note on a finalized order", async () => {
    const { order } = await createOrderAt(square(-36.0, -8.0, 0.01), { execute: true });
    const empty = await post(order.id, { kind: "PUBLIC_NOTE", text: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.field).toBe("text");
    const principal = { kind: "user" as const, userId: admin.user.id, role: "ADMIN" as const, name: admin.user.name, email: admin.user.email };
    await finalizeOrder(order.id, principal);
    const late = await post(order.id, { kind: "PUBLIC_NOTE", text: "Tudo certo." });
    expect(late.status).toBe(409);
    expect((await post(order.id, { kind: "INTERNAL_NOTE", text: "Relatório anexado no ERP." })).status).toBe(201);
    expect(await db.orderUpdate.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("the chatbot answers the forecast and the latest public update for a customer inside the order", async () => {
    const { customer } = await createCustomer({ lng: -36.5, lat: -8.0 });
    const { order } = await createOrderAt(square(-36.5, -8.0, 0.01), { execute: true });
    await post(order.id, { kind: "PUBLIC_NOTE", text: "Primeira atualização." });
    await post(order.id, { kind: "INTERNAL_NOTE", text: "Interna: não vai para o cliente." });
    await post(order.id, { kind: "PUBLIC_NOTE", text: "Equipamento trocado; voltando aos poucos." });
    const bot = await createBearer("AGENT", "opa");
    const res = await call(chatbot, `/api/v1/chatbot/diagnostics/cpf/${customer.document}`, { token: bot.token, params: { field: "cpf", value: customer.document } });
    expect(res.status).toBe(200);
    const body = chatbotDiagnosticsSchema.parse(res.body);
    expect(body.situacao).toBe("manutencao");
    expect(body.previsao).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(body.atualizacao).toBe("Equipamento trocado; voltando aos poucos.");
    expect(body.ultimaAtualizacao).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  });
});
