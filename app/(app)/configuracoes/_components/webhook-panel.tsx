"use client";
// The outgoing webhook of service orders (order.started / order.ended): URL, signing secret (generated
// here and shown once) and the latest delivery attempts. The server page loads the rows; "Atualizar"
// asks it again.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { DataTable } from "@/components/ui/data-table";

export interface WebhookView {
  url: string | null;
  secretSet: boolean;
  secretPrefix: string | null;
}

export interface DeliveryRow {
  id: number;
  event: string;
  orderId: number | null;
  orderNumber: number | null;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  ok: boolean;
  durationMs: number;
  at: string;
}

const EVENT_LABEL: Record<string, string> = { "order.started": "OS iniciada", "order.ended": "OS encerrada" };

export function WebhookPanel({ initial, deliveries }: { initial: WebhookView; deliveries: DeliveryRow[] }) {
  const router = useRouter();
  const [config, setConfig] = useState(initial);
  const [url, setUrl] = useState(initial.url ?? "");
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function put(body: { url?: string | null; generateSecret?: true }, done: string) {
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch("/api/v1/webhooks", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const answer = await res.json().catch(() => null);
      if (!res.ok) {
        setMessage({ ok: false, text: answer?.error?.message ?? `Falha ao salvar (${res.status}).` });
        return;
      }
      const { secret: generated, ...view } = answer.webhook as WebhookView & { secret?: string };
      setConfig(view);
      setSecret(generated ?? null);
      setMessage({ ok: true, text: done });
      router.refresh();
    } catch {
      setMessage({ ok: false, text: "Sem conexão com o servidor: tente de novo." });
    } finally {
      setBusy(false);
    }
  }

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const trimmed = url.trim();
    void put({ url: trimmed === "" ? null : trimmed }, trimmed === "" ? "Webhook desativado." : "URL do webhook salva.");
  }

  const button = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50";
  return (
    <div className="mt-3 space-y-4" data-testid="webhook-panel">
      <p className="text-sm text-slate-600">
        Ao executar uma OS (<code>order.started</code>) e ao finalizá-la ou cancelá-la (<code>order.ended</code>), o Raio envia um POST JSON
        assinado com HMAC-SHA256 no cabeçalho <code>X-Raio-Signature</code>; falhas são repetidas com espera crescente.
      </p>
      <form onSubmit={save} className="flex flex-wrap items-end gap-3">
        <label className="block min-w-80 flex-1 text-sm">URL do webhook
          <input name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://exemplo.com.br/raio"
            className="mt-1 block w-full rounded border border-slate-300 px-2 py-1.5" />
        </label>
        <button type="submit" disabled={busy} className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-50">Salvar</button>
        <button type="button" disabled={busy} className={button}
          onClick={() => {
            if (config.secretSet && !window.confirm("Gerar um novo segredo? O receptor precisa do novo para validar as assinaturas.")) return;
            // The saved URL goes along: the API's patch schema turns an omitted url into null (turned off).
            void put({ url: config.url, generateSecret: true }, "Novo segredo gerado.");
          }}>
          Gerar novo segredo
        </button>
      </form>
      <p className="text-sm text-slate-600" data-testid="webhook-secret-state">
        Segredo: {config.secretSet ? <>definido (<code>{config.secretPrefix}…</code>)</> : "não definido — gere um para ativar o webhook"}
      </p>
      {message ? <p role={message.ok ? "status" : "alert"} className={`text-sm ${message.ok ? "text-green-700" : "text-red-700"}`}>{message.text}</p> : null}
      {secret ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Copie o segredo agora: ele não será mostrado de novo.</p>
          <code data-testid="new-webhook-secret" className="mt-1 block break-all">{secret}</code>
        </div>
      ) : null}

      <div className="flex items-center justify-between">
        <h3 className="font-semibold">Últimas entregas</h3>
        <button type="button" className={button} onClick={() => router.refresh()}>Atualizar</button>
      </div>
      <DataTable className="w-full text-sm" data-testid="webhook-deliveries">
        <thead className="text-left text-slate-500">
          <tr><th className="py-1">Evento</th><th>OS</th><th>Tentativa</th><th>Resultado</th><th>Duração</th><th>Quando</th></tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} className="border-t border-slate-100">
              <td className="py-1.5">{EVENT_LABEL[d.event] ?? d.event} <code className="text-xs text-slate-500">{d.event}</code></td>
              <td>{d.orderId ? <a href={`/ordens/${d.orderId}`} className="text-brand-700 underline">OS {d.orderNumber ?? d.orderId}</a> : "—"}</td>
              <td>{d.attempt}</td>
              <td className={d.ok ? "text-green-700" : "text-red-700"}>
                {d.ok ? `OK (${d.statusCode})` : d.error ?? (d.statusCode ? `HTTP ${d.statusCode}` : "falhou")}
              </td>
              <td>{d.durationMs} ms</td>
              <td>{formatDateTime(d.at)}</td>
            </tr>
          ))}
          {deliveries.length === 0 ? <tr><td colSpan={6} className="py-2 text-slate-500">Nenhuma entrega ainda.</td></tr> : null}
        </tbody>
      </DataTable>
    </div>
  );
}
