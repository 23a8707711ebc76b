// POST /api/v1/logins/count – how many logins a polygon holds (the map's live "logins dentro" while drawing)
//   body: { geometry: { type: "Polygon", coordinates: [[[lng, lat], …]] } }  (closed rings, ≤ 5,000 points)
//   200 { count }  (online and offline; boundary inside); 400 naming the field.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { countLoginsInRegion } from "@/lib/maintenance/login-points";
import { countLoginsBodySchema } from "@/lib/validation/order";

export const POST = withAuth(
  async (req) => {
    const { geometry } = countLoginsBodySchema.parse(await readJson(req));
    return Response.json({ count: await countLoginsInRegion(geometry) });
  },
  { permission: "mapa.read" },
);
