// POST /api/v1/service-orders/{id}/notifications/retry – "Reenviar falhas": the order's failed notices go back to
// the queue (admin, audited). 200 { requeued }.
import { withAuth } from "@/lib/auth/with-auth";
import { idParamSchema } from "@/lib/validation/id";
import { retryFailedNotifications } from "@/lib/notifications/retry-failed-notifications";
import { kickDispatch } from "@/lib/notifications/notification-workers";

export const POST = withAuth<{ id: string }>(
  async (_req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    const result = await retryFailedNotifications(id, principal);
    for (const channel of result.channels) void kickDispatch(channel).catch(() => undefined); // the sweep is the safety net
    return Response.json({ requeued: result.requeued });
  },
  { permission: "ordens.write" },
);
