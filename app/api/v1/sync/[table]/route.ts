// PUT /api/v1/sync/{customers|contracts|logins|invoices} – push API for ERPs without a connector:
// { rows: [ { external_id, … } ] } in the import's columns (docs/integracoes-erp.md), up to 1,000 rows.
// Idempotent upsert by external_id; all or nothing: 400 with error.details = [{ row, externalId, field, message }].
// Admin (an integration's ADMIN token).
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { pushErpRows } from "@/lib/erp/push/push-erp-rows";
import { MAX_PUSH_BODY_BYTES } from "@/lib/validation/erp-push";

export const PUT = withAuth<{ table: string }>(
  async (req, { principal, params }) => Response.json(await pushErpRows(params.table, await readJson(req, MAX_PUSH_BODY_BYTES), principal)),
  { permission: "configuracoes.write" },
);
