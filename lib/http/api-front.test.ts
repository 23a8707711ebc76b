import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileFastLane, decideApiFront, installApiFront, matchFastLane, type FastLane } from "./api-front";
import { AppError } from "../errors";

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

/** Handlers standing in for route files: they echo what a route handler would read from its Request. */
const LANE: FastLane = [
  {
    pattern: "/api/v1/diagnostics",
    methods: {
      GET: async (req) => {
        const url = new URL(req.url);
        if (url.searchParams.get("cpf") === "falha") throw new AppError("NOT_FOUND", "Cliente não encontrado.");
        return Response.json({ via: "lane", cpf: url.searchParams.get("cpf"), ip: req.headers.get("x-forwarded-for"), host: req.headers.get("x-forwarded-host") }, { headers: { "cache-control": "no-store" } });
      },
    },
  },
  {
    pattern: "/api/v1/contacts",
    methods: {
      POST: async (req) => {
        // Refused before reading the body, as withAuth refuses a bad token.
        if (req.headers.get("authorization") === "Bearer ruim") throw new AppError("UNAUTHENTICATED", "Token de API inválido ou revogado.");
        return Response.json({ via: "lane", body: await req.json(), type: req.headers.get("content-type") }, { status: 201 });
      },
    },
  },
  {
    pattern: "/api/v1/chatbot/diagnostics/:field/:value",
    methods: { GET: async (_req, ctx) => Response.json({ via: "lane", params: await (ctx.params as Promise<Record<string, string>>) }) },
  },
];

describe("matchFastLane", () => {
  const routes = compileFastLane(LANE);
  it("matches a route by path and method, and decodes the params", () => {
    expect(matchFastLane(routes, "GET", "/api/v1/diagnostics")?.params).toEqual({});
    expect(matchFastLane(routes, "GET", "/api/v1/chatbot/diagnostics/phone/%2B55%2019%203333-4444")?.params).toEqual({ field: "phone", value: "+55 19 3333-4444" });
  });
  it("leaves other methods, other paths, empty and malformed segments to Next", () => {
    expect(matchFastLane(routes, "POST", "/api/v1/diagnostics")).toBeNull();
    expect(matchFastLane(routes, "HEAD", "/api/v1/diagnostics")).toBeNull();
    expect(matchFastLane(routes, "GET", "/api/v1/diagnostics/x")).toBeNull();
    expect(matchFastLane(routes, "GET", "/api/v1/chatbot/diagnostics/cpf/")).toBeNull();
    expect(matchFastLane(routes, "GET", "/api/v1/chatbot/diagnostics/cpf/%E0%A4%A")).toBeNull();
    expect(matchFastLane(routes, "GET", "/api/v1/chatbot/diagnostics/cpf")).toBeNull();
  });
});

describe("installApiFront on a real HTTP server", () => {
  let server: http.Server;
  let base = "";
  const reached: string[] = [];
  beforeAll(async () => {
    installApiFront({ fastLane: LANE });
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

describe("the fast lane on a real HTTP server", () => {
  let server: http.Server;
  let base = "";
  const reached: string[] = [];
  beforeAll(async () => {
    installApiFront({ fastLane: LANE }); // once per process: the first install (above) already holds LANE
    server = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ via: "next", ip: req.headers["x-forwarded-for"] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it("answers the hot routes with their handlers, never reaching Next, with the API's headers", async () => {
    const res = await fetch(`${base}/api/v1/diagnostics?cpf=123`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ via: "lane", cpf: "123" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const posted = await fetch(`${base}/api/v1/contacts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ cpf: "123", channel: "whatsapp" }) });
    expect(posted.status).toBe(201);
    expect(await posted.json()).toEqual({ via: "lane", body: { cpf: "123", channel: "whatsapp" }, type: "application/json" });
    const chatbot = await fetch(`${base}/api/v1/chatbot/diagnostics/login/ana%40fibra`);
    expect(await chatbot.json()).toEqual({ via: "lane", params: { field: "login", value: "ana@fibra" } });
    expect(reached).toEqual([]);
  });

  it("a body the handler never read does not stall the next request on the same keep-alive connection", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (authorization: string, body: string) =>
      new Promise<{ status: number; body: string; socket: unknown }>((resolve, reject) => {
        const req = http.request(`${base}/api/v1/contacts`, { method: "POST", agent, headers: { authorization, "content-type": "application/json" } }, (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => (text += c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, socket: req.socket }));
        });
        req.on("error", reject);
        req.end(body);
      });
    try {
      const refused = await post("Bearer ruim", JSON.stringify({ cpf: "1", text: "x".repeat(200_000) }));
      expect(refused.status).toBe(401);
      const next = await post("Bearer bom", JSON.stringify({ cpf: "2" }));
      expect(next.status).toBe(201);
      expect(JSON.parse(next.body).body).toEqual({ cpf: "2" });
    } finally {
      agent.destroy();
    }
  });

  it("keeps the keep-alive connection after an error answer to a GET (only a refused body closes it)", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = (path: string) =>
      new Promise<{ status: number; reused: boolean; connection: string | undefined }>((resolve, reject) => {
        const req = http.get(`${base}${path}`, { agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket, connection: res.headers.connection }));
        });
        req.on("error", reject);
      });
    try {
      const missing = await get("/api/v1/diagnostics?cpf=falha");
      expect(missing).toMatchObject({ status: 404, connection: "keep-alive" });
      const next = await get("/api/v1/diagnostics?cpf=1");
      expect(next).toMatchObject({ status: 200, reused: true });
    } finally {
      agent.destroy();
    }
  });

  it("refuses a body above the API's JSON limit with 413, declared or streamed", async () => {
    const big = JSON.stringify({ cpf: "1", text: "x".repeat(1024 * 1024 + 10) });
    const declared = await fetch(`${base}/api/v1/contacts`, { method: "POST", headers: { "content-type": "application/json" }, body: big });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    const chunks = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = await fetch(`${base}/api/v1/contacts`, { method: "POST", headers: { "content-type": "application/json" }, body: chunks, duplex: "half" } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it("an error the handler throws becomes its JSON answer", async () => {
    const res = await fetch(`${base}/api/v1/diagnostics?cpf=falha`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: "NOT_FOUND", message: "Cliente não encontrado." });
  });

  it("still refuses a NUL and a wrong method before the lane, and leaves other methods to Next", async () => {
    expect((await fetch(`${base}/api/v1/diagnostics?cpf=%00`)).status).toBe(400);
    expect((await fetch(`${base}/api/v1/contacts`, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${base}/api/v1/diagnostics`, { method: "HEAD" })).status).toBe(200);
    expect(reached).toEqual(["HEAD /api/v1/diagnostics"]);
  });

  it("replaces a forged X-Forwarded-For and drops X-Forwarded-Host, in the lane and on the way to Next", async () => {
    const forged = { "x-forwarded-for": "6.6.6.6", "x-forwarded-host": "evil.example" };
    const lane = await (await fetch(`${base}/api/v1/diagnostics?cpf=1`, { headers: forged })).json();
    expect(lane).toMatchObject({ ip: "127.0.0.1", host: null });
    const next = await (await fetch(`${base}/mapa`, { headers: forged })).json();
    expect(next.ip).toBe("127.0.0.1");
  });
});
