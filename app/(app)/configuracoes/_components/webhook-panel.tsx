"use client";
// The outgoing webhook of service orders (order.started / order.ended): URL, signing secret (generated
// here and shown once) and the latest delivery attempts. The server page loads the rows; "Atualizar"
// asks it again.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SecretBox } from "@/components/ui/secret-box";

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
      const answer = await apiFetch<{ webhook: WebhookView & { secret?: string } }>("/api/v1/webhooks", { method: "PUT", json: body });
      const { secret: generated, ...view } = answer.webhook;
      setConfig(view);
      setSecret(generated ?? null);
      setMessage({ ok: true, text: done });
      router.refresh();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const trimmed = url.trim();
    void put({ url: trimmed === "" ? null : trimmed }, trimmed === "" ? "Webhook desativado." : "URL do webhook salva.");
  }

  // The saved URL goes along: the API's patch schema turns an omitted url into null (turned off).
  const generateSecret = () => void put({ url: config.url, generateSecret: true }, "Novo segredo gerado.");
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
        <Button type="submit" disabled={busy}>Salvar</Button>
        {/* A native confirm for now: e2e/outages.spec.ts answers it with page.on("dialog"). */}
        <Button variant="secondary" disabled={busy}
          onClick={() => (!config.secretSet || window.confirm("Gerar um novo segredo? O receptor precisa do novo para validar as assinaturas.")) && generateSecret()}>
          Gerar novo segredo
        </Button>
      </form>
      <p className="text-sm text-slate-600" data-testid="webhook-secret-state">
        Segredo: {config.secretSet ? <>definido (<code>{config.secretPrefix}…</code>)</> : "não definido — gere um para ativar o webhook"}
      </p>
      {message ? <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice> : null}
      {secret ? <SecretBox label="o segredo" secret={secret} testId="new-webhook-secret" /> : null}


      <div className="flex items-center justify-between">
        <h3 className="font-semibold">Últimas entregas</h3>
        <Button variant="secondary" onClick={() => router.refresh()}>Atualizar</Button>
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
