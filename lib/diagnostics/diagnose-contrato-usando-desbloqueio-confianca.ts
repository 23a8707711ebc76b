import { findActiveTrustUnlock } from "./find-active-trust-unlock";
import { formatDateTime } from "../format/date-time";
import type { DiagnosticResult, DiagnosticsInput, DiagnosticValues } from "./types";

/**
 * diagnosticoContratoUsandoDesbloqueioConfianca: Sim | Não, green when Sim — a trust unlock of the contract
 * is in effect at `now` (performedAt <= now < expiresAt; one that expired a minute ago is Não).
 */
export function diagnoseContratoUsandoDesbloqueioConfianca(
  // Only the contract's presence matters here.
  input: { contract: object | null; trustUnlocks: DiagnosticsInput["trustUnlocks"] },
  now: Date,
): DiagnosticResult<DiagnosticValues["diagnosticoContratoUsandoDesbloqueioConfianca"]> {
  if (input.contract === null) return { value: "Não", path: "vermelho", reason: "Cliente sem contrato" };
  const active = findActiveTrustUnlock(input.trustUnlocks, now);
  if (active !== null) {
    return {
      value: "Sim",
      path: "verde",
      reason: `Desbloqueio de confiança em vigor até ${formatDateTime(active.expiresAt)}`,
    };
  }
  let lastExpired: Date | null = null;
  for (const unlock of input.trustUnlocks) {
    const end = unlock.expiresAt;
    if (end.getTime() <= now.getTime() && (lastExpired === null || end.getTime() > lastExpired.getTime())) {
      lastExpired = end;
    }
  }
  return {
    value: "Não",
    path: "vermelho",
    reason:
      lastExpired === null
        ? "Nenhum desbloqueio de confiança em vigor"
        : `Último desbloqueio de confiança expirou em ${formatDateTime(lastExpired)}`,
  };
}
