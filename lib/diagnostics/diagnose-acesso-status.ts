import { type DiagnosticResult, type DiagnosticsLogin, type DiagnosticValues } from "./types";
import { LOGIN_STATUS_VALUES } from "../domain/status-values";

/** diagnosticoAcessoStatus: Ativo | Inativo | Sem Status, green when Ativo. No login reads as Sem Status. */
export function diagnoseAcessoStatus(
  login: Pick<DiagnosticsLogin, "status"> | null,
): DiagnosticResult<DiagnosticValues["diagnosticoAcessoStatus"]> {
  if (login === null) return { value: "Sem Status", path: "vermelho", reason: "Cliente sem login" };
  const value = LOGIN_STATUS_VALUES[login.status];
  return { value, path: value === "Ativo" ? "verde" : "vermelho", reason: `Login ${value}` };
}
