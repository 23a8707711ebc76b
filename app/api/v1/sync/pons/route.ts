// PUT /api/v1/sync/pons – push API of the FTTH plant: { rows: [ { external_id, … } ] } in pons.csv's columns
// (docs/topologia.md), up to 1,000 rows. Idempotent upsert by external_id; all or nothing: 400 with
// error.details = [{ row, externalId, field, message }]. Admin (an integration's ADMIN token).
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { pushPlantRows } from "@/lib/topology/push-plant-rows";
import { MAX_PUSH_BODY_BYTES } from "@/lib/validation/erp-push";

export const PUT = withAuth(
  async (req, { principal }) => Response.json(await pushPlantRows("pons", await readJson(req, MAX_PUSH_BODY_BYTES), principal)),
  { permission: "configuracoes.write" },
);
