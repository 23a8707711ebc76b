// A pre-check for flows that do work before the transition (the finalize form prices discounts first):
// refuses early with the same 409 message as the transition itself. Not a guard — the guarded update
// inside the transaction still decides races.
import { db, type OrderStatus } from "../db";
import { notFound } from "../errors";
import { canTransition, transitionRefusal } from "./order-status";

export async function assertTransitionAllowed(orderId: number, to: OrderStatus): Promise<void> {
  const order = await db.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  if (!canTransition(order.status, to)) throw transitionRefusal(order.number, order.status, to);
}
