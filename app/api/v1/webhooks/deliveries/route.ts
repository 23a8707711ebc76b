// GET /api/v1/webhooks/deliveries?orderId=&limit= – every webhook delivery attempt, newest first (admin)
import { withAuth } from "@/lib/auth/with-auth";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { deliveriesQuerySchema } from "@/lib/validation/webhook";

export const GET = withAuth(
  async (req) => {
    const query = deliveriesQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    return Response.json({ deliveries: await listWebhookDeliveries(query) });
  },
  { permission: "configuracoes.write" },
);
