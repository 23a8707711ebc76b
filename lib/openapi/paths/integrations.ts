import { z } from "zod";
import { erpConnectionPatchSchema, erpConnectionViewSchema, erpSyncRequestSchema } from "../../validation/erp";
import { pushBatchSchema, pushTableSchema } from "../../validation/erp-push";
import { syncRunsQuerySchema } from "../../erp/sync/list-sync-runs";
import { defineRoute } from "../define-route";
import { jsonObjectSchema } from "../schemas";

export const integrationRoutes = [
  defineRoute({
    method: "get",
    path: "/api/v1/integrations/erp",
    tag: "Integrações",
    summary: "A conexão com o ERP (nunca o token: só se e quando foi definido)",
    access: "configuracoes.write",
    response: z.object({ connection: erpConnectionViewSchema }),
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/integrations/erp",
    tag: "Integrações",
    summary: "Altera a conexão com o ERP (o token é só de escrita, guardado cifrado com RAIO_SECRET_KEY)",
    access: "configuracoes.write",
    body: erpConnectionPatchSchema,
    response: z.object({ connection: erpConnectionViewSchema }),
    errors: [503],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/integrations/erp/test",
    tag: "Integrações",
    summary: "Testar conexão: uma chamada barata ao ERP com a conexão salva",
    description: "503 com a mensagem do próprio ERP quando a chamada falha.",
    access: "configuracoes.write",
    bodyOptional: true,
    response: jsonObjectSchema,
    errors: [503],
  }),
  defineRoute({
    method: "post",
    path: "/api/v1/integrations/erp/sync",
    tag: "Integrações",
    summary: "Sincronizar agora (enfileira; o progresso aparece no histórico)",
    access: "configuracoes.write",
    body: erpSyncRequestSchema,
    bodyOptional: true,
    status: 202,
    response: z.object({ jobId: z.string().nullable() }),
    errors: [503],
  }),
  defineRoute({
    method: "get",
    path: "/api/v1/integrations/erp/runs",
    tag: "Integrações",
    summary: "Histórico de sincronizações: progresso por tabela, linhas/s, ETA, erros do ERP, linhas puladas",
    access: "configuracoes.write",
    query: syncRunsQuerySchema,
    response: jsonObjectSchema,
  }),
  defineRoute({
    method: "put",
    path: "/api/v1/sync/{table}",
    tag: "Integrações",
    summary: "API de envio para ERPs sem conector: upsert idempotente por external_id, tudo ou nada",
    description: "Erros por linha em error.details: [{ row, externalId, field, message }].",
    access: "configuracoes.write",
    params: z.object({ table: pushTableSchema }),
    body: pushBatchSchema,
    response: jsonObjectSchema,
    errors: [413],
  }),
];
