// The order page's Notificações tab, live: an admin sets a subject's notice for "order started" on SMS, points
// the SMS channel at a gateway (a fake one in this test process, recording each request), executes an order and
// watches the notices arrive; a failed one is sent again with "Reenviar falhas".
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { loginAs, loginsIn } from "./helpers";

let gateway: Server;
let gatewayUrl = "";
const received: { to: string; msg: string }[] = [];
let failNext = 0;

test.beforeAll(async () => {
  gateway = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const parsed = JSON.parse(body) as { to: string; msg: string };
      if (failNext > 0) {
        failNext--;
        res.writeHead(400, { "content-type": "application/json" }).end('{"erro":"número bloqueado"}');
        return;
      }
      received.push(parsed);
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"enviado"}');
    });
  });
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => gateway.close(() => resolve()));
});

test("an executed order's notices show up live in its Notificações tab, with the gateway's answers", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request;
  const subject = await api.post("/api/v1/subjects", {
    data: { name: `Aviso SMS e2e ${Date.now()}`, isMaintenance: true, maintenanceMessage: "Manutenção na OS {{os}}." },
  });
  expect(subject.status(), await subject.text()).toBe(201);
  const subjectId = ((await subject.json()) as { subject: { id: number } }).subject.id;
  const notice = await api.put(`/api/v1/subjects/${subjectId}/notifications/ORDER_STARTED`, {
    data: { template: "Olá, {{primeiroNome}}! Manutenção na sua região (OS {{os}}).", channels: ["SMS"] },
  });
  expect(notice.status(), await notice.text()).toBe(200);
  const channels = await api.put("/api/v1/notifications/channels", {
    data: { sms: { enabled: true, url: gatewayUrl, method: "POST", bodyTemplate: '{"to":"{{telefone}}","msg":"{{mensagem}}"}', bodyEncoding: "json", ratePerSecond: 0 }, quietHours: { enabled: false } },
  });
  expect(channels.status(), await channels.text()).toBe(200);

  // Any demo login far from the other specs' regions (south of them): a square of ~800 m around it.
  const logins = await loginsIn(api, "-47.20,-23.05,-46.90,-22.935");
  expect(logins.length).toBeGreaterThan(0);
  const centre = logins[Math.floor(logins.length / 2)]!;
  const [cx, cy] = [centre.lng, centre.lat];
  const h = 0.004;
  const wide = [[cx - h, cy - h], [cx + h, cy - h], [cx + h, cy + h], [cx - h, cy + h], [cx - h, cy - h]];
  const res = await api.post("/api/v1/regions", {
    data: {
      subjectId, description: "Troca de splitter (e2e avisos)", expectedEndAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
      region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [wide] } },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const order = ((await res.json()) as { order: { id: number; number: number } }).order;
  failNext = 1; // the first SMS is refused by the gateway: a permanent failure
  expect((await api.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);

  await page.goto(`/ordens/${order.id}`);
  await page.getByRole("tab", { name: "Notificações" }).click();
  const tab = page.getByTestId("order-notifications");
  // Live: the progress bar reaches 100 % without reloading the page.
  await expect(tab.getByRole("progressbar", { name: "Progresso dos avisos" })).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
  const failed = Number(await tab.locator('[data-status="FAILED"]').textContent());
  const sent = Number(await tab.locator('[data-status="SENT"]').textContent());
  expect(failed).toBe(1);
  expect(sent).toBe(received.length);
  expect(sent).toBeGreaterThan(0);
  await expect(tab.getByTestId("notification-row").filter({ hasText: "Falhou" })).toContainText("erro permanente: HTTP 400");
  await expect(tab.getByTestId("notification-row").filter({ hasText: "Enviado" }).first()).toContainText('HTTP 200: {"status":"enviado"}');
  expect(received[0]!.msg).toMatch(new RegExp(`^Olá, .+! Manutenção na sua região \\(OS ${order.number}\\)\\.$`));

  // CSV export of the rows.
  const csv = await api.get(`/api/v1/service-orders/${order.id}/notifications?format=csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");

  // "Reenviar falhas": the refused one goes out again and the tab follows.
  await tab.getByRole("button", { name: /Reenviar falhas/ }).click();
  await expect(tab.getByRole("status")).toContainText("1 aviso(s) de volta à fila");
  await expect(tab.locator('[data-status="FAILED"]')).toHaveText("0", { timeout: 60_000 });
  await expect(tab.locator('[data-status="SENT"]')).toHaveText(String(sent + 1));
  expect(received).toHaveLength(sent + 1);
});
