import type { DiagnosticResult, DiagnosticsContract, DiagnosticValues } from "./types";

/**
 * diagnosticoContratoVelocidadeReduzida: Sim | Não, green when Não. The red path may send the open
 * invoice (second copy). No contract reads as Não: there is no speed to reduce.
 */
export function diagnoseContratoVelocidadeReduzida(
  contract: Pick<DiagnosticsContract, "reducedSpeed"> | null,
): DiagnosticResult<DiagnosticValues["diagnosticoContratoVelocidadeReduzida"]> {
  if (contract === null) return { value: "Não", path: "verde", reason: "Cliente sem contrato" };
  return contract.reducedSpeed
    ? { value: "Sim", path: "vermelho", reason: "Contrato com velocidade reduzida" }
    : { value: "Não", path: "verde", reason: "Contrato com velocidade normal" };
}
