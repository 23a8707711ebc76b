// The order's Notificações tab API (counts, rows, CSV, "reenviar falhas") and the dashboard's figure.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as list } from "@/app/api/v1/service-orders/[id]/notifications/route";
import { POST as retry } from "@/app/api/v1/service-orders/[id]/notifications/retry/route";
import { GET as dashboard } from "@/app/api/v1/dashboard/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

let admin: string;
let manager: string;
let orderId: number;

beforeAll(async () => {
  admin = (await loginAs("ADMIN")).cookie;
  manager = (await loginAs("MANAGER")).cookie;
  const customers = [];
  for (let i = 0; i < 4; i++) customers.push((await createCustomer({ lng: -43, lat: -20, customer: { name: `Pessoa ${i}` } })).customer);
  const { order } = await createOrderAt(square(-43, -20, 0.01));
  orderId = order.id;
  const now = new Date();
  await db.notification.createMany({
    data: [
      { orderId, event: "ORDER_STARTED", customerId: customers[0]!.id, channel: "SMS", status: "SENT", address: "+5519998760001", answer: "HTTP 200: ok", sentAt: now, attempts: 1 },
      { orderId, event: "ORDER_STARTED", customerId: customers[1]!.id, channel: "SMS", status: "FAILED", address: "+5519998760002", answer: "erro permanente: HTTP 400", attempts: 1 },
      { orderId, event: "ORDER_STARTED", customerId: customers[2]!.id, channel: "SMS", status: "SKIPPED", answer: "sem celular válido" },
      { orderId, event: "ORDER_STARTED", customerId: customers[3]!.id, channel: "EMAIL", status: "QUEUED" },
    ],
  });
});

const get = (query = "") => call(list, `/api/v1/service-orders/${orderId}/notifications${query}`, { cookie: manager, params: { id: String(orderId) } });

describe("an order's notices", () => {
  it("counts them per status and lists the rows with the channel's answer", async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.body.counts).toMatchObject({ QUEUED: 1, SENT: 1, FAILED: 1, SKIPPED: 1, total: 4, done: 3 });
    expect(res.body.rows.map((r: { customerName: string; status: string }) => [r.customerName, r.status])).toEqual([
      ["Pessoa 0", "SENT"], ["Pessoa 1", "FAILED"], ["Pessoa 2", "SKIPPED"], ["Pessoa 3", "QUEUED"],
    ]);
    expect(res.body.rows[1].answer).toBe("erro permanente: HTTP 400");
    const failed = await get("?status=FAILED&pageSize=1");
    expect(failed.body).toMatchObject({ total: 1, pageSize: 1 });
    expect((await get("?status=NOPE")).body.error.field).toBe("status");
  });

  it("exports CSV", async () => {
    const res = await get("?format=csv");
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.text).toContain("Cliente;Código;Evento;Canal;Situação;Destino;Tentativas;Resposta;Enviado em");
    expect(res.text).toContain("Pessoa 1;");
    expect(res.text).toContain("Falhou;'+5519998760002;1;erro permanente: HTTP 400"); // a leading + is kept from spreadsheets' formulas
  });

  it("puts the failed ones back in the queue (admin only)", async () => {
    const denied = await call(retry, `/api/v1/service-orders/${orderId}/notifications/retry`, { method: "POST", cookie: manager, params: { id: String(orderId) } });
    expect(denied.status).toBe(403);
    const res = await call(retry, `/api/v1/service-orders/${orderId}/notifications/retry`, { method: "POST", cookie: admin, params: { id: String(orderId) } });
    expect(res.body).toEqual({ requeued: 1 });
    expect((await get()).body.counts).toMatchObject({ QUEUED: 2, FAILED: 0 });
  });

  it("counts notices sent on the manager's dashboard", async () => {
    const res = await call(dashboard, "/api/v1/dashboard", { cookie: manager });
    expect(res.status).toBe(200);
    expect(res.body.notices).toEqual({ sent: 1, failed: 0 });
  });
});
