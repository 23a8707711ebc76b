// POST /api/v1/regions – a drawn maintenance region and its structural service order, stored together
//   body: { region: Feature<Polygon>, subjectId?, description, expectedEndAt?, responsible?, planned?, announcedAt?,
//           scheduledStartAt? (planned work: starts by itself then; customers get PLANNED_MAINTENANCE),
//           fromSuggestion?: { offlineLoginIds } }  (a region made from an outage suggestion)
//   201 { order, region, warnings: [{ code: "OVERLAP" | "SHORT_NOTICE" | "OUTSIDE_LOW_USE", message, orderId?, number? }] }
//   400 scheduledStartAt in the past, expectedEndAt not after scheduledStartAt (naming the field)
//   409 CONFLICT (details.code SUGGESTION_COVERED) when an open or running order already covers that suggestion
// GET /api/v1/regions?status=ABERTA,EM_EXECUCAO[&bbox=minLng,minLat,maxLng,maxLat] – the map's region layers
// (default: open and executing; with bbox only the regions whose box meets it: the map's closed layers)
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { createRegionWithOrder } from "@/lib/orders/create-region-with-order";
import { kickNotifications } from "@/lib/notifications/notification-workers";
import { DEFAULT_REGION_STATUSES, listRegions } from "@/lib/orders/list-regions";
import { listRegionsQuerySchema } from "@/lib/validation/order";

export const POST = withAuth(
  async (req, { principal }) => {
    const created = await createRegionWithOrder(await readJson(req), principal);
    // From an outage suggestion or planned: its OUTAGE_CONFIRMED / PLANNED_MAINTENANCE outbox row committed with the order; this only saves
    // the wait for the sweep.
    if (created.fromSuggestion || created.scheduledStartAt) void kickNotifications();
    return Response.json(created, { status: 201 });
  },
  { permission: "ordens.write", idempotent: true },
);

export const GET = withAuth(
  async (req) => {
    const query = listRegionsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json(await listRegions(query.status ?? DEFAULT_REGION_STATUSES, query.bbox));
  },
  { permission: "mapa.read" },
);
