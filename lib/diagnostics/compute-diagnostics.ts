// All diagnostic variables of one customer at one instant: plain data in, values, paths and reasons out.
// Pure: no I/O, the clock passed in, the input never mutated. Loading the input is lib/customer-diagnostics' job.
import { diagnoseAcessoFranquiatindgida } from "./diagnose-acesso-franquiatindgida";
import { diagnoseAcessoOnline } from "./diagnose-acesso-online";
import { diagnoseAcessoStatus } from "./diagnose-acesso-status";
import { diagnoseAcessoTecnologia } from "./diagnose-acesso-tecnologia";
import { diagnoseClienteEmAreaManutencao } from "./diagnose-cliente-em-area-manutencao";
import { diagnoseClienteStatus } from "./diagnose-cliente-status";
import { diagnoseContratoRestricaoDesbloquioConfianca } from "./diagnose-contrato-restricao-desbloquio-confianca";
import { diagnoseContratoStatus } from "./diagnose-contrato-status";
import { diagnoseContratoStatusAcesso } from "./diagnose-contrato-status-acesso";
import { diagnoseContratoUsandoDesbloqueioConfianca } from "./diagnose-contrato-usando-desbloqueio-confianca";
import { diagnoseContratoVelocidadeReduzida } from "./diagnose-contrato-velocidade-reduzida";
import {
  DIAGNOSTIC_VARIABLES,
  type DiagnosticPath,
  type DiagnosticResult,
  type DiagnosticsInput,
  type DiagnosticsResult,
  type DiagnosticsSettings,
  type DiagnosticValues,
  type DiagnosticVariable,
} from "./types";

/**
 * Every variable of DIAGNOSTIC_VARIABLES for `input` at `now`. The expected technology is the input's
 * (the flow's) when given, else settings.expectedTechnology.
 */
export function computeDiagnostics(
  input: DiagnosticsInput,
  now: Date,
  settings: DiagnosticsSettings,
): DiagnosticsResult {
  const expectedTechnology = input.expectedTechnology ?? settings.expectedTechnology;
  const results: { [K in DiagnosticVariable]: DiagnosticResult<DiagnosticValues[K]> } = {
    diagnosticoClienteStatus: diagnoseClienteStatus(input.customer),
    diagnosticoContratoStatus: diagnoseContratoStatus(input.contract),
    diagnosticoContratoStatusAcesso: diagnoseContratoStatusAcesso(input.contract),
    diagnosticoContratoUsandoDesbloqueioConfianca: diagnoseContratoUsandoDesbloqueioConfianca(input, now),
    diagnosticoContratoRestricaoDesbloquioConfianca: diagnoseContratoRestricaoDesbloquioConfianca(
      input,
      now,
      settings,
    ),
    diagnosticoContratoVelocidadeReduzida: diagnoseContratoVelocidadeReduzida(input.contract),
    diagnosticoClienteEmAreaManutencao: diagnoseClienteEmAreaManutencao(input.maintenanceOrders),
    diagnosticoAcessoStatus: diagnoseAcessoStatus(input.login),
    diagnosticoAcessoFranquiatindgida: diagnoseAcessoFranquiatindgida(input),
    diagnosticoAcessoOnline: diagnoseAcessoOnline(input.login),
    diagnosticoAcessoTecnologia: diagnoseAcessoTecnologia(input, expectedTechnology),
  };

  const variables = {} as { -readonly [K in DiagnosticVariable]: DiagnosticValues[K] };
  const paths = {} as Record<DiagnosticVariable, DiagnosticPath>;
  const reasons = {} as Record<DiagnosticVariable, string>;
  for (const name of DIAGNOSTIC_VARIABLES) {
    const result = results[name];
    // The value belongs to this very variable; TypeScript cannot follow the correlation through the loop.
    (variables as Record<DiagnosticVariable, string>)[name] = result.value;
    paths[name] = result.path;
    reasons[name] = result.reason;
  }
  return { variables, paths, reasons };
}
