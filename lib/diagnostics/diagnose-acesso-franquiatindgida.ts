import type {
  DiagnosticResult,
  DiagnosticsBranch,
  DiagnosticsLogin,
  DiagnosticsPlan,
  DiagnosticValues,
} from "./types";

/** MB per GB of allowance: binary, as RADIUS accounting and IXC's franquia count (1 GB = 1024 MB). */
export const MB_PER_GB = 1024;

/**
 * diagnosticoAcessoFranquiatindgida (sic, the contract's spelling): Sim | Não, green when Não.
 * Sim when the login used its whole cycle allowance: dataUsedMb >= allowanceGb × 1024 (exactly at the
 * allowance counts as reached). A null allowance is unlimited → Não. No contract or login → Não.
 * When Sim the reason names the branch central the customer is routed to.
 */
export function diagnoseAcessoFranquiatindgida(input: {
  customer: { branch: DiagnosticsBranch };
  contract: { plan: Pick<DiagnosticsPlan, "allowanceGb"> } | null;
  login: Pick<DiagnosticsLogin, "dataUsedMb"> | null;
}): DiagnosticResult<DiagnosticValues["diagnosticoAcessoFranquiatindgida"]> {
  const { contract, login, customer } = input;
  if (contract === null) return { value: "Não", path: "verde", reason: "Cliente sem contrato" };
  if (login === null) return { value: "Não", path: "verde", reason: "Cliente sem login" };
  const allowanceGb = contract.plan.allowanceGb;
  if (allowanceGb === null) return { value: "Não", path: "verde", reason: "Plano sem franquia (ilimitado)" };
  const allowanceMb = allowanceGb * MB_PER_GB;
  if (login.dataUsedMb >= allowanceMb) {
    const { central, centralPhone } = customer.branch;
    const phone = centralPhone ? ` (${centralPhone})` : "";
    return {
      value: "Sim",
      path: "vermelho",
      reason: `Franquia de ${allowanceGb} GB atingida (${login.dataUsedMb} MB usados): encaminhar para a central ${central}${phone}`,
    };
  }
  return {
    value: "Não",
    path: "verde",
    reason: `Franquia de ${allowanceGb} GB: ${login.dataUsedMb} de ${allowanceMb} MB usados`,
  };
}
