"use client";
// "Notificações": the order's notices to customers, live (polled every few seconds while any is pending):
// progress bar, counts per status, rows per customer and channel with the channel's answer, paging, CSV and
// "Reenviar falhas".
import { useCallback, useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { Pager } from "@/components/ui/pager";
import { CHANNEL_LABELS, EVENT_LABELS } from "@/lib/notifications/notification-events";
import { NOTIFICATION_STATUS_LABELS } from "@/lib/notifications/notification-status-labels";
import type { NotificationChannel, NotificationEvent, NotificationStatus } from "@/lib/db/generated/enums";
import { DataTable } from "@/components/ui/data-table";

interface Row {
  id: number; event: NotificationEvent; channel: NotificationChannel; status: NotificationStatus; address: string | null; answer: string | null;
  attempts: number; sentAt: string | null; updatedAt: string; customerId: number; customerName: string;
}
interface Data {
  counts: Record<NotificationStatus, number> & { total: number; done: number };
  total: number; page: number; pageSize: number; rows: Row[];
}

/** Polling while notices are pending (and a slower refresh once all are done: a retry may start). */
const LIVE_POLL_MS = 3_000;
const IDLE_POLL_MS = 30_000;
const STATUS_CLASS: Record<NotificationStatus, string> = {
  QUEUED: "text-slate-600", SENDING: "text-sky-700", SENT: "text-green-700", FAILED: "text-red-700", SKIPPED: "text-amber-700",
};
const FILTERS: (NotificationStatus | "")[] = ["", "QUEUED", "SENT", "FAILED", "SKIPPED"];

export function OrderNotificationsTab({ orderId, canRetry }: { orderId: number; canRetry: boolean }) {
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<NotificationStatus | "">("");
  const [data, setData] = useState<Data | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const query = `page=${page}${status ? `&status=${status}` : ""}`;

  const load = useCallback(async () => {
    const res = await fetch(`/api/v1/service-orders/${orderId}/notifications?${query}`, { cache: "no-store" }).catch(() => null);
    if (res?.ok) setData(await res.json());
  }, [orderId, query]);

  // Named effect: live polling of the notices (faster while some are still queued or sending).
  const pending = data ? data.counts.total - data.counts.done : 1;
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), pending > 0 ? LIVE_POLL_MS : IDLE_POLL_MS);
    return () => clearInterval(timer);
  }, [load, pending]);

  async function retry() {
    setBusy(true);
    setMessage(null);
    const res = await fetch(`/api/v1/service-orders/${orderId}/notifications/retry`, { method: "POST" }).catch(() => null);
    const body = await res?.json().catch(() => null);
    setBusy(false);
    setMessage(res?.ok ? { ok: true, text: `${formatInteger(body.requeued)} aviso(s) de volta à fila.` } : { ok: false, text: body?.error?.message ?? "Não foi possível reenviar." });
    void load();
  }

  if (!data) return <p className="text-sm text-slate-500">Carregando…</p>;
  const { counts } = data;
  const percent = counts.total === 0 ? 0 : Math.round((counts.done / counts.total) * 100);
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const button = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50";
  return (
    <div className="space-y-3" data-testid="order-notifications">
      {counts.total === 0 ? (
        <p className="text-sm text-slate-600">Nenhum aviso para esta OS. Os avisos de cada evento são escolhidos no assunto (<a href="/assuntos" className="text-brand-700 underline">Assuntos</a>).</p>
      ) : (
        <>
          <div>
            <div className="flex justify-between text-sm text-slate-600">
              <span>{formatInteger(counts.done)} de {formatInteger(counts.total)} aviso(s) concluído(s)</span><span>{percent}%</span>
            </div>
            <div role="progressbar" aria-label="Progresso dos avisos" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="mt-1 h-2 rounded bg-slate-200">
              <div className="h-2 rounded bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
            </div>
          </div>
          <dl className="flex flex-wrap gap-4 text-sm" data-testid="notification-counts">
            {(["QUEUED", "SENT", "FAILED", "SKIPPED"] as const).map((s) => (
              <div key={s}><dt className="inline text-slate-500">{NOTIFICATION_STATUS_LABELS[s]}: </dt><dd className={`inline font-semibold ${STATUS_CLASS[s]}`} data-status={s}>{formatInteger(counts[s] + (s === "QUEUED" ? counts.SENDING : 0))}</dd></div>
            ))}
          </dl>
        </>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm">Situação{" "}
          <select value={status} onChange={(e) => { setStatus(e.target.value as NotificationStatus | ""); setPage(1); }} className="rounded border border-slate-300 px-2 py-1">
            {FILTERS.map((f) => <option key={f} value={f}>{f ? NOTIFICATION_STATUS_LABELS[f] : "Todas"}</option>)}
          </select>
        </label>
        <a className={button} href={`/api/v1/service-orders/${orderId}/notifications?format=csv${status ? `&status=${status}` : ""}`}>Exportar CSV</a>
        {canRetry && counts.FAILED > 0 ? <button type="button" className={button} disabled={busy} onClick={() => void retry()}>Reenviar falhas ({formatInteger(counts.FAILED)})</button> : null}
        {message ? <span role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>{message.text}</span> : null}
      </div>
      <DataTable>
        <thead className="text-left text-slate-500"><tr><th className="p-1.5">Cliente</th><th>Evento</th><th>Canal</th><th>Destino</th><th>Situação</th><th>Resposta do canal</th><th>Atualizado</th></tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top" data-testid="notification-row">
              <td className="p-1.5"><a className="text-brand-600 underline" href={`/clientes/${r.customerId}`}>{r.customerName}</a></td>
              <td>{EVENT_LABELS[r.event]}</td>
              <td>{CHANNEL_LABELS[r.channel]}</td>
              <td>{r.address ?? "—"}</td>
              <td className={STATUS_CLASS[r.status]}>{NOTIFICATION_STATUS_LABELS[r.status]}{r.attempts > 1 ? ` (${r.attempts} tentativas)` : ""}</td>
              <td className="max-w-sm break-words">{r.answer ?? "—"}</td>
              <td className="whitespace-nowrap">{formatDateTime(r.sentAt ?? r.updatedAt)}</td>
            </tr>
          ))}
          {data.rows.length === 0 && counts.total > 0 ? <tr><td colSpan={7} className="p-3 text-slate-500">Nenhum aviso nesta situação.</td></tr> : null}
        </tbody>
      </DataTable>
      <Pager page={page} pages={pages} onPage={setPage} label="Páginas de avisos" />
    </div>
  );
}
