import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, apiFetch, NETWORK_ERROR_MESSAGE } from "./api-client";

// A loopback server answering like Raio's API.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      if (req.url === "/ok") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ echo: JSON.parse(body || "null"), type: req.headers["content-type"] ?? null }));
      } else if (req.url === "/empty") {
        res.writeHead(204).end();
      } else if (req.url === "/invalid") {
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "VALIDATION", message: "Descrição: ao menos 3 caracteres", field: "description" } }));
      } else {
        res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("apiFetch", () => {
  it("sends JSON and returns the parsed answer", async () => {
    expect(await apiFetch(`${base}/ok`, { method: "POST", json: { a: 1 } })).toEqual({ echo: { a: 1 }, type: "application/json" });
  });

  it("returns nothing for 204", async () => {
    expect(await apiFetch(`${base}/empty`, { method: "DELETE" })).toBeUndefined();
  });

  it("throws one ApiError with the API's code, Portuguese message and field", async () => {
    const err = await apiFetch(`${base}/invalid`, { method: "POST", json: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: "VALIDATION", status: 400, field: "description", message: "Descrição: ao menos 3 caracteres" });
  });

  it("names the HTTP status when the answer is not the API's JSON", async () => {
    await expect(apiFetch(`${base}/proxy-down`)).rejects.toMatchObject({ code: "HTTP", status: 502, message: "Falha na requisição (HTTP 502)." });
  });

  it("says the server could not be reached when nothing answers", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(apiFetch(`http://127.0.0.1:${port}/x`)).rejects.toMatchObject({ code: "NETWORK", status: 0, message: NETWORK_ERROR_MESSAGE });
  });

  it("lets an abort through as an AbortError", async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(apiFetch(`${base}/ok`, { signal: ctrl.signal })).rejects.toMatchObject({ name: "AbortError" });
  });
});
