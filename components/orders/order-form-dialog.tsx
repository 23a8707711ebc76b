"use client";
// The structural service order form that opens as soon as a region is closed on the map.
// The polygon was already checked in the browser with the server's own validatePolygon; the API checks again.
import { useId, useState } from "react";
import type { PolygonGeometry } from "@/lib/geo/types";
import { fromDateTimeInput, toDateTimeInput } from "@/lib/format/date-time";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { DateTimeField, INPUT_CLASS } from "@/components/ui/field";
import { formatArea, formatInteger } from "@/lib/format/number";

export interface SubjectOption {
  id: number;
  name: string;
  isMaintenance: boolean;
}

export interface DrawnRegion {
  /** Normalized geometry when the polygon is valid. */
  geometry: PolygonGeometry | null;
  /** Portuguese reason when it is not. */
  error: string | null;
  areaM2: number;
  vertexCount: number;
  /** null while the server counts. */
  loginsInside: number | null;
  overlaps: string[];
  /** The outage suggestion the region came from ("Criar região"): sent, so the server refuses a duplicate order. */
  fromSuggestion?: { offlineLoginIds: number[]; summary: string } | null;
}

export interface CreatedOrder {
  order: { id: number; number: number };
  warnings: { message: string }[];
}

// Default previsão offered: 4 hours from now (a typical field repair).
const DEFAULT_EXPECTED_HOURS = 4;

export function OrderFormDialog({
  region, subjects, onCancel, onSaved,
}: {
  region: DrawnRegion;
  subjects: SubjectOption[];
  onCancel: () => void;
  onSaved: (created: CreatedOrder) => void;
}) {
  const titleId = useId();
  const defaultSubject = subjects.find((s) => s.isMaintenance) ?? subjects[0];
  const [planned, setPlanned] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(region.error);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!region.geometry) return;
    const f = new FormData(e.currentTarget);
    // The inputs show the ISP's wall clock: read them back in its zone, not the browser's.
    const local = (name: string) => fromDateTimeInput(String(f.get(name) ?? ""))?.toISOString() ?? null;
    setSaving(true);
    setError(null);
    try {
      const created = await apiFetch<CreatedOrder>("/api/v1/regions", {
        method: "POST",
        json: {
          region: { type: "Feature", properties: {}, geometry: region.geometry },
          subjectId: Number(f.get("subjectId")) || undefined,
          description: String(f.get("description") ?? ""),
          expectedEndAt: local("expectedEndAt"),
          responsible: String(f.get("responsible") ?? ""),
          planned,
          announcedAt: planned ? local("announcedAt") : null,
          // Planned work with a start: the order starts by itself then, and customers get the planned notice.
          scheduledStartAt: planned ? local("scheduledStartAt") : null,
          fromSuggestion: region.fromSuggestion ? { offlineLoginIds: region.fromSuggestion.offlineLoginIds } : undefined,
        },
      });
      onSaved(created);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  const input = INPUT_CLASS;
  return (
    <div className="fixed inset-0 z-[1000] flex items-center justify-center bg-slate-900/30 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="w-full max-w-lg rounded-lg bg-white p-5 shadow-xl">
        <h2 id={titleId} className="text-lg font-semibold">Nova OS de Estrutura</h2>
        <p className="mt-1 text-sm text-slate-600" data-testid="drawn-summary">
          Região com {region.vertexCount} vértices
          {region.areaM2 > 0 ? <>, {formatArea(region.areaM2)}</> : null} ·{" "}
          <strong>{region.loginsInside === null ? "…" : formatInteger(region.loginsInside)}</strong> logins dentro (online e offline)
        </p>
        {region.fromSuggestion ? <p className="mt-1 text-xs text-slate-600" data-testid="drawn-suggestion">{region.fromSuggestion.summary}</p> : null}
        {region.overlaps.length > 0 ? (
          <div role="status" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
            <p className="font-semibold">Atenção: sobreposição com outra OS</p>
            <ul className="list-disc pl-5">{region.overlaps.map((m) => <li key={m}>{m}</li>)}</ul>
          </div>
        ) : null}
        {error ? <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
        <form onSubmit={save} className="mt-3 space-y-3">
          <label className="block text-sm">Assunto
            <select name="subjectId" defaultValue={defaultSubject?.id} className={input}>
              {subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <label className="block text-sm">Descrição
            <textarea name="description" required minLength={3} maxLength={2000} rows={3} className={input} placeholder="O que aconteceu e o que será feito" />
          </label>
          <div className="grid grid-cols-2 gap-3">
            <DateTimeField label="Previsão de término" name="expectedEndAt"
              defaultValue={toDateTimeInput(new Date(Date.now() + DEFAULT_EXPECTED_HOURS * 3_600_000))} />
            <label className="block text-sm">Responsável
              <input name="responsible" maxLength={120} className={input} placeholder="Equipe ou técnico" />
            </label>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={planned} onChange={(e) => setPlanned(e.target.checked)} />
            Interrupção programada (avisada aos clientes)
          </label>
          {planned ? (
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
              <DateTimeField label="Início previsto (a OS inicia sozinha)" name="scheduledStartAt" />
              <DateTimeField label="Aviso dado fora do Raio em (opcional)" name="announcedAt" />
              <p className="text-xs text-slate-600 sm:col-span-2">
                Com início previsto, os clientes da região recebem o aviso de manutenção programada; só quem for avisado com a
                antecedência mínima (72 h) fica sem ressarcimento. Um aviso dado fora do Raio (carta, site) vale para todos.
                Sem início previsto, a OS inicia pelo botão Executar.
              </p>
            </div>
          ) : null}
          <div className="flex justify-end gap-2 pt-2">
            <Button variant="secondary" onClick={onCancel}>Cancelar</Button>
            <Button type="submit" disabled={!region.geometry || saving}>{saving ? "Salvando…" : "Salvar"}</Button>
          </div>
        </form>
      </div>
    </div>
  );
}
