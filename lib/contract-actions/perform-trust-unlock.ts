// POST /api/v1/contracts/{id}/trust-unlock: releases a blocked contract for the configured days on the
// customer's word (desbloqueio de confiança), or refuses with decideTrustUnlock's reason changing nothing.
//
// One transaction: read the contract, decide (the same pure rule as the diagnostic variable
// diagnosticoContratoRestricaoDesbloquioConfianca, so the chatbot is never told "Não" and then refused),
// then a guarded update `accessStatus IN (BLOQUEADO, FINANCEIRO_EM_ATRASO) → ATIVO`. Two unlocks at the same
// time (double click, chatbot and agent together) both may decide "allowed", but PostgreSQL re-checks the
// guard on the locked row, so exactly one update matches: the other answers 409 and its transaction rolls
// back. The TrustUnlock row keeps the previous access status, restored if the unlock ends unpaid
// (restore-expired-trust-unlock.ts). Audited with who, when and the result.
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { actorColumns, type Principal } from "../auth/principal";
import { getSettings } from "../settings/get-settings";
import { decideTrustUnlock, TRUST_UNLOCKABLE_ACCESS } from "../diagnostics/decide-trust-unlock";
import { formatSaoPauloDateTime } from "../diagnostics/sao-paulo-time";
import { ACCESS_STATUS_VALUES } from "../domain/status-values";

export const TRUST_UNLOCK_ACTION = "contract.trust-unlock";

/** Unpaid invoices read for the decision (oldest first); the restriction only looks at overdue ones. */
const MAX_UNPAID_INVOICES = 24;
/** Recent unlocks read for the decision: the one in effect and the last one are all it needs. */
const MAX_TRUST_UNLOCKS = 5;

export interface TrustUnlockOutcome {
  contractId: number;
  trustUnlockId: number;
  accessStatus: "Ativo";
  previousAccessStatus: string;
  performedAt: Date;
  expiresAt: Date;
  message: string;
}

export async function performTrustUnlock(
  contractId: number,
  principal: Principal,
  now: Date = new Date(),
): Promise<TrustUnlockOutcome> {
  const settings = await getSettings();
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.findUnique({
      where: { id: contractId },
      select: {
        id: true, customerId: true, status: true, accessStatus: true, trustUnlockEligible: true,
        trustUnlocks: { orderBy: { performedAt: "desc" }, take: MAX_TRUST_UNLOCKS, select: { performedAt: true, expiresAt: true } },
        invoices: {
          where: { paidAt: null },
          orderBy: { dueDate: "asc" },
          take: MAX_UNPAID_INVOICES,
          select: { dueDate: true, amountCents: true, paidAt: true },
        },
      },
    });
    if (!contract) throw notFound(`Contrato ${contractId} não encontrado.`);
    const decision = decideTrustUnlock(
      { contract, trustUnlocks: contract.trustUnlocks, invoices: contract.invoices },
      now,
      settings,
    );
    if (!decision.allowed) {
      throw new AppError("CONFLICT", decision.reason, { details: { reason: decision.code } });
    }
    const released = await tx.contract.updateMany({
      where: { id: contractId, accessStatus: { in: [...TRUST_UNLOCKABLE_ACCESS] } },
      data: { accessStatus: "ATIVO" },
    });
    if (released.count === 0) {
      throw new AppError("CONFLICT", "O contrato foi alterado por outro atendimento neste instante: consulte o diagnóstico de novo.", {
        details: { reason: "CONCURRENT_CHANGE" },
      });
    }
    const unlock = await tx.trustUnlock.create({
      data: {
        contractId,
        performedAt: now,
        expiresAt: decision.expiresAt,
        previousAccessStatus: contract.accessStatus,
        channel: principal.kind === "token" ? "chatbot" : "agente",
        ...actorColumns(principal),
      },
      select: { id: true },
    });
    await recordAudit(tx, principal, TRUST_UNLOCK_ACTION, { type: "Contract", id: contractId }, {
      result: "liberado",
      customerId: contract.customerId,
      trustUnlockId: unlock.id,
      previousAccessStatus: contract.accessStatus,
      expiresAt: decision.expiresAt.toISOString(),
    });
    return {
      contractId,
      trustUnlockId: unlock.id,
      accessStatus: "Ativo",
      previousAccessStatus: ACCESS_STATUS_VALUES[contract.accessStatus],
      performedAt: now,
      expiresAt: decision.expiresAt,
      message: `Acesso liberado em confiança até ${formatSaoPauloDateTime(decision.expiresAt)}.`,
    };
  });
}
