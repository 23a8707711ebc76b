// GET /api/v1/logins?bbox=minLng,minLat,maxLng,maxLat&zoom=N – the logins of the visible map area, clustered
//   200 { total, clusters: [{ count, offline, lat, lng, bounds: [minLng, minLat, maxLng, maxLat] }],
//         logins: [{ id, username, lat, lng, online }] }  (complete: every login in the box is in a cluster or listed)
//   400 naming bbox or zoom.
import { withAuth } from "@/lib/auth/with-auth";
import { listLoginClusters } from "@/lib/maintenance/list-login-clusters";
import { listLoginsQuerySchema } from "@/lib/validation/order";

export const GET = withAuth(
  async (req) => {
    const { bbox, zoom } = listLoginsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listLoginClusters(bbox, zoom));
  },
  { permission: "mapa.read" },
);
