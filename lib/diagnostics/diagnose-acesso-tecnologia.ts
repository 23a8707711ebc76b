import { type DiagnosticResult, type DiagnosticsLogin, type DiagnosticsPlan, type DiagnosticValues } from "./types";
import { TECHNOLOGY_VALUES, type TechnologyValue } from "../domain/status-values";

/**
 * diagnosticoAcessoTecnologia: Fibra | Radio | ADSL — the login's technology. Green when it equals
 * `expected`, or when nothing is expected.
 * Without a login the contract plan's technology is used. Without either the technology is unknown: the
 * value is "Fibra" when nothing is expected (green, as any value would be), otherwise the first value
 * that differs from the expected one, so a flow comparing the value takes the red path as we do.
 */
export function diagnoseAcessoTecnologia(
  input: {
    contract: { plan: Pick<DiagnosticsPlan, "technology"> } | null;
    login: Pick<DiagnosticsLogin, "technology"> | null;
  },
  expected: TechnologyValue | null,
): DiagnosticResult<DiagnosticValues["diagnosticoAcessoTecnologia"]> {
  const { login, contract } = input;
  let value: TechnologyValue;
  let source: string;
  if (login !== null) {
    value = TECHNOLOGY_VALUES[login.technology];
    source = `Login com tecnologia ${value}`;
  } else if (contract !== null) {
    value = TECHNOLOGY_VALUES[contract.plan.technology];
    source = `Sem login; plano com tecnologia ${value}`;
  } else {
    const known = Object.values(TECHNOLOGY_VALUES);
    value = known.find((technology) => technology !== expected) ?? "Fibra";
    return { value, path: expected === null ? "verde" : "vermelho", reason: "Tecnologia desconhecida: cliente sem contrato" };
  }
  if (expected === null) return { value, path: "verde", reason: source };
  return value === expected
    ? { value, path: "verde", reason: `${source}, a esperada` }
    : { value, path: "vermelho", reason: `${source}; esperada ${expected}` };
}
