// Settings → Integrações against a fake IXC webservice on 127.0.0.1: the admin saves the connection (the
// token never comes back to the browser), tests it, sees a refused token explained, syncs and watches the
// progress until the history shows the success.
import { expect, test } from "@playwright/test";
import { startFakeIxc, type FakeIxc } from "../tests/fakes/ixc-server";
import { loginAs } from "./helpers";

let fake: FakeIxc;

test.beforeAll(async () => {
  fake = await startFakeIxc({ customers: 120 });
});
test.afterAll(async () => {
  await fake.close();
});

test("an admin connects IXC, tests the connection and follows a sync to its end", async ({ page }) => {
  test.setTimeout(120_000);
  await loginAs(page, "admin");
  await page.goto("/configuracoes");
  await page.getByRole("link", { name: /Integrações \(IXC Provedor\)/ }).click();
  await expect(page.getByRole("heading", { name: "Integrações: IXC Provedor" })).toBeVisible();

  await page.getByLabel("URL do IXC").fill(fake.url);
  await page.getByLabel("Usuário do webservice (id)").fill(fake.userId);
  await page.getByLabel("Token").fill(fake.token);
  await page.getByRole("button", { name: "Salvar" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Integração salva." })).toBeVisible();
  await expect(page.getByTestId("token-state")).toContainText("Token configurado em");

  // Write-only: after a reload the token is nowhere in the page.
  await page.reload();
  await expect(page.getByTestId("token-state")).toContainText("Token configurado em");
  expect(await page.content()).not.toContain(fake.token);
  await expect(page.getByLabel("Token")).toHaveValue("");

  await page.getByRole("button", { name: "Testar conexão" }).click();
  await expect(page.getByTestId("test-result")).toHaveText("Conexão com o IXC funcionando: 120 clientes.");

  fake.inject("refuse-token");
  await page.getByRole("button", { name: "Testar conexão" }).click();
  await expect(page.getByTestId("test-result")).toContainText("o IXC recusou o usuário/token (HTTP 401): Token inválido");

  // Slow pages: the run stays visible while it goes.
  fake.faults.pageDelayMs = 300;
  await page.getByRole("button", { name: "Sincronizar agora" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sincronização na fila" })).toBeVisible();
  const runs = page.getByTestId("sync-runs").locator("li");
  await expect(runs.first()).toHaveAttribute("data-status", "RUNNING", { timeout: 30_000 });
  await expect(runs.first().getByRole("progressbar")).toBeVisible();
  await expect(runs.first()).toContainText("linhas/s");
  fake.faults.pageDelayMs = 0;
  await expect(runs.first()).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 60_000 });
  await expect(runs.first().getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await expect(runs.first()).toContainText("clientes 120/120 ✓");
  await expect(page.getByTestId("last-success")).not.toContainText("nenhum ainda");
  await page.screenshot({ path: "/tmp/raio-integracoes.png", fullPage: true });
});
