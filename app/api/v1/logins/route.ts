// GET /api/v1/logins?bbox=minLng,minLat,maxLng,maxLat – login markers in the visible map area
//   200 { logins: [{ id, lat, lng, online, username }], truncated }  (capped: zoom in when truncated)
import { withAuth } from "@/lib/auth/with-auth";
import { listLoginsInBbox } from "@/lib/orders/list-logins-in-bbox";
import { listLoginsQuerySchema } from "@/lib/validation/order";

export const GET = withAuth(
  async (req) => {
    const { bbox } = listLoginsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listLoginsInBbox(bbox));
  },
  { permission: "mapa.read" },
);
