// The answer of GET /api/v1/chatbot/diagnostics/{cpf|phone|login}/{value}: every field a top-level STRING, so a
// chatbot builder (Opa! Suite, Suri, Huggy, Blip…) maps each one to a flow variable without JSON paths or
// type conversions. Absent values are "" (never null: some builders store "null" as text). The eleven
// diagnostic variables keep their exact names. The OpenAPI document is generated from these schemas, and the
// integration tests parse the real answers with them.
import { z } from "zod";
import { DIAGNOSTIC_VARIABLES, type DiagnosticVariable } from "../diagnostics/types";
import { VARIABLE_LABELS } from "../diagnostics/variable-labels";

/** What the flow should do, one code per situation, most urgent first (see decideChatbotSituation). */
export const CHATBOT_SITUATIONS = [
  "manutencao",
  "sem_contrato",
  "cliente_inativo",
  "contrato_inativo",
  "acesso_bloqueado",
  "velocidade_reduzida",
  "franquia_atingida",
  "login_inativo",
  "offline",
  "normal",
] as const;
export type ChatbotSituation = (typeof CHATBOT_SITUATIONS)[number];

const text = (description: string) => z.string().describe(description);
const variables = Object.fromEntries(DIAGNOSTIC_VARIABLES.map((name) => [name, text(VARIABLE_LABELS[name])])) as Record<
  DiagnosticVariable,
  z.ZodString
>;

export const chatbotDiagnosticsSchema = z
  .strictObject({
    ...variables,
    situacao: z.enum(CHATBOT_SITUATIONS).describe("o caso a tratar no fluxo, um código por situação (o mais urgente)"),
    resumo: text("texto pronto para enviar ao cliente, conforme a situação"),
    mensagemManutencao: text("a mensagem de retorno da manutenção em andamento na região do cliente; vazio sem manutenção"),
    previsao: text("previsão de normalização da manutenção (DD/MM/AAAA HH:mm, horário de Brasília), \"sem previsão\", ou vazio sem manutenção"),
    atualizacao: text("a última atualização para os clientes na linha do tempo da OS em andamento; vazio sem manutenção ou sem atualização"),
    ultimaAtualizacao: text("quando essa atualização foi escrita (DD/MM/AAAA HH:mm, horário do provedor); vazio sem atualização"),
    os: text("número da OS de manutenção em andamento; vazio sem manutenção"),
    assunto: text("assunto da OS de manutenção em andamento; vazio sem manutenção"),
    centralAtendimento: text("a central de atendimento da filial do cliente"),
    telefoneCentral: text("telefone da central, formatado; vazio quando não cadastrado"),
    linhaDigitavel: text("linha digitável do boleto da fatura em aberto mais antiga; vazio sem fatura ou sem boleto"),
    linkFatura: text("link de pagamento dessa fatura; vazio quando não há"),
    valorFatura: text("valor dessa fatura (\"R$ 99,90\"); vazio sem fatura em aberto"),
    vencimentoFatura: text("vencimento dessa fatura (DD/MM/AAAA); vazio sem fatura em aberto"),
    faturaVencida: z.enum(["Sim", "Não"]).describe("se essa fatura já venceu"),
    faturasEmAberto: text("quantas faturas em aberto o contrato tem (\"0\", \"1\"…)"),
    codigoCliente: text("código do cliente no Raio"),
    nome: text("nome do cliente"),
    primeiroNome: text("primeiro nome do cliente"),
    cpf: text("CPF ou CNPJ formatado"),
    contrato: text("número do contrato diagnosticado; vazio quando o cliente não tem contrato"),
    plano: text("plano do contrato diagnosticado"),
    login: text("login (PPPoE) diagnosticado"),
    quantidadeContratos: text("quantos contratos o cliente tem; com mais de um, o diagnóstico é o do contrato padrão"),
    consultadoEm: text("instante da consulta, ISO 8601"),
  })
  .meta({
    id: "ChatbotDiagnostics",
    description: "Diagnóstico de um cliente em campos de texto de primeiro nível, para o mapeamento de respostas dos chatbots.",
  });
export type ChatbotDiagnostics = z.infer<typeof chatbotDiagnosticsSchema>;

/** Answers other than 200: the status tells the flow which branch to take; `resumo` is ready to send. */
export const chatbotErrorSchema = z
  .object({
    situacao: z.enum(["nao_encontrado", "ambiguo", "dado_invalido", "nao_autorizado", "indisponivel", "erro"]),
    resumo: z.string(),
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional(), details: z.unknown().optional() }),
  })
  .meta({ id: "ChatbotError", description: "Erro com a situação e um texto pronto para o cliente." });
export type ChatbotError = z.infer<typeof chatbotErrorSchema>;
