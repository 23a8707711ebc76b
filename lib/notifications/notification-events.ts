// The events customers are told about and the {{variavel}}s each event's text may use. Plain data, shared by
// the subject settings (validation when a text is saved), the sender (rendering) and the UI (labels, help).
//
// A notice goes to every affected customer at once, so its variables are the customer's and the order's
// fields, never the eleven diagnostic variables: those describe one customer at the moment of a support call
// (and would cost a diagnosis per customer for tens of thousands of customers).
import { DIAGNOSTIC_VARIABLES } from "../diagnostics/types";
import type { NotificationChannel, NotificationEvent } from "../db";

export const NOTIFICATION_EVENTS = ["ORDER_STARTED", "FORECAST_CHANGED", "ORDER_FINALIZED", "PLANNED_MAINTENANCE", "OUTAGE_CONFIRMED", "ORDER_UPDATE"] as const satisfies readonly NotificationEvent[];
export const NOTIFICATION_CHANNELS = ["WHATSAPP", "EMAIL", "SMS", "WEBHOOK"] as const satisfies readonly NotificationChannel[];

export const EVENT_LABELS: Record<NotificationEvent, string> = {
  ORDER_STARTED: "Início da manutenção (OS Em Execução)",
  FORECAST_CHANGED: "Previsão alterada",
  ORDER_FINALIZED: "Manutenção finalizada",
  PLANNED_MAINTENANCE: "Aviso de manutenção programada",
  OUTAGE_CONFIRMED: "Queda confirmada",
  ORDER_UPDATE: "Atualização para os clientes",
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = {
  WHATSAPP: "WhatsApp (Opa! Suite)",
  EMAIL: "E-mail",
  SMS: "SMS",
  WEBHOOK: "Webhook",
};

/** The customer's and the order's fields (lib/templates/build-template-values.ts fills them). */
export const NOTICE_BASE_VARIABLES = [
  "nome", "primeiroNome", "cpf", "documento", "codigoCliente", "central", "telefoneCentral",
  "contrato", "plano", "login", "os", "previsao", "assunto",
] as const;

/** Variables only some events have. */
export const EVENT_EXTRA_VARIABLES: Record<NotificationEvent, readonly string[]> = {
  ORDER_STARTED: [],
  FORECAST_CHANGED: ["previsaoAnterior"],
  // {{desconto}}: "Você terá um desconto de R$ 3,47 na próxima fatura." when one applies, else empty.
  ORDER_FINALIZED: ["desconto", "finalizadaEm"],
  PLANNED_MAINTENANCE: ["inicioPrevisto"],
  OUTAGE_CONFIRMED: [],
  // {{atualizacao}}: the public note's text; {{ultimaAtualizacao}}: when it was written.
  ORDER_UPDATE: ["atualizacao", "ultimaAtualizacao"],
};

export function eventVariables(event: NotificationEvent): readonly string[] {
  return [...NOTICE_BASE_VARIABLES, ...EVENT_EXTRA_VARIABLES[event]];
}

/** Suggested texts (shown for events a subject has not configured yet). */
export const SUGGESTED_TEXTS: Record<NotificationEvent, string> = {
  ORDER_STARTED: "Olá, {{primeiroNome}}! Estamos em manutenção na rede da sua região (OS {{os}}). Previsão de normalização: {{previsao}}.",
  FORECAST_CHANGED: "Olá, {{primeiroNome}}! A previsão da manutenção na sua região (OS {{os}}) mudou de {{previsaoAnterior}} para {{previsao}}.",
  ORDER_FINALIZED: "Olá, {{primeiroNome}}! A manutenção na sua região (OS {{os}}) terminou e o serviço foi normalizado. {{desconto}}",
  PLANNED_MAINTENANCE: "Olá, {{primeiroNome}}! Faremos uma manutenção programada na rede da sua região a partir de {{inicioPrevisto}} (OS {{os}}).",
  OUTAGE_CONFIRMED: "Olá, {{primeiroNome}}! Identificamos uma falha na rede da sua região e já estamos trabalhando nela (OS {{os}}).",
  ORDER_UPDATE: "Olá, {{primeiroNome}}! Atualização da manutenção na sua região (OS {{os}}): {{atualizacao}} Previsão: {{previsao}}.",
};

const DIAGNOSTIC = new Set<string>(DIAGNOSTIC_VARIABLES);

/** Why a variable cannot be used in an event's text, or null when it can. */
export function refuseVariable(event: NotificationEvent, name: string): string | null {
  if (eventVariables(event).includes(name)) return null;
  if (DIAGNOSTIC.has(name)) return `{{${name}}} é uma variável de diagnóstico, válida só no atendimento: não pode ser usada em avisos.`;
  return `Variável {{${name}}} desconhecida em "${EVENT_LABELS[event]}": use ${eventVariables(event).map((v) => `{{${v}}}`).join(", ")}.`;
}
