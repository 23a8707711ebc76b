import { expect, test } from "@playwright/test";

// The browser asks for these on every page (favicon) or when installed (manifest, icons); a 404 here
// fills every log with noise and leaves the tab without an icon.
const FILES = [
  { path: "/favicon.ico", type: /image\/(x-icon|vnd\.microsoft\.icon)/ },
  { path: "/icon.svg", type: /image\/svg\+xml/ },
  { path: "/apple-touch-icon.png", type: /image\/png/ },
  { path: "/icon-192.png", type: /image\/png/ },
  { path: "/icon-512.png", type: /image\/png/ },
  { path: "/icon-maskable-512.png", type: /image\/png/ },
  { path: "/site.webmanifest", type: /application\/manifest\+json|application\/json/ },
  { path: "/robots.txt", type: /text\/plain/ },
];

for (const { path, type } of FILES) {
  test(`${path} answers 200 without a login`, async ({ request }) => {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(type);
    expect((await res.body()).length).toBeGreaterThan(0);
  });
}

test("the manifest names the app and every icon it lists exists", async ({ request }) => {
  const manifest = (await (await request.get("/site.webmanifest")).json()) as { name: string; icons: { src: string }[] };
  expect(manifest.name).toBe("Raio");
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("robots.txt keeps search engines out of the admin panel", async ({ request }) => {
  expect(await (await request.get("/robots.txt")).text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/);
});

test("the login page links its icons and manifest, and loads without a 404", async ({ page }) => {
  const missing: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 404) missing.push(r.url());
  });
  await page.goto("/login");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/site.webmanifest");
  await expect(page.locator('link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", "/apple-touch-icon.png");
  await page.waitForLoadState("networkidle");
  expect(missing).toEqual([]);
});
