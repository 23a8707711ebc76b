import { z } from "zod";
import { chatbotDiagnosticsSchema } from "../../chatbot/chatbot-answer-schema";
import { CHATBOT_LOOKUP_FIELDS } from "../../chatbot/chatbot-lookup";
import { testNoticeSchema } from "../../notifications/send-test-notice";
import { orderNotificationsQuerySchema } from "../../notifications/list-order-notifications";
import { forecastInputSchema } from "../../orders/change-forecast";
import { idParamSchema, idSchema } from "../../validation/id";
import { notificationChannelsPatchSchema } from "../../validation/notification-channels";
import { notificationChannelSchema, notificationEventSchema, optOutInputSchema, subjectNotificationInputSchema } from "../../validation/notifications";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

export const notificationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/chatbot/diagnostics/{field}/{value}",
    tag: "Chatbot",
    summary: "Diagnósticos para chatbots: as onze variáveis e os textos prontos como campos de texto no topo",
    description:
      "Bearer ou Basic (usuário `token`, senha = o token de API). 300 ambíguo, 400 dado inválido, 404 não encontrado; " +
      "todo erro traz `situacao` e `resumo` para o fluxo ramificar. Guia: docs/chatbot.md.",
    access: "clientes.read",
    params: z.object({ field: z.enum(CHATBOT_LOOKUP_FIELDS), value: z.string() }),
    response: chatbotDiagnosticsSchema,
    errors: [300, 404],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/customers/{id}/notification-opt-outs",
    tag: "Notificações",
    summary: "Canais em que o cliente pediu para não receber avisos (LGPD)",
    access: "clientes.read",
    params: idParamSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/customers/{id}/notification-opt-outs",
    tag: "Notificações",
    summary: "Registra ou retira a recusa de avisos de um cliente num canal",
    access: "contatos.write",
    params: idParamSchema,
    body: optOutInputSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/notifications/channels",
    tag: "Notificações",
    summary: "Canais de aviso (WhatsApp pelo Opa! Suite, e-mail, SMS, webhook); segredos nunca voltam",
    access: "configuracoes.write",
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/notifications/channels",
    tag: "Notificações",
    summary: "Altera os canais (segredos só de escrita, cifrados com RAIO_SECRET_KEY), limites e horário de silêncio",
    access: "configuracoes.write",
    body: notificationChannelsPatchSchema,
    response: jsonObjectSchema,
    errors: [503],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/notifications/channels/{channel}/test",
    tag: "Notificações",
    summary: "Enviar teste: uma mensagem pelo canal, com a resposta dele",
    access: "configuracoes.write",
    params: z.object({ channel: notificationChannelSchema }),
    body: testNoticeSchema,
    response: jsonObjectSchema,
    errors: [503],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/notifications",
    tag: "Notificações",
    summary: "Avisos de uma OS: na fila, enviados, com falha, pulados (com a resposta do canal), paginados",
    access: "ordens.read",
    params: idParamSchema,
    query: orderNotificationsQuerySchema,
    response: jsonObjectSchema,
    csv: true,
    errors: [404],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/service-orders/{id}/notifications/retry",
    tag: "Notificações",
    summary: "Reenviar falhas: põe de novo na fila os avisos que falharam",
    access: "ordens.write",
    params: idParamSchema,
    bodyOptional: true,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/service-orders/{id}/forecast",
    tag: "Ordens de serviço",
    summary: "Muda a previsão de término (avisa os clientes de uma OS Em Execução)",
    access: "ordens.write",
    params: idParamSchema,
    body: forecastInputSchema,
    response: jsonObjectSchema,
    errors: [404, 409],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/subjects/{id}/notifications",
    tag: "Notificações",
    summary: "Texto e canais de cada evento de aviso do assunto",
    access: "assuntos.write",
    params: idParamSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/subjects/{id}/notifications/{event}",
    tag: "Notificações",
    summary: "Define o texto ({{variavel}}; desconhecidas recusadas) e os canais de um evento do assunto",
    access: "assuntos.write",
    params: z.object({ id: idSchema, event: notificationEventSchema }),
    body: subjectNotificationInputSchema("ORDER_STARTED"),
    response: jsonObjectSchema,
    errors: [404],
  }),
];
