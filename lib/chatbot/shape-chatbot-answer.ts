// The diagnostics answer flattened for chatbots (chatbotDiagnosticsSchema): pure, the loaded diagnostics in,
// strings out. The ready text `resumo` is a {{variavel}} template per situation, rendered by the app's one
// renderer with the same values a subject's message uses, plus the invoice fields below.
import { formatCurrency } from "../format/number";
import { formatCalendarDate } from "../format/date-time";
import { diagnosedTemplateValues } from "../customer-diagnostics/render-diagnosed-message";
import type { DiagnosticsAnswer } from "../customer-diagnostics/shape-diagnostics-response";
import { renderTemplate } from "../templates/render-template";
import { formatPhone } from "../validation/phone";
import type { ChatbotDiagnostics, ChatbotSituation } from "./chatbot-answer-schema";

type Diagnosed = Pick<DiagnosticsAnswer, "checkedAt" | "customer" | "contract" | "login" | "variables" | "maintenance" | "contracts">;

const CONTACT = "Fale com a {{centralAtendimento}}{{telefoneCentralTexto}}.";
const INVOICE = "{{faturaTexto}}";

/** The ready text per situation (Portuguese, for the customer). */
export const CHATBOT_SUMMARIES: Record<ChatbotSituation, string> = {
  manutencao: "{{mensagemManutencao}}",
  sem_contrato: `Olá, {{primeiroNome}}! Não encontramos um contrato de internet no seu cadastro. ${CONTACT}`,
  cliente_inativo: `Olá, {{primeiroNome}}! Seu cadastro está inativo. ${CONTACT}`,
  contrato_inativo: `Olá, {{primeiroNome}}! Seu contrato {{contrato}} está {{diagnosticoContratoStatus}}. ${CONTACT}`,
  acesso_bloqueado: `Olá, {{primeiroNome}}! O acesso do seu contrato {{contrato}} está {{diagnosticoContratoStatusAcesso}}.${INVOICE} ${CONTACT}`,
  velocidade_reduzida: `Olá, {{primeiroNome}}! Seu contrato {{contrato}} está com a velocidade reduzida.${INVOICE} ${CONTACT}`,
  franquia_atingida: `Olá, {{primeiroNome}}! Seu login {{login}} atingiu a franquia de dados do plano {{plano}}. ${CONTACT}`,
  login_inativo: `Olá, {{primeiroNome}}! Seu login {{login}} está {{diagnosticoAcessoStatus}}. ${CONTACT}`,
  offline:
    "Olá, {{primeiroNome}}! Seu login {{login}} está sem conexão agora. Desligue o equipamento da tomada, espere 30 segundos e ligue de novo. " +
    `Se a internet não voltar em alguns minutos, ${CONTACT.charAt(0).toLowerCase()}${CONTACT.slice(1)}`,
  normal: "Olá, {{primeiroNome}}! Seu acesso está ativo e conectado: não encontramos problema na sua conexão.",
};

const BLOCKED_ACCESS = new Set(["Bloqueado", "Financeiro Em Atraso", "Desativado", "Aguardando Assinatura"]);

/** The most urgent situation of a diagnosis (the order of CHATBOT_SITUATIONS). */
export function decideChatbotSituation(d: Pick<Diagnosed, "contract" | "variables">): ChatbotSituation {
  const v = d.variables;
  if (v.diagnosticoClienteEmAreaManutencao === "Sim") return "manutencao";
  if (v.diagnosticoClienteStatus !== "Ativo") return "cliente_inativo";
  if (!d.contract) return "sem_contrato";
  if (v.diagnosticoContratoStatus !== "Ativo") return "contrato_inativo";
  if (BLOCKED_ACCESS.has(v.diagnosticoContratoStatusAcesso)) return "acesso_bloqueado";
  if (v.diagnosticoContratoVelocidadeReduzida === "Sim") return "velocidade_reduzida";
  if (v.diagnosticoAcessoFranquiatindgida === "Sim") return "franquia_atingida";
  if (v.diagnosticoAcessoStatus !== "Ativo") return "login_inativo";
  if (v.diagnosticoAcessoOnline !== "Sim") return "offline";
  return "normal";
}

export function shapeChatbotAnswer(d: Diagnosed): ChatbotDiagnostics {
  const values = diagnosedTemplateValues(d);
  const invoice = d.contract?.openInvoice ?? null;
  const centralPhone = d.customer.branch.centralPhone ? formatPhone(d.customer.branch.centralPhone) : "";
  const maintenance = d.maintenance;
  const answer = {
    ...d.variables,
    mensagemManutencao: maintenance?.message ?? "",
    previsao: maintenance ? (values.previsao ?? "") : "",
    atualizacao: maintenance ? (values.atualizacao ?? "") : "",
    ultimaAtualizacao: maintenance ? (values.ultimaAtualizacao ?? "") : "",
    os: maintenance ? (values.os ?? "") : "",
    assunto: maintenance ? (values.assunto ?? "") : "",
    centralAtendimento: d.customer.branch.central,
    telefoneCentral: centralPhone,
    linhaDigitavel: invoice?.digitableLine ?? "",
    linkFatura: invoice?.paymentUrl ?? "",
    valorFatura: invoice ? formatCurrency(invoice.amountCents) : "",
    vencimentoFatura: invoice ? formatCalendarDate(invoice.dueDate) : "",
    faturaVencida: invoice?.overdue ? ("Sim" as const) : ("Não" as const),
    faturasEmAberto: String(d.contract?.openInvoices ?? 0),
    codigoCliente: values.codigoCliente ?? String(d.customer.id),
    nome: d.customer.name,
    primeiroNome: values.primeiroNome ?? d.customer.name,
    cpf: d.customer.document,
    contrato: values.contrato ?? "",
    plano: values.plano ?? "",
    login: values.login ?? "",
    quantidadeContratos: String(d.contracts.length),
    consultadoEm: d.checkedAt.toISOString(),
  };
  const situacao = decideChatbotSituation(d);
  const resumo = renderTemplate(CHATBOT_SUMMARIES[situacao], {
    ...values,
    ...answer,
    telefoneCentralTexto: centralPhone ? ` pelo telefone ${centralPhone}` : "",
    faturaTexto: invoice ? invoiceText(answer) : "",
  }).trim();
  return { ...answer, situacao, resumo };
}

function invoiceText(a: { valorFatura: string; vencimentoFatura: string; faturaVencida: string; linhaDigitavel: string; linkFatura: string }): string {
  let out = ` Há uma fatura em aberto de ${a.valorFatura}, ${a.faturaVencida === "Sim" ? "vencida em" : "com vencimento em"} ${a.vencimentoFatura}.`;
  if (a.linhaDigitavel) out += ` Linha digitável: ${a.linhaDigitavel}.`;
  if (a.linkFatura) out += ` Pague pelo link: ${a.linkFatura}`;
  return out;
}
