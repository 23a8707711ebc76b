// Readiness: whether the database answers a trivial query within a short time.
import { getBackend } from "../db";

/** A probe that takes longer than this counts as "not answering" (a load balancer must not hang on it). */
export const READINESS_TIMEOUT_MS = 2_000;

export async function checkDatabase(): Promise<{ ok: true; latencyMs: number } | { ok: false; error: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      getBackend().query("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`sem resposta em ${READINESS_TIMEOUT_MS} ms`)), READINESS_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
