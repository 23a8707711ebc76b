import type { DiagnosticResult, DiagnosticsCustomer, DiagnosticValues } from "./types";

/** diagnosticoClienteStatus: Ativo | Inativo, green when the customer record is active. */
export function diagnoseClienteStatus(
  customer: Pick<DiagnosticsCustomer, "active">,
): DiagnosticResult<DiagnosticValues["diagnosticoClienteStatus"]> {
  return customer.active
    ? { value: "Ativo", path: "verde", reason: "Cadastro do cliente ativo" }
    : { value: "Inativo", path: "vermelho", reason: "Cadastro do cliente inativo" };
}
