import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideApiFront, installApiFront } from "./api-front";

describe("decideApiFront", () => {
  it("leaves pages and static files to Next (and proxy.ts)", () => {
    expect(decideApiFront("GET", "/mapa")).toBeNull();
    expect(decideApiFront("GET", "/apiary?x=%00")).toBeNull();
    expect(decideApiFront("DELETE", "/_next/static/chunks/a.js")).toBeNull();
  });

  it("gives every API request the security headers and the API's CSP, and lets a right method through", () => {
    const d = decideApiFront("GET", "/api/v1/regions?status=EM_EXECUCAO");
    expect(d?.answer).toBeUndefined();
    expect(d?.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(d?.headers["x-content-type-options"]).toBe("nosniff");
    expect(decideApiFront("HEAD", "/api/v1/regions")?.answer).toBeUndefined();
    expect(decideApiFront("OPTIONS", "/api/v1/regions")?.answer).toBeUndefined();
    expect(decideApiFront("POST", "/api/v1/service-orders/12/execute")?.answer).toBeUndefined();
  });

  it("answers a wrong method on an existing route with JSON 405 and Allow", () => {
    const d = decideApiFront("DELETE", "/api/v1/regions");
    expect(d?.answer?.status).toBe(405);
    expect(d?.answer?.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    expect(JSON.parse(d!.answer!.body).error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    expect(JSON.parse(d!.answer!.body).error.message).toContain("DELETE");
  });

  it("refuses a NUL in the query string with 400 naming the parameter", () => {
    const d = decideApiFront("GET", "/api/v1/customers?page=1&q=%00abc");
    expect(d?.answer?.status).toBe(400);
    expect(JSON.parse(d!.answer!.body).error.field).toBe("q");
    expect(decideApiFront("GET", "/api/v1/customers?q%00=1")?.answer?.status).toBe(400);
  });

  it("leaves unknown API paths to the catch-all route (its JSON 404)", () => {
    expect(decideApiFront("DELETE", "/api/v1/nao-existe")?.answer).toBeUndefined();
  });
});

describe("installApiFront on a real HTTP server", () => {
  let server: http.Server;
  let base = "";
  const reached: string[] = [];
  beforeAll(async () => {
    installApiFront();
    server = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers a wrong method and a NUL itself, and lets the rest reach the app with the headers", async () => {
    const wrong = await fetch(`${base}/api/v1/regions`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, HEAD, POST, OPTIONS");
    expect(wrong.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await wrong.json()).error.code).toBe("METHOD_NOT_ALLOWED");
    const nul = await fetch(`${base}/api/v1/customers?q=%00abc`);
    expect(nul.status).toBe(400);
    expect((await nul.json()).error.field).toBe("q");
    const ok = await fetch(`${base}/api/v1/regions`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const page = await fetch(`${base}/mapa`);
    expect(page.headers.get("content-security-policy")).toBeNull();
    expect(reached).toEqual(["GET /api/v1/regions", "GET /mapa"]);
  });
});
