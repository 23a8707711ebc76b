// API tokens for integrations (the chatbot): shown once, stored hashed, revocable.
import { db, dbGeneration, type Role } from "../db";
import { hashSecret, newSecret } from "./hash-secret";
import type { Principal } from "./principal";
import { conflict, notFound } from "../errors";
import { broadcast, onBroadcast } from "../cluster/broadcast";

// Update lastUsedAt at most once a minute per token (not a write per request).
const TOUCH_INTERVAL_MS = 60_000;

// A valid token's row is kept in memory this long, so a busy integration costs no query per request.
// Revocation: immediate in every worker of the server that revokes (its entry is dropped, and the other
// workers are told before the revocation returns); servers on other hosts stop accepting the token within
// this delay. Unknown and revoked tokens are never cached.
// RAIO_API_TOKEN_CACHE_MS overrides the delay (0 = look the token up on every request).
export const TOKEN_CACHE_TTL_MS = Number(process.env.RAIO_API_TOKEN_CACHE_MS ?? 1_000);
const TOKEN_CACHE_MAX = 1_000;

interface CachedToken {
  generation: number;
  expiresAt: number;
  id: number;
  name: string;
  role: Role;
  rateLimitPerMin: number | null;
  lastUsedAt: number;
}

// On globalThis: Next may load this module in more than one bundle; the revoking one must see the cache.
interface TokenState {
  cache: Map<string, CachedToken>;
  /** Lookups under way, by token hash (single flight). */
  inflight: Map<string, Promise<CachedToken | null>>;
  /** Revocations seen by this process: a lookup that overlaps one does not cache what it read. */
  revocations: number;
}
const holder = globalThis as unknown as { __raioTokens?: TokenState };
const state = (holder.__raioTokens ??= { cache: new Map(), inflight: new Map(), revocations: 0 });
const tokenCache = state.cache;
const inflight = state.inflight;

const TOKEN_CHANGED = "api-token-changed";
/**
 * Drops a token from this process's cache (revoked, or its limit changed). Lookups under way will not cache what they read, and requests
 * arriving from now on do not join them: they read the row again.
 */
function forgetToken(id: number): void {
  state.revocations++;
  inflight.clear();
  for (const [hash, entry] of tokenCache) if (entry.id === id) tokenCache.delete(hash);
}
onBroadcast(TOKEN_CHANGED, (id) => forgetToken(Number(id)));

/** Drops the token here and, before returning, in the other workers of this server (lib/cluster/broadcast.ts). */
async function forgetTokenEverywhere(id: number): Promise<void> {
  forgetToken(id);
  await broadcast(TOKEN_CHANGED, id);
}

export async function createApiToken(input: { name: string; role?: Role; rateLimitPerMin?: number | null; createdById?: number | null }) {
  const token = newSecret("raio");
  const record = await db.apiToken.create({
    data: {
      name: input.name,
      role: input.role ?? "AGENT",
      tokenHash: hashSecret(token),
      prefix: token.slice(0, 10),
      rateLimitPerMin: input.rateLimitPerMin ?? null,
      createdById: input.createdById ?? null,
    },
    select: { id: true, name: true, role: true, prefix: true, rateLimitPerMin: true, createdAt: true },
  });
  return { token, record };
}

export async function principalFromBearer(token: string): Promise<Principal | null> {
  const hash = hashSecret(token);
  const now = Date.now();
  const generation = dbGeneration();
  let entry: CachedToken | null | undefined = tokenCache.get(hash);
  if (!entry || entry.expiresAt <= now || entry.generation !== generation) {
    if (entry) tokenCache.delete(hash);
    // Single flight: when the entry expires under load, the concurrent requests carrying the same token
    // share one lookup (and one entry) instead of each sending its own.
    let lookup = inflight.get(hash);
    if (!lookup) {
      const mine: Promise<CachedToken | null> = lookUpToken(hash, generation, now).finally(() => {
        if (inflight.get(hash) === mine) inflight.delete(hash);
      });
      lookup = mine;
      inflight.set(hash, lookup);
    }
    entry = await lookup;
    if (!entry) return null;
  }
  if (now - entry.lastUsedAt > TOUCH_INTERVAL_MS) {
    entry.lastUsedAt = now;
    await db.apiToken.update({ where: { id: entry.id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
  }
  return { kind: "token", apiTokenId: entry.id, role: entry.role, name: entry.name, rateLimitPerMin: entry.rateLimitPerMin };
}

async function lookUpToken(hash: string, generation: number, now: number): Promise<CachedToken | null> {
  const revocationsBefore = state.revocations;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, name: true, role: true, rateLimitPerMin: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  const entry: CachedToken = {
    generation,
    expiresAt: now + TOKEN_CACHE_TTL_MS,
    id: row.id,
    name: row.name,
    role: row.role,
    rateLimitPerMin: row.rateLimitPerMin,
    lastUsedAt: row.lastUsedAt?.getTime() ?? 0,
  };
  // Not cached when a revocation happened in this instance while the row was being read: the row may
  // predate it, and the revoking instance promises to stop accepting the token at once.
  if (TOKEN_CACHE_TTL_MS > 0 && state.revocations === revocationsBefore) {
    // Bounded: drop the oldest entry (Map keeps insertion order).
    if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.delete(tokenCache.keys().next().value!);
    tokenCache.set(hash, entry);
  }
  return entry;
}

export async function revokeApiToken(id: number): Promise<void> {
  const res = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  await forgetTokenEverywhere(id);
  if (res.count === 0) {
    const exists = await db.apiToken.count({ where: { id } });
    if (!exists) throw notFound(`Token ${id} não encontrado.`);
  }
}

/**
 * Sets a token's own per-minute limit (null: the server's default; 0: none). Every worker of this server applies it
 * from its next request; other servers within RAIO_API_TOKEN_CACHE_MS. Returns the limit it replaced.
 */
export async function setApiTokenRateLimit(id: number, rateLimitPerMin: number | null): Promise<{ before: number | null }> {
  const before = await db.apiToken.findUnique({ where: { id }, select: { rateLimitPerMin: true, revokedAt: true } });
  if (!before) throw notFound(`Token ${id} não encontrado.`);
  if (before.revokedAt) throw conflict(`O token ${id} foi revogado: o limite dele não pode mais mudar.`);
  await db.apiToken.update({ where: { id }, data: { rateLimitPerMin } });
  await forgetTokenEverywhere(id);
  return { before: before.rateLimitPerMin };
}

export async function listApiTokens() {
  return db.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, role: true, prefix: true, rateLimitPerMin: true, createdAt: true, lastUsedAt: true, revokedAt: true, createdBy: { select: { name: true } } },
  });
}
