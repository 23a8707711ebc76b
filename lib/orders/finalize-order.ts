// Em Execução → Finalizada: notifications end; the interruption closes now.
import { db } from "../db";
import type { Principal } from "../auth/principal";
import type { TransitionResult } from "./apply-order-transition";
import { finalizeOrderTransition } from "./finalize-order-transition";

export async function finalizeOrder(orderId: number, principal: Principal, note?: string): Promise<TransitionResult> {
  return db.$transaction((tx) => finalizeOrderTransition(tx, orderId, principal, note));
}
