// Per-token API rate limit: a token bucket in this process's memory (no database write per request; the
// diagnostics route is a hot path). Limit semantics: the token's own rateLimitPerMin, or when it has none
// RAIO_API_RATE_LIMIT_PER_MIN, requests per minute per token *per server process*, with bursts up to one
// minute's worth; a server running N workers therefore admits at most N × the limit. Over the limit: 429 with
// Retry-After. 0 disables it (for that token, or for every token without its own limit).
import { getEnv } from "../env";
import { createTokenBuckets } from "../http/token-buckets";

const MAX_BUCKETS = 10_000;
const buckets = createTokenBuckets<number>("apiTokens", MAX_BUCKETS);

/** Takes one request from the token's bucket, or throws 429 RATE_LIMITED with Retry-After. */
export function takeTokenRequest(apiTokenId: number, ownLimitPerMin: number | null = null, now = Date.now()): void {
  const perMinute = ownLimitPerMin ?? getEnv().RAIO_API_RATE_LIMIT_PER_MIN;
  if (perMinute <= 0) return;
  buckets.take(apiTokenId, perMinute, 60_000, (limit) => `Limite de ${limit} requisições por minuto deste token excedido. Tente de novo em instantes.`, now);
}

/** Tests: forget every bucket. */
export function resetTokenBuckets(): void {
  buckets.reset();
}
