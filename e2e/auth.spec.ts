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
