// Cross-site request forgery guard for cookie-authenticated writes (POST/PUT/PATCH/DELETE).
// A browser attaches the session cookie to a request another site's page sends (a form, or fetch in
// no-cors mode), but such a request can only be a "simple" one: text/plain, urlencoded or multipart, with
// the attacker's Origin. So a write is accepted only when
//   1. it comes from the app's own origin (or one listed in RAIO_ALLOWED_ORIGINS): Origin names it, or,
//      without Origin, Sec-Fetch-Site says same-origin. A request carrying neither header is not from a
//      browser's cross-site context (curl, integrations) and is let through: the browser always sends
//      Origin on a cross-origin POST/PUT/PATCH/DELETE;
//   2. and its body is JSON (application/json, which a cross-site page cannot send without a CORS
//      preflight the app never grants), multipart only where a route takes files, or empty.
// Bearer-token requests never carry ambient credentials and are not checked.
import { AppError } from "../errors";
import { getEnv } from "../env";

export type BodyKind = "json" | "multipart";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const MEDIA_TYPE: Record<BodyKind, string> = { json: "application/json", multipart: "multipart/form-data" };

/** The hosts (host[:port]) this request was addressed to, as the client saw them. */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string | null | undefined) => {
    if (h) hosts.add(h.trim().toLowerCase());
  };
  add(req.headers.get("host"));
  if (getEnv().RAIO_TRUST_PROXY) add(req.headers.get("x-forwarded-host")?.split(",")[0]);
  try {
    add(new URL(req.url).host);
  } catch {
    // a relative URL in a test: the Host header decides
  }
  return hosts;
}

function crossSite(message: string): AppError {
  return new AppError("CROSS_SITE", message);
}

/** Throws 403 CROSS_SITE unless the request comes from this app's own origin (see 1. above). */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  if (origin !== null) {
    const o = origin.trim().toLowerCase();
    if (getEnv().RAIO_ALLOWED_ORIGINS.includes(o)) return;
    let host: string | null = null;
    try {
      host = o === "null" ? null : new URL(o).host;
    } catch {
      host = null;
    }
    if (host && ownHosts(req).has(host)) return;
    throw crossSite(`Requisição recusada: origem ${origin} não é a deste servidor.`);
  }
  const site = req.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") {
    throw crossSite(`Requisição recusada: enviada de outro site (Sec-Fetch-Site: ${site}).`);
  }
}

function hasBody(req: Request): boolean {
  const length = req.headers.get("content-length");
  if (length !== null) return Number(length) !== 0;
  return req.headers.has("transfer-encoding");
}

function assertBodyType(req: Request, accept: readonly BodyKind[]): void {
  const type = req.headers.get("content-type");
  if (type === null) {
    if (!hasBody(req)) return;
  } else {
    const media = type.split(";")[0]!.trim().toLowerCase();
    if (accept.some((k) => MEDIA_TYPE[k] === media)) return;
  }
  const wanted = accept.map((k) => MEDIA_TYPE[k]).join(" ou ");
  throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Envie o corpo como ${wanted} (recebido: ${type ?? "sem Content-Type"}).`, {
    field: "content-type",
  });
}

/** Throws 403 CROSS_SITE or 415 for a cookie-authenticated write that a cross-site page could have sent. */
export function checkBrowserWrite(req: Request, accept: readonly BodyKind[] = ["json"]): void {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return;
  assertSameOrigin(req);
  assertBodyType(req, accept);
}
