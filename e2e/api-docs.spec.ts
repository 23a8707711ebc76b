import { expect, test } from "@playwright/test";

test("an integrator reads the API reference without logging in, served entirely by Raio", async ({ page, baseURL }) => {
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(baseURL!)) foreign.push(r.url());
  });
  await page.goto("/docs/api");
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("API para integradores");
  const diagnostics = page.locator("article", { has: page.getByText("/api/v1/diagnostics", { exact: true }) }).first();
  await expect(diagnostics).toContainText("As onze variáveis de diagnóstico de um cliente");
  await expect(diagnostics.getByRole("row", { name: /^cpf query/ })).toBeVisible();
  // The answer's schema, with the variable names letter for letter.
  await diagnostics.getByRole("link", { name: "DiagnosticsResponse" }).click();
  await expect(page.locator("#schema-DiagnosticVariables")).toContainText("diagnosticoContratoRestricaoDesbloquioConfianca");
  expect(foreign).toEqual([]);
});

test("the OpenAPI document is public JSON, version 3.1, listing the chatbot's routes", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths["/api/v1/diagnostics"]!)).toContain("get");
  expect(Object.keys(doc.paths["/api/v1/contracts/{id}/trust-unlock"]!)).toContain("post");
});
