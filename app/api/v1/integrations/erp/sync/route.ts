// POST /api/v1/integrations/erp/sync – "Sincronizar agora": { full?: boolean } enqueues a sync (incremental by
// default; the first one is always full). 202 { jobId } (null: one is already waiting). Worked by the app's
// queue workers; progress in GET /api/v1/integrations/erp/runs.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { loadErpCredentialsOrThrow } from "@/lib/erp/erp-connection";
import { enqueueSync } from "@/lib/erp/sync/sync-queue";
import { erpSyncRequestSchema } from "@/lib/validation/erp";

export const POST = withAuth(
  async (req) => {
    const { full } = erpSyncRequestSchema.parse(await readJson(req, undefined, { emptyAs: {} }));
    await loadErpCredentialsOrThrow(); // 503 with the reason when the connection cannot be used
    const jobId = await enqueueSync({ kind: full ? "FULL" : "INCREMENTAL" });
    return Response.json({ jobId }, { status: 202 });
  },
  { permission: "configuracoes.write" },
);
