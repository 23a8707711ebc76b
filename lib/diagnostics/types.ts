// The diagnostic variables of docs/dominio.md: names and values are an integration contract with
// the chatbot flows (Opa! Suite-like), kept letter for letter — the misspellings "Desbloquio" and
// "Franquiatindgida" included. Everything here is plain data; lib/diagnostics does no I/O.
import type {
  AccessStatus,
  AccessStatusValue,
  ContractStatus,
  ContractStatusValue,
  LoginStatus,
  LoginStatusValue,
  Technology,
  TechnologyValue,
} from "../domain/status-values";
import { DEFAULT_SETTINGS } from "../validation/settings";

export type { AccessStatus, ContractStatus, LoginStatus, Technology };

/** The variable names, in the order of the table in docs/dominio.md. */
export const DIAGNOSTIC_VARIABLES = [
  "diagnosticoClienteStatus",
  "diagnosticoContratoStatus",
  "diagnosticoContratoStatusAcesso",
  "diagnosticoContratoUsandoDesbloqueioConfianca",
  "diagnosticoContratoRestricaoDesbloquioConfianca",
  "diagnosticoContratoVelocidadeReduzida",
  "diagnosticoClienteEmAreaManutencao",
  "diagnosticoAcessoStatus",
  "diagnosticoAcessoFranquiatindgida",
  "diagnosticoAcessoOnline",
  "diagnosticoAcessoTecnologia",
] as const;

export type DiagnosticVariable = (typeof DIAGNOSTIC_VARIABLES)[number];

/** The flow's branch: "verde" for the expected/favourable condition, "vermelho" for one needing action. */
export type DiagnosticPath = "verde" | "vermelho";

export type SimNao = "Sim" | "Não";

/** The values each variable may take. */
export interface DiagnosticValues {
  diagnosticoClienteStatus: "Ativo" | "Inativo";
  diagnosticoContratoStatus: ContractStatusValue;
  diagnosticoContratoStatusAcesso: AccessStatusValue;
  diagnosticoContratoUsandoDesbloqueioConfianca: SimNao;
  diagnosticoContratoRestricaoDesbloquioConfianca: SimNao;
  diagnosticoContratoVelocidadeReduzida: SimNao;
  diagnosticoClienteEmAreaManutencao: SimNao;
  diagnosticoAcessoStatus: LoginStatusValue;
  diagnosticoAcessoFranquiatindgida: SimNao;
  diagnosticoAcessoOnline: SimNao;
  diagnosticoAcessoTecnologia: TechnologyValue;
}

/** Every value each variable may take, in the order of the table in docs/dominio.md (for docs, forms and tests). */
export const DIAGNOSTIC_VALUES: { readonly [K in DiagnosticVariable]: readonly DiagnosticValues[K][] } = {
  diagnosticoClienteStatus: ["Ativo", "Inativo"],
  diagnosticoContratoStatus: ["Ativo", "Inativo", "PreContrato", "Negativado", "Desistiu"],
  diagnosticoContratoStatusAcesso: ["Ativo", "Desativado", "Aguardando Assinatura", "Bloqueado", "Financeiro Em Atraso"],
  diagnosticoContratoUsandoDesbloqueioConfianca: ["Sim", "Não"],
  diagnosticoContratoRestricaoDesbloquioConfianca: ["Sim", "Não"],
  diagnosticoContratoVelocidadeReduzida: ["Sim", "Não"],
  diagnosticoClienteEmAreaManutencao: ["Sim", "Não"],
  diagnosticoAcessoStatus: ["Ativo", "Inativo", "Sem Status"],
  diagnosticoAcessoFranquiatindgida: ["Sim", "Não"],
  diagnosticoAcessoOnline: ["Sim", "Não"],
  diagnosticoAcessoTecnologia: ["Fibra", "Radio", "ADSL"],
};

/** One variable's answer: its value, the flow's branch, and a short Portuguese reason for agents and logs. */
export interface DiagnosticResult<V extends string> {
  value: V;
  path: DiagnosticPath;
  reason: string;
}

// ---------------------------------------------------------------- input: plain data, never mutated

export interface DiagnosticsBranch {
  /** The support central customers of this branch are routed to. */
  central: string;
  centralPhone?: string | null;
}

export interface DiagnosticsCustomer {
  active: boolean;
  branch: DiagnosticsBranch;
}

export interface DiagnosticsPlan {
  /** Data allowance (franquia) per cycle in GB; null = unlimited. */
  allowanceGb: number | null;
  technology: Technology;
}

export interface DiagnosticsContract {
  status: ContractStatus;
  accessStatus: AccessStatus;
  reducedSpeed: boolean;
  /** false: the ERP forbids trust unlock for this contract. */
  trustUnlockEligible: boolean;
  plan: DiagnosticsPlan;
}

export interface DiagnosticsTrustUnlock {
  performedAt: Date;
  expiresAt: Date;
}

export interface DiagnosticsInvoice {
  /** A calendar date as Prisma returns a @db.Date column: midnight UTC of that date. */
  dueDate: Date;
  amountCents: number;
  paidAt: Date | null;
}

export interface DiagnosticsLogin {
  status: LoginStatus;
  online: boolean;
  lastSeenAt: Date | null;
  technology: Technology;
  /** Data used in the current cycle, in MB. */
  dataUsedMb: number;
}

export interface DiagnosticsMaintenanceOrder {
  id: number;
  /** Shown to people as "OS 123". */
  number: number;
  /** The subject's mass-maintenance return message. */
  message: string | null;
}

export interface DiagnosticsInput {
  customer: DiagnosticsCustomer;
  /** The contract diagnosed (see chooseDefaultContract); null when the customer has none. */
  contract: DiagnosticsContract | null;
  /** The trust unlocks of that contract, any order. */
  trustUnlocks: readonly DiagnosticsTrustUnlock[];
  /** The invoices of that contract, any order. */
  invoices: readonly DiagnosticsInvoice[];
  /** The login diagnosed (of that contract); null when there is none. */
  login: DiagnosticsLogin | null;
  /** The Em Execução orders whose region contains the customer's location (computed by lib/geo). */
  maintenanceOrders: readonly DiagnosticsMaintenanceOrder[];
  /** The technology the flow expects; overrides settings.expectedTechnology. */
  expectedTechnology?: TechnologyValue | null;
}

export interface DiagnosticsSettings {
  /** How long a trust unlock lasts, in days of 24 h. */
  trustUnlockDays: number;
  /** A trust unlock performed less than this many days (of 24 h) ago still counts for the restriction. */
  trustUnlockLookbackDays: number;
  /** Default expected technology for diagnosticoAcessoTecnologia; null = any technology is green. */
  expectedTechnology: TechnologyValue | null;
}

/**
 * The defaults of the provider's settings (lib/validation/settings.ts is the one place they are written):
 * 3-day unlocks, a 30-day lookback, and the expected technology there.
 */
export const DEFAULT_DIAGNOSTICS_SETTINGS: Readonly<DiagnosticsSettings> = Object.freeze({
  trustUnlockDays: DEFAULT_SETTINGS.trustUnlockDays,
  trustUnlockLookbackDays: DEFAULT_SETTINGS.trustUnlockLookbackDays,
  expectedTechnology: DEFAULT_SETTINGS.expectedTechnology,
} satisfies DiagnosticsSettings);

export interface DiagnosticsResult {
  variables: { [K in DiagnosticVariable]: DiagnosticValues[K] };
  paths: Record<DiagnosticVariable, DiagnosticPath>;
  reasons: Record<DiagnosticVariable, string>;
}
