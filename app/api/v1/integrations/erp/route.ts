// GET /api/v1/integrations/erp – the ERP connection (URL, user, whether/when a token was set; never the token)
// PUT /api/v1/integrations/erp – { baseUrl?, userId?, token?, allowSelfSigned?, enabled?, incrementalEveryMinutes?,
//   onlineEverySeconds? } (admin); the token is write-only and stored encrypted with RAIO_SECRET_KEY (503 without it).
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { describeErpConnection, getErpConnection, saveErpConnection } from "@/lib/erp/erp-connection";
import { applySyncSchedules } from "@/lib/erp/sync/sync-queue";

export const GET = withAuth(async () => Response.json({ connection: describeErpConnection(await getErpConnection()) }), {
  permission: "configuracoes.write",
});

export const PUT = withAuth(
  async (req, { principal }) => {
    const connection = await saveErpConnection(await readJson(req), principal);
    // Schedules follow the saved connection (shared by every instance through the queue's cron table).
    await applySyncSchedules();
    return Response.json({ connection });
  },
  { permission: "configuracoes.write" },
);
