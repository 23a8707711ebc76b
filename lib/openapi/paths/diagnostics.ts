import { z } from "zod";
import { diagnosticsResponseSchema } from "../../customer-diagnostics/diagnostics-response-schema";
import { diagnosticVariablesSchema } from "../../customer-diagnostics/diagnostics-response-schema";
import { CONTACT_CHANNELS, contactInputSchema } from "../../validation/contact";
import { customerLookupSchema } from "../../validation/customer-lookup";
import { renderInputSchema } from "../../validation/render";
import { idParamSchema } from "../../validation/id";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

const TAG = "Diagnósticos e atendimento";
const id = z.number().int().positive();

export const diagnosticsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/diagnostics",
    tag: TAG,
    summary: "As onze variáveis de diagnóstico de um cliente",
    description:
      "Encontra o cliente por um identificador (cpf/cnpj, phone, login ou customerId; vários juntos precisam apontar o mesmo cliente) e " +
      "responde as variáveis, o caminho verde/vermelho e o motivo de cada uma, o contrato e o login diagnosticados, a mensagem de " +
      "manutenção quando o cliente está numa região Em Execução e a central para onde encaminhar quando a franquia acabou. " +
      "Telefone compartilhado: 300 AMBIGUOUS com error.details.candidates (repita com customerId). Ler pode devolver ao status " +
      "anterior um contrato cujo desbloqueio de confiança expirou sem pagamento.",
    access: "clientes.read",
    query: customerLookupSchema,
    response: diagnosticsResponseSchema,
    errors: [300, 404],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/render",
    tag: TAG,
    summary: "Preenche um texto {{variavel}} para um cliente",
    description:
      "As onze variáveis, os campos do cliente e, numa região em manutenção, {{os}}, {{previsao}} e {{assunto}}. Texto puro: " +
      "nada é avaliado; variáveis desconhecidas ficam visíveis.",
    access: "clientes.read",
    body: renderInputSchema,
    response: z.object({ text: z.string(), customerId: id, contractId: id.nullable() }).meta({ id: "RenderResponse" }),
    errors: [300, 404],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/contacts",
    tag: TAG,
    summary: "Registra um contato do cliente e devolve a mensagem de manutenção",
    description: `Canais: ${CONTACT_CHANNELS.join(", ")}. message é null quando o cliente não está numa região Em Execução.`,
    access: "contatos.write",
    body: contactInputSchema,
    status: 201,
    response: z
      .object({
        contactId: id,
        receivedAt: z.iso.datetime(),
        customer: z.object({ id, name: z.string() }),
        inMaintenanceArea: z.boolean(),
        message: z.string().nullable().describe("o texto para enviar ao cliente agora, ou null"),
        orders: z.array(z.object({ id, number: z.number().int(), subject: z.string(), expectedEndAt: z.iso.datetime().nullable() })),
        variables: diagnosticVariablesSchema,
      })
      .meta({ id: "ContactResponse" }),
    errors: [300, 404, 413],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/contracts/{id}/trust-unlock",
    tag: TAG,
    summary: "Desbloqueio de confiança",
    description:
      "Libera um contrato bloqueado pelos dias configurados. Recusado com 409 e o motivo (error.details.reason) quando o contrato " +
      "não é elegível, não está Ativo, não está bloqueado, já tem um desbloqueio em vigor ou está na janela de restrição.",
    access: "clientes.act",
    params: idParamSchema,
    response: jsonObjectSchema,
    responseDescription: "{ contractId, accessStatus: \"Ativo\", expiresAt, … }",
    errors: [404, 409],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/contracts/{id}/invoice",
    tag: TAG,
    summary: "Segunda via da fatura em aberto",
    description: "A fatura em aberto mais antiga: valor, vencimento, linha digitável, link de pagamento e se está vencida. 404 quando não há.",
    access: "clientes.act",
    params: idParamSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
];
