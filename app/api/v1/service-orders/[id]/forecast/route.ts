// PUT /api/v1/service-orders/{id}/forecast – { expectedEndAt: ISO 8601 | null }: a new expected end for an open
// or executing order (admin, audited). For an executing order the customers are told (FORECAST_CHANGED).
// 409 for a finalized or cancelled order.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { changeForecast } from "@/lib/orders/change-forecast";
import { kickNotifications } from "@/lib/notifications/notification-workers";
import { idParamSchema } from "@/lib/validation/id";

export const PUT = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const result = await changeForecast(idParamSchema.parse(params).id, await readJson(req), principal);
    if (result.notified) void kickNotifications();
    return Response.json({ order: result });
  },
  { permission: "ordens.write" },
);
