"use client";
import { useEffect, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

interface SubjectRow {
  id: number; name: string; maintenanceMessage: string | null; isMaintenance: boolean;
  discountRule: "ANATEL_RQUAL" | "IXC" | null; retired: boolean; orders: number;
}

const EMPTY: Omit<SubjectRow, "id" | "retired" | "orders"> = { name: "", maintenanceMessage: "", isMaintenance: true, discountRule: null };

export function SubjectsEditor({ initial, variables }: { initial: SubjectRow[]; variables: Record<string, string> }) {
  const [subjects, setSubjects] = useState(initial);
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [draft, setDraft] = useState(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ text: string; customer: { name: string } } | null>(null);

  // Preview rendered by the server for a real customer, refreshed as the message is typed.
  useEffect(() => {
    if (editing === null || !draft.maintenanceMessage) return setPreview(null);
    const handle = setTimeout(async () => {
      // A preview that fails (a half-typed {{variável}}) just leaves the last one on screen.
      await apiFetch<{ text: string; customer: { name: string } }>("/api/v1/subjects/preview", {
        method: "POST", json: { message: draft.maintenanceMessage, subjectName: draft.name || "Manutenção" },
      }).then(setPreview, () => undefined);
    }, 250);
    return () => clearTimeout(handle);
  }, [editing, draft.maintenanceMessage, draft.name]);

  function startEdit(s: SubjectRow | null) {
    setError(null);
    setEditing(s ? s.id : "new");
    setDraft(s ? { name: s.name, maintenanceMessage: s.maintenanceMessage ?? "", isMaintenance: s.isMaintenance, discountRule: s.discountRule } : EMPTY);
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const isNew = editing === "new";
    let s: { id: number; name: string; maintenanceMessage: string | null; isMaintenance: boolean; discountRule: SubjectRow["discountRule"]; retiredAt: string | null };
    try {
      ({ subject: s } = await apiFetch<{ subject: typeof s }>(isNew ? "/api/v1/subjects" : `/api/v1/subjects/${editing}`, { method: isNew ? "POST" : "PATCH", json: draft }));
    } catch (err) {
      return setError(errorMessage(err));
    }
    const row: SubjectRow = { id: s.id, name: s.name, maintenanceMessage: s.maintenanceMessage, isMaintenance: s.isMaintenance, discountRule: s.discountRule, retired: s.retiredAt !== null, orders: subjects.find((x) => x.id === s.id)?.orders ?? 0 };
    setSubjects((list) => (isNew ? [...list, row] : list.map((x) => (x.id === row.id ? row : x))));
    setEditing(null);
  }

  async function toggleRetired(s: SubjectRow) {
    setError(null);
    try {
      await apiFetch(`/api/v1/subjects/${s.id}`, { method: "PATCH", json: { retired: !s.retired } });
      setSubjects((list) => list.map((x) => (x.id === s.id ? { ...x, retired: !s.retired } : x)));
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const input = INPUT_CLASS;
  return (
    <div className="mt-4 space-y-4">
      <Button onClick={() => startEdit(null)}>Novo assunto</Button>
      {error && editing === null ? <Notice tone="error">{error}</Notice> : null}
      {editing !== null ? (
        <form onSubmit={save} aria-label="Editar assunto" className="space-y-3 rounded-lg border border-brand-100 bg-white p-4">
          <label className="block text-sm">Nome<input className={input} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required /></label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={draft.isMaintenance} onChange={(e) => setDraft({ ...draft, isMaintenance: e.target.checked })} />
            Assunto de manutenção em massa
          </label>
          <label className="block text-sm">Mensagem de Retorno de OS de Manutenção em Massa
            <textarea className={`${input} h-28`} value={draft.maintenanceMessage ?? ""} onChange={(e) => setDraft({ ...draft, maintenanceMessage: e.target.value })} />
          </label>
          <p className="text-xs text-slate-500">
            Variáveis: {Object.entries(variables).map(([k, v]) => <code key={k} title={v} className="mr-2">{`{{${k}}}`}</code>)} e as variáveis de diagnóstico.
          </p>
          <label className="block text-sm">Regra de desconto
            <select className={input} value={draft.discountRule ?? ""} onChange={(e) => setDraft({ ...draft, discountRule: (e.target.value || null) as SubjectRow["discountRule"] })}>
              <option value="">A das configurações</option><option value="ANATEL_RQUAL">Anatel RQUAL</option><option value="IXC">Regra do IXC</option>
            </select>
          </label>
          {preview ? (
            <div data-testid="subject-preview" className="rounded bg-slate-50 p-3 text-sm">
              <p className="text-xs text-slate-500">Prévia para {preview.customer.name}:</p>
              <p className="whitespace-pre-wrap">{preview.text}</p>
            </div>
          ) : null}
          {error ? <Notice tone="error">{error}</Notice> : null}
          <div className="flex gap-2">
            <Button type="submit">Salvar</Button>
            <Button variant="secondary" onClick={() => setEditing(null)}>Cancelar</Button>
          </div>
        </form>
      ) : null}
      <DataTable className="w-full rounded-lg bg-white text-sm shadow-sm">
        <thead className="text-left text-slate-500"><tr><th className="p-2">Assunto</th><th>Mensagem de manutenção</th><th>OS</th><th>Situação</th><th /></tr></thead>
        <tbody>
          {subjects.map((s) => (
            <tr key={s.id} className={`border-t border-slate-100 ${s.retired ? "text-slate-400" : ""}`}>
              <td className="p-2 font-medium">{s.name}{s.isMaintenance ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-800">manutenção</span> : null}</td>
              <td className="max-w-md truncate" title={s.maintenanceMessage ?? ""}>{s.maintenanceMessage ?? "—"}</td>
              <td className="tabular-nums">{s.orders}</td>
              <td>{s.retired ? "Aposentado" : "Em uso"}</td>
              <td className="space-x-2 whitespace-nowrap p-2 text-right">
                <button type="button" onClick={() => startEdit(s)} className="text-brand-600 underline">Editar</button>
                <button type="button" onClick={() => toggleRetired(s)} className="text-slate-600 underline">{s.retired ? "Reativar" : "Aposentar"}</button>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
