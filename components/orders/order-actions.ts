// The transitions as buttons: which ones an order in a status offers, and the call behind each.
import type { OrderStatusValue } from "@/lib/validation/order";
import type { OrderAction } from "@/lib/orders/order-life-cycle";

// Which actions a status offers comes from the one life cycle (lib/orders/order-life-cycle.ts).
export { ACTIONS_BY_STATUS, type OrderAction } from "@/lib/orders/order-life-cycle";

export const ACTION_LABEL: Record<OrderAction, string> = { execute: "Executar", finalize: "Finalizar", cancel: "Cancelar OS" };

/** Calls the transition; resolves to the new status or throws an Error with the API's Portuguese message. */
export async function runOrderAction(orderId: number, action: OrderAction, note?: string): Promise<OrderStatusValue> {
  const res = await fetch(`/api/v1/service-orders/${orderId}/${action}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(note ? { note } : {}),
  });
  const body = (await res.json().catch(() => null)) as { order?: { status: OrderStatusValue }; error?: { message: string } } | null;
  if (!res.ok || !body?.order) throw new Error(body?.error?.message ?? `Falha (${res.status}).`);
  return body.order.status;
}
