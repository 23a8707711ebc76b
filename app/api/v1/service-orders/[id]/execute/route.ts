// POST /api/v1/service-orders/{id}/execute – Aberta → Em Execução (the Executar button); 409 when the order is not in a status that allows it
//   body (optional): { note }
import { withAuth } from "@/lib/auth/with-auth";
import { MAX_JSON_BYTES, readJson } from "@/lib/http/read-json";
import { executeOrder } from "@/lib/orders/order-transitions";
import { fireOrderWebhook } from "@/lib/webhooks/fire-order-webhook";
import { transitionSchema } from "@/lib/validation/order";
import { idParamSchema } from "@/lib/validation/id";
import { kickNotifications } from "@/lib/notifications/notification-workers";

export const POST = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    const { note } = transitionSchema.parse(await readJson(req, MAX_JSON_BYTES, { emptyAs: {} }));
    const result = await executeOrder(id, principal, note);
    void kickNotifications(); // the outbox row committed with the transition; this only saves the wait for the sweep
    void fireOrderWebhook(result.id, "order.started"); // after the commit, not awaited: a slow receiver never delays the answer
    return Response.json({ order: result });
  },
  { permission: "ordens.write" },
);
