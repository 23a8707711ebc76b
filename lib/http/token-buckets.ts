// In-memory token buckets keyed by anything (an API token's id, a client IP), per process: no database
// write per request. Each key gets `limit` requests per `windowMs`, refilled continuously, with bursts up
// to `limit`. Keys idle for 10 minutes are forgotten (a full bucket is the same as none); at most
// `maxKeys` are kept (the oldest is dropped first), so a flood of distinct keys cannot grow memory.
import { tooManyRequests } from "../errors";

interface Bucket {
  tokens: number;
  at: number;
}

const IDLE_DROP_MS = 10 * 60_000;

export interface TokenBuckets<K> {
  /** Takes one request for `key`, or throws 429 RATE_LIMITED (Retry-After) with `message(limit)`. */
  take(key: K, limit: number, windowMs: number, message: (limit: number) => string, now?: number): void;
  reset(): void;
}

export function createTokenBuckets<K>(name: string, maxKeys: number): TokenBuckets<K> {
  const holder = globalThis as unknown as Record<string, Map<K, Bucket> | undefined>;
  const buckets = (holder[`__raioBuckets_${name}`] ??= new Map<K, Bucket>());
  return {
    take(key, limit, windowMs, message, now = Date.now()) {
      const ratePerMs = limit / windowMs;
      let b = buckets.get(key);
      if (!b || now - b.at > IDLE_DROP_MS) {
        if (!b && buckets.size >= maxKeys) buckets.delete(buckets.keys().next().value!);
        b = { tokens: limit, at: now };
        buckets.set(key, b);
      } else {
        b.tokens = Math.min(limit, b.tokens + (now - b.at) * ratePerMs);
        b.at = now;
      }
      if (b.tokens < 1) throw tooManyRequests(message(limit), (1 - b.tokens) / ratePerMs / 1000);
      b.tokens -= 1;
    },
    reset() {
      buckets.clear();
    },
  };
}
