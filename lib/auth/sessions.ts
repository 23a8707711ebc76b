// Sessions stored in the database: the cookie holds a random secret, the table its hash.
import { db } from "../db";
import { getEnv } from "../env";
import { hashSecret, newSecret } from "./hash-secret";
import { verifyPassword } from "./password";
import type { Principal } from "./principal";
import { AppError } from "../errors";

export const SESSION_COOKIE = "raio_session";
// Refresh lastUsedAt at most once a minute, not on every request.
const TOUCH_INTERVAL_MS = 60_000;

export async function loginWithPassword(email: string, password: string): Promise<{ token: string; expiresAt: Date; principal: Principal }> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, passwordHash: true, active: true, role: true, name: true, email: true },
  });
  // The same message for unknown e-mail and wrong password: do not reveal which accounts exist.
  const ok = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !ok) throw new AppError("UNAUTHENTICATED", "E-mail ou senha incorretos.", { field: "password" });
  if (!user.active) throw new AppError("FORBIDDEN", "Usuário desativado. Procure o administrador.");
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
