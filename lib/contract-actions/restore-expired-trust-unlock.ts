// Applies findExpiredUnpaidTrustUnlock (lib/diagnostics, pure): puts the contract back to the access status it had before the
// unlock, once per unlock, audited. Guarded: the update only moves an Ativo contract, so two readers at
// the same instant restore once; and an unlock already restored (audited) is never applied again, so an
// operator who re-activates the contract by hand is not overruled on the next read.
import { db, type AccessStatus } from "../db";
import { recordAudit } from "../audit/record-audit";

export const TRUST_UNLOCK_EXPIRED_ACTION = "contract.trust-unlock-expired";

export async function restoreExpiredTrustUnlock(
  contractId: number,
  unlock: { id: number; expiresAt: Date; previousAccessStatus: AccessStatus },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const already = await tx.auditLog.findFirst({
      where: {
        action: TRUST_UNLOCK_EXPIRED_ACTION,
        entityType: "Contract",
        entityId: String(contractId),
        data: { path: ["trustUnlockId"], equals: unlock.id },
      },
      select: { id: true },
    });
    if (already) return false;
    const moved = await tx.contract.updateMany({
      where: { id: contractId, accessStatus: "ATIVO" },
      data: { accessStatus: unlock.previousAccessStatus },
    });
    if (moved.count === 0) return false;
    await recordAudit(tx, null, TRUST_UNLOCK_EXPIRED_ACTION, { type: "Contract", id: contractId }, {
      result: "restaurado",
      trustUnlockId: unlock.id,
      expiredAt: unlock.expiresAt.toISOString(),
      accessStatus: unlock.previousAccessStatus,
    });
    return true;
  });
}
