// Which HTTP methods each API route answers, read from the route files' exports, so that a wrong method
// gets a JSON 405 with Allow (Next answers an empty 405) without a list that could fall out of date.
// Read once per process from app/api (the source tree `next start` runs from); when the folder cannot be
// read (a build deployed without sources) the table is empty and Next's own 405 stays.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface ApiRoute {
  pattern: RegExp;
  methods: string[];
}

const METHOD_EXPORT = /export\s+(?:const|let|async\s+function|function)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;
const EXPORT_LIST = /export\s*(?:const\s*)?\{([^}]*)\}/g;
const METHOD_ORDER = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const METHODS = new Set(METHOD_ORDER);

function segmentPattern(segment: string): string | null {
  if (/^\(.*\)$/.test(segment)) return null; // route group: not in the URL
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
  if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
  if (/^\[.+\]$/.test(segment)) return "/[^/]+";
  return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
}

/** Exported method names of a route file's source. */
export function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(METHOD_EXPORT)) found.add(m[1]!);
  for (const m of source.matchAll(EXPORT_LIST)) {
    for (const part of m[1]!.split(",")) {
      const name = part.split(/\s+as\s+/).pop()!.trim().replace(/[:=].*$/, "").trim();
      if (METHODS.has(name)) found.add(name);
    }
  }
  return [...found];
}

/** Every route file under `dir` (URL prefix `prefix`); catch-all routes are left out (they answer 404s). */
export function scanApiRoutes(dir: string, prefix = "/api"): ApiRoute[] {
  const routes: ApiRoute[] = [];
  const walk = (d: string, pattern: string, catchAll: boolean) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const seg = segmentPattern(entry.name);
        walk(path.join(d, entry.name), seg === null ? pattern : pattern + seg, catchAll || entry.name.startsWith("[..") || entry.name.startsWith("[[.."));
      } else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name) && !catchAll) {
        const methods = exportedMethods(readFileSync(path.join(d, entry.name), "utf8"));
        routes.push({ pattern: new RegExp(`^${pattern}/?$`), methods });
      }
    }
  };
  walk(dir, prefix.replace(/\/$/, ""), false);
  return routes;
}

let table: ApiRoute[] | undefined;

/** The app's API routes (read once). */
export function apiRoutes(): ApiRoute[] {
  if (!table) {
    try {
      table = scanApiRoutes(path.join(process.cwd(), "app", "api"));
    } catch {
      table = [];
    }
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
