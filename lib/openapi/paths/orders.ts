import { z } from "zod";
import { affectedLoginsQuerySchema } from "../../validation/affected-logins";
import { idParamSchema } from "../../validation/id";
import { finalizeWithDiscountsSchema, proposeDiscountsSchema } from "../../validation/finalize";
import {
  campaignQuerySchema,
  countLoginsBodySchema,
  createRegionSchema,
  listLoginsQuerySchema,
  listOrdersQuerySchema,
  listRegionsQuerySchema,
  orderContactsQuerySchema,
  scheduleOrderSchema,
  transitionSchema,
  updateRegionSchema,
} from "../../validation/order";
import { orderUpdateInputSchema } from "../../orders/add-order-update";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

/** GET /api/v1/logins's answer (lib/maintenance/list-login-clusters.ts). */
const loginClustersResponse = z.object({
  total: z.number().int(),
  clusters: z.array(z.object({
    count: z.number().int(),
    offline: z.number().int(),
    lat: z.number(),
    lng: z.number(),
    bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  })),
  logins: z.array(z.object({ id: z.number().int(), username: z.string(), lat: z.number(), lng: z.number(), online: z.boolean() })),
});

const TAG = "Ordens de serviço e mapa";
const transitionResponse = z
  .object({
    order: z.object({
      id: z.number().int(),
      number: z.number().int(),
      fromStatus: z.enum(["ABERTA", "EM_EXECUCAO", "FINALIZADA", "CANCELADA"]),
      status: z.enum(["ABERTA", "EM_EXECUCAO", "FINALIZADA", "CANCELADA"]),
      at: z.iso.datetime(),
    }),
  })
  .meta({ id: "TransitionResponse" });

export const orderRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders",
    tag: TAG,
    summary: "Lista as OS",
    description: "Filtros por status, assunto e período de abertura, busca e paginação; ?format=csv exporta todas as que casam.",
    access: "ordens.read",
    query: listOrdersQuerySchema,
    response: jsonObjectSchema,
    csv: true,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}",
    tag: TAG,
    summary: "Uma OS: detalhes, região, histórico de status",
    access: "ordens.read",
    params: idParamSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  ...(
    [
      ["execute", "Executar: Aberta → Em Execução", "A partir de agora os clientes da região recebem a mensagem do assunto."],
      ["cancel", "Cancelar: Aberta ou Em Execução → Cancelada", "Cancelar uma OS em execução encerra a interrupção."],
    ] as const
  ).map(([action, summary, description]) =>
    defineRoute({
      method: "post",
      path: `/api/v1/service-orders/{id}/${action}`,
      tag: TAG,
      summary,
      description: `${description} Outras transições: 409 nomeando o status atual.`,
      access: "ordens.write",
      params: idParamSchema,
      body: transitionSchema,
      bodyOptional: true,
      response: transitionResponse,
      errors: [404, 409],
    }),
  ),
  defineRoute({
    method: "put",
    path: "/api/v1/service-orders/{id}/schedule",
    tag: TAG,
    summary: "Programa (ou reprograma) a janela de uma OS Aberta: início previsto e previsão de término",
    description:
      "Avisa os clientes da região (evento PLANNED_MAINTENANCE, {{inicioPrevisto}}) uma vez por início; a OS entra em execução " +
      "sozinha no início previsto. Avisos (não bloqueiam): SHORT_NOTICE (menos que as horas de aviso das configurações, padrão 72 h), " +
      "OUTSIDE_LOW_USE (fora da janela de baixo uso), OVERLAP (outra OS aberta ou em execução na mesma área). " +
      "400 início no passado ou término antes do início; 409 OS que não está Aberta.",
    access: "ordens.write",
    params: idParamSchema,
    body: scheduleOrderSchema,
    response: jsonObjectSchema,
    errors: [404, 409],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/updates",
    tag: TAG,
    summary: "Linha do tempo da OS: mudanças de previsão, atualizações para os clientes e notas internas, com quem e quando",
    access: "ordens.read",
    params: idParamSchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/service-orders/{id}/updates",
    tag: TAG,
    summary: "Acrescenta uma atualização à linha do tempo (PUBLIC_NOTE avisa os clientes da região; INTERNAL_NOTE só a equipe)",
    description:
      "Uma PUBLIC_NOTE gera o aviso ORDER_UPDATE ({{atualizacao}}, {{ultimaAtualizacao}}) e é a última atualização que o chatbot " +
      "e a página de status mostram. Aceita Idempotency-Key. 409 PUBLIC_NOTE em OS finalizada ou cancelada.",
    access: "ordens.write",
    params: idParamSchema,
    body: orderUpdateInputSchema,
    response: jsonObjectSchema,
    errors: [404, 409],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/service-orders/{id}/finalize",
    tag: TAG,
    summary: "Finalizar: Em Execução → Finalizada, com os descontos",
    description:
      "Congela os logins afetados e aplica os descontos por inatividade revisados na mesma transação. Repetir não gera descontos em dobro.",
    access: "ordens.write",
    params: idParamSchema,
    body: finalizeWithDiscountsSchema,
    bodyOptional: true,
    response: jsonObjectSchema,
    responseDescription: "{ order: { id, number, fromStatus, status, at }, frozenLogins, discounts, totalCents, rule }",
    errors: [404, 409],
  }),
  defineRoute({
    method: "patch",
    path: "/api/v1/service-orders/{id}/region",
    tag: TAG,
    summary: "Novo polígono para uma OS Aberta",
    access: "ordens.write",
    params: idParamSchema,
    body: updateRegionSchema,
    response: jsonObjectSchema,
    responseDescription: "{ region, warnings }",
    errors: [404, 409],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/affected-logins",
    tag: TAG,
    summary: "Logins Afetados",
    description: "Os logins dentro da região (ao vivo; congelados na finalização); ?format=csv exporta todos.",
    access: "ordens.read",
    params: idParamSchema,
    query: affectedLoginsQuerySchema,
    response: jsonObjectSchema,
    csv: true,
    errors: [404],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/contacts",
    tag: TAG,
    summary: "Contatos recebidos durante a execução",
    access: "ordens.read",
    params: idParamSchema,
    query: orderContactsQuerySchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/discount-proposal",
    tag: TAG,
    summary: "Descontos que a finalização aplicaria",
    access: "descontos.read",
    params: idParamSchema,
    query: proposeDiscountsSchema,
    response: jsonObjectSchema,
    errors: [404, 409],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/service-orders/{id}/campaign",
    tag: TAG,
    summary: "Campanha ativa de uma OS Em Execução",
    description: "Clientes afetados, telefones e a mensagem renderizada para cada um; ?format=csv: uma linha por telefone.",
    access: "ordens.read",
    params: idParamSchema,
    query: campaignQuerySchema,
    response: jsonObjectSchema,
    csv: true,
    errors: [404, 409],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/regions",
    tag: TAG,
    summary: "Cria uma região de manutenção e a sua OS, juntas",
    description: "Feature GeoJSON Polygon e os campos da OS, numa transação; sobreposições viram avisos (warnings).",
    access: "ordens.write",
    body: createRegionSchema,
    status: 201,
    response: jsonObjectSchema,
    responseDescription: "{ order, region, warnings: [{ code: \"OVERLAP\", orderId, number, message }] }",
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/regions",
    tag: TAG,
    summary: "Camadas de regiões do mapa",
    description: "Padrão: Abertas e Em Execução. Com bbox=minLng,minLat,maxLng,maxLat, só as regiões cuja área toca a janela (o mapa pede assim as encerradas).",
    access: "mapa.read",
    query: listRegionsQuerySchema,
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/logins",
    tag: TAG,
    summary: "Logins da área visível do mapa, agrupados pelo servidor",
    description:
      "A janela é dividida numa grade de células de 64 px no zoom pedido (Web Mercator, ancorada no mundo): onde muitos logins " +
      "caem juntos vem um grupo (count, offline, centroide lat/lng dos membros e bounds [minLng, minLat, maxLng, maxLat]); onde são " +
      "poucos (até 3; até 64 a partir do zoom 17) vêm os logins um a um. Completo em todo zoom: total = soma dos counts + logins " +
      "listados. Uma janela grande demais para o zoom usa células maiores (no máximo 16.384 células).",
    access: "mapa.read",
    query: listLoginsQuerySchema,
    response: loginClustersResponse,
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/logins/count",
    tag: TAG,
    summary: "Quantos logins um polígono contém (o contador ao desenhar)",
    description: "Online e offline; a borda conta como dentro. Aceita um polígono que se cruza (regra par-ímpar): a validação da região é feita ao salvar.",
    access: "mapa.read",
    body: countLoginsBodySchema,
    response: z.object({ count: z.number().int() }),
  }),
];
