"use client";
// The transitions an order allows now, as buttons (admins only; the API checks again).
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { OrderStatusValue } from "@/lib/validation/order";
import { ACTION_LABEL, ACTIONS_BY_STATUS, runOrderAction, type OrderAction } from "./order-actions";

const CONFIRM: Record<OrderAction, string | null> = {
  execute: null,
  finalize: "Finalizar a OS? As notificações aos clientes da região param.",
  cancel: "Cancelar a OS? Esta ação não pode ser desfeita.",
};

export function OrderActionButtons({ orderId, status, exclude = [] }: { orderId: number; status: OrderStatusValue; exclude?: OrderAction[] }) {
  const router = useRouter();
  const [busy, setBusy] = useState<OrderAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const actions = ACTIONS_BY_STATUS[status].filter((a) => !exclude.includes(a));
  if (actions.length === 0) return null;

  async function run(action: OrderAction) {
    const question = CONFIRM[action];
    if (question && !window.confirm(question)) return;
    setBusy(action);
    setError(null);
    try {
      await runOrderAction(orderId, action);
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
      router.refresh();
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((a) => (
        <button key={a} type="button" disabled={busy !== null} onClick={() => void run(a)}
          className={a === "cancel"
            ? "rounded border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50 disabled:opacity-50"
            : "rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-50"}>
          {busy === a ? "Aguarde…" : ACTION_LABEL[a]}
        </button>
      ))}
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
