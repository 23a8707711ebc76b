// The status transitions of a service order (the life cycle is lib/orders/order-life-cycle.ts).
// applyOrderTransition does one inside the caller's transaction: a guarded update (WHERE status = the status
// just read), the history event, the audit entry and the GeoVersion bump. Under a race exactly one
// transaction matches the guard; the other gets INVALID_TRANSITION (409) naming the status it found, and
// changes nothing. executeOrder, cancelOrder and finalizeOrder run one in a transaction of their own.
import { db, type OrderStatus, type Prisma } from "../db";
import { notFound } from "../errors";
import { actorColumns, type Principal } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { bumpRegionsVersion } from "../maintenance/geo-version";
import { buildLiveAffectedList } from "../maintenance/live-affected-list";
import { canTransition, TRANSITION_ACTION, transitionRefusal } from "./order-life-cycle";
import { recordNotificationOutbox } from "../notifications/record-notification-outbox";

export interface TransitionResult {
  id: number;
  number: number;
  fromStatus: OrderStatus;
  status: OrderStatus;
  at: Date;
}

function columnsFor(to: OrderStatus, from: OrderStatus, at: Date, userId: number | null): Prisma.ServiceOrderUpdateManyMutationInput {
  switch (to) {
    case "EM_EXECUCAO":
      return { status: to, executedAt: at, executedById: userId, interruptionStart: at };
    case "FINALIZADA":
      return { status: to, finalizedAt: at, finalizedById: userId, interruptionEnd: at };
    case "CANCELADA":
      // Cancelling an executing order ends its interruption too (notifications stop now).
      return { status: to, cancelledAt: at, cancelledById: userId, ...(from === "EM_EXECUCAO" ? { interruptionEnd: at } : {}) };
    case "ABERTA":
      return { status: to };
  }
}

export async function applyOrderTransition(
  tx: Prisma.TransactionClient,
  orderId: number,
  to: OrderStatus,
  principal: Principal,
  note?: string,
): Promise<TransitionResult> {
  const current = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
  if (!current) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  if (!canTransition(current.status, to)) throw transitionRefusal(current.number, current.status, to);

  const at = new Date();
  const actor = actorColumns(principal);
  const { count } = await tx.serviceOrder.updateMany({
    where: { id: orderId, status: current.status },
    data: columnsFor(to, current.status, at, actor.userId),
  });
  if (count === 0) {
    // Someone else changed it between our read and our update: report what they left.
    const now = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { status: true } });
    throw transitionRefusal(current.number, now?.status ?? current.status, to);
  }
  await tx.serviceOrderEvent.create({
    data: { orderId, fromStatus: current.status, toStatus: to, ...actor, at, note: note ?? null },
  });
  await recordAudit(tx, principal, TRANSITION_ACTION[to], { type: "ServiceOrder", id: orderId }, {
    number: current.number, from: current.status, to, ...(note ? { note } : {}),
  });
  await bumpRegionsVersion(tx);
  // Customers are told in the same commit (outbox row; sent after it by the notification queue).
  if (to === "EM_EXECUCAO") await recordNotificationOutbox(tx, orderId, "ORDER_STARTED");
  if (to === "FINALIZADA") {
    await recordNotificationOutbox(tx, orderId, "ORDER_FINALIZED");
    // The frozen list (AffectedLogin) replaces the live one from now on.
    await tx.liveAffectedLogin.deleteMany({ where: { orderId } });
    await tx.liveAffectedList.deleteMany({ where: { orderId } });
  }
  return { id: orderId, number: current.number, fromStatus: current.status, status: to, at };
}

/** Aberta → Em Execução: from now on customers inside the region get the subject's message. */
export async function executeOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  const result = await db.$transaction((tx) => applyOrderTransition(tx, orderId, "EM_EXECUCAO", principal, note));
  // Its Logins Afetados are opened right away: built now, the first page is an index read. A failure here
  // is not the transition's (already committed): the list is then built by its first page.
  await buildLiveAffectedList(orderId).catch((err: unknown) => console.error(`[logins afetados] OS ${orderId}: lista não montada`, err));
  return result;
}

/** Aberta or Em Execução → Cancelada: the order is dropped (opened by mistake, or the work was called off). */
export async function cancelOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  return db.$transaction((tx) => applyOrderTransition(tx, orderId, "CANCELADA", principal, note));
}

/** Em Execução → Finalizada: notifications end; the interruption closes now. */
export async function finalizeOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  return db.$transaction((tx) => applyOrderTransition(tx, orderId, "FINALIZADA", principal, note));
}

/**
 * A pre-check for flows that do work before the transition (the finalize form prices discounts first):
 * refuses early with the same 409 message as the transition itself. Not a guard — the guarded update
 * inside the transaction still decides races.
 */
export async function assertTransitionAllowed(orderId: number, to: OrderStatus): Promise<void> {
  const order = await db.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  if (!canTransition(order.status, to)) throw transitionRefusal(order.number, order.status, to);
}
