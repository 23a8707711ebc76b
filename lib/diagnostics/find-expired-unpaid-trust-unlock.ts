// When a trust unlock ends unpaid, the contract goes back to the access status it had before. Raio has no
// scheduler: the restore is lazy — whoever reads the contract's diagnostics (chatbot, panel) first calls
// this pure rule, and restoreExpiredTrustUnlock applies it in a guarded update. Pure: no I/O.
import { findActiveTrustUnlock } from "./find-active-trust-unlock";
import { TRUST_UNLOCKABLE_ACCESS } from "./decide-trust-unlock";
import { isInvoiceOverdue } from "./is-invoice-overdue";
import type { AccessStatus, DiagnosticsInvoice, DiagnosticsTrustUnlock } from "./types";

export interface RestorableTrustUnlock extends DiagnosticsTrustUnlock {
  id: number;
  previousAccessStatus: AccessStatus;
}

/**
 * The unlock whose expiry must restore the contract's previous access status at `now`, or null. All of:
 *   - the contract is Ativo now (what the unlock set) and no unlock is in effect;
 *   - the latest unlock performed by `now` has expired (expiresAt <= now) and had released a block;
 *   - an invoice that was already overdue when it was performed is still unpaid at `now`.
 * A customer who paid during the unlock keeps the access.
 */
export function findExpiredUnpaidTrustUnlock<T extends RestorableTrustUnlock>(
  contract: { accessStatus: AccessStatus },
  unlocks: readonly T[],
  invoices: readonly Pick<DiagnosticsInvoice, "dueDate" | "paidAt">[],
  now: Date,
): T | null {
  if (contract.accessStatus !== "ATIVO") return null;
  if (findActiveTrustUnlock(unlocks, now) !== null) return null;
  const t = now.getTime();
  let latest: T | null = null;
  for (const unlock of unlocks) {
    const at = unlock.performedAt.getTime();
    if (at <= t && (latest === null || at > latest.performedAt.getTime())) latest = unlock;
  }
  if (latest === null || latest.expiresAt.getTime() > t) return null;
  if (!TRUST_UNLOCKABLE_ACCESS.has(latest.previousAccessStatus)) return null;
  const performedAt = latest.performedAt;
  const unpaid = invoices.some(
    (invoice) => isInvoiceOverdue(invoice, performedAt) && (invoice.paidAt === null || invoice.paidAt.getTime() > t),
  );
  return unpaid ? latest : null;
}
