// Every screen fits a technician's phone (360 × 740) and a desktop: no sideways scrolling, and every
// navigation control (each page of the menu and "Sair") can be reached and used.
import { expect, test, type Page } from "@playwright/test";
import { createRegionViaApi, customerOfLogin, DEMO, loginAs, twoNeighbours, type DemoRole } from "./helpers";

const VIEWPORTS = [
  { name: "phone 360×740", width: 360, height: 740 },
  { name: "desktop 1280×800", width: 1280, height: 800 },
] as const;

/** How far the page can be scrolled sideways (0 when it fits). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - window.innerWidth;
  });
}

/** Elements that stick out past the right edge of the window (named, so a failure says which). */
async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 1) {
        out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.className).slice(0, 60)} (${Math.round(r.right)}px)`);
      }
    }
    return out.slice(0, 8);
  });
}

async function expectFits(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  const overflow = await horizontalOverflow(page);
  expect(overflow, `${what}: rola ${overflow}px para o lado — ${(await overflowingElements(page)).join("; ")}`).toBeLessThanOrEqual(0);
}

/** The main navigation's links: on a phone they sit behind the "Menu" button. */
async function openMenuIfCollapsed(page: Page) {
  const toggle = page.getByRole("button", { name: "Menu" });
  if (await toggle.isVisible()) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
  }
}

/** Each navigation link and "Sair" are visible and wholly inside the window. */
async function expectNavReachable(page: Page, role: DemoRole) {
  await openMenuIfCollapsed(page);
  const links = page.getByRole("navigation", { name: "Principal" }).getByRole("link");
  const count = await links.count();
  expect(count, `${role}: links no menu`).toBeGreaterThan(0);
  const width = page.viewportSize()!.width;
  for (const control of [...(await links.all()), page.getByRole("button", { name: "Sair" })]) {
    await expect(control).toBeVisible();
    const box = (await control.boundingBox())!;
    expect(box.x, `${await control.textContent()} começa fora da tela`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${await control.textContent()} termina fora da tela`).toBeLessThanOrEqual(width);
  }
}

const ROLE_PAGES: Record<DemoRole, string[]> = {
  admin: ["/", "/clientes", "/ordens", "/assuntos", "/painel", "/configuracoes", "/mapa"],
  agent: ["/", "/clientes", "/ordens"],
  manager: ["/", "/painel", "/ordens"],
};

let orderId = 0;
let customerId = 0;

// An executing order and a customer to visit (again after a failed test restarts the worker).
test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage();
  await loginAs(page, "admin");
  const { ring, inside } = await twoNeighbours(page.request, "-47.075,-22.915,-47.060,-22.905");
  const order = await createRegionViaApi(page.request, ring, "Troca de poste na rua com nome bem comprido (e2e telas pequenas)");
  expect((await page.request.post(`/api/v1/service-orders/${order.id}/execute`)).status()).toBe(200);
  orderId = order.id;
  customerId = (await customerOfLogin(page.request, inside.username)).id;
  await page.close();
});

for (const vp of VIEWPORTS) {
  test.describe(vp.name, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });

    test("the login page fits", async ({ page }) => {
      await page.goto("/login");
      await expectFits(page, "/login");
    });

    // The public status page (no login): the page, a lookup's answer and a long street typed in.
    test("the public status page fits", async ({ page }) => {
      for (const path of ["/status", "/status?q=99999-999", `/status?q=${encodeURIComponent("Avenida Governador Doutor Adhemar Pereira de Barros, 1234567")}`]) {
        await page.goto(path);
        await expect(page.getByRole("heading", { name: "Manutenções em andamento" })).toBeVisible();
        await expectFits(page, path);
      }
    });

    for (const role of Object.keys(ROLE_PAGES) as DemoRole[]) {
      test(`every page of the ${role} fits and the whole menu is reachable`, async ({ page }) => {
        await loginAs(page, role);
        for (const path of ROLE_PAGES[role]) {
          await page.goto(path);
          await expect(page.getByTestId("current-user")).toContainText(DEMO[role].name);
          await expectFits(page, `${role} ${path}`);
          await expectNavReachable(page, role);
        }
        // The detail pages.
        for (const path of [`/ordens/${orderId}`, `/clientes/${customerId}`]) {
          await page.goto(path);
          await expectFits(page, `${role} ${path}`);
        }
        // The menu takes the user where it says.
        await page.goto("/");
        await openMenuIfCollapsed(page);
        await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Ordens de Serviço" }).click();
        await expect(page).toHaveURL(/\/ordens$/);
        await openMenuIfCollapsed(page);
        await page.getByRole("button", { name: "Sair" }).click();
        await expect(page).toHaveURL(/\/login$/);
      });
    }

    test("the order page's tabs, history and campaign fit", async ({ page }) => {
      await loginAs(page, "admin");
      await page.goto(`/ordens/${orderId}`);
      const history = page.getByRole("region", { name: "Histórico de status" });
      await expect(history).toBeVisible();
      await expectFits(page, "histórico");
      // The history table stays inside its card (it scrolls inside it when it must).
      const card = (await history.boundingBox())!;
      const table = (await history.locator("table").evaluate((t) => t.parentElement!.getBoundingClientRect().right));
      expect(table).toBeLessThanOrEqual(card.x + card.width + 1);
      for (const tab of ["Logins Afetados", "Contatos", "Descontos"]) {
        await page.getByRole("tab", { name: tab }).click();
        await expectFits(page, `aba ${tab}`);
      }
      await page.goto(`/campanhas/${orderId}`);
      await expectFits(page, "/campanhas");
    });

    test("the dashboard's period filter can be applied", async ({ page }) => {
      await loginAs(page, "manager");
      await page.goto("/painel");
      const apply = page.getByRole("button", { name: "Aplicar" });
      await expect(apply).toBeInViewport();
      const box = (await apply.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(vp.width);
      await apply.click();
      await expect(page).toHaveURL(/from=/);
      await expectFits(page, "/painel filtrado");
    });
  });
}
