// The values a {{name}} template may use for one customer: the eleven diagnostic variables plus the
// customer's and, when given, the maintenance order's fields. One function serves the render API, the
// maintenance banner and the chatbot answer, so a template means the same everywhere.
import { formatDocument } from "../validation/document";
import { formatDateTime } from "../format/date-time";
import type { DiagnosticsResult } from "../diagnostics/types";

/** Shown for {{previsao}} when the order has no expected end. */
export const NO_FORECAST = "sem previsão";

export interface TemplateSubject {
  customer: { id: number; name: string; document: string; branch: { central: string; centralPhone: string | null } };
  contract: { id: number; plan: { name: string } } | null;
  login: { username: string } | null;
  variables: DiagnosticsResult["variables"];
}

export interface TemplateOrder {
  number: number;
  expectedEndAt: Date | null;
  subjectName: string;
  /** The latest note for customers on the order's timeline: {{atualizacao}} and {{ultimaAtualizacao}} (when). */
  lastUpdate?: { text: string; at: Date } | null;
}

export function buildTemplateValues(subject: TemplateSubject, order?: TemplateOrder): Record<string, string> {
  const { customer, contract, login } = subject;
  const values: Record<string, string> = {
    ...subject.variables,
    nome: customer.name,
    primeiroNome: customer.name.split(" ")[0] ?? customer.name,
    cpf: formatDocument(customer.document),
    documento: formatDocument(customer.document),
    codigoCliente: String(customer.id),
    central: customer.branch.central,
    telefoneCentral: customer.branch.centralPhone ?? "",
  };
  if (contract) {
    values.contrato = String(contract.id);
    values.plano = contract.plan.name;
  }
  if (login) values.login = login.username;
  if (order) {
    values.os = String(order.number);
    values.previsao = order.expectedEndAt ? formatDateTime(order.expectedEndAt) : NO_FORECAST;
    values.assunto = order.subjectName;
    values.atualizacao = order.lastUpdate?.text ?? "";
    values.ultimaAtualizacao = order.lastUpdate ? formatDateTime(order.lastUpdate.at) : "";
  }
  return values;
}
