// The transitions as buttons: which ones an order in a status offers, and the call behind each.
import type { OrderStatusValue } from "@/lib/validation/order";
import type { OrderAction } from "@/lib/orders/order-life-cycle";
import { apiFetch } from "@/lib/api-client";

// Which actions a status offers comes from the one life cycle (lib/orders/order-life-cycle.ts).
export { ACTIONS_BY_STATUS, type OrderAction } from "@/lib/orders/order-life-cycle";

export const ACTION_LABEL: Record<OrderAction, string> = { execute: "Executar", finalize: "Finalizar", cancel: "Cancelar OS" };

/** Calls the transition; resolves to the new status or throws an ApiError with the API's Portuguese message. */
export async function runOrderAction(orderId: number, action: OrderAction, note?: string): Promise<OrderStatusValue> {
  const body = await apiFetch<{ order: { status: OrderStatusValue } }>(`/api/v1/service-orders/${orderId}/${action}`, {
    method: "POST",
    json: note ? { note } : {},
  });
  return body.order.status;
}
