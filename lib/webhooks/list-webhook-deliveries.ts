// The webhook delivery log, newest first, optionally for one order.
import { z } from "zod";
import { idSchema } from "../validation/id";
import { db } from "../db";

/** Rows per answer: default and cap. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

export const deliveriesQuerySchema = z.object({
  orderId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `no máximo ${MAX_LIMIT}`).default(DEFAULT_LIMIT),
});

export async function listWebhookDeliveries(query: z.infer<typeof deliveriesQuerySchema>) {
  return db.webhookDelivery.findMany({
    where: query.orderId ? { orderId: query.orderId } : {},
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: query.limit,
    select: { id: true, deliveryId: true, event: true, orderId: true, url: true, attempt: true, statusCode: true, error: true, ok: true, durationMs: true, at: true },
  });
}
