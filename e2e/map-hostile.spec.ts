// Issue 11 item 1: names from outside (ERP logins and customers imported by CSV, subject names, order
// descriptions) reach every Leaflet sink on /mapa as text: hovering or clicking markers, regions and
// suggestions runs no script, adds no element, and shows the name literally.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/import/parse-csv";
import { loginAs } from "./helpers";

const FIXTURE = path.join(import.meta.dirname, "fixtures", "hostile");
const logins = parseCsv(readFileSync(path.join(FIXTURE, "logins.csv"), "utf8")).rows.map((r) => ({
  username: r.values.login!, lat: Number(r.values.lat), lng: Number(r.values.lng),
}));
const SUBJECT = `<img src=x onerror=alert("assunto")> Assunto ${Date.now().toString(36)}`;
const DESCRIPTION = `<script>alert("os")</script><img src=x onerror=alert("descricao")> poste & "caixa"`;

/** What a payload would leave behind if it had been parsed as HTML. */
async function injectedElements(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('img[src="x"], [onerror], [onload], iframe, svg[onload]').length);
}

/** Hovers every login dot on the map (dispatched on it: a region or a label may lie on top of some dots) until
 * each of the twelve hostile logins has shown its tooltip with its name exactly as written. */
async function expectEveryTooltipLiteral(page: Page) {
  const seen = new Set<string>();
  const tooltip = page.locator(".leaflet-tooltip");
  await expect(async () => {
    // The list is a snapshot: the map redraws its layers on its own (the logins every 20 s, the suggestions and
    // regions when they poll), so a dot may be gone by the time it is reached. Every step is bounded, and a
    // vanished dot ends this sweep: the next try lists the dots again.
    const bounded = { timeout: 1_000 };
    for (const dot of await page.locator("path.leaflet-interactive").all()) {
      const b = await dot.boundingBox(bounded).catch(() => "gone" as const);
      if (b === "gone") break; // the layers were redrawn: list the dots again
      if (!b || b.width > 16 || b.height > 16) continue; // login dots only (regions are larger)
      if (!(await dot.dispatchEvent("mouseover", undefined, bounded).then(() => true, () => false))) break;
      const text = (await tooltip.last().textContent(bounded).catch(() => null)) ?? "";
      await dot.dispatchEvent("mouseout", undefined, bounded).catch(() => undefined);
      const name = logins.find((l) => text === `${l.username} · offline`);
      if (name) seen.add(name.username);
    }
    expect([...seen].sort()).toEqual(logins.map((l) => l.username).sort());
  }).toPass({ timeout: 30_000 });
}

test("hostile login, customer, subject and order names reach the map's tooltips, icons and popups as text", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); void d.dismiss(); });
  await loginAs(page, "admin");

  // The hostile logins go offline together: an outage suggestion around them.
  const at = new Date().toISOString();
  const status = await page.request.post("/api/v1/logins/status", { data: { events: logins.map((l) => ({ login: l.username, online: false, at })) } });
  expect(status.status(), await status.text()).toBe(200);
  // A hostile subject and an order over a corner of the outage (it overlaps the suggestion, does not cover it).
  const subject = await page.request.post("/api/v1/subjects", { data: { name: SUBJECT, maintenanceMessage: "Manutenção <b>{{nome}}</b>", isMaintenance: false } });
  expect(subject.status(), await subject.text()).toBe(201);
  const corner = logins.slice(0, 2);
  const [minLng, maxLng] = [Math.min(...corner.map((l) => l.lng)) - 0.0002, Math.max(...corner.map((l) => l.lng)) + 0.0002];
  const [minLat, maxLat] = [Math.min(...corner.map((l) => l.lat)) - 0.0002, Math.max(...corner.map((l) => l.lat)) + 0.0002];
  const region = await page.request.post("/api/v1/regions", {
    data: {
      subjectId: (await subject.json()).subject.id, description: DESCRIPTION,
      region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [[[minLng, minLat], [maxLng, minLat], [maxLng, maxLat], [minLng, maxLat], [minLng, minLat]]] } },
    },
  });
  expect(region.status(), await region.text()).toBe(201);
  const order = (await region.json()).order as { id: number; number: number };

  await page.goto("/mapa");
  await expect(page.getByTestId("logins-loaded")).toContainText(/[1-9]\d* logins nesta área/);

  // The region's card: subject and description as written.
  const icon = page.locator(`[data-testid="order-icon"][data-order-number="${order.number}"]`);
  await icon.hover();
  const card = page.getByTestId("region-popup");
  await expect(card).toContainText(SUBJECT);
  await expect(card).toContainText(DESCRIPTION);
  await card.getByRole("button", { name: "Executar" }).click();
  await expect(card.getByTestId("confirm-impact")).toContainText(SUBJECT);
  await expect(card.getByTestId("confirm-message")).toHaveText("Manutenção <b>{{nome}}</b>");
  await card.getByRole("button", { name: "Voltar" }).click();

  // The suggestion's card names the overlapped order with its description; the draft form lists it too.
  const label = page.getByTestId("outage-label").filter({ hasText: `sobrepõe OS ${order.number}` });
  await label.click();
  const suggestion = page.getByTestId("outage-popup");
  await expect(suggestion).toContainText(DESCRIPTION);
  await suggestion.getByRole("button", { name: "Criar região" }).click();
  const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
  await expect(dialog).toContainText(DESCRIPTION);
  await expect(dialog.getByLabel("Assunto").locator("option", { hasText: SUBJECT })).toHaveCount(1);
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialog).toBeHidden();

  // Street level over the hostile logins, through the view in the address (#zoom/lat/lng): at zoom 17 the
  // twelve logins (80 m apart, ~75 px) are each their own marker and all fit the map.
  const centre = { lat: logins.reduce((a, l) => a + l.lat, 0) / logins.length, lng: logins.reduce((a, l) => a + l.lng, 0) / logins.length };
  await page.evaluate(({ lat, lng }) => { window.location.hash = `#17/${lat.toFixed(5)}/${lng.toFixed(5)}`; }, centre);
  await expect(page.getByTestId("logins-loaded")).toContainText(/\d+ logins nesta área/);
  await expectEveryTooltipLiteral(page);
  // The address keeps the view: after a reload the twelve are still each their own marker.
  expect(new URL(page.url()).hash).toMatch(/^#17\/-22\.925\d*\/-47\.024\d*$/);
  await page.reload();
  await expectEveryTooltipLiteral(page);
  await page.screenshot({ path: "/tmp/raio-map-hostile.png" });

  expect(dialogs, "nenhum alert() executado").toEqual([]);
  expect(await injectedElements(page), "nenhum elemento injetado").toBe(0);

  // Tidy up for the specs that follow: the logins back online, the order cancelled.
  const back = new Date(Date.now() + 1_000).toISOString();
  expect((await page.request.post("/api/v1/logins/status", { data: { events: logins.map((l) => ({ login: l.username, online: true, at: back })) } })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/service-orders/${order.id}/cancel`, { data: {} })).status()).toBe(200);
});
