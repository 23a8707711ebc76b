import { formatDateTime } from "../format/date-time";
import type { DiagnosticResult, DiagnosticsLogin, DiagnosticValues } from "./types";

/** diagnosticoAcessoOnline: Sim | Não, green when Sim. No login reads as Não. */
export function diagnoseAcessoOnline(
  login: Pick<DiagnosticsLogin, "online" | "lastSeenAt"> | null,
): DiagnosticResult<DiagnosticValues["diagnosticoAcessoOnline"]> {
  if (login === null) return { value: "Não", path: "vermelho", reason: "Cliente sem login" };
  if (login.online) return { value: "Sim", path: "verde", reason: "Login online" };
  return {
    value: "Não",
    path: "vermelho",
    reason:
      login.lastSeenAt === null
        ? "Login offline"
        : `Login offline; visto por último em ${formatDateTime(login.lastSeenAt)}`,
  };
}
