import { expect, test } from "@playwright/test";
import { createRegionViaApi, customerOfLogin, loginAs, twoNeighbours } from "./helpers";

test("executing an order makes exactly the customer inside get the maintenance message, and the tabs show it", async ({ page }) => {
  await loginAs(page, "admin");
  const api = page.request; // the admin's session
  // Vila Industrial: away from the other specs' regions.
  const { inside, outside, ring } = await twoNeighbours(api, "-47.08,-22.925,-47.063,-22.91");
  const insideCustomer = await customerOfLogin(api, inside.username);
  const outsideCustomer = await customerOfLogin(api, outside.username);
  const order = await createRegionViaApi(api, ring, "Manutenção de poste (e2e notificação)");

  // Aberta: nobody is told anything yet.
  const early = await api.post("/api/v1/contacts", { data: { customerId: insideCustomer.id, channel: "whatsapp", text: "sem internet" } });
  expect((await early.json()).message).toBeNull();

  // Executar, in the browser, from the order page.
  await page.goto(`/ordens/${order.id}`);
  await expect(page.getByRole("heading", { name: `OS ${order.number}` })).toBeVisible();
  await page.getByRole("button", { name: "Executar" }).click();
  await page.getByRole("dialog", { name: `Executar a OS ${order.number}?` }).getByRole("button", { name: "Executar agora" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Em Execução");

  // A contact from inside gets the subject's message (rendered); one just outside gets none.
  const a = await api.post("/api/v1/contacts", { data: { customerId: insideCustomer.id, channel: "whatsapp", text: "caiu de novo" } });
  const b = await api.post("/api/v1/contacts", { data: { customerId: outsideCustomer.id, channel: "whatsapp", text: "lento" } });
  const [bodyA, bodyB] = [await a.json(), await b.json()];
  expect(bodyA.message).toContain(`OS ${order.number}`);
  expect(bodyA.message).not.toContain("{{");
  expect(bodyA.variables.diagnosticoClienteEmAreaManutencao).toBe("Sim");
  expect(bodyB.message).toBeNull();
  expect(bodyB.variables.diagnosticoClienteEmAreaManutencao).toBe("Não");

  // Logins Afetados: the inside login is listed, the outside one is not.
  await page.reload();
  await page.getByRole("tab", { name: "Logins Afetados" }).click();
  const affected = page.getByTestId("affected-logins");
  await expect(affected).toContainText(inside.username);
  await expect(affected).not.toContainText(outside.username);
  await expect(page.getByTestId("affected-count")).toContainText(/\d+ login\(s\) afetado\(s\)/);

  // Contatos: the contact received while executing, with the message sent; the outside one is absent.
  await page.getByRole("tab", { name: "Contatos" }).click();
  const contacts = page.getByTestId("order-contacts");
  await expect(contacts).toContainText(insideCustomer.name);
  await expect(contacts).toContainText("caiu de novo");
  await expect(contacts).toContainText("Enviada");
  await expect(contacts).not.toContainText(outsideCustomer.name);
  await page.screenshot({ path: "/tmp/raio-order-contacts.png", fullPage: true });
});
