// The one rule deciding whether a contract may use a trust unlock (desbloqueio de confiança) now. It serves
// both the diagnostic variable diagnosticoContratoRestricaoDesbloquioConfianca and the action that
// performs an unlock, so the chatbot is never told "Não" (no restriction) and then refused.
//
// Checked in this order; the first that fails is the reason given:
//   1. NO_CONTRACT               the customer has no contract.
//   2. NOT_ELIGIBLE              the ERP forbids trust unlock for the contract (trustUnlockEligible false).
//   3. CONTRACT_NOT_ACTIVE       the contract status is not ATIVO (Inativo, PreContrato, Negativado,
//                                Desistiu): only a live contract may be released on the customer's word.
//   4. UNLOCK_IN_EFFECT          an unlock is already in effect (performedAt <= now < expiresAt): it is not
//                                extended or stacked; the reason names when it ends.
//   5. ACCESS_NOT_BLOCKED        the access is not Bloqueado / Financeiro Em Atraso: Ativo has nothing to
//                                release; Desativado / Aguardando Assinatura are not financial blocks.
//   6. UNPAID_SINCE_LAST_UNLOCK  the last unlock was performed less than trustUnlockLookbackDays × 24 h ago
//                                and an invoice that was overdue at that moment is still unpaid now.
// Otherwise allowed, for trustUnlockDays × 24 h from now.
import { formatCurrency } from "./format-currency";
import { findActiveTrustUnlock } from "./find-active-trust-unlock";
import { isInvoiceOverdue } from "./is-invoice-overdue";
import { formatSaoPauloDateTime } from "./sao-paulo-time";
import { type AccessStatus, type DiagnosticsContract, type DiagnosticsInput, type DiagnosticsSettings } from "./types";
import { ACCESS_STATUS_VALUES, CONTRACT_STATUS_VALUES } from "../domain/status-values";

/** One day of 24 h in milliseconds (unlock durations and the lookback window are counted in these). */
const DAY_MS = 24 * 60 * 60 * 1000;

/** The access statuses a trust unlock releases. */
export const TRUST_UNLOCKABLE_ACCESS: ReadonlySet<AccessStatus> = new Set<AccessStatus>([
  "BLOQUEADO",
  "FINANCEIRO_EM_ATRASO",
]);

export type TrustUnlockRefusal =
  | "NO_CONTRACT"
  | "NOT_ELIGIBLE"
  | "CONTRACT_NOT_ACTIVE"
  | "UNLOCK_IN_EFFECT"
  | "ACCESS_NOT_BLOCKED"
  | "UNPAID_SINCE_LAST_UNLOCK";

export type TrustUnlockDecision =
  | { allowed: true; expiresAt: Date }
  | { allowed: false; code: TrustUnlockRefusal; reason: string };

export interface TrustUnlockInput {
  contract: Pick<DiagnosticsContract, "status" | "accessStatus" | "trustUnlockEligible"> | null;
  trustUnlocks: DiagnosticsInput["trustUnlocks"];
  invoices: DiagnosticsInput["invoices"];
}

function assertSettings(settings: Pick<DiagnosticsSettings, "trustUnlockDays" | "trustUnlockLookbackDays">): void {
  if (!Number.isFinite(settings.trustUnlockDays) || settings.trustUnlockDays <= 0) {
    throw new RangeError(
      `Duração do desbloqueio de confiança ${settings.trustUnlockDays} dias: deve ser maior que zero`,
    );
  }
  if (!Number.isFinite(settings.trustUnlockLookbackDays) || settings.trustUnlockLookbackDays < 0) {
    throw new RangeError(
      `Janela de desbloqueio de confiança ${settings.trustUnlockLookbackDays} dias: não pode ser negativa`,
    );
  }
}

function refuse(code: TrustUnlockRefusal, reason: string): TrustUnlockDecision {
  return { allowed: false, code, reason };
}

/** Whether the contract may use a trust unlock at `now`, and until when; see the rule above. */
export function decideTrustUnlock(
  input: TrustUnlockInput,
  now: Date,
  settings: Pick<DiagnosticsSettings, "trustUnlockDays" | "trustUnlockLookbackDays">,
): TrustUnlockDecision {
  assertSettings(settings);
  const { contract } = input;
  if (contract === null) return refuse("NO_CONTRACT", "Cliente sem contrato");
  if (!contract.trustUnlockEligible) {
    return refuse("NOT_ELIGIBLE", "Contrato sem permissão para desbloqueio de confiança");
  }
  if (contract.status !== "ATIVO") {
    return refuse(
      "CONTRACT_NOT_ACTIVE",
      `Contrato ${CONTRACT_STATUS_VALUES[contract.status]}: o desbloqueio de confiança exige contrato Ativo`,
    );
  }
  const active = findActiveTrustUnlock(input.trustUnlocks, now);
  if (active !== null) {
    return refuse(
      "UNLOCK_IN_EFFECT",
      `Desbloqueio de confiança já em vigor até ${formatSaoPauloDateTime(active.expiresAt)}`,
    );
  }
  if (!TRUST_UNLOCKABLE_ACCESS.has(contract.accessStatus)) {
    return refuse(
      "ACCESS_NOT_BLOCKED",
      contract.accessStatus === "ATIVO"
        ? "Acesso já está Ativo: não há bloqueio a liberar"
        : `Acesso ${ACCESS_STATUS_VALUES[contract.accessStatus]}: o desbloqueio de confiança só libera acesso Bloqueado ou Financeiro Em Atraso`,
    );
  }

  const t = now.getTime();
  let last: Date | null = null;
  for (const unlock of input.trustUnlocks) {
    const at = unlock.performedAt;
    if (at.getTime() <= t && (last === null || at.getTime() > last.getTime())) last = at;
  }
  if (last !== null && t - last.getTime() < settings.trustUnlockLookbackDays * DAY_MS) {
    const lastUnlock = last;
    const stillUnpaid = input.invoices.filter(
      (invoice) => isInvoiceOverdue(invoice, lastUnlock) && (invoice.paidAt === null || invoice.paidAt.getTime() > t),
    );
    if (stillUnpaid.length > 0) {
      const total = stillUnpaid.reduce((sum, invoice) => sum + invoice.amountCents, 0);
      const invoices =
        stillUnpaid.length === 1
          ? "1 fatura que já estava vencida continua em aberto"
          : `${stillUnpaid.length} faturas que já estavam vencidas continuam em aberto`;
      return refuse(
        "UNPAID_SINCE_LAST_UNLOCK",
        `Desbloqueio de confiança usado em ${formatSaoPauloDateTime(lastUnlock)} e ${invoices} (${formatCurrency(total)})`,
      );
    }
  }
  return { allowed: true, expiresAt: new Date(t + settings.trustUnlockDays * DAY_MS) };
}
