// PATCH /api/v1/service-orders/{id}/region – new polygon for an Aberta order (vertices dragged), re-validated
//   body: { region: Feature<Polygon> }   200 { region, warnings }   409 when the order is no longer Aberta
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { updateRegion } from "@/lib/orders/update-region";
import { idParamSchema } from "@/lib/validation/id";

export const PATCH = withAuth<{ id: string }>(
  async (req, { principal, params }) => Response.json(await updateRegion(idParamSchema.parse(params).id, await readJson(req), principal)),
  { permission: "ordens.write" },
);
