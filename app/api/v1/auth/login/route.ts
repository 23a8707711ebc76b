// POST /api/v1/auth/login – e-mail and password → a session cookie
// Guarded like every cookie write (same origin, JSON body: no login CSRF), throttled per IP and per account
// (429 + Retry-After, lib/auth/login-throttle.ts); failures are audited.
import { loginWithPassword, SESSION_COOKIE } from "@/lib/auth/sessions";
import { readCookie } from "@/lib/auth/with-auth";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { checkBrowserWrite } from "@/lib/http/check-browser-write";
import { clientIp } from "@/lib/http/client-ip";
import { sessionCookie } from "@/lib/http/session-cookie";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { loginInputSchema } from "@/lib/validation/auth";

// A login body is two short strings.
const MAX_LOGIN_BYTES = 4 * 1024;


export async function POST(req: Request) {
  try {
    checkBrowserWrite(req);
    const { email, password } = loginInputSchema.parse(await readJson(req, MAX_LOGIN_BYTES));
    const { token, expiresAt, principal } = await loginWithPassword(email, password, {
      ip: clientIp(req),
      previousToken: readCookie(req, SESSION_COOKIE),
    });
    await recordAudit(db, principal, "auth.login", { type: "User", id: principal.kind === "user" ? principal.userId : 0 }, { ip: clientIp(req) });
    const res = Response.json({ user: principal });
    res.headers.append("set-cookie", sessionCookie(req, token, expiresAt));
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
