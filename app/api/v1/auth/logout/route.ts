// POST /api/v1/auth/logout – ends the session (deleted in the database, so the cookie is dead even if kept)
// and clears its cookie
import { logout, SESSION_COOKIE } from "@/lib/auth/sessions";
import { readCookie } from "@/lib/auth/with-auth";
import { errorResponse } from "@/lib/errors";
import { checkBrowserWrite } from "@/lib/http/check-browser-write";
import { sessionCookie } from "@/lib/http/session-cookie";

export async function POST(req: Request) {
  try {
    checkBrowserWrite(req);
    await logout(readCookie(req, SESSION_COOKIE));
    const res = Response.json({ ok: true });
    res.headers.append("set-cookie", sessionCookie(req, "", null));
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
