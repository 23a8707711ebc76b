// POST /api/v1/service-orders/{id}/finalize – Em Execução → Finalizada, freezing the affected logins and
// applying the reviewed downtime discounts in the same transaction; 409 when the order is not Em Execução
//   body (optional): { interruptionStart?, interruptionEnd?, adjustments?: [{ contractId, amountCents?, excluded?, reason }], note? }
//   200 { order: { id, number, fromStatus, status, at }, frozenLogins, discounts, totalCents, rule, summary, withoutDiscount }
//   (no Discount row of R$ 0,00 is written: `summary` and `withoutDiscount: [{ cause, contracts, message }]` say why)
import { withAuth } from "@/lib/auth/with-auth";
import { MAX_JSON_BYTES, readJson } from "@/lib/http/read-json";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { assertTransitionAllowed } from "@/lib/orders/order-transitions";
import { idParamSchema } from "@/lib/validation/id";
import { fireOrderWebhook } from "@/lib/webhooks/fire-order-webhook";
import { kickNotifications } from "@/lib/notifications/notification-workers";

export const POST = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    await assertTransitionAllowed(id, "FINALIZADA");
    const { transition, ...rest } = await finalizeOrderWithDiscounts(id, await readJson(req, MAX_JSON_BYTES, { emptyAs: {} }), principal);
    void kickNotifications(); // the outbox row committed with the transition; this only saves the wait for the sweep
    void fireOrderWebhook(id, "order.ended"); // after the commit, not awaited
    return Response.json({ order: transition, ...rest });
  },
  { permission: "ordens.write" },
);
