"use client";
import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format/date-time";

interface TokenRow {
  id: number; name: string; role: string; prefix: string; createdAt: string;
  lastUsedAt: string | null; revokedAt: string | null; createdBy: string | null;
}

const ROLE: Record<string, string> = { AGENT: "Atendente (chatbot)", ADMIN: "Administrador", MANAGER: "Gestor" };

export function TokensPanel({ initial }: { initial: TokenRow[] }) {
  const [tokens, setTokens] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await fetch("/api/v1/tokens", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: form.get("name"), role: form.get("role") }),
    });
    const body = await res.json();
    if (!res.ok) return setError(body.error?.message ?? "Falha ao criar o token.");
    setSecret(body.token);
    setTokens((t) => [{ ...body.record, lastUsedAt: null, revokedAt: null, createdBy: "você" }, ...t]);
    e.currentTarget.reset();
  }

  async function revoke(id: number) {
    if (!window.confirm("Revogar este token? Integrações que o usam deixam de funcionar na hora.")) return;
    const res = await fetch(`/api/v1/tokens/${id}`, { method: "DELETE" });
    if (res.ok) setTokens((t) => t.map((x) => (x.id === id ? { ...x, revokedAt: new Date().toISOString() } : x)));
  }

  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">Nome<input name="name" required minLength={3} placeholder="Opa! Suite — bot"
          className="mt-1 block rounded border border-slate-300 px-2 py-1.5" /></label>
        <label className="block text-sm">Perfil<select name="role" defaultValue="AGENT" className="mt-1 block rounded border border-slate-300 px-2 py-1.5">
          <option value="AGENT">Atendente (chatbot)</option><option value="MANAGER">Gestor (leitura)</option><option value="ADMIN">Administrador</option>
        </select></label>
        <button className="rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700">Criar token</button>
      </form>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {secret ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Copie o token agora: ele não será mostrado de novo.</p>
          <code data-testid="new-token" className="mt-1 block break-all">{secret}</code>
        </div>
      ) : null}
      <DataTable className="w-full text-sm">
        <thead className="text-left text-slate-500"><tr><th>Nome</th><th>Prefixo</th><th>Perfil</th><th>Criado</th><th>Último uso</th><th>Situação</th><th /></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-100">
              <td className="py-1.5">{t.name}</td><td><code>{t.prefix}…</code></td><td>{ROLE[t.role] ?? t.role}</td>
              <td>{formatDateTime(t.createdAt)}</td><td>{formatDateTime(t.lastUsedAt)}</td>
              <td>{t.revokedAt ? <span className="text-red-700">Revogado</span> : <span className="text-green-700">Ativo</span>}</td>
              <td>{t.revokedAt ? null : <button onClick={() => revoke(t.id)} className="text-red-700 underline">Revogar</button>}</td>
            </tr>
          ))}
          {tokens.length === 0 ? <tr><td colSpan={7} className="py-2 text-slate-500">Nenhum token criado.</td></tr> : null}
        </tbody>
      </DataTable>
    </div>
  );
}
