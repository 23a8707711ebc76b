// The values a mass-maintenance return message may use ({{nome}}, {{os}}, {{previsao}}, …). One
// function serves the contacts API, the diagnostics answer and the subject preview.
import { formatSaoPauloDateTime } from "../diagnostics/sao-paulo-time";

export interface MessageCustomer {
  name: string;
  neighborhood?: string | null;
}

export interface MessageOrder {
  number: number;
  description: string;
  expectedEndAt: Date | null;
  subjectName: string;
}

/** Variables available in maintenance messages, with a description for the subject editor. */
export const MAINTENANCE_MESSAGE_VARIABLES: Record<string, string> = {
  nome: "primeiro nome do cliente",
  nomeCompleto: "nome completo do cliente",
  bairro: "bairro do cliente",
  os: "número da OS",
  assunto: "assunto da OS",
  descricao: "descrição da OS",
  previsao: "previsão de término (data e hora de Brasília)",
};

export function maintenanceMessageValues(customer: MessageCustomer, order: MessageOrder): Record<string, string> {
  return {
    nome: customer.name.split(/\s+/)[0] ?? customer.name,
    nomeCompleto: customer.name,
    bairro: customer.neighborhood ?? "",
    os: String(order.number),
    assunto: order.subjectName,
    descricao: order.description,
    previsao: order.expectedEndAt ? formatSaoPauloDateTime(order.expectedEndAt) : "sem previsão",
  };
}
