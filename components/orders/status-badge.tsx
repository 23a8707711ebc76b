import type { OrderStatusValue } from "@/lib/validation/order";
import { ORDER_STATUS_LABEL, STATUS_BADGE_CLASS } from "./status-style";

export function StatusBadge({ status }: { status: OrderStatusValue }) {
  return (
    <span data-testid="order-status" className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATUS_BADGE_CLASS[status]}`}>
      {ORDER_STATUS_LABEL[status]}
    </span>
  );
}
