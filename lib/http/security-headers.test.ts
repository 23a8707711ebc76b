import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, tileSource } from "./security-headers";

describe("the page's Content-Security-Policy", () => {
  it("allows scripts only with the nonce (no 'unsafe-inline' for scripts) and forbids framing", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", tileUrl: "", dev: false });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it.each([
    ["https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org"],
    ["https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"],
    ["http://10.0.0.5:8080/tiles/{z}/{x}/{y}.png", "http://10.0.0.5:8080"],
    ["", null],
    ["/tiles/{z}/{x}/{y}.png", null],
  ])("lets the map load tiles from RAIO_TILE_URL %s", (url, source) => {
    expect(tileSource(url)).toBe(source);
    const img = contentSecurityPolicy({ nonce: "n", tileUrl: url, dev: false }).split("; ").find((d) => d.startsWith("img-src"))!;
    expect(img).toBe(`img-src 'self' data: blob:${source ? ` ${source}` : ""}`);
  });
});
