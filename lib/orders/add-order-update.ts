// A note on an order's timeline (OrderUpdate), written with who and when:
// - PUBLIC_NOTE: for customers. Only while the order is Aberta or Em Execução. It re-notifies the customers in
//   the region (ORDER_UPDATE outbox row in the same transaction, {{atualizacao}} = the text and
//   {{ultimaAtualizacao}} = when it was written; one notice per note), is what the chatbot answers and what the
//   public status page shows (the latest one).
// - INTERNAL_NOTE: staff only, on any order.
// Forecast changes (FORECAST) are written by lib/orders/change-forecast.ts and lib/orders/schedule-order.ts.
import { z } from "zod";
import { db } from "../db";
import { conflict, notFound } from "../errors";
import { actorColumns, type Principal } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { formatDateTime } from "../format/date-time";
import { recordNotificationOutbox } from "../notifications/record-notification-outbox";
import { statusLabel } from "./order-life-cycle";

// Longest note (an SMS-sized update fits several times; a pasted report does not).
export const MAX_UPDATE_CHARS = 1_000;

export const orderUpdateInputSchema = z.object({
  kind: z.enum(["PUBLIC_NOTE", "INTERNAL_NOTE"], { error: "kind deve ser PUBLIC_NOTE (para os clientes) ou INTERNAL_NOTE (interna)" }),
  text: z
    .string({ error: "escreva a atualização" })
    .trim()
    .min(3, "escreva a atualização (mínimo 3 caracteres)")
    .max(MAX_UPDATE_CHARS, `no máximo ${MAX_UPDATE_CHARS} caracteres`),
});

export async function addOrderUpdate(orderId: number, input: unknown, principal: Principal) {
  const { kind, text } = orderUpdateInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const order = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
    if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
    if (kind === "PUBLIC_NOTE" && order.status !== "ABERTA" && order.status !== "EM_EXECUCAO") {
      throw conflict(`A OS ${order.number} está ${statusLabel(order.status)}: atualizações para os clientes só em OS Aberta ou Em Execução.`, { currentStatus: order.status });
    }
    const update = await tx.orderUpdate.create({
      data: { orderId, kind, text, ...actorColumns(principal) },
      select: { id: true, kind: true, text: true, createdAt: true, userId: true, apiTokenId: true },
    });
    if (kind === "PUBLIC_NOTE") {
      await recordNotificationOutbox(tx, orderId, "ORDER_UPDATE", {
        occurrence: `atualizacao-${update.id}`,
        vars: { atualizacao: text, ultimaAtualizacao: formatDateTime(update.createdAt) },
      });
    }
    await recordAudit(tx, principal, "order.update", { type: "ServiceOrder", id: orderId }, { number: order.number, kind, updateId: update.id });
    return { ...update, notified: kind === "PUBLIC_NOTE" };
  });
}
