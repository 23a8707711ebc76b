// "Reenviar falhas": an order's FAILED notices go back to the queue (attempts reset, due now), audited. Chosen
// by a person who knows an interrupted send may reach the customer a second time. One guarded UPDATE.
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors";

export async function retryFailedNotifications(orderId: number, principal: Principal) {
  return db.$transaction(async (tx) => {
    const order = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { id: true } });
    if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
    const channels = await tx.notification.findMany({ where: { orderId, status: "FAILED" }, distinct: ["channel"], select: { channel: true } });
    const { count } = await tx.notification.updateMany({
      where: { orderId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), answer: "reenvio pedido" },
    });
    await recordAudit(tx, principal, "notifications.retry", { type: "ServiceOrder", id: orderId }, { count });
    return { requeued: count, channels: channels.map((c) => c.channel) };
  });
}
