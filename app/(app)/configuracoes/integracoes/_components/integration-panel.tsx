"use client";
// Settings → Integrações: the IXC connection (the token is write-only: only "configurado em …" comes back),
// "Testar conexão" (one cheap call, IXC's answer shown), "Sincronizar agora", and the sync history with a live
// progress bar (rows/s, ETA, per table), the last success, and IXC's own error messages.
import { useCallback, useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import type { ErpConnectionView } from "@/lib/validation/erp";
import { ApiError, apiFetch, errorMessage } from "@/lib/api-client";

interface TableProgress { table: string; done: number; total: number | null; skipped: number; finished: boolean }
interface RunView {
  id: number; kind: string; status: string; startedAt: string; finishedAt: string | null; error: string | null;
  rows: number; skipped: number; percent: number; rowsPerSecond: number; etaSeconds: number | null;
  tables: TableProgress[]; issues: { table: string; externalId: string; field: string; message: string }[];
}
interface RunsAnswer { runs: RunView[]; lastSuccess: { id: number; kind: string; finishedAt: string | null } | null }

const KIND_LABEL: Record<string, string> = { FULL: "Completa", INCREMENTAL: "Incremental", ONLINE: "Online" };
const STATUS_LABEL: Record<string, string> = { RUNNING: "Em andamento", SUCCEEDED: "Concluída", FAILED: "Falhou" };
const TABLE_LABEL: Record<string, string> = { customers: "clientes", contracts: "contratos", logins: "logins", invoices: "faturas" };
/** Polling of the history while a sync may be running. */
const POLL_MS = 1_000;

type Message = { ok: boolean; text: string } | null;


export function IntegrationPanel({ initial }: { initial: ErpConnectionView }) {
  const [conn, setConn] = useState(initial);
  const [form, setForm] = useState({
    baseUrl: initial.baseUrl ?? "", userId: initial.userId ?? "", token: "", allowSelfSigned: initial.allowSelfSigned, enabled: initial.enabled,
    incrementalEveryMinutes: String(initial.incrementalEveryMinutes), onlineEverySeconds: String(initial.onlineEverySeconds),
  });
  const [saveMsg, setSaveMsg] = useState<Message>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [testMsg, setTestMsg] = useState<Message>(null);
  const [syncMsg, setSyncMsg] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<RunsAnswer | null>(null);
  const [watchUntil, setWatchUntil] = useState(0);

  const load = useCallback(async () => {
    // A failed poll keeps what is shown; the next tick tries again.
    const answer = await apiFetch<RunsAnswer>("/api/v1/integrations/erp/runs?limit=20", { cache: "no-store" }).catch(() => null);
    if (answer) setHistory(answer);
  }, []);

  // Effect: keep the history fresh while a run is going (or was just asked for).
  useEffect(() => {
    void load();
  }, [load]);
  const running = history?.runs.some((r) => r.status === "RUNNING") ?? false;
  useEffect(() => {
    if (!running && Date.now() > watchUntil) return;
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer); // cleanup: stop polling
  }, [running, watchUntil, load]);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setSaveMsg(null);
    setFieldError(null);
    try {
      const body: Record<string, unknown> = {
        baseUrl: form.baseUrl.trim() || null, userId: form.userId.trim() || null, allowSelfSigned: form.allowSelfSigned, enabled: form.enabled,
        incrementalEveryMinutes: Number(form.incrementalEveryMinutes), onlineEverySeconds: Number(form.onlineEverySeconds),
      };
      if (form.token.trim()) body.token = form.token.trim();
      const answer = await apiFetch<{ connection: ErpConnectionView }>("/api/v1/integrations/erp", { method: "PUT", json: body });
      setConn(answer.connection);
      setForm((f) => ({ ...f, token: "" }));
      setSaveMsg({ ok: true, text: "Integração salva." });
    } catch (err) {
      setFieldError(err instanceof ApiError ? (err.field ?? null) : null);
      setSaveMsg({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function test() {
    setBusy(true);
    setTestMsg(null);
    try {
      const answer = await apiFetch<{ message: string }>("/api/v1/integrations/erp/test", { method: "POST", json: {} });
      setTestMsg({ ok: true, text: answer.message });
    } catch (err) {
      setTestMsg({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  async function syncNow(full: boolean) {
    setSyncMsg(null);
    let answer: { jobId: string | null };
    try {
      answer = await apiFetch<{ jobId: string | null }>("/api/v1/integrations/erp/sync", { method: "POST", json: { full } });
    } catch (err) {
      setSyncMsg({ ok: false, text: errorMessage(err) });
      return;
    }
    setSyncMsg({ ok: true, text: answer.jobId ? "Sincronização na fila: começa em instantes." : "Já há uma sincronização na fila." });
    setWatchUntil(Date.now() + 60_000);
  }

  const input = (field: string) =>
    `mt-1 w-full rounded border px-2 py-1.5 text-sm ${fieldError === field ? "border-red-500" : "border-slate-300"}`;

  return (
    <div className="space-y-6">
      <section aria-labelledby="sec-conexao" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-conexao" className="text-lg font-semibold">Conexão</h2>
        <form onSubmit={save} className="mt-3 grid gap-3 sm:grid-cols-2">
          <label className="text-sm sm:col-span-2">URL do IXC
            <input className={input("baseUrl")} value={form.baseUrl} onChange={(e) => setForm({ ...form, baseUrl: e.target.value })} placeholder="https://ixc.seuprovedor.com.br" />
          </label>
          <label className="text-sm">Usuário do webservice (id)
            <input className={input("userId")} value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })} inputMode="numeric" />
          </label>
          <label className="text-sm">Token
            <input type="password" autoComplete="new-password" className={input("token")} value={form.token} onChange={(e) => setForm({ ...form, token: e.target.value })}
              placeholder={conn.tokenSet ? "deixe em branco para manter" : "cole o token gerado no IXC"} />
            <span data-testid="token-state" className="mt-1 block text-xs text-slate-500">
              {conn.tokenSet && conn.tokenSetAt ? `Token configurado em ${formatDateTime(conn.tokenSetAt)} (guardado cifrado; não é exibido).` : "Nenhum token configurado."}
            </span>
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={form.allowSelfSigned} onChange={(e) => setForm({ ...form, allowSelfSigned: e.target.checked })} />
            Aceitar certificado autoassinado deste IXC (só se você confia na rede até ele)
          </label>
          <label className="text-sm">Sincronização incremental a cada (minutos)
            <input type="number" min={1} max={59} className={input("incrementalEveryMinutes")} value={form.incrementalEveryMinutes} onChange={(e) => setForm({ ...form, incrementalEveryMinutes: e.target.value })} />
          </label>
          <label className="text-sm">Atualizar online dos logins a cada (segundos)
            <input type="number" min={10} max={3600} step={1} className={input("onlineEverySeconds")} value={form.onlineEverySeconds} onChange={(e) => setForm({ ...form, onlineEverySeconds: e.target.value })} />
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} />
            Sincronizar automaticamente nesses intervalos
          </label>
          <div className="flex flex-wrap gap-2 sm:col-span-2">
            <button type="submit" disabled={busy} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">Salvar</button>
            <button type="button" disabled={busy || !conn.tokenSet} onClick={test} className="rounded border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50">Testar conexão</button>
          </div>
        </form>
        {saveMsg ? <p role={saveMsg.ok ? "status" : "alert"} className={`mt-2 text-sm ${saveMsg.ok ? "text-green-700" : "text-red-700"}`}>{saveMsg.text}</p> : null}
        {testMsg ? <p role={testMsg.ok ? "status" : "alert"} data-testid="test-result" className={`mt-2 text-sm ${testMsg.ok ? "text-green-700" : "text-red-700"}`}>{testMsg.text}</p> : null}
      </section>

      <section aria-labelledby="sec-sync" className="rounded-lg border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="sec-sync" className="text-lg font-semibold">Sincronizações</h2>
          <div className="flex gap-2">
            <button type="button" disabled={!conn.tokenSet} onClick={() => void syncNow(false)} className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">Sincronizar agora</button>
            <button type="button" disabled={!conn.tokenSet} onClick={() => void syncNow(true)} className="rounded border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-50">Sincronização completa</button>
          </div>
        </div>
        {syncMsg ? <p role={syncMsg.ok ? "status" : "alert"} className={`mt-2 text-sm ${syncMsg.ok ? "text-green-700" : "text-red-700"}`}>{syncMsg.text}</p> : null}
        <p data-testid="last-success" className="mt-2 text-sm text-slate-600">
          Último sucesso: {history?.lastSuccess?.finishedAt ? `${formatDateTime(history.lastSuccess.finishedAt)} (${KIND_LABEL[history.lastSuccess.kind]})` : "nenhum ainda"}
        </p>
        <ul data-testid="sync-runs" className="mt-3 space-y-3">
          {(history?.runs ?? []).map((r) => (
            <li key={r.id} data-status={r.status} className="rounded border border-slate-200 p-3 text-sm">
              <div className="flex flex-wrap justify-between gap-2">
                <span><strong>{KIND_LABEL[r.kind] ?? r.kind}</strong> · {STATUS_LABEL[r.status] ?? r.status} · início {formatDateTime(r.startedAt)}</span>
                <span>{r.rows.toLocaleString("pt-BR")} linhas{r.skipped ? `, ${r.skipped} ignoradas` : ""} · {r.rowsPerSecond.toLocaleString("pt-BR")} linhas/s{r.etaSeconds !== null ? ` · faltam ~${r.etaSeconds} s` : ""}</span>
              </div>
              <div role="progressbar" aria-label={`Progresso da sincronização ${r.id}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={r.percent} className="mt-2 h-2 w-full overflow-hidden rounded bg-slate-200">
                <div className={`h-full ${r.status === "FAILED" ? "bg-red-500" : "bg-brand-600"}`} style={{ width: `${r.percent}%` }} />
              </div>
              <p className="mt-1 text-xs text-slate-500">
                {r.tables.map((t) => `${TABLE_LABEL[t.table] ?? t.table} ${t.done.toLocaleString("pt-BR")}${t.total !== null ? `/${t.total.toLocaleString("pt-BR")}` : ""}${t.finished ? " ✓" : ""}`).join(" · ")}
              </p>
              {r.error ? <p role="alert" className="mt-1 text-xs text-red-700">Erro: {r.error}</p> : null}
              {r.issues.length ? (
                <details className="mt-1 text-xs">
                  <summary>Linhas ignoradas ({r.skipped})</summary>
                  <ul className="mt-1 list-disc pl-5">
                    {r.issues.map((i, n) => <li key={n}>{TABLE_LABEL[i.table] ?? i.table} {i.externalId} · campo {i.field}: {i.message}</li>)}
                  </ul>
                </details>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
