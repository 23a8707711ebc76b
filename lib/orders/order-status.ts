// The life cycle of a structural service order, as data: which transitions exist and how each reads.
// Aberta → Em Execução → Finalizada; Aberta or Em Execução → Cancelada; nothing else.
import type { OrderStatus } from "../db";
import { AppError } from "../errors";
import { ORDER_STATUS_LABEL } from "../validation/order";

export const ALLOWED_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  ABERTA: ["EM_EXECUCAO", "CANCELADA"],
  EM_EXECUCAO: ["FINALIZADA", "CANCELADA"],
  FINALIZADA: [],
  CANCELADA: [],
};

/** The past participle used in refusals: "não pode ser executada". */
export const TRANSITION_VERB: Record<OrderStatus, string> = {
  ABERTA: "reaberta",
  EM_EXECUCAO: "executada",
  FINALIZADA: "finalizada",
  CANCELADA: "cancelada",
};

/** The audit action per target status. */
export const TRANSITION_ACTION: Record<OrderStatus, string> = {
  ABERTA: "order.open",
  EM_EXECUCAO: "order.execute",
  FINALIZADA: "order.finalize",
  CANCELADA: "order.cancel",
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

export function statusLabel(status: OrderStatus): string {
  return ORDER_STATUS_LABEL[status];
}

/** The 409 of a refused transition, naming the status the order is in. */
export function transitionRefusal(number: number, current: OrderStatus, to: OrderStatus): AppError {
  return new AppError("INVALID_TRANSITION", `A OS ${number} está ${statusLabel(current)}: não pode ser ${TRANSITION_VERB[to]}.`, {
    details: { currentStatus: current, requestedStatus: to },
  });
}
