import { listDiscountsQuerySchema } from "../../validation/discounts";
import { dashboardQuerySchema } from "../../validation/dashboard";
import { loginStatusBatchSchema } from "../../validation/login-status";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

export const operationsRoutes = [
  defineRoute({
    method: "post",
    path: "/api/v1/logins/status",
    tag: "Monitoramento",
    summary: "Lote de mudanças online/offline dos logins",
    description:
      "De um accounting RADIUS ou de um sistema de monitoramento. Idempotente: eventos mais antigos que a última mudança do login são " +
      "ignorados. Responde { updated, ignored, unknown }.",
    access: "logins.status",
    body: loginStatusBatchSchema,
    response: jsonObjectSchema,
    errors: [413],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/outages/suggestions",
    tag: "Monitoramento",
    summary: "Regiões sugeridas a partir de logins que caíram juntos",
    access: "ordens.read",
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/discounts",
    tag: "Descontos e painel",
    summary: "Descontos aplicados",
    description: "?format=csv segue o layout de importação do ERP.",
    access: "descontos.read",
    query: listDiscountsQuerySchema,
    response: jsonObjectSchema,
    csv: true,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/dashboard",
    tag: "Descontos e painel",
    summary: "Números do painel gerencial",
    access: "painel.read",
    query: dashboardQuerySchema,
    response: jsonObjectSchema,
  }),
];
