"use client";
// Plans or re-plans an Aberta order's window (PUT /api/v1/service-orders/{id}/schedule). The server's warnings
// (short notice, outside the low-use window, overlap with other work on the area) are shown, never blocking.
import { useState } from "react";
import { apiFetch } from "@/lib/api-client";
import { fromDateTimeInput, toDateTimeInput } from "@/lib/format/date-time";
import { Button } from "@/components/ui/button";
import { DateTimeField } from "@/components/ui/field";
import { useOrderRequest } from "./use-order-request";

interface Scheduled { warnings: { code: string; message: string }[] }

export function ScheduleOrderForm({ orderId, scheduledStartAt, expectedEndAt }: { orderId: number; scheduledStartAt: string | null; expectedEndAt: string | null }) {
  const { busy, error, run } = useOrderRequest();
  const [saved, setSaved] = useState<Scheduled | null>(null);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const local = (name: string) => fromDateTimeInput(String(f.get(name) ?? ""))?.toISOString() ?? null;
    setSaved(null);
    await run(async () => {
      setSaved(await apiFetch<Scheduled>(`/api/v1/service-orders/${orderId}/schedule`, {
        method: "PUT", json: { scheduledStartAt: local("scheduledStartAt"), expectedEndAt: local("expectedEndAt") },
      }));
    });
  }

  return (
    <section aria-labelledby="schedule-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="schedule-title" className="text-lg font-semibold">{scheduledStartAt ? "Reprogramar manutenção" : "Programar manutenção"}</h2>
      <p className="mt-1 text-sm text-slate-600">
        A OS entra em execução sozinha no início previsto; os clientes da região recebem o aviso de manutenção programada
        (de novo, se o início mudar). Executar antes continua possível.
      </p>
      <form onSubmit={save} className="mt-3 grid grid-cols-1 items-end gap-3 sm:grid-cols-3">
        <DateTimeField label="Início previsto" name="scheduledStartAt" required defaultValue={scheduledStartAt ? toDateTimeInput(new Date(scheduledStartAt)) : ""} />
        <DateTimeField label="Previsão de término" name="expectedEndAt" defaultValue={expectedEndAt ? toDateTimeInput(new Date(expectedEndAt)) : ""} />
        <div><Button type="submit" disabled={busy}>{busy ? "Salvando…" : scheduledStartAt ? "Reprogramar" : "Programar"}</Button></div>
      </form>
      {error ? <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
      {saved ? (
        <div role="status" data-testid="schedule-result" className={`mt-3 rounded border p-2 text-sm ${saved.warnings.length ? "border-amber-300 bg-amber-50 text-amber-900" : "border-green-300 bg-green-50 text-green-800"}`}>
          {saved.warnings.length === 0 ? "Programação salva." : (
            <>
              <p className="font-semibold">Programação salva, com avisos:</p>
              <ul className="list-disc pl-5">{saved.warnings.map((w) => <li key={w.code + w.message} data-code={w.code}>{w.message}</li>)}</ul>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
