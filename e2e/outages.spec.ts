import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loginAs, loginsIn, type LoginMarker } from "./helpers";

// Centro, the demo city's densest neighbourhood (prisma/demo/city.ts): the map opens there.
const CENTRO = { lng: -47.0608, lat: -22.9056 };
/** The box searched for logins around Centro, in degrees each side (~1 km). */
const SEARCH_HALF_DEG = 0.01;
/** Logins taken offline: the ones nearest to Centro's centre, a block-sized outage. */
const OUTAGE_LOGINS = 36;

interface Suggestion {
  offlineCount: number; totalInArea: number; loginsInArea: number; offlineBeforeCount: number; offlineShare: number;
  offlineLoginIds: number[]; areaM2: number; overlaps: { number: number }[]; coveredBy: { number: number } | null; polygon: unknown;
}

/** The nearest online logins to a point, as the monitoring system would see a neighbourhood go dark. */
async function onlineLoginsNear(request: APIRequestContext, lng: number, lat: number, n: number): Promise<LoginMarker[]> {
  const bbox = [lng - SEARCH_HALF_DEG, lat - SEARCH_HALF_DEG, lng + SEARCH_HALF_DEG, lat + SEARCH_HALF_DEG].map((v) => v.toFixed(6)).join(",");
  const logins = await loginsIn(request, bbox);
  const kx = Math.cos((lat * Math.PI) / 180);
  const d2 = (m: LoginMarker) => ((m.lng - lng) * kx) ** 2 + (m.lat - lat) ** 2;
  const near = logins.filter((m) => m.online).sort((a, b) => d2(a) - d2(b)).slice(0, n);
  expect(near.length, "logins online em Centro").toBe(n);
  return near;
}

/** Posts a status batch through the feed (POST /api/v1/logins/status), as RADIUS accounting sends it. */
async function reportOffline(request: APIRequestContext, logins: LoginMarker[]) {
  const at = new Date().toISOString();
  const res = await request.post("/api/v1/logins/status", { data: { events: logins.map((l) => ({ login: l.username, online: false, at })) } });
  expect(res.status(), await res.text()).toBe(200);
  expect((await res.json()).updated).toBe(logins.length);
}

async function suggestionCovering(request: APIRequestContext, ids: number[]): Promise<Suggestion> {
  const res = await request.get("/api/v1/outages/suggestions");
  expect(res.ok()).toBe(true);
  const { suggestions } = (await res.json()) as { suggestions: Suggestion[] };
  const hit = suggestions.find((s) => ids.every((id) => s.offlineLoginIds.includes(id)));
  if (!hit) throw new Error(`nenhuma sugestão cobre os ${ids.length} logins desligados (${suggestions.length} sugestões)`);
  return hit;
}

async function zoomIn(page: Page, times: number) {
  for (let i = 0; i < times; i++) {
    await page.locator(".leaflet-control-zoom-in").click();
    await page.waitForTimeout(400); // the zoom animation
  }
}

test("a neighbourhood goes offline, the map suggests its region, and one click turns it into an Aberta order", async ({ page }) => {
  await loginAs(page, "admin");
  const outage = await onlineLoginsNear(page.request, CENTRO.lng, CENTRO.lat, OUTAGE_LOGINS);
  await reportOffline(page.request, outage);
  const suggestion = await suggestionCovering(page.request, outage.map((l) => l.id));
  expect(suggestion.offlineShare).toBeGreaterThanOrEqual(0.5);

  await page.goto("/mapa");
  await expect(page.getByTestId("logins-loaded")).toContainText(/[1-9]\d* logins nesta área/);
  await expect(page.getByLabel("Sugestões de interrupção")).toBeChecked();

  // The dashed suggestion with its label: "36 de 45 offline (80%) desde 14:05".
  const pct = Math.round(suggestion.offlineShare * 100);
  const label = page.getByTestId("outage-label").filter({ hasText: `${suggestion.offlineCount} de ${suggestion.totalInArea} offline (${pct}%) desde` });
  await expect(label).toBeVisible();
  await expect(label).toHaveText(/desde \d{2}:\d{2}/);
  await expect(page.locator('path.leaflet-interactive[stroke-dasharray="6 6"], path[stroke-dasharray="6 6"]').first()).toBeAttached();
  await zoomIn(page, 3); // a block-sized region: zoom in to see and edit its vertices
  await page.screenshot({ path: "/tmp/raio-outage-suggestion.png" });

  await label.click();
  const popup = page.getByTestId("outage-popup");
  await expect(popup).toContainText("Sugestão de interrupção");
  // What each number is: went offline of those online before; every login located in the area.
  await expect(popup.getByTestId("outage-offline")).toHaveText(`${suggestion.offlineCount} de ${suggestion.totalInArea} (${pct}%)`);
  await expect(popup.getByTestId("outage-logins-in-area")).toHaveText(String(suggestion.loginsInArea));
  await expect(popup).toContainText(`${suggestion.offlineBeforeCount} já estavam offline antes`);
  expect(suggestion.loginsInArea).toBe(suggestion.totalInArea + suggestion.offlineBeforeCount);
  await popup.getByRole("button", { name: "Criar região" }).click();

  // The order form opens with the suggestion already drawn, and its vertices can still be dragged.
  const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
  await expect(dialog).toBeVisible();
  const summary = dialog.getByTestId("drawn-summary");
  await expect(summary).toContainText(/Região com \d+ vértices/);
  // The form counts the same logins as the suggestion's "Logins na área", and repeats its numbers.
  await expect(summary).toContainText(`${suggestion.loginsInArea} logins dentro`);
  await expect(dialog.getByTestId("drawn-suggestion")).toContainText(
    `${suggestion.offlineCount} de ${suggestion.totalInArea} logins online ficaram offline`);
  await expect(dialog.getByTestId("drawn-suggestion")).toContainText(`${suggestion.loginsInArea} logins na área`);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  const before = await summary.textContent();

  const vertices = page.locator(".leaflet-marker-pane .marker-icon:not(.marker-icon-middle)");
  expect(await vertices.count()).toBeGreaterThanOrEqual(3);
  const labelBox = (await label.boundingBox())!;
  const centre = { x: labelBox.x + labelBox.width / 2, y: labelBox.y + labelBox.height / 2 };
  // The vertex farthest from the label (inside the region) among those a person can reach — on the
  // visible map, not under the form, with room to drag — moved 40 px further out: the area grows.
  const mapArea = (await page.locator(".leaflet-container").first().boundingBox())!;
  const formArea = (await dialog.boundingBox())!;
  const MARGIN = 60;
  const reachable = (p: { x: number; y: number }) =>
    p.x > mapArea.x + MARGIN && p.x < mapArea.x + mapArea.width - MARGIN && p.y > mapArea.y + MARGIN && p.y < mapArea.y + mapArea.height - MARGIN &&
    !(p.x > formArea.x - MARGIN && p.x < formArea.x + formArea.width + MARGIN && p.y > formArea.y - MARGIN && p.y < formArea.y + formArea.height + MARGIN);
  // …and not covered by a cluster marker: the element under the pointer must be the vertex handle itself.
  const onTop = (p: { x: number; y: number }) =>
    page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.classList.contains("marker-icon") === true, p);
  let far = { x: 0, y: 0, d: -1 };
  for (const box of await Promise.all((await vertices.all()).map((v) => v.boundingBox()))) {
    if (!box) continue;
    const p = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const d = Math.hypot(p.x - centre.x, p.y - centre.y);
    if (reachable(p) && d > far.d && (await onTop(p))) far = { ...p, d };
  }
  expect(far.d, "um vértice visível fora do formulário").toBeGreaterThan(0);
  const out = { x: far.x + ((far.x - centre.x) / far.d) * 40, y: far.y + ((far.y - centre.y) / far.d) * 40 };
  await page.mouse.move(far.x, far.y);
  await page.mouse.down();
  await page.mouse.move(out.x, out.y, { steps: 8 });
  await page.mouse.up();
  await expect(summary).not.toHaveText(before ?? "");
  await page.screenshot({ path: "/tmp/raio-outage-form.png" });

  await dialog.getByLabel("Descrição").fill("Queda de energia no Centro: caixa de emenda (e2e)");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog).toBeHidden();
  const notice = page.getByTestId("map-notice");
  await expect(notice).toContainText(/OS \d+ criada/);
  const number = Number(/OS (\d+)/.exec((await notice.textContent()) ?? "")![1]);

  // The new region's building icon, Aberta; the suggestion now says it overlaps that order.
  const icon = page.locator(`[data-testid="order-icon"][data-order-number="${number}"]`);
  await expect(icon).toHaveAttribute("data-status", "ABERTA");
  // The suggestion is now handled: "coberta pela OS N", and no "Criar região" for a second order.
  const covered = page.getByTestId("outage-label").filter({ hasText: `coberta pela OS ${number}` });
  await expect(covered).toBeVisible();
  await expect(covered).toHaveAttribute("data-covered", "true");
  await page.screenshot({ path: "/tmp/raio-outage-created.png" });
  await covered.click();
  await expect(popup.getByTestId("outage-covered")).toContainText(`coberta pela OS ${number} (Aberta)`);
  await expect(popup.getByRole("button", { name: "Criar região" })).toHaveCount(0);
  // …and the server refuses a second order from it, whoever asks.
  const again = await page.request.post("/api/v1/regions", {
    data: {
      description: "Duplicada (e2e)",
      region: { type: "Feature", properties: {}, geometry: suggestion.polygon },
      fromSuggestion: { offlineLoginIds: suggestion.offlineLoginIds },
    },
  });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.message).toContain(`coberta pela OS ${number}`);

  // What was saved is the edited polygon, larger than the suggestion.
  const list = await (await page.request.get(`/api/v1/service-orders?pageSize=50`)).json();
  const created = (list.orders as { id: number; number: number }[]).find((o: { number: number }) => o.number === number);
  if (!created) throw new Error(`OS ${number} não está na lista`);
  const order = (await (await page.request.get(`/api/v1/service-orders/${created.id}`)).json()).order;
  expect(order.region.areaM2).toBeGreaterThan(suggestion.areaM2);
});

test("an admin points the order webhook at a receiver, gets a secret once, and sees each delivery attempt", async ({ page }) => {
  await loginAs(page, "admin");
  page.on("dialog", (d) => void d.accept()); // "Gerar um novo segredo?" when one is already set
  await page.goto("/configuracoes");
  const panel = page.getByTestId("webhook-panel");
  // Nothing listens there: every attempt fails (connection refused), and each one is logged.
  await panel.getByLabel("URL do webhook").fill("http://127.0.0.1:59999/raio");
  await panel.getByRole("button", { name: "Salvar" }).click();
  await expect(panel.getByRole("status").first()).toContainText("URL do webhook salva");
  await panel.getByRole("button", { name: "Gerar novo segredo" }).click();
  const secret = (await panel.getByTestId("new-webhook-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[0-9a-f]{64}$/);

  await page.reload();
  await expect(panel.getByTestId("webhook-secret-state")).toContainText(`${secret.slice(0, 4)}…`);
  expect(await page.content()).not.toContain(secret);

  const { orders } = (await (await page.request.get("/api/v1/service-orders?status=ABERTA&pageSize=1")).json()) as { orders: { id: number; number: number }[] };
  const order = orders[0]!;
  expect((await page.request.post(`/api/v1/service-orders/${order.id}/execute`, { data: {} })).status()).toBe(200);

  const row = panel.getByTestId("webhook-deliveries").locator("tr", { hasText: "order.started" }).filter({ hasText: `OS ${order.number}` });
  await expect(async () => {
    await panel.getByRole("button", { name: "Atualizar" }).click();
    await expect(row.first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(row.first().locator("td").nth(3)).toContainText("ECONNREFUSED"); // the result column names the error
  await page.screenshot({ path: "/tmp/raio-webhook-panel.png", fullPage: true });
});
