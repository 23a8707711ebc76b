// Issue 11 item 5: client mistakes that reached PostgreSQL as errors (NUL bytes: 22021; ids above int4:
// Prisma P2020) and answered 500. Each must be a 400 naming the field, writing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as customers } from "@/app/api/v1/customers/route";
import { GET as diagnostics } from "@/app/api/v1/diagnostics/route";
import { POST as contacts } from "@/app/api/v1/contacts/route";
import { POST as regions } from "@/app/api/v1/regions/route";
import { GET as order } from "@/app/api/v1/service-orders/[id]/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { GET as discounts } from "@/app/api/v1/discounts/route";
import { GET as orders } from "@/app/api/v1/service-orders/route";
import { GET as invoice } from "@/app/api/v1/contracts/[id]/invoice/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { formatDocument } from "@/lib/validation/document";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createMaintenanceSubject, validBody } from "../orders/fixtures";

let admin: { cookie: string };
let agentToken: string;
let adminToken: string;

beforeAll(async () => {
  await createMaintenanceSubject("Manutenção em massa");
  admin = await loginAs("ADMIN");
  agentToken = (await createBearer("AGENT")).token;
  adminToken = (await createBearer("ADMIN")).token;
});

describe("NUL characters", () => {
  it.each([
    ["customer search", customers, "/api/v1/customers?q=%00abc", "q"],
    ["diagnostics by login", diagnostics, "/api/v1/diagnostics?login=%00", "login"],
    ["order list search", orders, "/api/v1/service-orders?q=a%00b", "q"],
  ])("%s: a NUL in the query string is a 400 naming the parameter", async (_label, handler, path, field) => {
    const res = await call(handler, path, { token: agentToken });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "VALIDATION", field });
    expect(res.body.error.message).toContain("nulo");
  });

  it("a contact text holding NUL is refused naming the field, and no contact is stored", async () => {
    const { customer } = await createCustomer();
    const before = await db.contact.count();
    const res = await call(contacts, "/api/v1/contacts", {
      token: agentToken,
      body: { cpf: formatDocument(customer.document), channel: "chat", text: "caiu\u0000a internet" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("text");
    expect(await db.contact.count()).toBe(before);
  });

  it("a region description holding NUL is refused naming the field, and no order is stored", async () => {
    const before = await db.serviceOrder.count();
    const res = await call(regions, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ description: "poste\u0000caído" }) });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("description");
    expect(await db.serviceOrder.count()).toBe(before);
  });
});

describe("ids beyond a PostgreSQL integer (2,147,483,647)", () => {
  it("a path id is a 400 naming `id`, for reads and writes", async () => {
    const read = await call(order, "/api/v1/service-orders/99999999999", { token: agentToken, params: { id: "99999999999" } });
    expect(read.status).toBe(400);
    expect(read.body.error.field).toBe("id");
    expect(read.body.error.message).toMatch(/grande demais/);
    const write = await call(execute, "/api/v1/service-orders/99999999999/execute", { cookie: admin.cookie, method: "POST", params: { id: "99999999999" } });
    expect(write.status).toBe(400);
    expect(write.body.error.field).toBe("id");
    const contract = await call(invoice, "/api/v1/contracts/2147483648/invoice", { token: agentToken, params: { id: "2147483648" } });
    expect(contract.status).toBe(400);
    const token = await call(revokeToken, "/api/v1/tokens/99999999999", { cookie: admin.cookie, method: "DELETE", params: { id: "99999999999" } });
    expect(token.status).toBe(400);
    expect(token.body.error.field).toBe("id");
  });

  it("a filter id is a 400 naming the filter", async () => {
    const res = await call(discounts, "/api/v1/discounts?orderId=99999999999", { token: adminToken });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("orderId");
    const bySubject = await call(orders, "/api/v1/service-orders?subjectId=99999999999", { token: adminToken });
    expect(bySubject.status).toBe(400);
    expect(bySubject.body.error.field).toBe("subjectId");
    const byCustomer = await call(diagnostics, "/api/v1/diagnostics?customerId=99999999999", { token: agentToken });
    expect(byCustomer.status).toBe(400);
    expect(byCustomer.body.error.field).toBe("customerId");
  });

  it("the largest integer id is a plain 404", async () => {
    const res = await call(order, "/api/v1/service-orders/2147483647", { token: agentToken, params: { id: "2147483647" } });
    expect(res.status).toBe(404);
  });
});
