// The public status page as a customer uses it: no login, no JavaScript. An admin executes an order over a
// demo customer's block; a visitor sees it under the city and neighbourhood, looks up the customer's CEP and
// an unknown one, and subscribes by e-mail: the confirmation link arrives at an SMTP server run by this test,
// is followed, and the unsubscribe link switches the notices off. The page runs under the app's CSP.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createRegionViaApi, loginAs, twoNeighbours } from "./helpers";
import { readableMail, startFakeSmtp, type FakeSmtp } from "../tests/fakes/notification-servers";

let smtp: FakeSmtp;
let place: { zip: string; neighborhood: string; city: string };
let orderNumber = 0;

/** A visitor's page: a fresh context without cookies and with JavaScript off. */
async function visitor(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "pt-BR" });
  return context.newPage();
}

/** Reloads until the text shows (the page is served from a cache refreshed every few seconds). */
async function reloadUntil(page: Page, path: string, text: string) {
  await expect.poll(async () => {
    await page.goto(path);
    return (await page.locator("main").textContent()) ?? "";
  }, { timeout: 40_000, intervals: [1_000, 2_000] }).toContain(text);
}

test.beforeAll(async ({ browser }) => {
  smtp = await startFakeSmtp();
  const page = await browser.newPage();
  await loginAs(page, "admin");
  const api = page.request;
  const channels = await api.put("/api/v1/notifications/channels", {
    data: { email: { enabled: true, host: "127.0.0.1", port: smtp.port, secure: false, user: null, password: null, from: "status@provedor.test", ratePerSecond: 0 } },
  });
  expect(channels.status(), await channels.text()).toBe(200);
  const branding = await api.put("/api/v1/settings/status-page", { data: { providerName: "Provedor <e2e>", primaryColor: "#7c2d12" } });
  expect(branding.status(), await branding.text()).toBe(200);
  // West of the other specs' regions.
  const { ring, inside } = await twoNeighbours(api, "-47.20,-22.93,-47.10,-22.86");
  const order = await createRegionViaApi(api, ring, "Troca de cabo (e2e status)");
  expect((await api.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);
  orderNumber = order.number;
  const diag = await api.get(`/api/v1/diagnostics?login=${encodeURIComponent(inside.username)}`);
  place = ((await diag.json()) as { customer: { address: { zip: string; neighborhood: string; city: string } } }).customer.address;
  await page.close();
});

test.afterAll(async () => {
  await smtp.close();
});

test("a visitor without JavaScript sees the running work and looks up a CEP", async ({ browser }) => {
  const page = await visitor(browser);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await reloadUntil(page, "/status", `OS ${orderNumber}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Provedor <e2e>");
  const running = page.locator("section", { has: page.getByRole("heading", { name: "Manutenções em andamento" }) });
  await expect(running.getByRole("heading", { level: 3, name: new RegExp(place.city) })).toBeVisible();
  await expect(running.getByRole("heading", { level: 4, name: place.neighborhood, exact: true })).toBeVisible();
  await expect(running.locator(`[data-order="${orderNumber}"]`).first()).toContainText("Previsão de normalização");
  await expect(page.getByRole("img", { name: "Mapa aproximado das áreas em manutenção" })).toBeVisible();

  // The lookup form works as a plain GET form.
  await page.getByLabel("CEP ou nome da rua").fill(place.zip);
  await page.getByRole("button", { name: "Consultar" }).click();
  await expect(page).toHaveURL(/\/status\?q=/);
  await expect(page.locator("#resultado")).toContainText(`afeta o CEP ${place.zip}`);
  await expect(page.locator("#resultado")).toContainText(`OS ${orderNumber}`);

  await page.getByLabel("CEP ou nome da rua").fill("99999-999");
  await page.getByRole("button", { name: "Consultar" }).click();
  await expect(page.getByRole("alert")).toContainText("CEP 99999-999 não encontrado na nossa área de atendimento");

  await page.getByLabel("CEP ou nome da rua").fill("123");
  await page.getByRole("button", { name: "Consultar" }).click();
  await expect(page.getByRole("alert")).toContainText("CEP inválido");

  // Each server process keeps its own snapshot (refreshed every few seconds): the feed may come from a process
  // that has not seen the order yet.
  await expect.poll(async () => {
    const feed = await page.request.get("/status/feed.xml");
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    return feed.text();
  }, { timeout: 20_000, intervals: [1_000] }).toContain(`(OS ${orderNumber})`);
  expect(violations).toEqual([]);
  await page.context().close();
});

test("subscription round trip: confirm by the e-mailed link, then unsubscribe", async ({ browser }) => {
  const page = await visitor(browser);
  await page.goto("/status");
  const form = page.locator("form[action='/status/assinar']");
  await form.getByRole("radio", { name: "E-mail" }).check();
  await form.getByLabel("E-mail ou WhatsApp (com DDD)").fill("maria.e2e@exemplo.com.br");
  await form.getByLabel("CEP").fill("0000");
  await form.getByRole("button", { name: "Quero receber avisos" }).click();
  await expect(page.getByRole("alert")).toContainText("CEP: CEP inválido");
  await expect(form.getByLabel("E-mail ou WhatsApp (com DDD)")).toHaveValue("maria.e2e@exemplo.com.br"); // kept

  await form.getByLabel("CEP").fill(place.zip);
  await form.getByRole("button", { name: "Quero receber avisos" }).click();
  await expect(page.getByRole("status").filter({ hasText: "link de confirmação" })).toBeVisible();
  await expect.poll(() => smtp.mails.filter((m) => m.to.includes("maria.e2e@exemplo.com.br")).length).toBe(1);
  const mail = readableMail(smtp.mails.find((m) => m.to.includes("maria.e2e@exemplo.com.br"))!.raw);
  const confirmUrl = /https?:\/\/\S+\/status\/confirmar\?token=[A-Za-z0-9_-]+/.exec(mail)?.[0];
  expect(confirmUrl, mail).toBeDefined();

  await page.goto(confirmUrl!);
  await expect(page.getByRole("heading", { name: "Avisos confirmados" })).toBeVisible();
  const text = (await page.getByRole("status").textContent()) ?? "";
  const cancelUrl = /https?:\/\/\S+\/status\/cancelar\?token=[A-Za-z0-9_-]+/.exec(text)?.[0];
  expect(cancelUrl, text).toBeDefined();
  await page.goto(confirmUrl!); // a second visit: the link was used
  await expect(page.getByRole("heading", { name: "Link inválido ou expirado" })).toBeVisible();

  await page.goto(cancelUrl!);
  await expect(page.getByRole("heading", { name: "Avisos cancelados" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText(`do CEP ${place.zip}`);
  await page.context().close();
});

test("another site cannot post the subscription form for its visitors", async ({ request }) => {
  const res = await request.post("/status/assinar", {
    headers: { origin: "https://golpe.example", "content-type": "application/x-www-form-urlencoded" },
    data: `canal=email&contato=vitima%40exemplo.com&cep=${place.zip}`,
  });
  expect(res.status()).toBe(403);
  expect(smtp.mails.some((m) => m.to.includes("vitima@exemplo.com"))).toBe(false);
});

test("the production server answers the page from its micro-cache: ETag and 304, the CSP kept, no internal header", async ({ request }) => {
  let etag: string | undefined;
  for (let i = 0; i < 10 && !etag; i++) {
    const res = await request.get("/status");
    expect(res.status()).toBe(200);
    expect(res.headers()["x-raio-micro-cache"]).toBeUndefined();
    expect(res.headers()["x-raio-micro-cache-stamp"]).toBeUndefined();
    expect(res.headers()["content-security-policy"]).toContain("script-src");
    etag = res.headers()["etag"];
  }
  expect(etag).toBeTruthy();
  await expect.poll(async () => (await request.get("/status", { headers: { "if-none-match": etag! } })).status()).toBe(304);
});
