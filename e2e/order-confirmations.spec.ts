// Executar, Finalizar and Cancelar on the order page ask first, in an accessible dialog that says what
// the action sets off; Esc and "Voltar" change nothing.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { createRegionViaApi, loginAs, twoNeighbours } from "./helpers";

async function statusOf(api: APIRequestContext, id: number): Promise<string> {
  const res = await api.get(`/api/v1/service-orders/${id}`);
  return ((await res.json()) as { order: { status: string } }).order.status;
}

/** Focus stays inside the open dialog however often Tab is pressed. */
async function expectFocusTrapped(page: Page) {
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.closest("dialog[open]") !== null)).toBe(true);
  }
}

test.afterAll(async ({ browser }) => {
  // Leave the webhook off for the other specs.
  const page = await browser.newPage();
  await loginAs(page, "admin");
  await page.request.put("/api/v1/webhooks", { data: { url: null } });
  await page.close();
});

test("Executar and Finalizar say what they set off and wait for the admin's confirmation", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request;
  expect((await api.put("/api/v1/webhooks", { data: { url: "http://127.0.0.1:9/raio-hook", generateSecret: true } })).ok()).toBe(true);
  // Taquaral: away from the other specs' regions; a wider square so several customers are inside.
  const { ring } = await twoNeighbours(api, "-47.065,-22.88,-47.05,-22.866");
  const [cx, cy] = [(ring[0]![0]! + ring[2]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2];
  const h = 0.002;
  const order = await createRegionViaApi(api, [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]], "Troca de cabo (e2e confirmações)");

  // What the dialog must say, from the API.
  const affected = (await (await api.get(`/api/v1/service-orders/${order.id}/affected-logins?pageSize=100`)).json()) as { total: number; rows: { customerId: number }[] };
  expect(affected.total).toBeGreaterThan(1);
  expect(affected.total).toBeLessThanOrEqual(100);
  const customers = new Set(affected.rows.map((r) => r.customerId)).size;
  const detail = (await (await api.get(`/api/v1/service-orders/${order.id}`)).json()) as { order: { subject: { maintenanceMessage: string } } };
  const firstLine = detail.order.subject.maintenanceMessage.split("\n")[0]!.trim();

  await page.goto(`/ordens/${order.id}`);
  const execute = page.getByRole("button", { name: "Executar" });
  await execute.click();
  const dialog = page.getByRole("dialog", { name: `Executar a OS ${order.number}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId("execute-affected")).toHaveText(new RegExp(`${customers} cliente\\(s\\) e ${affected.total} login\\(s\\)`));
  await expect(dialog.getByTestId("execute-message")).toContainText(firstLine);
  await expect(dialog.getByTestId("execute-webhook")).toContainText("127.0.0.1:9");
  // The harmless choice has the focus, and Tab cannot leave the dialog.
  await expect(dialog.getByRole("button", { name: "Voltar" })).toBeFocused();
  await expectFocusTrapped(page);

  // Esc closes it and nothing happens; focus returns to the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(execute).toBeFocused();
  expect(await statusOf(api, order.id)).toBe("ABERTA");
  // "Voltar" too.
  await execute.click();
  await dialog.getByRole("button", { name: "Voltar" }).click();
  await expect(dialog).toBeHidden();
  expect(await statusOf(api, order.id)).toBe("ABERTA");

  await execute.click();
  await dialog.getByRole("button", { name: "Executar agora" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Em Execução");
  expect(await statusOf(api, order.id)).toBe("EM_EXECUCAO");

  // Finalizar: the dialog names the discount total the discount-proposal endpoint computes.
  const form = page.getByRole("region", { name: "Finalizar OS" });
  await expect(form.getByTestId("discount-total")).toBeVisible();
  await form.getByRole("button", { name: "Confirmar finalização" }).click();
  const finalize = page.getByRole("dialog", { name: `Finalizar a OS ${order.number}?` });
  await expect(finalize).toBeVisible();
  const total = (await finalize.getByTestId("finalize-total").textContent())!;
  const shown = /R\$\s?([\d.]+,\d{2})/.exec(total)![1]!;
  await expect(form.getByTestId("discount-total")).toContainText(shown);
  await finalize.getByRole("button", { name: "Voltar" }).click();
  await expect(finalize).toBeHidden();
  expect(await statusOf(api, order.id)).toBe("EM_EXECUCAO");

  await form.getByRole("button", { name: "Confirmar finalização" }).click();
  await finalize.getByRole("button", { name: "Finalizar e aplicar descontos" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Finalizada");
});

test("Cancelar states its consequence and cancels only when confirmed", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request;
  const { ring } = await twoNeighbours(api, "-47.09,-22.887,-47.075,-22.872");
  const order = await createRegionViaApi(api, ring, "Poda de árvore (e2e cancelar)");
  await page.goto(`/ordens/${order.id}`);
  await page.getByRole("button", { name: "Cancelar OS" }).click();
  const dialog = page.getByRole("dialog", { name: `Cancelar a OS ${order.number}?` });
  await expect(dialog).toContainText("nenhum cliente recebe mensagem");
  await expect(dialog).toContainText("não pode ser desfeita");
  await page.keyboard.press("Escape");
  expect(await statusOf(api, order.id)).toBe("ABERTA");
  await page.getByRole("button", { name: "Cancelar OS" }).click();
  await dialog.getByRole("button", { name: "Cancelar a OS" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Cancelada");
});
