import type { DiagnosticsTrustUnlock } from "./types";

/**
 * The trust unlock in effect at `now` (performedAt <= now < expiresAt), or null. When several overlap
 * (bad data), the one lasting longest wins, so the answer names the latest expiry.
 */
export function findActiveTrustUnlock<T extends DiagnosticsTrustUnlock>(
  unlocks: readonly T[],
  now: Date,
): T | null {
  const t = now.getTime();
  let active: T | null = null;
  for (const unlock of unlocks) {
    if (unlock.performedAt.getTime() <= t && t < unlock.expiresAt.getTime()) {
      if (active === null || unlock.expiresAt.getTime() > active.expiresAt.getTime()) active = unlock;
    }
  }
  return active;
}
