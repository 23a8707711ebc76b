// One colour and one label per order status, shared by the map layers, the badges and the lists.
import { ORDER_STATUS_LABEL, type OrderStatusValue } from "@/lib/validation/order";

export const STATUS_COLOR: Record<OrderStatusValue, string> = {
  ABERTA: "#d97706", // amber: planned, nobody notified yet
  EM_EXECUCAO: "#7c3aed", // violet: customers inside get the maintenance message
  FINALIZADA: "#2563eb", // blue: closed, kept for history and discounts
  CANCELADA: "#64748b", // slate: dropped
};

export const STATUS_BADGE_CLASS: Record<OrderStatusValue, string> = {
  ABERTA: "bg-amber-100 text-amber-800 ring-amber-300",
  EM_EXECUCAO: "bg-violet-100 text-violet-800 ring-violet-300",
  FINALIZADA: "bg-blue-100 text-blue-800 ring-blue-300",
  CANCELADA: "bg-slate-100 text-slate-700 ring-slate-300",
};

export { ORDER_STATUS_LABEL };
