"use client";
// "Criar OS para este equipamento": the OS de Estrutura for a CTO, PON or OLT (POST /api/v1/topology/orders).
// Its affected logins are exactly the element's; the server derives the region shown on the map.
import { useId, useState } from "react";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { fromDateTimeInput, toDateTimeInput } from "@/lib/format/date-time";
import { Button } from "@/components/ui/button";
import { DateTimeField, INPUT_CLASS } from "@/components/ui/field";
import type { SubjectOption } from "@/components/orders/order-form-dialog";
import type { ElementKind } from "@/lib/topology/topology-index";

export interface EquipmentTarget {
  kind: ElementKind;
  id: number;
  name: string;
  /** Pre-filled description (from a root-cause suggestion). */
  description?: string;
}

export interface CreatedEquipmentOrder {
  order: { id: number; number: number };
  loginCount: number;
  equipment: { name: string };
}

// Default previsão offered: 4 hours from now (a typical field repair), as the region form.
const DEFAULT_EXPECTED_HOURS = 4;

export function EquipmentOrderForm({ target, subjects, onCancel, onSaved }: {
  target: EquipmentTarget;
  subjects: SubjectOption[];
  onCancel: () => void;
  onSaved: (created: CreatedEquipmentOrder) => void;
}) {
  const titleId = useId();
  const defaultSubject = subjects.find((s) => s.isMaintenance) ?? subjects[0];
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setSaving(true);
    setError(null);
    try {
      const created = await apiFetch<CreatedEquipmentOrder>("/api/v1/topology/orders", {
        method: "POST",
        json: {
          element: { kind: target.kind, id: target.id },
          subjectId: Number(f.get("subjectId")) || undefined,
          description: String(f.get("description") ?? ""),
          expectedEndAt: fromDateTimeInput(String(f.get("expectedEndAt") ?? ""))?.toISOString() ?? null,
          responsible: String(f.get("responsible") ?? "") || null,
        },
      });
      onSaved(created);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div role="dialog" aria-labelledby={titleId} data-testid="equipment-order-form" className="space-y-2">
      <h2 id={titleId} className="font-semibold text-slate-900">Criar OS para este equipamento</h2>
      <p className="text-sm text-slate-600">{target.kind} {target.name}: os logins afetados serão exatamente os logins deste equipamento.</p>
      <form onSubmit={(e) => void save(e)} className="space-y-2">
        {subjects.length > 1 ? (
          <label className="block text-sm">Assunto
            <select name="subjectId" defaultValue={defaultSubject?.id} className={INPUT_CLASS}>
              {subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="block text-sm">Descrição
          <textarea name="description" required minLength={3} rows={2} defaultValue={target.description ?? `Falha na ${target.kind} ${target.name}`} className={INPUT_CLASS} />
        </label>
        <DateTimeField label="Previsão de normalização" name="expectedEndAt" defaultValue={toDateTimeInput(new Date(Date.now() + DEFAULT_EXPECTED_HOURS * 3_600_000))} />
        <label className="block text-sm">Responsável
          <input name="responsible" className={INPUT_CLASS} maxLength={120} />
        </label>
        {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={saving}>{saving ? "Criando…" : "Criar OS"}</Button>
          <Button type="button" variant="secondary" onClick={onCancel}>Cancelar</Button>
        </div>
      </form>
    </div>
  );
}
