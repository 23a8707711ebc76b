// Aberta → Em Execução: from now on customers inside the region get the subject's message.
import { db } from "../db";
import type { Principal } from "../auth/principal";
import { applyOrderTransition, type TransitionResult } from "./apply-order-transition";

export async function executeOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  return db.$transaction((tx) => applyOrderTransition(tx, orderId, "EM_EXECUCAO", principal, note));
}
