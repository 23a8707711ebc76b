// The dashboard's charts: axes and tooltips drawn by the chart library, the same numbers as a table
// ("Ver tabela"), and all of it under a strict Content-Security-Policy (no eval, no inline style attributes).
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

// No 'unsafe-eval' and no inline styles: what a strict policy refuses. ('unsafe-inline' scripts stay
// allowed here only because Next's bootstrap needs them without the nonce the app's own policy provides.)
const STRICT_CSP = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self'; img-src 'self' data:; connect-src 'self'";

async function withStrictCsp(page: Page, violations: string[]) {
  await page.route("**/painel*", async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), "content-security-policy": STRICT_CSP } });
  });
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  page.on("pageerror", (e) => violations.push(String(e)));
}

test("each chart has axes, a tooltip on hover and its numbers in a table, under a strict CSP", async ({ page }) => {
  await loginAs(page, "manager");
  const violations: string[] = [];
  await withStrictCsp(page, violations);
  const period = "from=2026-11-01&to=2026-11-30";
  const api = (await (await page.request.get(`/api/v1/dashboard?${period}`)).json()) as { daily: { day: string; orders: number }[] };
  const res = await page.goto(`/painel?${period}`);
  expect(res?.headers()["content-security-policy"]).toBe(STRICT_CSP);

  const chart = page.locator('[data-chart="OS abertas por dia"]');
  const canvas = chart.getByRole("img");
  await expect(canvas).toHaveAttribute("aria-label", /OS abertas por dia: total \d+/);
  // The library drew on the canvas (axes at least): it is not blank.
  const drawn = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
    return inked;
  });
  expect(drawn).toBeGreaterThan(500);

  // Hovering a day's column draws its tooltip: the canvas changes, and changes back when the pointer leaves.
  const before = await canvas.screenshot();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await expect.poll(async () => Buffer.compare(before, await canvas.screenshot())).not.toBe(0);
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height + 60, { steps: 5 });
  await expect.poll(async () => Buffer.compare(before, await canvas.screenshot())).toBe(0);

  // "Ver tabela": one row per day with the API's numbers.
  await chart.getByRole("button", { name: "Ver tabela" }).click();
  const table = chart.getByRole("table", { name: "OS abertas por dia" });
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(api.daily.length);
  const first = api.daily[0]!;
  await expect(table.locator("tbody tr").first()).toHaveText(`${first.day.slice(8, 10)}/${first.day.slice(5, 7)}${first.orders}`);
  await chart.getByRole("button", { name: "Ver gráfico" }).click();
  await expect(canvas).toBeVisible();

  await chart.screenshot({ path: "/tmp/raio-chart.png" });
  expect(violations).toEqual([]);
});
