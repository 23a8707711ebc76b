import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listNotifications } from "@/app/api/v1/subjects/[id]/notifications/route";
import { PUT as saveNotification } from "@/app/api/v1/subjects/[id]/notifications/[event]/route";
import { GET as listOptOuts, PUT as putOptOuts } from "@/app/api/v1/customers/[id]/notification-opt-outs/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";

let admin: string;
let agent: string;
let subjectId: number;

const put = (event: string, body: unknown, cookie = admin, id = subjectId) =>
  call(saveNotification, `/api/v1/subjects/${id}/notifications/${event}`, { method: "PUT", body, cookie, params: { id: String(id), event } });

beforeAll(async () => {
  admin = (await loginAs("ADMIN")).cookie;
  agent = (await loginAs("AGENT")).cookie;
  subjectId = (await db.subject.create({ data: { name: `Rompimento ${Date.now()}` } })).id;
});

describe("a subject's notices per event", () => {
  it("lists every event with its suggested text and variables until configured", async () => {
    const res = await call(listNotifications, `/api/v1/subjects/${subjectId}/notifications`, { cookie: admin, params: { id: String(subjectId) } });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { event: string }) => e.event)).toEqual(["ORDER_STARTED", "FORECAST_CHANGED", "ORDER_FINALIZED", "PLANNED_MAINTENANCE", "OUTAGE_CONFIRMED", "ORDER_UPDATE"]);
    const finalized = res.body.events.find((e: { event: string }) => e.event === "ORDER_FINALIZED");
    expect(finalized).toMatchObject({ configured: false, channels: [] });
    expect(finalized.template).toContain("{{desconto}}");
    expect(finalized.variables).toContain("desconto");
  });

  it("saves the text and channels of one event (URL in any case) and reads them back", async () => {
    const body = {
      template: "Olá, {{primeiroNome}}! OS {{os}} mudou de {{ previsaoAnterior }} para {{previsao}}.",
      emailSubject: "Nova previsão – OS {{os}}",
      channels: ["EMAIL", "SMS", "WHATSAPP", "EMAIL"],
      whatsappTemplateId: "6501f0c2a9",
      whatsappVariables: ["primeiroNome", "previsao"],
    };
    const res = await put("forecast-changed", body);
    expect(res.status).toBe(200);
    expect(res.body.notification).toMatchObject({ event: "FORECAST_CHANGED", channels: ["EMAIL", "SMS", "WHATSAPP"], whatsappTemplateId: "6501f0c2a9" });
    const list = await call(listNotifications, `/api/v1/subjects/${subjectId}/notifications`, { cookie: admin, params: { id: String(subjectId) } });
    expect(list.body.events.find((e: { event: string }) => e.event === "FORECAST_CHANGED")).toMatchObject({ configured: true, template: body.template });
    expect(await db.auditLog.count({ where: { action: "subject.notification", entityId: String(subjectId) } })).toBe(1);
  });

  it.each([
    { label: "an unknown variable in the text", event: "ORDER_STARTED", body: { template: "OS {{numero}}", channels: ["SMS"] }, field: "template", msg: "{{numero}} desconhecida" },
    { label: "a variable of another event", event: "ORDER_STARTED", body: { template: "{{desconto}}", channels: ["SMS"] }, field: "template", msg: "{{desconto}}" },
    { label: "a diagnostic variable", event: "ORDER_FINALIZED", body: { template: "{{diagnosticoAcessoOnline}}", channels: ["EMAIL"] }, field: "template", msg: "variável de diagnóstico" },
    { label: "an unknown variable in the e-mail subject", event: "ORDER_FINALIZED", body: { template: "ok", emailSubject: "{{x}}", channels: ["EMAIL"] }, field: "emailSubject", msg: "{{x}}" },
    { label: "an unknown WhatsApp variable", event: "ORDER_STARTED", body: { channels: ["WHATSAPP"], whatsappTemplateId: "t1", whatsappVariables: ["os", "numero"] }, field: "whatsappVariables.1", msg: "{{numero}}" },
    { label: "WhatsApp without the template id", event: "ORDER_STARTED", body: { template: "x", channels: ["WHATSAPP"] }, field: "whatsappTemplateId", msg: "Opa! Suite" },
    { label: "a text channel without text", event: "ORDER_STARTED", body: { template: "  ", channels: ["EMAIL"] }, field: "template", msg: "Escreva o texto" },
    { label: "an unknown channel", event: "ORDER_STARTED", body: { template: "x", channels: ["TELEGRAM"] }, field: "channels.0", msg: "Canal desconhecido" },
  ])("refuses $label with 400 naming the field, saving nothing", async ({ event, body, field, msg }) => {
    const before = await db.subjectNotification.count();
    const res = await put(event, body);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toContain(msg);
    expect(await db.subjectNotification.count()).toBe(before);
  });

  it("refuses an unknown event (400), an unknown subject (404) and an agent (403)", async () => {
    expect((await put("order-exploded", { template: "x" })).body.error.field).toBe("event");
    expect((await put("ORDER_STARTED", { template: "x" }, admin, 999_999)).status).toBe(404);
    expect((await put("ORDER_STARTED", { template: "x" }, agent)).status).toBe(403);
  });
});

describe("opt-outs (LGPD)", () => {
  it("replaces a customer's opt-outs per channel and lists them", async () => {
    const { customer } = await createCustomer();
    const path = `/api/v1/customers/${customer.id}/notification-opt-outs`;
    const params = { id: String(customer.id) };
    const first = await call(putOptOuts, path, { method: "PUT", body: { channels: ["WHATSAPP", "SMS"] }, cookie: agent, params });
    expect(first.status).toBe(200);
    expect(first.body.optOuts.map((o: { channel: string }) => o.channel).sort()).toEqual(["SMS", "WHATSAPP"]);
    await call(putOptOuts, path, { method: "PUT", body: { channels: ["SMS", "EMAIL"] }, cookie: agent, params });
    const list = await call(listOptOuts, path, { cookie: agent, params });
    expect(list.body.optOuts.map((o: { channel: string }) => o.channel).sort()).toEqual(["EMAIL", "SMS"]);
    const bad = await call(putOptOuts, path, { method: "PUT", body: { channels: ["FAX"] }, cookie: agent, params });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("channels.0");
    expect((await call(putOptOuts, `/api/v1/customers/999999/notification-opt-outs`, { method: "PUT", body: { channels: [] }, cookie: agent, params: { id: "999999" } })).status).toBe(404);
  });
});
