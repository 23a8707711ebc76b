// POST /api/v1/auth/logout – ends the session and clears its cookie
import { logout, SESSION_COOKIE } from "@/lib/auth/sessions";
import { readCookie } from "@/lib/auth/with-auth";
import { errorResponse } from "@/lib/errors";

export async function POST(req: Request) {
  try {
    await logout(readCookie(req, SESSION_COOKIE));
    const res = Response.json({ ok: true });
    res.headers.append("set-cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
