// Runs in front of every page request (Next 16's successor of middleware.ts):
// - security headers on every answer, and a Content-Security-Policy with a fresh nonce, which Next reads from
//   the request's CSP header and puts on its own scripts (lib/http/security-headers.ts);
// - a NUL character in the query string is refused with 400 before any page reads it.
// API requests (/api/…) do not come here: lib/http/api-front.ts does the same for them (security headers,
// NUL, JSON 405 with Allow) on the HTTP server, without Next's middleware cost. Unknown /api paths reach
// app/api/[...path]/route.ts, which answers a JSON 404.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { API_CSP, COMMON_SECURITY_HEADERS, contentSecurityPolicy } from "@/lib/http/security-headers";
import { toErrorBody } from "@/lib/errors";
import { rejectNulInSearchParams } from "@/lib/http/reject-nul";

function withSecurityHeaders(res: Response, csp: string): Response {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.headers.set(name, value);
  res.headers.set("content-security-policy", csp);
  return res;
}

function refuse(err: unknown, isApi: boolean): Response {
  const { status, body, headers } = toErrorBody(err);
  if (isApi) return withSecurityHeaders(Response.json(body, { status, headers }), API_CSP);
  const text = `${status} · ${body.error.message}`;
  return withSecurityHeaders(new Response(text, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } }), API_CSP);
}

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const isApi = pathname === "/api" || pathname.startsWith("/api/");
  try {
    rejectNulInSearchParams(searchParams);
  } catch (err) {
    return refuse(err, isApi);
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy({ nonce, tileUrl: getEnv().RAIO_TILE_URL, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

export const config = {
  // Static build files are immutable and carry no user data: no per-request work for them. The API has its own
  // front door (lib/http/api-front.ts, on the HTTP server): Next's middleware machinery halved API throughput.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
