// Issue 11 in a real browser: security headers and a nonce CSP that blocks injected script while every
// page (the map included) works; a page on another port of the same host cannot write with the admin's
// cookie; Portuguese 404 pages with a real 404 status; JSON 404/405 for the API.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { loginAs } from "./helpers";

/** Collects the page's CSP violations (registered before any page script runs). */
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("every answer carries the security headers; pages a nonce CSP without 'unsafe-inline' scripts", async ({ request }) => {
  const page = await request.get("/login");
  const h = page.headers();
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  const csp = h["content-security-policy"]!;
  expect(csp).toContain("frame-ancestors 'none'");
  const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  // A fresh nonce per request.
  const again = (await request.get("/login")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const api = await request.get("/api/v1/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("an injected onerror handler does not run (the map's stored-XSS payload)", async ({ page }) => {
  const violations = await watchCsp(page);
  await page.goto("/login");
  await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="window.__pwned = 1">'));
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect((await violations()).some((v) => v.startsWith("script-src"))).toBe(true);
});

test("every page and the map work under the CSP, without a single violation", async ({ page }) => {
  const violations = await watchCsp(page);
  await loginAs(page, "admin");
  for (const path of ["/clientes", "/ordens", "/assuntos", "/painel", "/configuracoes", "/mapa"]) {
    await page.goto(path);
    await expect(page.getByTestId("current-user")).toBeVisible();
    expect(await violations(), path).toEqual([]);
  }
  // The map (Leaflet + Geoman) is drawn: tiles of the base layer aside, its panes and controls are there.
  await expect(page.locator(".leaflet-container")).toBeVisible();
  await expect(page.locator(".leaflet-control-zoom")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test.describe("a page on another port of the same host", () => {
  let server: Server;
  let attacker = "";
  test.beforeAll(async ({ baseURL }) => {
    const target = `${baseURL}/api/v1/subjects`;
    const html = `<!doctype html><meta charset="utf-8"><title>ofertas</title>
      <form id="f" method="POST" action="${target}" enctype="text/plain">
        <input name='{"name":"Forjado por formulário","maintenanceMessage":"x","pad":"' value='"}'>
      </form>
      <iframe name="sink" id="sink"></iframe>
      <script>
        fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include",
          headers: { "content-type": "text/plain" }, body: JSON.stringify({ name: "Forjado por fetch" }) })
          .finally(() => { document.getElementById("f").target = "sink"; document.getElementById("f").submit(); });
      </script>`;
    server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    attacker = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test("cannot create anything with the admin's cookie (form POST and no-cors fetch of text/plain JSON)", async ({ page }) => {
    await loginAs(page, "admin");
    const before = (await (await page.request.get("/api/v1/subjects?retired=1")).json()).subjects.length;
    const refused: number[] = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/api/v1/subjects") && r.request().method() === "POST") refused.push(r.status());
    });
    await page.goto(attacker);
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    expect(refused.every((s) => s === 403 || s === 415)).toBe(true);
    const after = (await (await page.request.get("/api/v1/subjects?retired=1")).json()).subjects as { name: string }[];
    expect(after.length).toBe(before);
    expect(after.some((s) => s.name.startsWith("Forjado"))).toBe(false);
  });
});

test("a customer or an order that does not exist is a real 404, in Portuguese", async ({ page }) => {
  await loginAs(page, "admin");
  for (const path of ["/clientes/999999", "/ordens/999999", "/ordens/99999999999", "/nao-existe"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Página não encontrada" })).toBeVisible();
  }
});

test("the API answers an unknown route with JSON 404, a wrong method with JSON 405 and Allow, NUL with 400", async ({ request }) => {
  const unknown = await request.get("/api/v1/nao-existe");
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");
  const wrong = await request.delete("/api/v1/regions");
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET, HEAD, POST, OPTIONS");
  expect((await wrong.json()).error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
  const nul = await request.get("/api/v1/customers?q=%00abc");
  expect(nul.status()).toBe(400);
  expect((await nul.json()).error.field).toBe("q");
  const ready = await request.get("/api/v1/health/ready");
  expect(ready.status()).toBe(200);
});
