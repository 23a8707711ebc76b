import { type DiagnosticResult, type DiagnosticsContract, type DiagnosticValues } from "./types";
import { CONTRACT_STATUS_VALUES } from "../domain/status-values";

/**
 * diagnosticoContratoStatus: Ativo | Inativo | PreContrato | Negativado | Desistiu, green when Ativo.
 * No contract reads as Inativo (red) with the reason saying so.
 */
export function diagnoseContratoStatus(
  contract: Pick<DiagnosticsContract, "status"> | null,
): DiagnosticResult<DiagnosticValues["diagnosticoContratoStatus"]> {
  if (contract === null) return { value: "Inativo", path: "vermelho", reason: "Cliente sem contrato" };
  const value = CONTRACT_STATUS_VALUES[contract.status];
  return { value, path: value === "Ativo" ? "verde" : "vermelho", reason: `Contrato ${value}` };
}
