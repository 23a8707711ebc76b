// End-to-end helpers in the user's language.
import { expect, type Page } from "@playwright/test";

export const DEMO = {
  admin: { email: "admin@raio.local", password: "raio-admin", name: "Ana Administradora" },
  agent: { email: "agente@raio.local", password: "raio-agente", name: "Bruno Atendente" },
  manager: { email: "gestor@raio.local", password: "raio-gestor", name: "Carla Gestora" },
} as const;

export type DemoRole = keyof typeof DEMO;

export async function loginAs(page: Page, role: DemoRole) {
  const who = DEMO[role];
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Senha").fill(who.password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByTestId("current-user")).toContainText(who.name);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login$/);
}

export function navLinks(page: Page) {
  return page.getByRole("navigation", { name: "Principal" }).getByRole("link");
}
