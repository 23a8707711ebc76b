// The one wrapper of API route handlers: the query string's sanity (no NUL), authentication (session cookie
// or Bearer token), the cross-site guard for cookie writes, the per-token rate limit, the permission check,
// optional Idempotency-Key replay, and the single catch that maps errors to JSON answers.
import { AppError, errorResponse, forbidden, unauthenticated } from "../errors";
import { can, type Permission } from "./roles";
import type { Principal } from "./principal";
import { principalFromBearer } from "./api-tokens";
import { principalFromSession, SESSION_COOKIE } from "./sessions";
import { takeTokenRequest } from "./token-rate-limit";
import { checkBrowserWrite, type BodyKind } from "../http/check-browser-write";
import { rejectNulInSearchParams } from "../http/reject-nul";
import { withIdempotency } from "../http/idempotency";

export interface AuthOptions {
  /** The permission the route needs; omitted = any authenticated principal. */
  permission?: Permission;
  /**
   * Whether a Bearer API token may call the route (default true). When false, a valid token is answered
   * 403: the route is for people in the browser (e.g. managing tokens, so a leaked token cannot mint more).
   */
  allowToken?: boolean;
  /** Body types a cookie-authenticated write may send (default JSON only; add "multipart" for file uploads). */
  bodyTypes?: readonly BodyKind[];
  /**
   * POST that creates something: an `Idempotency-Key` header makes a retry replay the first answer
   * (lib/http/idempotency.ts). `true`, or the largest body accepted (default 1 MiB).
   */
  idempotent?: boolean | { maxBytes: number };
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { principal: Principal; params: P }) => Promise<Response> | Response;

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export async function authenticate(req: Request, allowToken = true): Promise<Principal> {
  const authz = req.headers.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    if (!m) throw unauthenticated("Cabeçalho Authorization inválido: use 'Bearer <token>'.");
    const p = await principalFromBearer(m[1]!);
    if (!p) throw unauthenticated("Token de API inválido ou revogado.");
    if (!allowToken) throw new AppError("FORBIDDEN", "Esta rota não aceita tokens de API: use a sessão de um administrador no navegador.");
    return p;
  }
  const p = await principalFromSession(readCookie(req, SESSION_COOKIE));
  if (!p) throw unauthenticated("Sessão ausente ou expirada: faça login.");
  return p;
}

export function withAuth<P = Record<string, never>>(handler: Handler<P>, opts: AuthOptions = {}) {
  return async (req: Request, ctx?: RouteContext<P>): Promise<Response> => {
    try {
      rejectNulInSearchParams(new URL(req.url).searchParams);
      const principal = await authenticate(req, opts.allowToken ?? true);
      if (principal.kind === "user") checkBrowserWrite(req, opts.bodyTypes);
      else if (principal.kind === "token") takeTokenRequest(principal.apiTokenId, principal.rateLimitPerMin ?? null);
      if (opts.permission && !can(principal.role, opts.permission)) throw forbidden();
      const params = ctx ? await ctx.params : ({} as P);
      if (opts.idempotent) {
        const maxBytes = typeof opts.idempotent === "object" ? opts.idempotent.maxBytes : undefined;
        return await withIdempotency(req, principal, maxBytes, (r) => handler(r, { principal, params }));
      }
      return await handler(req, { principal, params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
