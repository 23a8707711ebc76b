// Em Execução → Finalizada inside the caller's transaction. Kept apart from finalizeOrder so that the
// downtime discounts (a later feature) can run in the same transaction as the status change.
import type { Prisma } from "../db";
import type { Principal } from "../auth/principal";
import { applyOrderTransition, type TransitionResult } from "./apply-order-transition";

export async function finalizeOrderTransition(
  tx: Prisma.TransactionClient,
  orderId: number,
  principal: Principal,
  note?: string,
): Promise<TransitionResult> {
  return applyOrderTransition(tx, orderId, "FINALIZADA", principal, note);
}
