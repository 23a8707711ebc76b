import { decideTrustUnlock, type TrustUnlockInput } from "./decide-trust-unlock";
import type { DiagnosticResult, DiagnosticsSettings, DiagnosticValues } from "./types";

/**
 * diagnosticoContratoRestricaoDesbloquioConfianca (sic, the contract's spelling): Sim | Não, green when
 * Não. Sim when decideTrustUnlock refuses, with its reason (told to the customer); the same function
 * decides the unlock action, so the variable and the action never disagree.
 */
export function diagnoseContratoRestricaoDesbloquioConfianca(
  input: TrustUnlockInput,
  now: Date,
  settings: Pick<DiagnosticsSettings, "trustUnlockDays" | "trustUnlockLookbackDays">,
): DiagnosticResult<DiagnosticValues["diagnosticoContratoRestricaoDesbloquioConfianca"]> {
  const decision = decideTrustUnlock(input, now, settings);
  if (!decision.allowed) return { value: "Sim", path: "vermelho", reason: decision.reason };
  const days = settings.trustUnlockDays;
  return {
    value: "Não",
    path: "verde",
    reason: `Contrato apto ao desbloqueio de confiança por ${days} ${days === 1 ? "dia" : "dias"}`,
  };
}
