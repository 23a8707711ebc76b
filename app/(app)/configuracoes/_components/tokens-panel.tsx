"use client";
import { useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format/date-time";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { SecretBox } from "@/components/ui/secret-box";

interface TokenRow {
  id: number; name: string; role: string; prefix: string; createdAt: string;
  lastUsedAt: string | null; revokedAt: string | null; createdBy: string | null;
}

const ROLE: Record<string, string> = { AGENT: "Atendente (chatbot)", ADMIN: "Administrador", MANAGER: "Gestor" };

export function TokensPanel({ initial }: { initial: TokenRow[] }) {
  const [tokens, setTokens] = useState(initial);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revoking, setRevoking] = useState<TokenRow | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(null);
    const formEl = e.currentTarget;
    const form = new FormData(formEl);
    try {
      const body = await apiFetch<{ token: string; record: Omit<TokenRow, "lastUsedAt" | "revokedAt" | "createdBy"> }>("/api/v1/tokens", {
        method: "POST", json: { name: form.get("name"), role: form.get("role") },
      });
      setSecret(body.token);
      setTokens((t) => [{ ...body.record, lastUsedAt: null, revokedAt: null, createdBy: "você" }, ...t]);
      formEl.reset();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  async function revoke(token: TokenRow) {
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
      setTokens((t) => t.map((x) => (x.id === token.id ? { ...x, revokedAt: new Date().toISOString() } : x)));
      setRevoking(null);
    } catch (err) {
      setError(errorMessage(err));
      setRevoking(null);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3 space-y-4">
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">Nome<input name="name" required minLength={3} placeholder="Opa! Suite — bot"
          className="mt-1 block rounded border border-slate-300 px-2 py-1.5" /></label>
        <label className="block text-sm">Perfil<select name="role" defaultValue="AGENT" className="mt-1 block rounded border border-slate-300 px-2 py-1.5">
          <option value="AGENT">Atendente (chatbot)</option><option value="MANAGER">Gestor (leitura)</option><option value="ADMIN">Administrador</option>
        </select></label>
        <Button type="submit">Criar token</Button>
      </form>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {secret ? <SecretBox label="o token" secret={secret} testId="new-token" /> : null}
      <DataTable className="w-full text-sm">
        <thead className="text-left text-slate-500"><tr><th>Nome</th><th>Prefixo</th><th>Perfil</th><th>Criado</th><th>Último uso</th><th>Situação</th><th /></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-100">
              <td className="py-1.5">{t.name}</td><td><code>{t.prefix}…</code></td><td>{ROLE[t.role] ?? t.role}</td>
              <td>{formatDateTime(t.createdAt)}</td><td>{formatDateTime(t.lastUsedAt)}</td>
              <td>{t.revokedAt ? <span className="text-red-700">Revogado</span> : <span className="text-green-700">Ativo</span>}</td>
              <td>{t.revokedAt ? null : <button type="button" onClick={() => setRevoking(t)} className="text-red-700 underline">Revogar</button>}</td>
            </tr>
          ))}
          {tokens.length === 0 ? <tr><td colSpan={7} className="py-2 text-slate-500">Nenhum token criado.</td></tr> : null}
        </tbody>
      </DataTable>
      <ConfirmDialog open={revoking !== null} title={`Revogar o token “${revoking?.name ?? ""}”?`} confirmLabel="Revogar" confirmVariant="danger"
        busy={busy} onConfirm={() => revoking && void revoke(revoking)} onCancel={() => setRevoking(null)}>
        <p>Integrações que usam este token deixam de funcionar na hora. Esta ação não pode ser desfeita.</p>
      </ConfirmDialog>
    </div>
  );
}
