import type { DiagnosticVariable } from "./types";

/** What each diagnostic variable means, in the agent's words (the card titles). */
export const VARIABLE_LABELS: Record<DiagnosticVariable, string> = {
  diagnosticoClienteStatus: "Cadastro do cliente",
  diagnosticoContratoStatus: "Status do contrato",
  diagnosticoContratoStatusAcesso: "Acesso do contrato",
  diagnosticoContratoUsandoDesbloqueioConfianca: "Usando desbloqueio de confiança",
  diagnosticoContratoRestricaoDesbloquioConfianca: "Restrição ao desbloqueio de confiança",
  diagnosticoContratoVelocidadeReduzida: "Velocidade reduzida",
  diagnosticoClienteEmAreaManutencao: "Em área de manutenção",
  diagnosticoAcessoStatus: "Status do login",
  diagnosticoAcessoFranquiatindgida: "Franquia atingida",
  diagnosticoAcessoOnline: "Login online",
  diagnosticoAcessoTecnologia: "Tecnologia do acesso",
};
