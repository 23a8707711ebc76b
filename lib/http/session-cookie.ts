// The session cookie's attributes: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site
// subrequests and form POSTs), Path=/, and Secure whenever the browser reached the app over HTTPS (directly,
// or through a TLS-terminating proxy that says so in X-Forwarded-Proto when RAIO_TRUST_PROXY is on).
import { SESSION_COOKIE } from "../auth/sessions";
import { getEnv } from "../env";

function isHttps(req: Request): boolean {
  if (getEnv().RAIO_TRUST_PROXY && req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https") return true;
  return new URL(req.url).protocol === "https:";
}

/** Set-Cookie value opening a session; `expiresAt` null clears the cookie. */
export function sessionCookie(req: Request, token: string, expiresAt: Date | null): string {
  const secure = isHttps(req) ? "; Secure" : "";
  const life = expiresAt ? `Expires=${expiresAt.toUTCString()}` : "Max-Age=0";
  return `${SESSION_COOKIE}=${expiresAt ? token : ""}; Path=/; HttpOnly; SameSite=Lax; ${life}${secure}`;
}
