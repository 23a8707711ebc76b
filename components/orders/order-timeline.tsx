"use client";
// The order's timeline (forecast changes, notes for customers, internal notes: who and when) and the form that
// adds a note. A note for customers re-notifies the region's customers; the POST carries an Idempotency-Key,
// so a retried submission writes one note.
import { useState } from "react";
import { apiFetch } from "@/lib/api-client";
import { formatDateTime } from "@/lib/format/date-time";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { useOrderRequest } from "./use-order-request";

export interface TimelineEntry {
  id: number;
  kind: "FORECAST" | "PUBLIC_NOTE" | "INTERNAL_NOTE";
  text: string | null;
  previousExpectedEndAt: string | null;
  expectedEndAt: string | null;
  createdAt: string;
  by: string | null;
}

const KIND_LABEL: Record<TimelineEntry["kind"], string> = {
  FORECAST: "Previsão alterada",
  PUBLIC_NOTE: "Para os clientes",
  INTERNAL_NOTE: "Nota interna",
};
const KIND_STYLE: Record<TimelineEntry["kind"], string> = {
  FORECAST: "bg-slate-100 text-slate-800",
  PUBLIC_NOTE: "bg-brand-50 text-brand-700",
  INTERNAL_NOTE: "bg-amber-50 text-amber-900",
};

const newKey = () => (typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

export function OrderTimeline({ orderId, entries, canWrite, canNotify }: { orderId: number; entries: TimelineEntry[]; canWrite: boolean; canNotify: boolean }) {
  const { busy, error, run } = useOrderRequest();
  const [key, setKey] = useState(newKey);

  async function add(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const ok = await run(async () => {
      await apiFetch(`/api/v1/service-orders/${orderId}/updates`, {
        method: "POST", headers: { "idempotency-key": key }, json: { kind: f.get("kind"), text: String(f.get("text") ?? "") },
      });
    });
    if (ok) {
      form.reset();
      setKey(newKey()); // the next note is a new request; a retry of this one reuses the key
    }
  }

  return (
    <section aria-labelledby="timeline-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="timeline-title" className="text-lg font-semibold">Linha do tempo</h2>
      {canWrite ? (
        <form onSubmit={add} className="mt-3 space-y-2">
          <label className="block text-sm">Atualização
            <textarea name="text" required minLength={3} maxLength={1000} rows={2} className={INPUT_CLASS} placeholder="O que mudou na manutenção" />
          </label>
          <div className="flex flex-wrap items-end gap-3">
            <label className="text-sm">Tipo
              <select name="kind" defaultValue={canNotify ? "PUBLIC_NOTE" : "INTERNAL_NOTE"} className={INPUT_CLASS}>
                {canNotify ? <option value="PUBLIC_NOTE">Para os clientes (avisa a região)</option> : null}
                <option value="INTERNAL_NOTE">Nota interna (só a equipe)</option>
              </select>
            </label>
            <Button type="submit" disabled={busy}>{busy ? "Publicando…" : "Publicar"}</Button>
          </div>
          {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
        </form>
      ) : null}
      {entries.length === 0 ? <p className="mt-3 text-sm text-slate-600">Nenhuma atualização ainda.</p> : (
        <ol data-testid="order-timeline" className="mt-3 space-y-2">
          {entries.map((u) => (
            <li key={u.id} data-kind={u.kind} className="min-w-0 border-t border-slate-100 pt-2 text-sm">
              <div className="flex flex-wrap items-center gap-2 text-slate-600">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${KIND_STYLE[u.kind]}`}>{KIND_LABEL[u.kind]}</span>
                <span className="whitespace-nowrap">{formatDateTime(u.createdAt)}</span>
                <span>· {u.by ?? "Raio (automático)"}</span>
              </div>
              <p className="mt-1 break-words text-slate-800">
                {u.kind === "FORECAST"
                  ? `Previsão de término: ${u.previousExpectedEndAt ? formatDateTime(u.previousExpectedEndAt) : "sem previsão"} → ${u.expectedEndAt ? formatDateTime(u.expectedEndAt) : "sem previsão"}`
                  : u.text}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
