"use client";
// What hovering a region's building icon shows: number, subject, status, logins affected, previsão, and
// the Executar button (Aberta orders, admins only).
import { useEffect, useState } from "react";
import type { MapRegion } from "@/lib/orders/list-regions";
import type { OrderStatusValue } from "@/lib/validation/order";
import { StatusBadge } from "@/components/orders/status-badge";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { runOrderAction } from "@/components/orders/order-actions";

export function RegionPopup({
  region, canWrite, onStatusChanged, onEdit,
}: {
  region: MapRegion;
  canWrite: boolean;
  onStatusChanged: (orderId: number, status: OrderStatusValue) => void;
  onEdit: (orderId: number) => void;
}) {
  const [logins, setLogins] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(function loadLoginsAffected() {
    const controller = new AbortController();
    fetch(`/api/v1/service-orders/${region.orderId}`, { signal: controller.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((b: { order?: { loginsAffected: number } } | null) => { if (b?.order) setLogins(b.order.loginsAffected); })
      .catch(() => undefined);
    return function abortLoginsAffected() { controller.abort(); };
  }, [region.orderId, region.status]);

  async function execute() {
    setBusy(true);
    setError(null);
    try {
      onStatusChanged(region.orderId, await runOrderAction(region.orderId, "execute"));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="min-w-56 space-y-1 text-sm" data-testid="region-popup">
      <div className="flex items-center justify-between gap-3">
        <a href={`/ordens/${region.orderId}`} className="font-semibold text-brand-700 underline">OS {region.number}</a>
        <StatusBadge status={region.status} />
      </div>
      <div className="text-slate-700">{region.subjectName}</div>
      <div className="text-slate-500">{region.description}</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
        <dt>Logins afetados:</dt><dd data-testid="popup-logins">{logins === null ? "…" : formatInteger(logins)}</dd>
        <dt>Previsão:</dt><dd>{formatDateTime(region.expectedEndAt)}</dd>
      </dl>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
      {canWrite && region.status === "ABERTA" ? (
        <div className="flex gap-2 pt-1">
          <button type="button" onClick={execute} disabled={busy}
            className="rounded bg-violet-600 px-3 py-1 font-semibold text-white hover:bg-violet-700 disabled:opacity-50">
            {busy ? "Executando…" : "Executar"}
          </button>
          <button type="button" onClick={() => onEdit(region.orderId)} className="rounded border border-slate-300 px-2 py-1 hover:bg-slate-100">
            Editar região
          </button>
        </div>
      ) : null}
    </div>
  );
}
