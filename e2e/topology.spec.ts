import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

// The map opens on the city centre at zoom 13; one step in shows the CTO layer.
const CITY_CENTER = { lat: -22.9056, lng: -47.0608 };

interface Cto { id: number; name: string; lat: number; lng: number; used: number; capacity: number }

/** The demo CTO with at least two logins nearest the map's centre (it shows in the middle of the map). */
async function ctoNearCentre(api: APIRequestContext): Promise<Cto> {
  const d = 0.02;
  const res = await api.get(`/api/v1/topology/ctos?bbox=${CITY_CENTER.lng - d},${CITY_CENTER.lat - d},${CITY_CENTER.lng + d},${CITY_CENTER.lat + d}`);
  expect(res.ok()).toBe(true);
  const { ctos } = (await res.json()) as { ctos: Cto[] };
  const dist = (c: Cto) => Math.hypot(c.lat - CITY_CENTER.lat, c.lng - CITY_CENTER.lng);
  const best = ctos.filter((c) => c.used >= 2).sort((a, b) => dist(a) - dist(b))[0];
  if (!best) throw new Error("nenhuma CTO de demonstração perto do centro");
  return best;
}

async function plantLogins(api: APIRequestContext, kind: string, id: number): Promise<string[]> {
  const res = await api.get(`/api/v1/topology/elements/${kind}/${id}/logins?pageSize=500`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { rows: { username: string }[] }).rows.map((r) => r.username);
}

/**
 * One zoom step in, with the login clusters, the outage labels and the order regions hidden: they would sit on
 * top of the boxes (an earlier spec's order in execution puts its building icon wherever its region is).
 */
async function showCtos(page: Page) {
  await page.goto("/mapa");
  await page.getByRole("checkbox", { name: /Logins/ }).uncheck();
  await page.getByRole("checkbox", { name: /Sugestões de interrupção/ }).uncheck();
  await page.getByRole("checkbox", { name: /Causas prováveis/ }).uncheck();
  for (const status of ["Aberta", "Em Execução", "Finalizada", "Cancelada"]) {
    await page.getByRole("checkbox", { name: `Regiões ${status}` }).setChecked(false);
  }
  await expect(page.getByTestId("order-icon")).toHaveCount(0);
  await page.locator(".leaflet-control-zoom-in").click();
  await expect(page.locator("path.raio-cto").first()).toBeVisible();
}

test("a CTO's click lists its logins, and its right-click opens an OS whose Logins Afetados are exactly the CTO's", async ({ page }) => {
  await loginAs(page, "admin");
  const cto = await ctoNearCentre(page.request);
  const usernames = await plantLogins(page.request, "CTO", cto.id);
  expect(usernames.length).toBe(cto.used);

  await showCtos(page);
  const box = page.locator(`path.raio-cto-${cto.id}`);
  await box.hover();
  await expect(page.getByTestId("cto-tooltip")).toContainText(`${cto.name}: ${cto.used} de ${cto.capacity} portas`);
  await box.click();
  const panel = page.getByTestId("element-panel");
  await expect(panel.getByTestId("element-name")).toHaveText(cto.name);
  await expect(panel.getByTestId("element-summary")).toContainText(`${cto.used} login(s) em ${cto.capacity} portas`);
  for (const u of usernames) await expect(panel.getByTestId("element-logins")).toContainText(u);
  await panel.getByRole("button", { name: "Fechar" }).click();

  await box.click({ button: "right" });
  const form = page.getByTestId("equipment-order-form");
  await expect(form).toBeVisible();
  await form.getByLabel("Descrição").fill("CTO sem sinal (e2e topologia)");
  const created = page.waitForResponse((r) => r.url().endsWith("/api/v1/topology/orders") && r.request().method() === "POST");
  await form.getByRole("button", { name: "Criar OS" }).click();
  const body = (await (await created).json()) as { order: { id: number; number: number }; loginCount: number };
  expect(body.loginCount).toBe(usernames.length);
  await expect(page.getByText(`OS ${body.order.number} criada para ${cto.name}`)).toBeVisible();

  await page.goto(`/ordens/${body.order.id}`);
  await page.getByRole("tab", { name: "Logins Afetados" }).click();
  const affected = page.getByTestId("affected-logins");
  await expect(page.getByTestId("affected-count")).toContainText(`${usernames.length} login(s) afetado(s)`);
  for (const u of usernames) await expect(affected).toContainText(u);
});

test("a CTO's panel switches to its PON and lists the PON's logins", async ({ page }) => {
  await loginAs(page, "admin");
  const cto = await ctoNearCentre(page.request);
  await showCtos(page);
  await page.locator(`path.raio-cto-${cto.id}`).click();
  const panel = page.getByTestId("element-panel");
  await panel.getByRole("button", { name: /^PON / }).click();
  await expect(panel.getByText("PON", { exact: true })).toBeVisible();
  await expect(panel.getByTestId("element-summary")).toContainText(/\d+ login\(s\); \d+ online/);
  await expect(panel.getByTestId("element-login").first()).toBeVisible();
  await panel.getByRole("button", { name: "Fechar" }).click();

  // The layer panel hides the boxes and shows them again.
  const boxes = page.locator("path.raio-cto");
  await page.getByRole("checkbox", { name: "Caixas (CTO)" }).uncheck();
  await expect(boxes).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Caixas (CTO)" }).check();
  await expect(boxes.first()).toBeVisible();
});
