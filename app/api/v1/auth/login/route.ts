// POST /api/v1/auth/login – e-mail and password → a session cookie
import { loginWithPassword, SESSION_COOKIE } from "@/lib/auth/sessions";
import { errorResponse } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { loginInputSchema } from "@/lib/validation/auth";


export async function POST(req: Request) {
  try {
    const { email, password } = loginInputSchema.parse(await readJson(req));
    const { token, expiresAt, principal } = await loginWithPassword(email, password);
    const res = Response.json({ user: principal });
    const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
    res.headers.append(
      "set-cookie",
      `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure}`,
    );
    return res;
  } catch (err) {
    return errorResponse(err);
  }
}
