import { expect, test } from "@playwright/test";
import { createRegionViaApi, loginAs, narrowestHeaderGap, twoNeighbours } from "./helpers";

test("an admin finalizes an order, adjusts one discount, confirms, and the dashboard's figures change", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request;
  // Cambuí: away from the other specs' regions.
  const { ring } = await twoNeighbours(api, "-47.062,-22.90,-47.045,-22.885");
  // A wider square around the same place, so several contracts are affected.
  const [cx, cy] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2];
  const h = 0.003;
  const wide = [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]];
  const order = await createRegionViaApi(api, wide, "Rompimento de fibra (e2e descontos)");
  expect((await api.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);

  await page.goto("/painel");
  const kpi = page.locator('[data-kpi="discounts"] dd').first();
  const before = (await kpi.textContent())!;

  await page.goto(`/ordens/${order.id}`);
  const form = page.getByRole("region", { name: "Finalizar OS" });
  await expect(form).toBeVisible();
  // The interruption started three hours ago (the default is when the order went Em Execução).
  // The browser runs in São Paulo time (playwright.config.ts): write the local time it expects.
  const start = new Date(Date.now() - 3 * 3_600_000).toLocaleString("sv-SE", { timeZone: "America/Sao_Paulo" }).slice(0, 16).replace(" ", "T");
  await form.getByLabel("Início da interrupção").fill(start);
  await expect(form.getByTestId("interruption-duration")).toContainText(/3 h|2 h 59/);
  const rows = form.locator("tbody tr[data-contract]");
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);

  // The headers read apart ("Proposto", "Valor final (R$)"), not "PropostoValor final (R$)".
  expect(await narrowestHeaderGap(form.locator("table"))).toBeGreaterThanOrEqual(8);

  // Adjust one line: R$ 5,00 with a reason.
  const first = rows.first();
  await first.getByLabel(/Valor final para/).fill("5,00");
  await first.getByLabel(/Motivo para/).fill("Cliente empresarial: acordo comercial");
  await form.getByRole("button", { name: "Confirmar finalização" }).click();
  await page.getByRole("dialog", { name: `Finalizar a OS ${order.number}?` }).getByRole("button", { name: "Finalizar e aplicar descontos" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Finalizada");

  // The discounts tab shows every line and the changed one with who changed it.
  await page.getByRole("tab", { name: "Descontos" }).click();
  const discounts = page.getByTestId("order-discounts");
  await expect(discounts).toContainText(`${count} contrato(s)`);
  await expect(discounts).toContainText("R$ 5,00");
  await expect(discounts).toContainText("alterado por Ana Administradora");
  expect(await narrowestHeaderGap(discounts.locator("table"))).toBeGreaterThanOrEqual(8);

  // The manager's dashboard now counts these discounts this month.
  await page.goto("/painel");
  await expect(kpi).not.toHaveText(before);
  await page.screenshot({ path: "/tmp/raio-painel.png", fullPage: true });
});
