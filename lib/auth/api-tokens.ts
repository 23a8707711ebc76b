// API tokens for integrations (the chatbot): shown once, stored hashed, revocable.
import { db, type Role } from "../db";
import { hashSecret, newSecret } from "./hash-secret";
import type { Principal } from "./principal";
import { notFound } from "../errors";

// Update lastUsedAt at most once a minute per token (not a write per request).
const TOUCH_INTERVAL_MS = 60_000;

export async function createApiToken(input: { name: string; role?: Role; createdById?: number | null }) {
  const token = newSecret("raio");
  const record = await db.apiToken.create({
    data: {
      name: input.name,
      role: input.role ?? "AGENT",
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 10),
      createdById: input.createdById ?? null,
    },
    select: { id: true, name: true, role: true, prefix: true, createdAt: true },
  });
  return { token, record };
}

export async function principalFromBearer(token: string): Promise<Principal | null> {
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashSecret(token) },
    select: { id: true, name: true, role: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return { kind: "token", apiTokenId: row.id, role: row.role, name: row.name };
}

export async function revokeApiToken(id: number): Promise<void> {
  const res = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  if (res.count === 0) {
    const exists = await db.apiToken.count({ where: { id } });
    if (!exists) throw notFound(`Token ${id} não encontrado.`);
  }
}

export async function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, role: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
}
