import { expect, test } from "@playwright/test";
import { createRegionViaApi, loginAs, twoNeighbours } from "./helpers";

// An interruption under 10 minutes: the finalize screen says why there is no discount, and finalizing writes
// no R$ 0,00 lines (issue: an order that ran 40 s wrote thousands of them).
test("an order that ran under 10 minutes: the finalize screen says why no discount applies, and none is written", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request;
  // Taquaral: away from the other specs' regions.
  const { ring } = await twoNeighbours(api, "-47.06,-22.88,-47.04,-22.865");
  const [cx, cy] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2];
  const h = 0.002;
  const square = [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]];
  const order = await createRegionViaApi(api, square, "Reinício de OLT (e2e sem desconto)");
  expect((await api.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);

  await page.goto(`/ordens/${order.id}`);
  const form = page.getByRole("region", { name: "Finalizar OS" });
  await expect(form.getByTestId("interruption-duration")).toContainText(/0 h [0-9] min/);
  await expect(form.getByTestId("discount-summary")).toContainText("Nenhum desconto.");
  await expect(form.getByTestId("discount-summary")).toContainText("abaixo do mínimo de 10 minutos da Anatel (RQUAL)");
  await expect(form.getByTestId("discount-total")).toHaveText("R$ 0,00");
  await form.getByRole("button", { name: "Confirmar finalização" }).click();
  await page.getByRole("dialog", { name: `Finalizar a OS ${order.number}?` }).getByRole("button", { name: "Finalizar e aplicar descontos" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Finalizada");

  const list = await (await api.get(`/api/v1/discounts?orderId=${order.id}`)).json();
  expect(list.total).toBe(0);
  await page.getByRole("tab", { name: "Descontos" }).click();
  await expect(page.getByText("Nenhum desconto aplicado")).toBeVisible();
});
