// GET /api/v1/integrations/erp/runs?limit=&kind= – sync history, newest first: status, progress (percent,
// rows/s, ETA, per table), the ERP's error message, the first skipped rows (table, id, field), last success.
import { withAuth } from "@/lib/auth/with-auth";
import { listSyncRuns, syncRunsQuerySchema } from "@/lib/erp/sync/list-sync-runs";

export const GET = withAuth(
  async (req) => {
    const query = syncRunsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listSyncRuns(query), { headers: { "cache-control": "no-store" } });
  },
  { permission: "configuracoes.write" },
);
