// Per-token API rate limit: a token bucket in this process's memory (no database write per request; the
// diagnostics route is a hot path). Limit semantics: RAIO_API_RATE_LIMIT_PER_MIN requests per minute per
// token *per server process*, with bursts up to one minute's worth; a server running N workers therefore
// admits at most N × the limit. Over the limit: 429 with Retry-After. 0 disables it.
import { getEnv } from "../env";
import { tooManyRequests } from "../errors";

interface Bucket {
  tokens: number;
  at: number;
}

// Buckets of tokens not seen for this long are dropped (a full bucket is the same as no bucket).
const IDLE_DROP_MS = 10 * 60_000;
const MAX_BUCKETS = 10_000;

const holder = globalThis as unknown as { __raioTokenBuckets?: Map<number, Bucket> };
const buckets = (holder.__raioTokenBuckets ??= new Map());

/** Takes one request from the token's bucket, or throws 429 RATE_LIMITED with Retry-After. */
export function takeTokenRequest(apiTokenId: number, now = Date.now()): void {
  const perMinute = getEnv().RAIO_API_RATE_LIMIT_PER_MIN;
  if (perMinute <= 0) return;
  const ratePerMs = perMinute / 60_000;
  let b = buckets.get(apiTokenId);
  if (!b || now - b.at > IDLE_DROP_MS) {
    if (!b && buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    b = { tokens: perMinute, at: now };
    buckets.set(apiTokenId, b);
  } else {
    b.tokens = Math.min(perMinute, b.tokens + (now - b.at) * ratePerMs);
    b.at = now;
  }
  if (b.tokens < 1) {
    const waitS = (1 - b.tokens) / ratePerMs / 1000;
    throw tooManyRequests(`Limite de ${perMinute} requisições por minuto deste token excedido. Tente de novo em instantes.`, waitS);
  }
  b.tokens -= 1;
}

/** Tests: forget every bucket. */
export function resetTokenBuckets(): void {
  buckets.clear();
}
