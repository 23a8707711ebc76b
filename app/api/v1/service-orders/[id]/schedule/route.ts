// PUT /api/v1/service-orders/{id}/schedule – plans (or re-plans) an Aberta order's window
//   body: { scheduledStartAt: ISO 8601, expectedEndAt?: ISO 8601 | null }
//   200 { order, warnings: [{ code: "SHORT_NOTICE" | "OUTSIDE_LOW_USE" | "OVERLAP", message }] } — warnings never block
//   400 start in the past / end not after start (naming the field); 409 the order is not Aberta
//   The customers get PLANNED_MAINTENANCE ({{inicioPrevisto}}) once per start; the order starts by itself then.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { scheduleOrder } from "@/lib/orders/schedule-order";
import { kickNotifications } from "@/lib/notifications/notification-workers";
import { idParamSchema } from "@/lib/validation/id";

export const PUT = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const result = await scheduleOrder(idParamSchema.parse(params).id, await readJson(req), principal);
    void kickNotifications();
    return Response.json(result);
  },
  { permission: "ordens.write" },
);
