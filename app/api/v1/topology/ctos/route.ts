// GET /api/v1/topology/ctos?bbox=minLng,minLat,maxLng,maxLat – the map's CTO layer: occupancy and logins
// offline per CTO, with its PON and OLT ({ ctos, truncated }).
import { withAuth } from "@/lib/auth/with-auth";
import { listCtosInBbox } from "@/lib/topology/list-ctos-in-bbox";
import { ctoLayerQuerySchema } from "@/lib/validation/topology";

export const GET = withAuth(
  async (req) => {
    const { bbox } = ctoLayerQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listCtosInBbox(bbox));
  },
  { permission: "mapa.read" },
);
