// The FTTH plant (docs/topologia.md): push API, element logins, root causes, orders for an element.
import { pushBatchSchema } from "../../validation/erp-push";
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
];
