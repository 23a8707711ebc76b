// Planned work in the browser: an admin plans an Aberta order a minute ahead on its page (with the server's
// warnings), the order goes Em Execução by itself — no click —, and the timeline takes notes for customers
// and internal ones. On a desktop and on a 360 px phone, with no sideways scrolling.
import { expect, test, type Page } from "@playwright/test";
import { createRegionViaApi, loginAs } from "./helpers";

/** A small square far from the demo customers (the order starts for real; it must not touch other specs). */
function ringAt(lng: number, lat: number, half = 0.0008) {
  return [[lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half]];
}

/** "2026-11-30T14:05" on the ISP's clock (the e2e server runs with the default zone, São Paulo). */
function wallClock(instant: Date): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat("en-US", {
    timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }).formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth - window.innerWidth);
}

const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800, lng: -47.55 },
  { name: "phone 360", width: 360, height: 740, lng: -47.58 },
] as const;

for (const vp of VIEWPORTS) {
  test(`${vp.name}: an order planned a minute ahead starts by itself; the timeline takes notes`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width: vp.width, height: vp.height });
    await loginAs(page, "admin");
    const order = await createRegionViaApi(page.request, ringAt(vp.lng, -23.45), `Troca de OLT programada (e2e ${vp.name})`);
    await page.goto(`/ordens/${order.id}`);
    await expect(page.getByRole("heading", { name: "Programar manutenção" })).toBeVisible();

    // A start in the past is refused, naming the field.
    await page.getByLabel("Início previsto").fill(wallClock(new Date(Date.now() - 2 * 3_600_000)));
    await page.getByRole("button", { name: "Programar" }).click();
    await expect(page.getByRole("region", { name: "Programar manutenção" }).getByRole("alert")).toContainText("scheduledStartAt: o início previsto já passou");

    // The next whole minute at least 30 s away (the input has minute resolution).
    const start = new Date(Math.ceil((Date.now() + 30_000) / 60_000) * 60_000);
    await page.getByLabel("Início previsto").fill(wallClock(start));
    await page.getByLabel("Previsão de término").fill(wallClock(new Date(start.getTime() + 2 * 3_600_000)));
    await page.getByRole("button", { name: "Programar" }).click();
    const result = page.getByTestId("schedule-result");
    await expect(result).toContainText("Programação salva, com avisos");
    await expect(result.locator('[data-code="SHORT_NOTICE"]')).toContainText("menos que 72 h");
    await expect(page.getByTestId("order-scheduled-start")).toContainText("(inicia sozinha)");
    expect(await horizontalOverflow(page), "a página programada rola para o lado").toBeLessThanOrEqual(0);

    // No click: the durable job starts it at its time; the page only reloads to see it. (A reload at the very
    // moment of the start may read the order before the commit and its history after it: both are waited for.)
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("status-history")).toContainText("Em Execução", { timeout: 2_000 });
      await expect(page.getByRole("heading", { name: "Programar manutenção" })).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 180_000, intervals: [3_000] });
    await expect(page.getByTestId("status-history")).toContainText("Início programado para");

    // The timeline: a note for customers and an internal one, with who and when; the forecast change is there too.
    const timeline = page.getByRole("region", { name: "Linha do tempo" });
    await timeline.getByLabel("Atualização").fill("Equipe no local; troca da placa em andamento.");
    await timeline.getByLabel("Tipo").selectOption("PUBLIC_NOTE");
    await timeline.getByRole("button", { name: "Publicar" }).click();
    await expect(page.getByTestId("order-timeline").locator('[data-kind="PUBLIC_NOTE"]')).toContainText("Equipe no local; troca da placa em andamento.");
    await timeline.getByLabel("Atualização").fill("<b>nota interna</b> com fornecedor");
    await timeline.getByLabel("Tipo").selectOption("INTERNAL_NOTE");
    await timeline.getByRole("button", { name: "Publicar" }).click();
    const internal = page.getByTestId("order-timeline").locator('[data-kind="INTERNAL_NOTE"]');
    await expect(internal).toContainText("<b>nota interna</b> com fornecedor"); // shown as text, never as HTML
    await expect(internal).toContainText("Ana Administradora");
    await expect(page.getByTestId("order-timeline").locator('[data-kind="FORECAST"]')).toHaveCount(1);
    expect(await horizontalOverflow(page), "a linha do tempo rola para o lado").toBeLessThanOrEqual(0);
  });
}
