// Appends to the audit log inside the caller's transaction, so the log and the change commit together.
import type { Prisma } from "../db";
import { actorColumns, type Principal } from "../auth/principal";

type Tx = { auditLog: { create: (args: { data: Prisma.AuditLogUncheckedCreateInput }) => Promise<unknown> } };

export async function recordAudit(
  tx: Tx,
  principal: Principal | null,
  action: string,
  entity: { type: string; id: string | number },
  data?: Prisma.InputJsonValue,
): Promise<void> {
  const actor = principal ? actorColumns(principal) : { userId: null, apiTokenId: null };
  await tx.auditLog.create({
    data: { ...actor, action, entityType: entity.type, entityId: String(entity.id), data },
  });
}
