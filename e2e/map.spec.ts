import { expect, test, type Page } from "@playwright/test";
import { drawPolygon, loginAs, mapBox, type MapPoint } from "./helpers";

async function openMap(page: Page) {
  await loginAs(page, "admin");
  await page.goto("/mapa");
  await expect(page.getByTestId("logins-loaded")).toContainText(/[1-9]\d* logins nesta área/);
  // The demo's open and executing regions are drawn with their building icons.
  await expect(page.getByTestId("order-icon").first()).toBeAttached();
}

/** A quadrilateral south of the centre, in pixels from the map's centre. */
async function around(page: Page, offsets: MapPoint[]): Promise<MapPoint[]> {
  const box = await mapBox(page);
  return offsets.map(([dx, dy]) => [box.width / 2 + dx, box.height / 2 + dy]);
}

test("an admin draws a region, saves its order, executes it from the building icon, and finds it after a reload", async ({ page }) => {
  await openMap(page);
  const before = (await (await page.request.get("/api/v1/service-orders?pageSize=1")).json()).total as number;

  const points = await around(page, [[-90, 60], [70, 40], [90, 170], [-70, 180]]);
  await drawPolygon(page, points);

  const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("drawn-summary")).toContainText("4 vértices");
  await expect(dialog.getByLabel("Assunto")).toHaveValue(/\d+/);
  await expect(dialog.getByLabel("Assunto").locator("option:checked")).toHaveText("Manutenção em massa");
  await dialog.getByLabel("Descrição").fill("Troca de splitter na Vila Industrial (e2e)");
  await dialog.getByLabel("Responsável").fill("Equipe Sul");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  await expect(dialog).toBeHidden();

  const notice = page.getByTestId("map-notice");
  await expect(notice).toContainText(/OS \d+ criada/);
  const number = Number(/OS (\d+)/.exec((await notice.textContent()) ?? "")![1]);
  // Polled: the API context's keep-alive connection, idle ~5 s while drawing, may be closed by the server
  // just as it is reused (ECONNRESET); a retry opens a new one.
  await expect.poll(async () => (await (await page.request.get("/api/v1/service-orders?pageSize=1")).json()).total).toBe(before + 1);

  const icon = page.locator(`[data-testid="order-icon"][data-order-number="${number}"]`);
  await expect(icon).toHaveAttribute("data-status", "ABERTA");
  await page.screenshot({ path: "/tmp/raio-map-created.png" });
  await icon.hover();
  const popup = page.getByTestId("region-popup");
  await expect(popup).toContainText(`OS ${number}`);
  await expect(popup).toContainText("Manutenção em massa");
  await expect(popup.getByTestId("order-status")).toHaveText("Aberta");
  await expect(popup.getByTestId("popup-logins")).toHaveText(/^\d+$/);
  await expect(popup.getByTestId("popup-customers")).toHaveText(/^\d+$/);
  await page.screenshot({ path: "/tmp/raio-map-popup.png" });

  // Executar asks first: how many customers and logins, and the message they will get. Nothing runs yet.
  const logins = (await popup.getByTestId("popup-logins").textContent())!;
  const customers = (await popup.getByTestId("popup-customers").textContent())!;
  await popup.getByRole("button", { name: "Executar" }).click();
  const confirm = popup.getByTestId("confirm-action");
  await expect(confirm).toContainText(`Executar a OS ${number}?`);
  await expect(confirm.getByTestId("confirm-impact")).toContainText(`${customers} cliente(s) com ${logins} login(s) dentro da região`);
  await expect(confirm.getByTestId("confirm-impact")).toContainText("Manutenção em massa");
  await expect(confirm.getByTestId("confirm-message")).not.toBeEmpty();
  await page.screenshot({ path: "/tmp/raio-map-confirm-execute.png" });
  const orderId = Number(/\/ordens\/(\d+)/.exec((await popup.getByRole("link", { name: `OS ${number}` }).getAttribute("href")) ?? "")![1]);
  const statusNow = async () => (await (await page.request.get(`/api/v1/service-orders/${orderId}`)).json()).order.status as string;
  expect(await statusNow()).toBe("ABERTA");
  await confirm.getByRole("button", { name: "Voltar" }).click();
  await expect(confirm).toBeHidden();
  expect(await statusNow()).toBe("ABERTA");
  await popup.getByRole("button", { name: "Executar" }).click();
  await confirm.getByRole("button", { name: "Confirmar execução" }).click();
  await expect(popup.getByTestId("order-status")).toHaveText("Em Execução");
  expect(await statusNow()).toBe("EM_EXECUCAO");
  await expect(popup.getByRole("button", { name: "Executar" })).toHaveCount(0);
  await expect(icon).toHaveAttribute("data-status", "EM_EXECUCAO");

  await page.reload();
  await expect(icon).toHaveAttribute("data-status", "EM_EXECUCAO");
  await icon.hover();
  await expect(popup.getByTestId("order-status")).toHaveText("Em Execução");
  await expect(popup).toContainText("Troca de splitter");

  // The order page tells the same story, with who executed it.
  await popup.getByRole("link", { name: `OS ${number}` }).click();
  await expect(page.getByRole("heading", { name: `OS ${number}` })).toBeVisible();
  await expect(page.getByTestId("order-status").first()).toHaveText("Em Execução");
  await expect(page.getByTestId("status-history")).toContainText("Ana Administradora");
  await expect(page.getByTestId("status-history").locator("tr")).toHaveCount(2);
  await page.screenshot({ path: "/tmp/raio-order-page.png", fullPage: true });
});

test("a self-intersecting region is refused with a Portuguese message and nothing is stored", async ({ page }) => {
  await openMap(page);
  const before = (await (await page.request.get("/api/v1/service-orders?pageSize=1")).json()).total as number;
  // A bowtie: the second edge crosses the fourth.
  const points = await around(page, [[-200, -150], [-60, -40], [-60, -150], [-200, -40]]);
  await drawPolygon(page, points, { start: "toolbar" });
  const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
  await expect(dialog.getByRole("alert")).toContainText("Região inválida");
  await expect(dialog.getByRole("alert")).toContainText(/cruza|interse/i);
  await expect(dialog.getByRole("button", { name: "Salvar" })).toBeDisabled();
  await page.screenshot({ path: "/tmp/raio-map-bowtie.png" });
  await dialog.getByRole("button", { name: "Cancelar" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(async () => (await (await page.request.get("/api/v1/service-orders?pageSize=1")).json()).total).toBe(before);
});

test("while drawing, Backspace removes the last point, the counter follows, and Esc cancels", async ({ page }) => {
  await openMap(page);
  const points = await around(page, [[-150, -120], [150, -120], [150, 150]]);
  const box = await mapBox(page);
  await page.getByRole("button", { name: "Inserir Região de Manutenção" }).click();
  for (const [x, y] of points) {
    await page.mouse.click(box.x + x, box.y + y);
    await page.waitForTimeout(350);
  }
  await expect(page.getByTestId("drawing-vertices")).toHaveText("3");
  await expect(page.getByTestId("drawing-logins")).toHaveText(/^[1-9]\d*\+?$/);
  await page.keyboard.press("Backspace");
  await expect(page.getByTestId("drawing-vertices")).toHaveText("2");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("drawing-panel")).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);
});

test("Cancelar OS on the map says what it stops and cancels only on confirmation", async ({ page }) => {
  await openMap(page);
  const points = await around(page, [[-120, -160], [-20, -160], [-20, -60], [-120, -60]]);
  await drawPolygon(page, points);
  const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
  await dialog.getByLabel("Descrição").fill("Poste caído (e2e cancelar)");
  await dialog.getByRole("button", { name: "Salvar" }).click();
  const notice = page.getByTestId("map-notice");
  await expect(notice).toContainText(/OS \d+ criada/);
  const number = Number(/OS (\d+)/.exec((await notice.textContent()) ?? "")![1]);
  const icon = page.locator(`[data-testid="order-icon"][data-order-number="${number}"]`);
  await icon.hover();
  const popup = page.getByTestId("region-popup");
  await expect(popup.getByTestId("popup-customers")).toHaveText(/^\d+$/);
  const customers = (await popup.getByTestId("popup-customers").textContent())!;
  // The map's box is not a scroll container: bringing a popup's button into view (as a click does) never shifts
  // the map under the pointer, where the click would land on the map and close the popup.
  const shifted = await popup.getByRole("button", { name: "Cancelar OS" }).evaluate((button) => {
    button.scrollIntoView({ block: "start", inline: "start" });
    const box = button.closest(".leaflet-container")!;
    return box.scrollTop + box.scrollLeft;
  });
  expect(shifted).toBe(0);
  await popup.getByRole("button", { name: "Cancelar OS" }).click();
  const confirm = popup.getByTestId("confirm-action");
  await expect(confirm).toContainText(`Cancelar a OS ${number}?`);
  await expect(confirm).toContainText(`Nenhuma mensagem foi enviada: a OS ainda não está em execução (${customers} cliente(s)`);
  await expect(confirm).toContainText("Esta ação não pode ser desfeita.");
  const list = (await (await page.request.get("/api/v1/service-orders?pageSize=50")).json()).orders as { id: number; number: number; status: string }[];
  const order = list.find((o) => o.number === number)!;
  expect(order.status).toBe("ABERTA");
  await confirm.getByRole("button", { name: "Confirmar cancelamento" }).click();
  await expect(notice).toContainText(`OS ${number}: Cancelada.`);
  expect((await (await page.request.get(`/api/v1/service-orders/${order.id}`)).json()).order.status).toBe("CANCELADA");
  await expect(icon).toHaveCount(0); // the Canceladas layer is off by default
});

test("a click on a login cluster zooms in to its logins", async ({ page }) => {
  await openMap(page);
  const clusters = page.locator(".raio-login-cluster-disc");
  await expect(clusters.first()).toBeVisible();
  // The biggest cluster: its disc says how many logins it holds, its title how many are offline.
  const titles = await clusters.evaluateAll((els) => els.map((el) => (el as HTMLElement).title));
  expect(titles.every((t) => /^\d[\d.]* logins, \d[\d.]* offline$/.test(t)), titles.join(" | ")).toBe(true);
  const counts = titles.map((t) => Number(t.split(" ")[0]!.replace(/\./g, "")));
  const biggest = counts.indexOf(Math.max(...counts));
  const zoomOf = (url: string) => Number(/^#(\d+)\//.exec(new URL(url).hash)?.[1] ?? "13");
  const before = zoomOf(page.url());
  // Dispatched on the disc itself: a region's building icon may sit on top of it on screen.
  await clusters.nth(biggest).dispatchEvent("click");
  await expect.poll(() => zoomOf(page.url())).toBeGreaterThan(before);
  // The view reloads for the new zoom: every login of the box is still counted, as clusters or markers.
  await expect(page.getByTestId("logins-loaded")).toContainText(/[1-9]\d* logins nesta área/);
  await expect(page.getByRole("menu")).toHaveCount(0);
});
