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
  id: number; name: string; role: string; prefix: string; rateLimitPerMin: number | null; createdAt: string;
  lastUsedAt: string | null; revokedAt: string | null; createdBy: string | null;
}

const NUMBER = new Intl.NumberFormat("pt-BR");

/** "padrão (1.200)", "sem limite" or "5.000". */
function limitLabel(limit: number | null, defaultLimit: number): string {
  if (limit === null) return defaultLimit === 0 ? "padrão (sem limite)" : `padrão (${NUMBER.format(defaultLimit)})`;
  return limit === 0 ? "sem limite" : NUMBER.format(limit);
}

/** The limit field's text as the API wants it: empty = null (the default), else a number (validated by the API). */
function limitValue(text: FormDataEntryValue | null): number | null {
  const t = String(text ?? "").trim();
  return t === "" ? null : Number(t);
}

const ROLE: Record<string, string> = { AGENT: "Atendente (chatbot)", ADMIN: "Administrador", MANAGER: "Gestor" };

export function TokensPanel({ initial, defaultLimit }: { initial: TokenRow[]; /** RAIO_API_RATE_LIMIT_PER_MIN */ defaultLimit: number }) {
  const [tokens, setTokens] = useState(initial);
  const [limiting, setLimiting] = useState<TokenRow | null>(null);
  const [limitText, setLimitText] = useState("");
  const [limitError, setLimitError] = useState<string | null>(null);
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
        method: "POST", json: { name: form.get("name"), role: form.get("role"), rateLimitPerMin: limitValue(form.get("rateLimitPerMin")) },
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

  function openLimit(token: TokenRow) {
    setLimitError(null);
    setLimitText(token.rateLimitPerMin === null ? "" : String(token.rateLimitPerMin));
    setLimiting(token);
  }

  async function saveLimit(token: TokenRow) {
    setBusy(true);
    setLimitError(null);
    try {
      const body = await apiFetch<{ rateLimitPerMin: number | null }>(`/api/v1/tokens/${token.id}`, { method: "PATCH", json: { rateLimitPerMin: limitValue(limitText) } });
      setTokens((t) => t.map((x) => (x.id === token.id ? { ...x, rateLimitPerMin: body.rateLimitPerMin } : x)));
      setLimiting(null);
    } catch (err) {
      setLimitError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="mt-3 space-y-4">
      <p className="text-sm text-slate-600">
        Cada token tem um limite de requisições por minuto em cada processo do servidor; acima dele a API responde 429.
        Sem limite próprio vale o padrão do servidor: {defaultLimit === 0 ? "sem limite" : `${NUMBER.format(defaultLimit)} por minuto`}{" "}
        (<code>RAIO_API_RATE_LIMIT_PER_MIN</code>). Dê ao token do chatbot um limite que caiba numa queda grande: todos os
        clientes da região procuram o atendimento ao mesmo tempo.
      </p>
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <label className="block text-sm">Nome<input name="name" required minLength={3} placeholder="Opa! Suite — bot"
          className="mt-1 block rounded border border-slate-300 px-2 py-1.5" /></label>
        <label className="block text-sm">Perfil<select name="role" defaultValue="AGENT" className="mt-1 block rounded border border-slate-300 px-2 py-1.5">
          <option value="AGENT">Atendente (chatbot)</option><option value="MANAGER">Gestor (leitura)</option><option value="ADMIN">Administrador</option>
        </select></label>
        <label className="block text-sm">Limite por minuto<input name="rateLimitPerMin" type="number" min={0} max={1_000_000} step={1}
          placeholder={`padrão: ${defaultLimit === 0 ? "sem limite" : NUMBER.format(defaultLimit)}`} aria-describedby="token-limit-help"
          className="mt-1 block w-36 rounded border border-slate-300 px-2 py-1.5" /></label>
        <span id="token-limit-help" className="pb-2 text-xs text-slate-500">vazio = padrão · 0 = sem limite</span>
        <Button type="submit">Criar token</Button>
      </form>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {secret ? <SecretBox label="o token" secret={secret} testId="new-token" /> : null}
      <DataTable className="w-full text-sm">
        <thead className="text-left text-slate-500"><tr><th>Nome</th><th>Prefixo</th><th>Perfil</th><th>Limite/min</th><th>Criado</th><th>Último uso</th><th>Situação</th><th /></tr></thead>
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} className="border-t border-slate-100">
              <td className="py-1.5">{t.name}</td><td><code>{t.prefix}…</code></td><td>{ROLE[t.role] ?? t.role}</td>
              <td data-testid="token-limit">{limitLabel(t.rateLimitPerMin, defaultLimit)}</td>
              <td>{formatDateTime(t.createdAt)}</td><td>{formatDateTime(t.lastUsedAt)}</td>
              <td>{t.revokedAt ? <span className="text-red-700">Revogado</span> : <span className="text-green-700">Ativo</span>}</td>
              <td className="space-x-3 whitespace-nowrap">{t.revokedAt ? null : (
                <>
                  <button type="button" onClick={() => openLimit(t)} className="text-brand-700 underline">Alterar limite</button>
                  <button type="button" onClick={() => setRevoking(t)} className="text-red-700 underline">Revogar</button>
                </>
              )}</td>
            </tr>
          ))}
          {tokens.length === 0 ? <tr><td colSpan={8} className="py-2 text-slate-500">Nenhum token criado.</td></tr> : null}
        </tbody>
      </DataTable>
      <ConfirmDialog open={limiting !== null} title={`Limite do token “${limiting?.name ?? ""}”`} confirmLabel="Salvar limite"
        busy={busy} error={limitError} onConfirm={() => limiting && void saveLimit(limiting)} onCancel={() => setLimiting(null)}>
        <label className="block text-sm">Requisições por minuto, por processo do servidor
          <input type="number" min={0} max={1_000_000} step={1} value={limitText} onChange={(e) => setLimitText(e.target.value)}
            placeholder={limitLabel(null, defaultLimit)} className="mt-1 block w-44 rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <p className="mt-1 text-xs text-slate-500">Vazio volta ao padrão do servidor; 0 tira o limite. Vale a partir da próxima requisição do token.</p>
      </ConfirmDialog>
      <ConfirmDialog open={revoking !== null} title={`Revogar o token “${revoking?.name ?? ""}”?`} confirmLabel="Revogar" confirmVariant="danger"
        busy={busy} onConfirm={() => revoking && void revoke(revoking)} onCancel={() => setRevoking(null)}>
        <p>Integrações que usam este token deixam de funcionar na hora. Esta ação não pode ser desfeita.</p>
      </ConfirmDialog>
    </div>
  );
}
