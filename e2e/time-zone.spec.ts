// Browsers far from the ISP (a laptop in UTC, a technician's phone in Manaus) show and send the ISP's time
// (São Paulo by default), the same as the rest of the page: the order form's "Previsão de término" and the
// finalize form's Início/Fim once followed the browser's zone (07:01 next to 04:01).
import { expect, test } from "@playwright/test";
import { createRegionViaApi, drawPolygon, loginAs, mapBox, twoNeighbours } from "./helpers";

const ISP_ZONE = "America/Sao_Paulo";

/** An instant as the ISP's wall clock, "2026-11-23T14:05" (what a datetime-local input shows). */
function ispInput(instant: Date): string {
  return instant.toLocaleString("sv-SE", { timeZone: ISP_ZONE }).slice(0, 16).replace(" ", "T");
}
/** An instant as the page shows it, "23/11/2026 14:05". */
function ispText(instant: Date): string {
  return instant.toLocaleString("pt-BR", { timeZone: ISP_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).replace(",", "");
}
const minute = (d: Date) => Math.floor(d.getTime() / 60_000);

for (const browserZone of ["UTC", "America/Manaus"]) {
  test.describe(`a browser in ${browserZone}`, () => {
    test.use({ timezoneId: browserZone });

    test("the finalize form's Início/Fim show and send the ISP's time", async ({ page }) => {
      await loginAs(page, "admin");
      const api = page.request;
      const { ring } = await twoNeighbours(api, "-47.062,-22.90,-47.045,-22.885");
      const order = await createRegionViaApi(api, ring, `Fuso horário ${browserZone} (e2e)`);
      expect((await api.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);
      const detail = (await (await api.get(`/api/v1/service-orders/${order.id}`)).json()) as { order: { executedAt: string; openedAt: string } };
      const executedAt = new Date(detail.order.executedAt);

      await page.goto(`/ordens/${order.id}`);
      // The rest of the page: São Paulo time.
      await expect(page.getByText(ispText(new Date(detail.order.openedAt))).first()).toBeVisible();
      const form = page.getByRole("region", { name: "Finalizar OS" });
      const start = form.getByLabel("Início da interrupção");
      // Shown on the ISP's clock, and the zone is named beside it.
      await expect(start).toHaveValue(ispInput(executedAt));
      await expect(form.getByTestId("time-zone-label").first()).toHaveText("(horário de Brasília)");

      // Typed on the ISP's clock: three hours ago there.
      const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000);
      // The discounts are re-priced for that very instant.
      const proposal = page.waitForRequest((r) => {
        const sent = new URL(r.url()).searchParams.get("interruptionStart");
        return r.url().includes("/discount-proposal") && sent !== null && minute(new Date(sent)) === minute(threeHoursAgo);
      });
      await start.fill(ispInput(threeHoursAgo));
      await expect(form.getByTestId("interruption-duration")).toContainText(/3 h|2 h 59/);
      await proposal;

      await form.getByRole("button", { name: "Confirmar finalização" }).click();
      await page.getByRole("dialog", { name: `Finalizar a OS ${order.number}?` }).getByRole("button", { name: "Finalizar e aplicar descontos" }).click();
      await expect(page.getByTestId("order-status").first()).toHaveText("Finalizada");
      const saved = (await (await api.get(`/api/v1/service-orders/${order.id}`)).json()) as { order: { interruptionStart: string } };
      expect(minute(new Date(saved.order.interruptionStart))).toBe(minute(threeHoursAgo));
    });

    test("the order form's Previsão de término shows and sends the ISP's time", async ({ page }) => {
      await loginAs(page, "admin");
      await page.goto("/mapa");
      await expect(page.getByTestId("logins-loaded")).toContainText(/[1-9]\d* logins nesta área/);
      const box = await mapBox(page);
      const dx = browserZone === "UTC" ? -200 : 200; // a different spot per run
      await drawPolygon(page, [[box.width / 2 + dx - 40, box.height / 2 - 150], [box.width / 2 + dx + 40, box.height / 2 - 150], [box.width / 2 + dx + 40, box.height / 2 - 90], [box.width / 2 + dx - 40, box.height / 2 - 90]]);
      const dialog = page.getByRole("dialog", { name: "Nova OS de Estrutura" });
      await expect(dialog).toBeVisible();
      const expected = dialog.getByLabel("Previsão de término");
      // The default, four hours from now, on the ISP's clock.
      const value = await expected.inputValue();
      expect(Math.abs(minute(new Date(`${value}:00-03:00`)) - minute(new Date(Date.now() + 4 * 3_600_000)))).toBeLessThanOrEqual(2);
      await expect(dialog.getByTestId("time-zone-label").first()).toHaveText("(horário de Brasília)");

      const end = new Date(Date.now() + 26 * 3_600_000);
      await expected.fill(ispInput(end));
      await dialog.getByLabel("Descrição").fill(`Previsão no fuso do provedor (${browserZone}, e2e)`);
      const created = page.waitForResponse((r) => r.url().endsWith("/api/v1/regions") && r.request().method() === "POST");
      await dialog.getByRole("button", { name: "Salvar" }).click();
      const body = (await (await created).json()) as { order: { id: number } };
      const saved = (await (await page.request.get(`/api/v1/service-orders/${body.order.id}`)).json()) as { order: { expectedEndAt: string } };
      expect(minute(new Date(saved.order.expectedEndAt))).toBe(minute(end));

      // The order page shows the same wall-clock time that was typed.
      await page.goto(`/ordens/${body.order.id}`);
      await expect(page.getByText(ispText(end))).toBeVisible();
    });
  });
}
