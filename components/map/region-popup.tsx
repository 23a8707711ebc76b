"use client";
// What hovering a region's building icon shows: number, subject, status, customers and logins inside,
// previsão, and for admins Executar (Aberta), Cancelar OS (Aberta or Em Execução) and Editar região.
// Executar and Cancelar first show what they will do — how many customers and logins, and the message
// that customers get — and act only on "Confirmar".
import { useEffect, useState } from "react";
import type { MapRegion } from "@/lib/orders/list-regions";
import type { OrderStatusValue } from "@/lib/validation/order";
import { StatusBadge } from "@/components/orders/status-badge";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { apiFetch } from "@/lib/api-client";
import { runOrderAction, type OrderAction } from "@/components/orders/order-actions";

interface RegionImpact {
  logins: number;
  customers: number;
  maintenanceMessage: string | null;
}

/** The popup's own buttons (map popups are small: compact, same look as the map's toolbar). */
const BUTTON = "rounded border border-slate-300 px-2 py-1 hover:bg-slate-100 disabled:opacity-50";

export function RegionPopup({
  region, canWrite, onStatusChanged, onEdit,
}: {
  region: MapRegion;
  canWrite: boolean;
  onStatusChanged: (orderId: number, status: OrderStatusValue) => void;
  onEdit: (orderId: number) => void;
}) {
  const [impact, setImpact] = useState<RegionImpact | null>(null);
  const [confirming, setConfirming] = useState<Exclude<OrderAction, "finalize"> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(function loadRegionImpact() {
    const controller = new AbortController();
    apiFetch<{ order: { loginsAffected: number; customersInRegion: number; subject: { maintenanceMessage: string | null } } }>(
      `/api/v1/service-orders/${region.orderId}`,
      { signal: controller.signal },
    )
      .then((b) => setImpact({ logins: b.order.loginsAffected, customers: b.order.customersInRegion, maintenanceMessage: b.order.subject.maintenanceMessage }))
      .catch(() => undefined); // the confirmation then shows no counts; the action itself still works
    return function abortRegionImpact() { controller.abort(); };
  }, [region.orderId, region.status]);

  async function run(action: Exclude<OrderAction, "finalize">) {
    setBusy(true);
    setError(null);
    try {
      onStatusChanged(region.orderId, await runOrderAction(region.orderId, action));
      setConfirming(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const active = region.status === "ABERTA" || region.status === "EM_EXECUCAO";
  return (
    <div className="min-w-56 max-w-72 space-y-1 text-sm" data-testid="region-popup">
      <div className="flex items-center justify-between gap-3">
        <a href={`/ordens/${region.orderId}`} className="font-semibold text-brand-700 underline">OS {region.number}</a>
        <StatusBadge status={region.status} />
      </div>
      <div className="text-slate-700">{region.subjectName}</div>
      <div className="break-words text-slate-500">{region.description}</div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
        <dt>Clientes na região:</dt><dd data-testid="popup-customers">{impact ? formatInteger(impact.customers) : "…"}</dd>
        <dt>Logins afetados:</dt><dd data-testid="popup-logins">{impact ? formatInteger(impact.logins) : "…"}</dd>
        <dt>Previsão:</dt><dd>{formatDateTime(region.expectedEndAt)}</dd>
      </dl>
      {error ? <p role="alert" className="text-red-700">{error}</p> : null}
      {canWrite && active && confirming ? (
        <ConfirmAction action={confirming} region={region} impact={impact} busy={busy} onConfirm={() => void run(confirming)} onBack={() => setConfirming(null)} />
      ) : canWrite && active ? (
        <div className="flex flex-wrap gap-2 pt-1">
          {region.status === "ABERTA" ? (
            <button type="button" onClick={() => setConfirming("execute")} className="rounded bg-violet-600 px-3 py-1 font-semibold text-white hover:bg-violet-700">
              Executar
            </button>
          ) : null}
          {region.status === "ABERTA" ? (
            <button type="button" onClick={() => onEdit(region.orderId)} className={BUTTON}>Editar região</button>
          ) : null}
          <button type="button" onClick={() => setConfirming("cancel")} className={`${BUTTON} text-red-700`}>Cancelar OS</button>
        </div>
      ) : null}
    </div>
  );
}

function ConfirmAction({ action, region, impact, busy, onConfirm, onBack }: {
  action: "execute" | "cancel";
  region: MapRegion;
  impact: RegionImpact | null;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const who = impact
    ? `${formatInteger(impact.customers)} cliente(s) com ${formatInteger(impact.logins)} login(s) dentro da região`
    : "os clientes dentro da região";
  return (
    <div role="group" aria-label={action === "execute" ? "Confirmar execução" : "Confirmar cancelamento"}
      className="space-y-1 rounded border border-slate-300 bg-slate-50 p-2" data-testid="confirm-action">
      {action === "execute" ? (
        <>
          <p className="font-semibold">Executar a OS {region.number}?</p>
          <p data-testid="confirm-impact">A partir de agora, {who} recebem automaticamente, quando procurarem o atendimento, a mensagem do assunto “{region.subjectName}”:</p>
          {impact?.maintenanceMessage ? (
            <p className="whitespace-pre-wrap break-words rounded bg-white p-1.5 text-slate-700" data-testid="confirm-message">{impact.maintenanceMessage}</p>
          ) : (
            <p className="text-amber-800" data-testid="confirm-message">O assunto não tem mensagem de retorno configurada: nenhuma mensagem será enviada.</p>
          )}
          <p className="text-xs text-slate-500">As integrações configuradas (webhook de OS) são avisadas do início.</p>
        </>
      ) : (
        <>
          <p className="font-semibold">Cancelar a OS {region.number}?</p>
          <p data-testid="confirm-impact">
            {region.status === "EM_EXECUCAO"
              ? `${impact ? who : "Os clientes dentro da região"} deixam de receber a mensagem de manutenção.`
              : `Nenhuma mensagem foi enviada: a OS ainda não está em execução (${who}).`}{" "}
            Esta ação não pode ser desfeita.
          </p>
        </>
      )}
      <div className="flex gap-2 pt-1">
        <button type="button" onClick={onConfirm} disabled={busy}
          className={action === "execute"
            ? "rounded bg-violet-600 px-3 py-1 font-semibold text-white hover:bg-violet-700 disabled:opacity-50"
            : "rounded bg-red-600 px-3 py-1 font-semibold text-white hover:bg-red-700 disabled:opacity-50"}>
          {busy ? "Aguarde…" : action === "execute" ? "Confirmar execução" : "Confirmar cancelamento"}
        </button>
        <button type="button" onClick={onBack} disabled={busy} className={BUTTON}>Voltar</button>
      </div>
    </div>
  );
}
