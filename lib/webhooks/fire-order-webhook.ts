// The outgoing webhook of a service order's start (Em Execução) and end (Finalizada or Cancelada).
// Call it AFTER the transition's transaction committed, without awaiting it (fire-and-forget):
//   const result = await executeOrder(id, principal);
//   void fireOrderWebhook(result.id, "order.started");
// It enqueues the delivery on the job queue (lib/queue), which attempts and retries it from any app
// instance, also after a restart. It never throws: a missing configuration is skipped, and delivery failures
// are logged (WebhookDelivery rows, and one console line when every attempt failed).
import { db } from "../db";
import { enqueueWebhook, type EnqueueOptions, type EnqueuedDelivery } from "./deliver-webhook";
import { getWebhookConfig } from "./webhook-config";

export type OrderWebhookEvent = "order.started" | "order.ended";

export async function fireOrderWebhook(
  orderId: number,
  event: OrderWebhookEvent,
  opts: EnqueueOptions = {},
): Promise<EnqueuedDelivery | { skipped: string }> {
  try {
    const config = await getWebhookConfig();
    if (!config.url || !config.secret) return { skipped: "webhook não configurado" };
    const order = await db.serviceOrder.findUnique({
      where: { id: orderId },
      select: {
        id: true, number: true, status: true, description: true, responsible: true, expectedEndAt: true, planned: true,
        openedAt: true, executedAt: true, finalizedAt: true, cancelledAt: true, interruptionStart: true, interruptionEnd: true,
        subject: { select: { id: true, name: true } },
        region: { select: { minLng: true, minLat: true, maxLng: true, maxLat: true, iconLng: true, iconLat: true, areaM2: true } },
      },
    });
    if (!order) return { skipped: `OS ${orderId} não encontrada` };
    const { region, ...fields } = order;
    const occurredAt = (event === "order.started" ? order.executedAt : (order.finalizedAt ?? order.cancelledAt)) ?? new Date();
    return await enqueueWebhook(
      {
        url: config.url,
        secret: config.secret,
        event,
        orderId,
        payload: {
          occurredAt: occurredAt.toISOString(),
          order: {
            ...fields,
            region: region
              ? { bbox: [region.minLng, region.minLat, region.maxLng, region.maxLat], iconPoint: [region.iconLng, region.iconLat], areaM2: region.areaM2 }
              : null,
          },
        },
      },
      opts,
    );
  } catch (err) {
    console.error(`[webhook] ${event} da OS ${orderId}: erro`, err);
    return { skipped: "erro interno" };
  }
}
