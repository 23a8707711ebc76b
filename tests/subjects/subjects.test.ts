import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET, POST } from "@/app/api/v1/subjects/route";
import { PATCH } from "@/app/api/v1/subjects/[id]/route";
import { POST as preview } from "@/app/api/v1/subjects/preview/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";

describe("subjects and their mass-maintenance return message", () => {
  it("lets an admin create a maintenance subject, audited", async () => {
    const { cookie } = await loginAs("ADMIN");
    const res = await call(POST, "/api/v1/subjects", {
      cookie, body: { name: "Manutenção de rede", isMaintenance: true, maintenanceMessage: "Olá {{nome}}, previsão {{previsao}}." },
    });
    expect(res.status).toBe(201);
    expect(await db.auditLog.count({ where: { action: "subject.create", entityId: String(res.body.subject.id) } })).toBe(1);
  });

  it("refuses a maintenance subject without a message, naming the field, and stores nothing", async () => {
    const { cookie } = await loginAs("ADMIN");
    const before = await db.subject.count();
    const res = await call(POST, "/api/v1/subjects", { cookie, body: { name: "Sem mensagem", isMaintenance: true } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("maintenanceMessage");
    expect(await db.subject.count()).toBe(before);
  });

  it("refuses writes from agents and managers", async () => {
    for (const role of ["AGENT", "MANAGER"] as const) {
      const { cookie } = await loginAs(role);
      const res = await call(POST, "/api/v1/subjects", { cookie, body: { name: "Qualquer" } });
      expect(res.status).toBe(403);
    }
  });

  it("retires a subject: hidden from the default list, kept with ?retired=1", async () => {
    const { cookie } = await loginAs("ADMIN");
    const created = await call(POST, "/api/v1/subjects", { cookie, body: { name: "Antigo" } });
    const id = created.body.subject.id as number;
    const retired = await call(PATCH, `/api/v1/subjects/${id}`, { method: "PATCH", cookie, body: { retired: true }, params: { id: String(id) } });
    expect(retired.status).toBe(200);
    const list = await call(GET, "/api/v1/subjects", { cookie });
    expect(list.body.subjects.map((s: { id: number }) => s.id)).not.toContain(id);
    const all = await call(GET, "/api/v1/subjects?retired=1", { cookie });
    expect(all.body.subjects.map((s: { id: number }) => s.id)).toContain(id);
  });

  it("edits the message", async () => {
    const { cookie } = await loginAs("ADMIN");
    const created = await call(POST, "/api/v1/subjects", { cookie, body: { name: "Editável", isMaintenance: true, maintenanceMessage: "v1" } });
    const id = String(created.body.subject.id);
    const res = await call(PATCH, `/api/v1/subjects/${id}`, { method: "PATCH", cookie, body: { maintenanceMessage: "v2 {{os}}" }, params: { id } });
    expect(res.body.subject.maintenanceMessage).toBe("v2 {{os}}");
    const missing = await call(PATCH, "/api/v1/subjects/999999", { method: "PATCH", cookie, body: { name: "Nada" }, params: { id: "999999" } });
    expect(missing.status).toBe(404);
  });

  it("previews the message for a real customer, leaving unknown variables visible", async () => {
    const { cookie } = await loginAs("ADMIN");
    const { customer } = await createCustomer({ customer: { name: "Joana Prado Lima", neighborhood: "Cambuí" } });
    const res = await call(preview, "/api/v1/subjects/preview", {
      cookie, body: { message: "Oi {{primeiroNome}} ({{nome}}), OS {{os}}: {{diagnosticoClienteStatus}}. {{desconhecida}}", customerId: customer.id },
    });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe("Oi Joana (Joana Prado Lima), OS 123: Ativo. {{desconhecida}}");
  });
});
