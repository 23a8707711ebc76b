// The public status page (/status): what a visitor sees, the CEP/street lookup, the Atom feed, the branding
// from settings, and that visits are answered from memory. Runs on both backends.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { GET as statusPage } from "@/app/status/route";
import { GET as feed } from "@/app/status/feed.xml/route";
import { GET as getBranding, PUT as putBranding } from "@/app/api/v1/settings/status-page/route";
import { refreshStatusSnapshot } from "@/lib/status-page/status-read-model";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

const HOSTILE = `<img src=x onerror="alert(1)">&'"`;
let admin: string;
let agent: string;
let running: { id: number; number: number };
let planned: { id: number; number: number };
const customerNames: string[] = [];

const page = (query = "") => call(statusPage, `/status${query}`);

beforeAll(async () => {
  // Visits read memory only; refreshed here by hand (refreshStatusSnapshot) so the test decides when.
  process.env.RAIO_STATUS_REFRESH_MS = "600000";
  resetEnvCache();
  admin = (await loginAs("ADMIN")).cookie;
  agent = (await loginAs("AGENT")).cookie;
  const place = (lng: number, lat: number, zip: string, neighborhood: string, street: string, city = "Campinas") =>
    createCustomer({ lng, lat, customer: { zip, neighborhood, street, city, name: `Fulano Secreto ${zip}`, number: "77" } });
  for (const c of await Promise.all([
    place(-47.06, -22.9, "13010-001", "Cambuí", "Rua das Flores"),
    place(-47.061, -22.901, "13010001", "Cambuí", "Rua das Flores"),
    place(-47.059, -22.899, "13010-002", HOSTILE, "Avenida Brasil"),
    place(-46.5, -23.5, "01310-100", "Bela Vista", "Avenida Paulista", "São Paulo"),
    place(-45.0, -21.0, "37200-000", "Centro", "Rua Quieta", "Lavras"), // no maintenance there
  ])) customerNames.push(c.customer.name);
  const hostileSubject = await db.subject.create({ data: { name: `Troca de poste ${HOSTILE}`, isMaintenance: true, maintenanceMessage: "x" } });
  const r = await createOrderAt(square(-47.06, -22.9, 0.005), { execute: true, subjectId: hostileSubject.id });
  running = r.order;
  await db.serviceOrder.update({ where: { id: running.id }, data: { description: "DESCRIÇÃO INTERNA não pública" } });
  await db.orderUpdate.createMany({
    data: [
      { orderId: running.id, kind: "PUBLIC_NOTE", text: "Equipe no local, primeira nota", createdAt: new Date(Date.now() - 60_000) },
      { orderId: running.id, kind: "PUBLIC_NOTE", text: `Fibra emendada; faltam 30 min ${HOSTILE}`, createdAt: new Date() },
      { orderId: running.id, kind: "INTERNAL_NOTE", text: "NOTA INTERNA: fornecedor atrasou", createdAt: new Date(Date.now() + 1_000) },
    ],
  });
  const p = await createOrderAt(square(-46.5, -23.5, 0.005));
  planned = p.order;
  await db.serviceOrder.update({ where: { id: planned.id }, data: { scheduledStartAt: new Date(Date.now() + 4 * 86_400_000), planned: true } });
  // An open order without a planned start is staff-only work: not on the public page.
  await createOrderAt(square(-45.0, -21.0, 0.005));
  await refreshStatusSnapshot();
});

describe("the public status page", () => {
  it("lists running and planned work by city and neighbourhood with start, forecast and the latest public note", async () => {
    const res = await page();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = res.text;
    const runningPart = html.slice(html.indexOf("Manutenções em andamento"), html.indexOf("Manutenções programadas"));
    expect(runningPart).toContain("Campinas – SP");
    expect(runningPart).toContain("<h4>Cambuí</h4>");
    expect(runningPart).toContain(`OS ${running.number}`);
    expect(runningPart).toContain("Previsão de normalização:");
    expect(runningPart).toContain("Fibra emendada; faltam 30 min");
    expect(runningPart).not.toContain("primeira nota"); // only the latest public note
    const plannedPart = html.slice(html.indexOf("Manutenções programadas"));
    expect(plannedPart).toContain("São Paulo – SP");
    expect(plannedPart).toContain("Bela Vista");
    expect(plannedPart).toContain(`OS ${planned.number}`);
    expect(plannedPart).toContain("Início previsto");
    expect(html).not.toContain("Lavras");
  });

  it("never shows internal notes, descriptions, customers or their points", async () => {
    const { text } = await page();
    expect(text).not.toContain("NOTA INTERNA");
    expect(text).not.toContain("DESCRIÇÃO INTERNA");
    for (const name of customerNames) expect(text).not.toContain(name);
    expect(text).not.toContain("Rua das Flores");
    expect(text).not.toContain("-22.9,"); // no coordinates of customers (the map is SVG units)
    expect(text).not.toMatch(/<script/i);
  });

  it("renders hostile names from the ERP as text", async () => {
    const { text } = await page();
    expect(text).not.toContain("<img src=x");
    expect(text).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;&quot;");
  });

  it("draws a coarse map of the outlines", async () => {
    const { text } = await page();
    const svg = /<svg class="map"[\s\S]*?<\/svg>/.exec(text)?.[0] ?? "";
    expect(svg).toContain('class="area-running"');
    expect(svg).toContain('class="area-planned"');
    expect((svg.match(/<path /g) ?? []).length).toBe(2);
  });

  it.each([
    ["an affected CEP, typed with a dash", "13010-001", 200, "1 manutenção afeta o CEP 13010-001"],
    ["an affected CEP, digits only", "13010002", 200, "1 manutenção afeta o CEP 13010-002"],
    ["a known CEP without maintenance", "37200-000", 200, "Nenhuma manutenção em andamento ou programada para o CEP 37200-000"],
    ["an unknown CEP", "99999-999", 200, "CEP 99999-999 não encontrado na nossa área de atendimento"],
    ["a malformed CEP", "1301-00", 400, "CEP inválido: informe os 8 dígitos"],
    ["a street", "R. das Flores, 120", 200, "1 manutenção afeta “R. das Flores, 120”"],
    ["a street without maintenance", "Rua Quieta", 200, "Nenhuma manutenção em andamento ou programada"],
    ["too few letters", "ab", 400, "Informe um CEP (8 dígitos) ou o nome da rua"],
  ])("looks up %s", async (_label, q, status, expected) => {
    const res = await page(`?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(status);
    expect(res.text).toContain(expected);
  });

  it("answers visits from memory: a new order appears only after the read model refreshes", async () => {
    const before = await page("?q=37200000");
    expect(before.text).toContain("Nenhuma manutenção");
    const late = await createOrderAt(square(-45.0, -21.0, 0.004), { execute: true });
    expect((await page("?q=37200000")).text).toContain("Nenhuma manutenção"); // still the snapshot in memory
    await refreshStatusSnapshot();
    expect((await page("?q=37200000")).text).toContain(`OS ${late.order.number}`);
    await db.serviceOrder.update({ where: { id: late.order.id }, data: { status: "CANCELADA", cancelledAt: new Date() } });
    await refreshStatusSnapshot();
    expect((await page("?q=37200000")).text).toContain("Nenhuma manutenção");
  });

  it("marks the page for the production server's micro-cache, but not an error page", async () => {
    expect((await page()).headers.get("x-raio-micro-cache")).toBe("5000");
    expect((await page("?q=123")).headers.get("x-raio-micro-cache")).toBeNull();
  });
});

describe("the Atom feed", () => {
  it("has one entry per public order, escaped text and the Atom namespace", async () => {
    const res = await call(feed, "/status/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/atom+xml");
    const xml = res.text;
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((xml.match(/<entry>/g) ?? []).length).toBe(2);
    for (const entry of xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? []) {
      expect(entry).toMatch(/<id>http:\/\/localhost:3000\/status#os-\d+<\/id>/);
      expect(entry).toMatch(/<updated>\d{4}-\d\d-\d\dT[\d:.]+Z<\/updated>/);
      expect(entry).toContain("<title type=\"text\">");
    }
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;img src=x");
    expect(xml).not.toContain("NOTA INTERNA");
    // Balanced: every opened element is closed (a cheap well-formedness check).
    const opened = (xml.match(/<(entry|feed|title|summary|id|updated)[\s>]/g) ?? []).length;
    const closed = (xml.match(/<\/(entry|feed|title|summary|id|updated)>/g) ?? []).length;
    expect(opened).toBe(closed);
  });
});

describe("branding from settings", () => {
  const put = (body: unknown, cookie = admin) => call(putBranding, "/api/v1/settings/status-page", { method: "PUT", body, cookie });

  it("shows the provider's name, logo and colours", async () => {
    const logo = `data:image/png;base64,${Buffer.from("fake-png").toString("base64")}`;
    const res = await put({ providerName: "Fibra <Veloz>", primaryColor: "#AA3300", headerTextColor: "#000000", logo });
    expect(res.status).toBe(200);
    expect(res.body.statusPage).toMatchObject({ providerName: "Fibra <Veloz>", primaryColor: "#aa3300" });
    await refreshStatusSnapshot();
    const { text } = await page();
    expect(text).toContain("<title>Status da rede · Fibra &lt;Veloz&gt;</title>");
    expect(text).toContain("--brand:#aa3300;--on-brand:#000000");
    expect(text).toContain(`<img src="${logo}"`);
    expect((await call(getBranding, "/api/v1/settings/status-page", { cookie: admin })).body.statusPage.providerName).toBe("Fibra <Veloz>");
  });

  it.each([
    ["a colour that is not hex", { primaryColor: "red;}body{display:none" }, "primaryColor"],
    ["a logo on another site", { logo: "https://rastreador.example/logo.png" }, "logo"],
    ["an SVG logo (it can hold script)", { logo: "data:image/svg+xml;base64,PHN2Zz4=" }, "logo"],
    ["a protocol-relative logo", { logo: "//evil.example/x.png" }, "logo"],
    ["a javascript: logo", { logo: "javascript:alert(1)" }, "logo"],
    ["an empty name", { providerName: "  " }, "providerName"],
    ["an unknown field", { css: "x" }, undefined],
  ])("refuses %s and changes nothing", async (_label, body, field) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    if (field) expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/[a-zà-ú]/);
    const now = (await call(getBranding, "/api/v1/settings/status-page", { cookie: admin })).body.statusPage;
    expect(now.primaryColor).toBe("#aa3300");
  });

  it("is for administrators only", async () => {
    expect((await put({ providerName: "X" }, agent)).status).toBe(403);
    expect((await call(getBranding, "/api/v1/settings/status-page")).status).toBe(401);
  });
});
