// The one wrapper of API route handlers: authentication (session cookie or Bearer token), the
// permission check, and the single catch that maps errors to JSON answers.
import { errorResponse, forbidden, unauthenticated } from "../errors";
import { can, type Permission } from "./roles";
import type { Principal } from "./principal";
import { principalFromBearer } from "./api-tokens";
import { principalFromSession, SESSION_COOKIE } from "./sessions";

export interface AuthOptions {
  /** The permission the route needs; omitted = any authenticated principal. */
  permission?: Permission;
  /** Whether a Bearer API token may call the route (default true). */
  allowToken?: boolean;
}

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (req: Request, ctx: { principal: Principal; params: P }) => Promise<Response> | Response;

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export async function authenticate(req: Request, allowToken = true): Promise<Principal> {
  const authz = req.headers.get("authorization");
  if (authz) {
    const m = /^Bearer\s+(\S+)$/i.exec(authz);
    if (!m || !allowToken) throw unauthenticated("Cabeçalho Authorization inválido: use 'Bearer <token>'.");
    const p = await principalFromBearer(m[1]!);
    if (!p) throw unauthenticated("Token de API inválido ou revogado.");
    return p;
  }
  const p = await principalFromSession(readCookie(req, SESSION_COOKIE));
  if (!p) throw unauthenticated("Sessão ausente ou expirada: faça login.");
  return p;
}

export function withAuth<P = Record<string, never>>(handler: Handler<P>, opts: AuthOptions = {}) {
  return async (req: Request, ctx?: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await authenticate(req, opts.allowToken ?? true);
      if (opts.permission && !can(principal.role, opts.permission)) throw forbidden();
      const params = ctx ? await ctx.params : ({} as P);
      return await handler(req, { principal, params });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
