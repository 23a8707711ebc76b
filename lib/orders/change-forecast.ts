// A new expected end (previsão) for an open or executing order, audited and kept on the order's timeline
// (OrderUpdate FORECAST: previous and new value). For an executing order the
// customers are told (FORECAST_CHANGED outbox row in the same transaction; each new forecast once: the
// occurrence is the forecast itself, so saving the same value twice tells nobody twice).
import { z } from "zod";
import { db } from "../db";
import { conflict, notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import { actorColumns, type Principal } from "../auth/principal";
import { formatDateTime } from "../format/date-time";
import { NO_FORECAST } from "../templates/build-template-values";
import { recordNotificationOutbox } from "../notifications/record-notification-outbox";
import { statusLabel } from "./order-life-cycle";

/** null removes the forecast ("sem previsão"); an omitted field is refused (a forecast change must say which). */
export const forecastInputSchema = z.object({
  expectedEndAt: z.union([z.iso.datetime({ offset: true, error: "data inválida: use ISO 8601 (2026-11-30T18:00:00-03:00)" }), z.null()], {
    error: "informe expectedEndAt (data ISO 8601 ou null)",
  }).transform((v) => (v === null ? null : new Date(v))),
});

export async function changeForecast(orderId: number, input: unknown, principal: Principal) {
  const { expectedEndAt } = forecastInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const order = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true, expectedEndAt: true } });
    if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
    if (order.status !== "ABERTA" && order.status !== "EM_EXECUCAO") {
      throw conflict(`A OS ${order.number} está ${statusLabel(order.status)}: a previsão só muda em OS Aberta ou Em Execução.`, { currentStatus: order.status });
    }
    const { count } = await tx.serviceOrder.updateMany({ where: { id: orderId, status: order.status }, data: { expectedEndAt } });
    if (count === 0) throw conflict(`A OS ${order.number} mudou de status: recarregue a página.`);
    const changed = (order.expectedEndAt?.getTime() ?? null) !== (expectedEndAt?.getTime() ?? null);
    // The timeline keeps every change of forecast, with who and when.
    if (changed) {
      await tx.orderUpdate.create({
        data: { orderId, kind: "FORECAST", previousExpectedEndAt: order.expectedEndAt, expectedEndAt, ...actorColumns(principal) },
      });
    }
    if (changed && order.status === "EM_EXECUCAO") {
      await recordNotificationOutbox(tx, orderId, "FORECAST_CHANGED", {
        occurrence: expectedEndAt ? expectedEndAt.toISOString() : "sem-previsao",
        vars: { previsaoAnterior: order.expectedEndAt ? formatDateTime(order.expectedEndAt) : NO_FORECAST },
      });
    }
    await recordAudit(tx, principal, "order.forecast", { type: "ServiceOrder", id: orderId }, {
      from: order.expectedEndAt?.toISOString() ?? null, to: expectedEndAt?.toISOString() ?? null,
    });
    return { id: orderId, number: order.number, expectedEndAt, notified: changed && order.status === "EM_EXECUCAO" };
  });
}
