// The subject editor's preview: the message rendered for a real sample customer (their actual
// diagnostic values) and a sample order, with the same values the contacts API uses.
import { db } from "../db";
import { renderTemplate } from "../templates/render-template";
import { loadCustomerDiagnostics } from "../customer-diagnostics/load-customer-diagnostics";
import { renderDiagnosedMessage } from "../customer-diagnostics/render-diagnosed-message";

// The preview's order ends this long after now (a typical 4-hour window), and its number.
const SAMPLE_EXPECTED_END_MS = 4 * 3_600_000;
const SAMPLE_ORDER_NUMBER = 123;

/** Variables a maintenance message may use, described for the editor (plus the eleven diagnostics). */
export const MESSAGE_VARIABLES: Record<string, string> = {
  nome: "nome do cliente",
  primeiroNome: "primeiro nome",
  cpf: "CPF/CNPJ formatado",
  os: "número da OS",
  assunto: "assunto da OS",
  previsao: "previsão de término (horário de Brasília)",
  central: "central de atendimento da filial",
  plano: "plano do contrato",
  login: "login PPPoE",
};

export async function previewSubjectMessage(message: string, subjectName: string, customerId?: number) {
  const sample =
    (customerId ? await db.customer.findUnique({ where: { id: customerId }, select: { id: true } }) : null) ??
    (await db.customer.findFirst({ where: { active: true }, orderBy: { id: "asc" }, select: { id: true } }));
  const order = { number: SAMPLE_ORDER_NUMBER, expectedEndAt: new Date(Date.now() + SAMPLE_EXPECTED_END_MS), subjectName };
  if (!sample) {
    return { customer: null, text: renderTemplate(message, { os: String(order.number), assunto: subjectName }) };
  }
  const d = await loadCustomerDiagnostics({ customerId: sample.id, contractId: undefined, loginId: null, expectedTechnology: null });
  return { customer: { id: d.customer.id, name: d.customer.name }, text: renderDiagnosedMessage(message, d, order) };
}
