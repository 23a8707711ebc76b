import { type DiagnosticResult, type DiagnosticsContract, type DiagnosticValues } from "./types";
import { ACCESS_STATUS_VALUES } from "../domain/status-values";

/**
 * diagnosticoContratoStatusAcesso: Ativo | Desativado | Aguardando Assinatura | Bloqueado |
 * Financeiro Em Atraso, green when Ativo. No contract reads as Desativado (red).
 */
export function diagnoseContratoStatusAcesso(
  contract: Pick<DiagnosticsContract, "accessStatus"> | null,
): DiagnosticResult<DiagnosticValues["diagnosticoContratoStatusAcesso"]> {
  if (contract === null) return { value: "Desativado", path: "vermelho", reason: "Cliente sem contrato" };
  const value = ACCESS_STATUS_VALUES[contract.accessStatus];
  return { value, path: value === "Ativo" ? "verde" : "vermelho", reason: `Acesso do contrato ${value}` };
}
