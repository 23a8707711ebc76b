import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/service-orders/[id]/campaign/route";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

const CENTER: [number, number] = [-47.05, -22.85];
let cookie: string;
let inside: Awaited<ReturnType<typeof createCustomer>>[];
let outside: Awaited<ReturnType<typeof createCustomer>>;
let executing: Awaited<ReturnType<typeof createOrderAt>>["order"];
let open: Awaited<ReturnType<typeof createOrderAt>>["order"];

beforeAll(async () => {
  const subject = await db.subject.create({
    data: { name: "Manutenção campanha", isMaintenance: true, maintenanceMessage: "Olá {{primeiroNome}}, OS {{os}}: previsão {{previsao}}. Online: {{diagnosticoAcessoOnline}}" },
  });
  inside = [
    await createCustomer({ lng: CENTER[0], lat: CENTER[1], phone: "5519998765432", customer: { name: "Ana Souza" }, login: { online: false } }),
    await createCustomer({ lng: CENTER[0] + 0.0005, lat: CENTER[1], customer: { name: "Bruno Lima" } }),
  ];
  await db.customerPhone.create({ data: { customerId: inside[0]!.customer.id, phone: "551932321234", label: "fixo" } });
  outside = await createCustomer({ lng: CENTER[0] + 0.05, lat: CENTER[1], phone: "5519911112222" });
  executing = (await createOrderAt(square(CENTER[0], CENTER[1], 0.002), { execute: true, subjectId: subject.id })).order;
  open = (await createOrderAt(square(CENTER[0] + 0.05, CENTER[1], 0.002), { subjectId: subject.id })).order;
  cookie = (await loginAs("AGENT")).cookie;
});

describe("GET /api/v1/service-orders/{id}/campaign", () => {
  it("lists the affected customers with formatted phones and their rendered message", async () => {
    const res = await call(GET, `/api/v1/service-orders/${executing.id}/campaign`, { cookie, params: { id: String(executing.id) } });
    expect(res.status).toBe(200);
    expect(res.body.customers).toBe(2);
    expect(res.body.withoutPhone).toBe(1);
    const [ana, bruno] = res.body.rows;
    expect(ana.customerName).toBe("Ana Souza");
    expect(ana.phones.map((p: { formatted: string }) => p.formatted)).toEqual(["(19) 99876-5432", "(19) 3232-1234"]);
    expect(ana.logins).toEqual([inside[0]!.login!.username]);
    expect(ana.message).toMatch(new RegExp(`^Olá Ana, OS ${executing.number}: previsão \\d{2}/\\d{2}/\\d{4}.*Online: Não$`));
    expect(bruno.message).toMatch(/^Olá Bruno,.*Online: Sim$/);
    expect(res.body.rows.map((r: { customerId: number }) => r.customerId)).not.toContain(outside.customer.id);
  });

  it("answers one page of customers by name with the counts of everyone (issue 16: the screen loaded them all)", async () => {
    const { buildCampaign } = await import("@/lib/notifications/build-campaign");
    const second = await buildCampaign(executing.id, { page: 2, pageSize: 1 });
    expect(second).toMatchObject({ customers: 2, withoutPhone: 1, page: 2, pages: 2 });
    expect(second.rows.map((r) => r.customerName)).toEqual(["Bruno Lima"]);
    expect(second.rows[0]!.message).toMatch(/^Olá Bruno,.*Online: Sim$/);
    const res = await call(GET, `/api/v1/service-orders/${executing.id}/campaign?page=3`, { cookie, params: { id: String(executing.id) } });
    expect(res.body).toMatchObject({ customers: 2, page: 3, rows: [] });
    const bad = await call(GET, `/api/v1/service-orders/${executing.id}/campaign?page=0`, { cookie, params: { id: String(executing.id) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("page");
  });

  it("exports one CSV line per phone", async () => {
    const res = await call(GET, `/api/v1/service-orders/${executing.id}/campaign?format=csv`, { cookie, params: { id: String(executing.id) } });
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = res.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(1 + 3); // header, Ana × 2 phones, Bruno without phone
    expect(lines[1]).toContain("5519998765432;(19) 99876-5432");
  });

  it("refuses an order that is not executing with 409", async () => {
    const res = await call(GET, `/api/v1/service-orders/${open.id}/campaign`, { cookie, params: { id: String(open.id) } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain("Aberta");
  });

  it("answers 404 for an unknown order", async () => {
    expect((await call(GET, "/api/v1/service-orders/999999/campaign", { cookie, params: { id: "999999" } })).status).toBe(404);
  });
});
