// Sessions stored in the database: the cookie holds a random secret, the table its hash.
import { db } from "../db";
import { getEnv } from "../env";
import { hashSecret, newSecret } from "./hash-secret";
import { hashPassword, verifyPassword } from "./password";
import { assertLoginAllowed, clearAccountFailures, recordLoginFailure } from "./login-throttle";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "./principal";
import { AppError } from "../errors";

export const SESSION_COOKIE = "raio_session";
// Refresh lastUsedAt at most once a minute, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

// A password hash of nothing anyone knows: an unknown e-mail costs the same scrypt as a known one, so the
// answer's timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;
const dummyPasswordHash = () => (dummyHash ??= hashPassword(newSecret("dummy")));

export interface LoginContext {
  /** The client's IP address (lib/http/client-ip.ts), for throttling and the audit log. */
  ip: string;
  /** The session cookie the browser still holds, if any: it is ended (a login always starts a new session). */
  previousToken?: string;
}

export async function loginWithPassword(
  email: string,
  password: string,
  ctx: LoginContext = { ip: "local" },
): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
  const account = email.trim().toLowerCase();
  const keys = { ip: ctx.ip, account };
  await assertLoginAllowed(keys);
  const user = await db.user.findUnique({
    where: { email: account },
    select: { id: true, passwordHash: true, active: true, role: true, name: true, email: true },
  });
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await recordLoginFailure(keys);
    await recordAudit(db, null, "auth.login-failed", { type: "User", id: user?.id ?? account }, { email: account, ip: ctx.ip, reason: user ? "senha incorreta" : "e-mail desconhecido" });
    // The same message for unknown e-mail and wrong password: do not reveal which accounts exist.
    throw new AppError("UNAUTHENTICATED", "E-mail ou senha incorretos.", { field: "password" });
  }
  if (!user.active) throw new AppError("FORBIDDEN", "Usuário desativado. Procure o administrador.");
  await clearAccountFailures(account);
  if (ctx.previousToken) await logout(ctx.previousToken);
  const token = newSecret("rs");
  const expiresAt = new Date(Date.now() + getEnv().SESSION_TTL_HOURS * 3_600_000);
  await db.session.create({ data: { tokenHash: hashSecret(token), userId: user.id, expiresAt } });
  return { token, expiresAt, principal: { kind: "user", userId: user.id, role: user.role, name: user.name, email: user.email } };
}

export async function principalFromSession(token: string | undefined): Promise<Principal | null> {
  if (!token) return null;
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: {
      id: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { id: true, role: true, name: true, email: true, active: true } },
    },
  });
  if (!session || !session.user.active) return null;
  const now = Date.now();
  if (session.expiresAt.getTime() <= now) {
    await db.session.delete({ where: { id: session.id } }).catch(() => undefined);
    return null;
  }
  if (now - session.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  const u = session.user;
  return { kind: "user", userId: u.id, role: u.role, name: u.name, email: u.email };
}

export async function logout(token: string | undefined): Promise<void> {
  if (!token) return;
  await db.session.deleteMany({ where: { tokenHash: hashSecret(token) } });
}
