import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument, getOpenApiDocument } from "./build-openapi-document";
import { defineRoute } from "./define-route";
import { ROUTES } from "./paths";
import { jsonObjectSchema } from "./schemas";

const API_DIR = path.join(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every (method, path) exported by a route file under app/api/v1, as the URL reads ("[id]" → "{id}"). */
function routeHandlers(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const url = "/api/v1/" + path.relative(API_DIR, dir).split(path.sep).map((s) => s.replace(/^\[(.+)\]$/, "{$1}")).join("/");
        for (const m of METHODS) {
          if (new RegExp(`export\\s+(const|(async\\s+)?function)\\s+${m}\\b|export\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(source)) found.push(`${m} ${url}`);
        }
      }
    }
  };
  walk(API_DIR);
  return found.sort();
}

const documented = () =>
  Object.entries(getOpenApiDocument().paths ?? {})
    .flatMap(([p, item]) => Object.keys(item ?? {}).filter((k) => (METHODS as readonly string[]).includes(k.toUpperCase())).map((m) => `${m.toUpperCase()} ${p}`))
    .sort();

describe("the OpenAPI document", () => {
  it("has an entry for every exported method of every route under app/api/v1", () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThan(30);
    const missing = handlers.filter((h) => !documented().includes(h));
    expect(missing, "rotas sem entrada em lib/openapi/paths (veja docs/api.md)").toEqual([]);
  });

  it("documents no route that does not exist", () => {
    const handlers = routeHandlers();
    expect(documented().filter((d) => !handlers.includes(d))).toEqual([]);
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const doc = getOpenApiDocument();
    expect(doc.openapi).toBe("3.1.0");
    const result = await new Validator().validate(structuredClone(doc) as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("(the validator itself refuses a broken document)", async () => {
    const broken = structuredClone(getOpenApiDocument()) as unknown as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("publishes the diagnostics answer with every variable name, letter for letter", () => {
    const schemas = getOpenApiDocument().components?.schemas ?? {};
    const variables = schemas.DiagnosticVariables as { properties: Record<string, { enum: string[] }> };
    expect(Object.keys(variables.properties)).toContain("diagnosticoContratoRestricaoDesbloquioConfianca");
    expect(variables.properties.diagnosticoAcessoFranquiatindgida?.enum).toEqual(["Sim", "Não"]);
    const get = getOpenApiDocument().paths?.["/api/v1/diagnostics"]?.get;
    expect(get?.parameters?.map((p) => ("name" in p ? p.name : ""))).toEqual(expect.arrayContaining(["cpf", "phone", "login", "customerId"]));
  });

  it("refuses the same route described twice", () => {
    const route = defineRoute({ method: "get", path: "/api/v1/x", tag: "t", summary: "s", access: "público", response: jsonObjectSchema });
    expect(() => buildOpenApiDocument([...ROUTES, route, route])).toThrow(/GET \/api\/v1\/x descrita duas vezes/);
  });

  it("is served at GET /api/v1/openapi.json without authentication", async () => {
    const res = GET();
    expect(res.status).toBe(200);
    const body = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe("3.1.0");
    expect(Object.keys(body.paths)).toContain("/api/v1/diagnostics");
  });
});
