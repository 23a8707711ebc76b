import { expect, test } from "@playwright/test";
import { DEMO, loginAs, logout, navLinks } from "./helpers";
import { NAV_ITEMS, can } from "../lib/auth/roles";

const ROLE = { admin: "ADMIN", agent: "AGENT", manager: "MANAGER" } as const;

test("a visitor who is not logged in is sent to the login page", async ({ page }) => {
  await page.goto("/configuracoes");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Raio" })).toBeVisible();
});

test("a wrong password is refused with a message in Portuguese", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(DEMO.admin.email);
  await page.getByLabel("Senha").fill("senha-errada");
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "E-mail" })).toHaveText("E-mail ou senha incorretos.");
  await expect(page).toHaveURL(/\/login$/);
});

for (const role of ["admin", "agent", "manager"] as const) {
  test(`${role} logs in, sees only the navigation of the role, and logs out`, async ({ page }) => {
    await loginAs(page, role);
    const expected = NAV_ITEMS.filter((i) => can(ROLE[role], i.permission)).map((i) => i.label);
    await expect(navLinks(page)).toHaveText(expected);
    // The start page shows real figures from the demo data.
    await expect(page.getByText("Clientes ativos")).toBeVisible();
    const forbidden = NAV_ITEMS.find((i) => !can(ROLE[role], i.permission));
    if (forbidden) {
      await page.goto(forbidden.href);
      await expect(page.getByRole("heading", { name: "Acesso negado" })).toBeVisible();
    }
    await logout(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
  });
}

test("an admin creates an API token that is shown once and works with the API", async ({ page, playwright, baseURL }) => {
  // Each call on a new connection: on PostgreSQL the server runs one worker per core and hands connections
  // out in turn, so these calls reach every worker (and each caches the valid token).
  const callMe = async (token: string) => {
    const ctx = await playwright.request.newContext({ baseURL });
    try {
      return (await ctx.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status();
    } finally {
      await ctx.dispose();
    }
  };
  await loginAs(page, "admin");
  await page.goto("/configuracoes");
  const name = `Bot de teste e2e ${Date.now()}`;
  await page.getByLabel("Nome", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Criar token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^raio_/);
  for (let i = 0; i < 4; i++) expect(await callMe(token)).toBe(200);
  await page.getByRole("row", { name }).getByRole("button", { name: "Revogar" }).click();
  await page.getByRole("dialog", { name: `Revogar o token “${name}”?` }).getByRole("button", { name: "Revogar" }).click();
  await expect(page.getByRole("row", { name })).toContainText("Revogado");
  // Every worker refuses it at once, not only the one that revoked it.
  for (let i = 0; i < 4; i++) expect(await callMe(token)).toBe(401);
});

test("an admin gives the chatbot's token its own per-minute limit, then changes it back to the default", async ({ page, playwright, baseURL }) => {
  await loginAs(page, "admin");
  await page.goto("/configuracoes");
  const name = `Bot com limite e2e ${Date.now()}`;
  await page.getByLabel("Nome", { exact: true }).fill(name);
  await page.getByLabel("Limite por minuto").fill("2");
  await page.getByRole("button", { name: "Criar token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  const row = page.getByRole("row", { name });
  await expect(row.getByTestId("token-limit")).toHaveText("2");
  // Its own 2 per minute in each server process (one on PGlite, one per core on PostgreSQL): of five calls the
  // first two pass wherever they land, and at most two per process do.
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await ctx.get("/api/v1/me")).status());
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses).toContain(429);
    expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
  } finally {
    await ctx.dispose();
  }
  // A bad value is refused in the dialog, in Portuguese, and nothing changes.
  await row.getByRole("button", { name: "Alterar limite" }).click();
  const dialog = page.getByRole("dialog", { name: `Limite do token “${name}”` });
  await dialog.getByLabel(/Requisições por minuto/).fill("-3");
  await dialog.getByRole("button", { name: "Salvar limite" }).click();
  await expect(dialog.getByRole("alert")).toContainText("negativo");
  await expect(row.getByTestId("token-limit")).toHaveText("2");
  // Empty: back to the server's default.
  await dialog.getByLabel(/Requisições por minuto/).fill("");
  await dialog.getByRole("button", { name: "Salvar limite" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("token-limit")).toHaveText(/^padrão \(/);
  await page.reload();
  await expect(page.getByRole("row", { name }).getByTestId("token-limit")).toHaveText(/^padrão \(/);
});
