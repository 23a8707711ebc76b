// The webhook delivery log, newest first, optionally for one order.
import type { z } from "zod";
import { db } from "../db";
import type { deliveriesQuerySchema } from "../validation/webhook";

export async function listWebhookDeliveries(query: z.infer<typeof deliveriesQuerySchema>) {
  return db.webhookDelivery.findMany({
    where: query.orderId ? { orderId: query.orderId } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit,
    select: { id: true, deliveryId: true, event: true, orderId: true, url: true, attempt: true, statusCode: true, error: true, ok: true, durationMs: true, at: true },
  });
}
