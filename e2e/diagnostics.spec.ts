import { expect, test, type APIRequestContext } from "@playwright/test";
import { DEMO, loginAs } from "./helpers";

interface Candidate {
  id: number;
  document: string;
  contractId: number;
}

/**
 * A demo customer (CPF) whose default contract is blocked and may use a trust unlock now, found through
 * the API as the chatbot would: the seed (20261123) makes ~8% of contracts blocked, most never unlocked.
 */
async function findBlockedButEligibleCustomer(request: APIRequestContext): Promise<Candidate> {
  const login = await request.post("/api/v1/auth/login", { data: { email: DEMO.agent.email, password: DEMO.agent.password } });
  expect(login.ok()).toBe(true);
  const list = await request.get("/api/v1/customers?accessStatus=BLOQUEADO,FINANCEIRO_EM_ATRASO&pageSize=50");
  expect(list.ok()).toBe(true);
  const { rows } = (await list.json()) as { rows: { id: number; document: string }[] };
  for (const row of rows.filter((r) => r.document.length === 14)) {
    const d = await (await request.get(`/api/v1/diagnostics?customerId=${row.id}`)).json();
    const v = d.variables;
    if (
      ["Bloqueado", "Financeiro Em Atraso"].includes(v.diagnosticoContratoStatusAcesso) &&
      v.diagnosticoContratoRestricaoDesbloquioConfianca === "Não" &&
      v.diagnosticoContratoUsandoDesbloqueioConfianca === "Não"
    ) {
      return { id: row.id, document: row.document, contractId: d.contractId };
    }
  }
  throw new Error("Nenhum cliente bloqueado e apto ao desbloqueio de confiança nos dados de demonstração");
}

test("an agent finds a blocked customer by formatted CPF, unlocks on trust, and the card turns green", async ({ page, request }) => {
  const target = await findBlockedButEligibleCustomer(request);
  expect(target.document).toMatch(/^\d{3}\.\d{3}\.\d{3}-\d{2}$/);

  await loginAs(page, "agent");
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Clientes" }).click();
  await page.getByRole("combobox", { name: "Buscar cliente" }).fill(target.document);
  const option = page.getByRole("option").filter({ hasText: target.document });
  await expect(option).toHaveCount(1);
  await page.getByRole("combobox", { name: "Buscar cliente" }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`/clientes/${target.id}(\\?|$)`));

  const access = page.locator('[data-variable="diagnosticoContratoStatusAcesso"]');
  const usingUnlock = page.locator('[data-variable="diagnosticoContratoUsandoDesbloqueioConfianca"]');
  await expect(access).toHaveAttribute("data-path", "vermelho");
  await expect(access.getByTestId("value")).toHaveText(/Bloqueado|Financeiro Em Atraso/);
  await expect(usingUnlock).toHaveAttribute("data-path", "vermelho");
  await expect(usingUnlock.getByTestId("value")).toHaveText("Não");
  await expect(page.locator('[data-variable="diagnosticoContratoRestricaoDesbloquioConfianca"]')).toHaveAttribute("data-path", "verde");

  await page.getByRole("button", { name: "Desbloqueio de confiança" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirmar desbloqueio de confiança" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Confirmar desbloqueio" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acesso liberado em confiança até" })).toBeVisible();

  await expect(access).toHaveAttribute("data-path", "verde");
  await expect(access.getByTestId("value")).toHaveText("Ativo");
  await expect(usingUnlock).toHaveAttribute("data-path", "verde");
  await expect(usingUnlock.getByTestId("value")).toHaveText("Sim");
  await expect(page.getByTestId("audit-list")).toContainText(`Desbloqueio de confiança · contrato ${target.contractId} · por ${DEMO.agent.name}`);

  // A second attempt is refused with the reason, and nothing changes.
  await page.getByRole("button", { name: "Desbloqueio de confiança" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Confirmar desbloqueio" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "já em vigor" })).toBeVisible();
});
