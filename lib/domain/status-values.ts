// The status values of the ISP's data, in one neutral place: the database enum (Prisma), the value Raio
// shows and answers with (also the diagnostic variables' values — an integration contract with the
// chatbot flows, kept letter for letter), and the codes IXC Provedor uses for the same status. Plain data:
// diagnostics, the import, search, validation and the ERP adapters all read these maps.
import type { AccessStatus, ContractStatus, LoginStatus, Technology } from "../db/generated/enums";

export type { AccessStatus, ContractStatus, LoginStatus, Technology };

/** ContractStatus (Prisma) → the value shown (diagnosticoContratoStatus). */
export const CONTRACT_STATUS_VALUES = {
  ATIVO: "Ativo",
  INATIVO: "Inativo",
  PRE_CONTRATO: "PreContrato",
  NEGATIVADO: "Negativado",
  DESISTIU: "Desistiu",
} as const satisfies Record<ContractStatus, string>;
export type ContractStatusValue = (typeof CONTRACT_STATUS_VALUES)[ContractStatus];

/** AccessStatus (Prisma) → the value shown (diagnosticoContratoStatusAcesso). */
export const ACCESS_STATUS_VALUES = {
  ATIVO: "Ativo",
  DESATIVADO: "Desativado",
  AGUARDANDO_ASSINATURA: "Aguardando Assinatura",
  BLOQUEADO: "Bloqueado",
  FINANCEIRO_EM_ATRASO: "Financeiro Em Atraso",
} as const satisfies Record<AccessStatus, string>;
export type AccessStatusValue = (typeof ACCESS_STATUS_VALUES)[AccessStatus];

/** LoginStatus (Prisma) → the value shown (diagnosticoAcessoStatus). */
export const LOGIN_STATUS_VALUES = {
  ATIVO: "Ativo",
  INATIVO: "Inativo",
  SEM_STATUS: "Sem Status",
} as const satisfies Record<LoginStatus, string>;
export type LoginStatusValue = (typeof LOGIN_STATUS_VALUES)[LoginStatus];

/** Technology (Prisma) → the value shown (diagnosticoAcessoTecnologia). */
export const TECHNOLOGY_VALUES = {
  FIBRA: "Fibra",
  RADIO: "Radio",
  ADSL: "ADSL",
} as const satisfies Record<Technology, string>;
export type TechnologyValue = (typeof TECHNOLOGY_VALUES)[Technology];

// ---------------------------------------------------------------- IXC Provedor's codes

/** IXC `cliente_contrato.status` → ContractStatus. */
export const IXC_CONTRACT_STATUS = {
  A: "ATIVO",
  I: "INATIVO",
  P: "PRE_CONTRATO",
  N: "NEGATIVADO",
  D: "DESISTIU",
} as const satisfies Record<string, ContractStatus>;

/**
 * IXC `cliente_contrato.status_internet` → AccessStatus. CM (manual), CA (automatic) and CE are IXC's
 * kinds of block; Raio keeps one Bloqueado. FA = financeiro em atraso, AA = aguardando assinatura.
 */
export const IXC_ACCESS_STATUS = {
  A: "ATIVO",
  D: "DESATIVADO",
  AA: "AGUARDANDO_ASSINATURA",
  CM: "BLOQUEADO",
  CA: "BLOQUEADO",
  CE: "BLOQUEADO",
  FA: "FINANCEIRO_EM_ATRASO",
} as const satisfies Record<string, AccessStatus>;

/** IXC `radusuarios.ativo` → LoginStatus (S/N; empty = no status). */
export const IXC_LOGIN_STATUS = {
  S: "ATIVO",
  N: "INATIVO",
  "": "SEM_STATUS",
} as const satisfies Record<string, LoginStatus>;

/** One-letter technology codes of ERP exports → Technology. */
export const TECHNOLOGY_CODES = {
  F: "FIBRA",
  R: "RADIO",
} as const satisfies Record<string, Technology>;

/**
 * The keys an ERP export may use for one status: each shown value in upper case without accents ("PRECONTRATO",
 * "FINANCEIRO EM ATRASO") and each code, mapped to the enum.
 */
export function statusKeys<E extends string>(values: Readonly<Record<E, string>>, codes: Readonly<Record<string, E>>): Record<string, E> {
  const keys: Record<string, E> = {};
  for (const [status, value] of Object.entries(values) as [E, string][]) keys[normalizeStatusKey(value)] = status;
  return { ...keys, ...codes };
}

/** Upper case, accents dropped, runs of blanks as one space: how statusKeys' keys are written. */
export function normalizeStatusKey(text: string): string {
  return text.trim().toUpperCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
}
