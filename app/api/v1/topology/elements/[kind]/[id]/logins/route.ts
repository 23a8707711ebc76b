// GET /api/v1/topology/elements/{CTO|PON|OLT}/{id}/logins?q=&sort=&dir=&page=&pageSize= – the element's
// logins (the map's click on a CTO, PON or OLT), with online count and the CTO's capacity.
import { withAuth } from "@/lib/auth/with-auth";
import { listElementLogins } from "@/lib/topology/list-element-logins";
import { affectedLoginsQuerySchema } from "@/lib/validation/affected-logins";
import { elementParamsSchema } from "@/lib/validation/topology";

export const GET = withAuth<{ kind: string; id: string }>(
  async (req, { params }) => {
    const { kind, id } = elementParamsSchema.parse(params);
    const query = affectedLoginsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listElementLogins(kind, id, query));
  },
  { permission: "mapa.read" },
);
