// End-to-end helpers in the user's language.
import { expect, type APIRequestContext, type Locator, type Page } from "@playwright/test";

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

/** Pixel points relative to the map's top-left corner. */
export type MapPoint = [x: number, y: number];

/** The maintenance map's container and its box on the page. */
export async function mapBox(page: Page) {
  const map = page.locator(".leaflet-container").first();
  await expect(map).toBeVisible();
  const box = await map.boundingBox();
  if (!box) throw new Error("mapa sem dimensões");
  return box;
}

/**
 * Draws a maintenance region as a person does: right-click on the map → "Inserir Região de Manutenção"
 * (or the toolbar button), a click per vertex, then a click on the first vertex to close the polygon.
 */
export async function drawPolygon(page: Page, points: MapPoint[], opts: { start?: "menu" | "toolbar" } = {}) {
  const box = await mapBox(page);
  const at = ([x, y]: MapPoint) => [box.x + x, box.y + y] as const;
  const first = points[0];
  if (!first || points.length < 3) throw new Error("drawPolygon precisa de pelo menos 3 pontos");
  if ((opts.start ?? "menu") === "menu") {
    await page.mouse.click(...at(first), { button: "right" });
    await page.getByRole("menuitem", { name: "Inserir Região de Manutenção" }).click();
  } else {
    await page.getByRole("button", { name: "Inserir Região de Manutenção" }).click();
  }
  await expect(page.getByTestId("drawing-panel")).toBeVisible();
  for (const p of points) {
    await page.mouse.move(...at(p), { steps: 4 });
    await page.mouse.click(...at(p));
    // Keep clicks apart so two vertices never read as a double-click (which would zoom the map).
    await page.waitForTimeout(350);
  }
  await page.mouse.move(...at(first), { steps: 4 });
  await page.mouse.click(...at(first));
}

export interface LoginMarker { id: number; username: string; lat: number; lng: number; online: boolean }

/** The logins of a box one by one, as the map lists them at street level (zoom 19). A box larger than a street
 *  view comes back in larger cells, some as clusters: each cluster's own box is asked for once more. */
export async function loginsIn(request: APIRequestContext, bbox: string, depth = 0): Promise<LoginMarker[]> {
  const res = await request.get(`/api/v1/logins?bbox=${bbox}&zoom=19`);
  expect(res.ok(), await res.text()).toBeTruthy();
  const body = (await res.json()) as { logins: LoginMarker[]; clusters: { bounds: number[] }[] };
  if (depth > 0 || body.clusters.length === 0) return body.logins;
  const nested = await Promise.all(body.clusters.map((c) => loginsIn(request, c.bounds.join(","), depth + 1)));
  const byId = new Map([...body.logins, ...nested.flat()].map((l) => [l.id, l]));
  return [...byId.values()];
}

/** Two demo logins a few dozen metres apart, and a small square around the first that leaves the second out. */
export async function twoNeighbours(request: APIRequestContext, bbox: string) {
  const logins = await loginsIn(request, bbox);
  let best: { a: (typeof logins)[number]; b: (typeof logins)[number]; d: number } | null = null;
  for (let i = 0; i < Math.min(logins.length, 400); i++) {
    for (let j = i + 1; j < Math.min(logins.length, 400); j++) {
      const a = logins[i]!;
      const b = logins[j]!;
      const d = Math.max(Math.abs(a.lng - b.lng), Math.abs(a.lat - b.lat));
      // Between ~30 m and ~150 m apart: "just outside" without being on top of each other.
      if (d > 0.0003 && d < 0.0015 && (!best || d < best.d)) best = { a, b, d };
    }
  }
  if (!best) throw new Error("nenhum par de logins vizinhos nos dados de demonstração");
  const half = best.d / 2;
  const { a } = best;
  const ring = [
    [a.lng - half, a.lat - half], [a.lng + half, a.lat - half], [a.lng + half, a.lat + half], [a.lng - half, a.lat + half], [a.lng - half, a.lat - half],
  ];
  return { inside: best.a, outside: best.b, ring };
}

/** The customer of a login, through the diagnostics API. */
export async function customerOfLogin(request: APIRequestContext, username: string) {
  const res = await request.get(`/api/v1/diagnostics?login=${encodeURIComponent(username)}`);
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { customer: { id: number; name: string } }).customer;
}

/** Creates a maintenance region with its order through the API (as the logged-in admin). */
export async function createRegionViaApi(request: APIRequestContext, ring: number[][], description: string) {
  const res = await request.post("/api/v1/regions", {
    data: {
      description,
      responsible: "Equipe e2e",
      expectedEndAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
      region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { order: { id: number; number: number } }).order;
}

/** The narrowest gap in pixels between the texts of neighbouring header cells of a table (0 or less: they touch). */
export async function narrowestHeaderGap(table: Locator): Promise<number> {
  return table.evaluate((t) => {
    const boxes = Array.from(t.querySelectorAll("thead th")).map((th) => {
      const range = document.createRange();
      range.selectNodeContents(th);
      return range.getBoundingClientRect();
    });
    let gap = Infinity;
    for (let i = 1; i < boxes.length; i++) if (boxes[i]!.top === boxes[i - 1]!.top) gap = Math.min(gap, boxes[i]!.left - boxes[i - 1]!.right);
    return gap;
  });
}
