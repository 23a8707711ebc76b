// The FTTH plant (docs/topologia.md): push API, element logins, root causes, orders for an element.
import { z } from "zod";
import { pushBatchSchema } from "../../validation/erp-push";
import { affectedLoginsQuerySchema } from "../../validation/affected-logins";
import { createEquipmentOrderSchema, ctoLayerQuerySchema, elementKindSchema } from "../../validation/topology";
import { idSchema } from "../../validation/id";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

const pushEntry = (table: "olts" | "pons" | "ctos", what: string) =>
  defineRoute({
    method: "put",
    path: `/api/v1/sync/${table}`,
    tag: "Integrações",
    summary: `API de envio da rede FTTH: ${what}, upsert idempotente por external_id, tudo ou nada`,
    description: "Colunas de " + table + ".csv (docs/topologia.md). Erros por linha em error.details: [{ row, externalId, field, message }].",
    access: "configuracoes.write",
    body: pushBatchSchema,
    response: jsonObjectSchema,
    errors: [413],
  });

export const topologyRoutes = [
  pushEntry("olts", "OLTs"),
  pushEntry("pons", "portas PON"),
  pushEntry("ctos", "CTOs (caixas)"),
  defineRoute({
    method: "get",
    path: "/api/v1/topology/ctos",
    tag: "Rede FTTH",
    summary: "Camada de CTOs do mapa: ocupação (logins/portas) e logins offline por CTO na área visível",
    access: "mapa.read",
    query: ctoLayerQuerySchema,
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/topology/elements/{kind}/{id}/logins",
    tag: "Rede FTTH",
    summary: "Logins de uma CTO, porta PON ou OLT (busca, ordenação, páginas)",
    access: "mapa.read",
    params: z.object({ kind: elementKindSchema, id: idSchema }),
    query: affectedLoginsQuerySchema,
    response: jsonObjectSchema,
    errors: [404],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/topology/root-causes",
    tag: "Rede FTTH",
    summary: "Causa provável: CTOs, PONs e OLTs cujos logins caíram juntos, por logins afetados",
    access: "ordens.read",
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/topology/orders",
    tag: "Rede FTTH",
    summary: "Criar OS para este equipamento: OS de Estrutura cujos logins afetados são os do equipamento",
    description: "Mesmo ciclo de vida, mensagens, notificações e descontos de uma região desenhada; a região guardada é o contorno dos logins.",
    access: "ordens.write",
    body: createEquipmentOrderSchema,
    status: 201,
    response: jsonObjectSchema,
    errors: [404, 409],
  }),
];
