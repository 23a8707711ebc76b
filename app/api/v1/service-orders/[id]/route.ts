// GET /api/v1/service-orders/{id} – one order: details, region, status history, logins affected
import { withAuth } from "@/lib/auth/with-auth";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { idParamSchema } from "@/lib/validation/id";

export const GET = withAuth<{ id: string }>(
  async (_req, { params }) => Response.json({ order: await getOrderOrThrow(idParamSchema.parse(params).id) }),
  { permission: "ordens.read" },
);
