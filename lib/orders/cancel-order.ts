// Aberta or Em Execução → Cancelada: the order is dropped (opened by mistake, or the work was called off).
import { db } from "../db";
import type { Principal } from "../auth/principal";
import { applyOrderTransition, type TransitionResult } from "./apply-order-transition";

export async function cancelOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  return db.$transaction((tx) => applyOrderTransition(tx, orderId, "CANCELADA", principal, note));
}
