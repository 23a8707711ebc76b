// The life cycle of a structural service order, as data — the one source of which transitions exist, the
// action (button, API route) behind each, and how each reads:
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

/** The actions that move an order, each named by its API route (POST /api/v1/service-orders/{id}/<action>). */
export type OrderAction = "execute" | "finalize" | "cancel";

/** The status each action leads to. */
export const ACTION_TARGET: Record<OrderAction, OrderStatus> = {
  execute: "EM_EXECUCAO",
  finalize: "FINALIZADA",
  cancel: "CANCELADA",
};

const ACTION_BY_TARGET = new Map<OrderStatus, OrderAction>(
  (Object.entries(ACTION_TARGET) as [OrderAction, OrderStatus][]).map(([action, to]) => [to, action]),
);

/** The actions an order in each status offers, in the order of ALLOWED_TRANSITIONS. */
export const ACTIONS_BY_STATUS: Record<OrderStatus, readonly OrderAction[]> = {
  ABERTA: actionsFrom("ABERTA"),
  EM_EXECUCAO: actionsFrom("EM_EXECUCAO"),
  FINALIZADA: actionsFrom("FINALIZADA"),
  CANCELADA: actionsFrom("CANCELADA"),
};

function actionsFrom(status: OrderStatus): OrderAction[] {
  return ALLOWED_TRANSITIONS[status].map((to) => ACTION_BY_TARGET.get(to)!);
}

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
