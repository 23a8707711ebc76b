// Which HTTP methods each API route answers, so that a wrong method gets a JSON 405 with Allow (Next answers
// an empty 405). The table is the OpenAPI registry (lib/openapi/paths): its test fails when a route file's
// exported methods and the registry disagree, so this list cannot fall out of date, and nothing is read from
// disk at run time (a build deployed without its sources answers the same).
import { ROUTES } from "../openapi/paths";

export interface ApiRoute {
  pattern: RegExp;
  methods: string[];
}

const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** "/api/v1/service-orders/{id}/execute" → a pattern matching "/api/v1/service-orders/7/execute". */
function pathPattern(documented: string): RegExp {
  const source = documented
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{.+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}/?$`);
}

let table: ApiRoute[] | undefined;

/** The app's API routes, one entry per path with every method it answers (built once). */
export function apiRoutes(): ApiRoute[] {
  if (!table) {
    const byPath = new Map<string, string[]>();
    for (const route of ROUTES) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route.method.toUpperCase()]);
    // Literal paths before parameterised ones ("/tokens" before "/{id}" siblings never clash, but
    // "/subjects/preview" must win over "/subjects/{id}").
    table = [...byPath.entries()]
      .sort(([a], [b]) => Number(a.includes("{")) - Number(b.includes("{")))
      .map(([p, methods]) => ({ pattern: pathPattern(p), methods }));
  }
  return table;
}

/** The methods a path answers (HEAD with GET, OPTIONS always), or null when no route has that path. */
export function allowedMethods(pathname: string, routes = apiRoutes()): string[] | null {
  const route = routes.find((r) => r.pattern.test(pathname));
  if (!route) return null;
  const allow = new Set(route.methods);
  if (allow.has("GET")) allow.add("HEAD");
  allow.add("OPTIONS");
  return METHOD_ORDER.filter((m) => allow.has(m));
}
