"use client";
// Configurações → Notificações: each channel's settings, its write-only secret (the field is always empty; a
// note says whether one is saved) and an "Enviar teste" button; quiet hours and attempts. Saves through
// PUT /api/v1/notifications/channels; tests through POST /api/v1/notifications/channels/{canal}/test.
import { useState } from "react";
import type { ChannelsConfigView } from "@/lib/notifications/channel-settings";

type Section = "whatsapp" | "email" | "sms" | "webhook";
type Message = { ok: boolean; text: string } | null;

const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5";
const button = "rounded border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50";
const primary = "rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700 disabled:opacity-50";

async function send(url: string, method: string, body: unknown): Promise<{ ok: boolean; status: number; answer: any }> {
  try {
    const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { ok: res.ok, status: res.status, answer: await res.json().catch(() => null) };
  } catch {
    return { ok: false, status: 0, answer: { error: { message: "Sem conexão com o servidor: tente de novo." } } };
  }
}

function Field({ label, name, value, type = "text", placeholder }: { label: string; name: string; value?: string | number | null; type?: string; placeholder?: string }) {
  return (
    <label className="block text-sm">
      {label}
      <input name={name} type={type} defaultValue={value ?? ""} placeholder={placeholder} className={input} autoComplete="off" />
    </label>
  );
}

function SecretState({ set, label }: { set: boolean; label: string }) {
  return <p className="text-xs text-slate-500">{label}: {set ? "salvo (não é mostrado; preencha só para trocar)" : "não definido"}</p>;
}

export function NotificationChannelsPanel({ initial }: { initial: ChannelsConfigView }) {
  const [config, setConfig] = useState(initial);
  const [messages, setMessages] = useState<Record<string, Message>>({});
  const [busy, setBusy] = useState(false);
  const say = (key: string, m: Message) => setMessages((all) => ({ ...all, [key]: m }));

  async function save(key: string, patch: Record<string, unknown>) {
    setBusy(true);
    say(key, null);
    const { ok, answer } = await send("/api/v1/notifications/channels", "PUT", patch);
    setBusy(false);
    if (!ok) return say(key, { ok: false, text: answer?.error?.message ?? "Falha ao salvar." });
    setConfig(answer.channels);
    say(key, { ok: true, text: "Salvo." });
  }

  async function test(section: Section, form: HTMLFormElement) {
    const data = new FormData(form);
    setBusy(true);
    say(section, null);
    const { ok, answer } = await send(`/api/v1/notifications/channels/${section}/test`, "POST", {
      to: String(data.get("testTo") ?? ""),
      ...(section === "whatsapp" ? { whatsappTemplateId: String(data.get("testTemplate") ?? "") || undefined } : {}),
    });
    setBusy(false);
    if (!ok) return say(section, { ok: false, text: answer?.error?.message ?? "Falha no teste." });
    const r = answer.result as { ok: boolean; permanent?: boolean; answer: string };
    say(section, { ok: r.ok, text: r.ok ? `Teste enviado. Resposta: ${r.answer}` : `Falhou (${r.permanent ? "erro permanente" : "erro temporário"}): ${r.answer}` });
  }

  function onSubmit(section: Section, build: (d: FormData) => Record<string, unknown>) {
    return (e: React.FormEvent<HTMLFormElement>) => {
      e.preventDefault();
      const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.value === "test") return void test(section, e.currentTarget);
      void save(section, { [section]: build(new FormData(e.currentTarget)) });
    };
  }
  const text = (d: FormData, name: string) => {
    const v = String(d.get(name) ?? "").trim();
    return v === "" ? null : v;
  };
  const secret = (d: FormData, name: string) => {
    const v = String(d.get(name) ?? "");
    return v === "" ? {} : { [name]: v };
  };
  const rate = (d: FormData) => Number(d.get("ratePerSecond") ?? 0);
  const enabled = (d: FormData) => d.get("enabled") === "on";

  function footer(section: Section, testLabel: string, testPlaceholder: string) {
    const m = messages[section];
    return (
      <div className="space-y-2">
        <div className="flex flex-wrap items-end gap-3">
          <button type="submit" value="save" disabled={busy} className={primary}>Salvar</button>
          <label className="block text-sm">{testLabel}
            <input name="testTo" placeholder={testPlaceholder} className={input} />
          </label>
          {section === "whatsapp" ? (
            <label className="block text-sm">Template do teste
              <input name="testTemplate" placeholder="id do template" className={input} />
            </label>
          ) : null}
          <button type="submit" value="test" disabled={busy} className={button}>Enviar teste</button>
        </div>
        {m ? <p role={m.ok ? "status" : "alert"} className={`text-sm ${m.ok ? "text-green-700" : "text-red-700"}`}>{m.text}</p> : null}
      </div>
    );
  }

  const box = "space-y-3 rounded border border-slate-200 p-4";
  return (
    <div className="mt-3 space-y-4" data-testid="notification-channels">
      <p className="text-sm text-slate-600">
        Os avisos de cada assunto (texto e canais por evento) são escolhidos em <a href="/assuntos" className="text-brand-700 underline">Assuntos</a>.
        Tokens e senhas são guardados cifrados e nunca são mostrados de volta.
      </p>

      <form className={box} onSubmit={onSubmit("whatsapp", (d) => ({ enabled: enabled(d), baseUrl: text(d, "baseUrl"), channelId: text(d, "channelId"), ratePerSecond: rate(d), ...secret(d, "token") }))}>
        <h3 className="font-semibold">WhatsApp (Opa! Suite, templates aprovados)</h3>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="enabled" defaultChecked={config.whatsapp.enabled} /> Ativo</label>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="URL da API" name="baseUrl" value={config.whatsapp.baseUrl} placeholder="https://provedor.opasuite.com.br/api/v1" />
          <Field label="Id do canal" name="channelId" value={config.whatsapp.channelId} />
          <div><Field label="Token (Bearer)" name="token" type="password" /><SecretState set={config.whatsapp.tokenSet} label="Token" /></div>
          <Field label="Mensagens por segundo (0 = sem limite)" name="ratePerSecond" type="number" value={config.whatsapp.ratePerSecond} />
        </div>
        {footer("whatsapp", "Celular para teste", "(19) 99876-5432")}
      </form>

      <form className={box} onSubmit={onSubmit("email", (d) => ({
        enabled: enabled(d), host: text(d, "host"), port: Number(d.get("port") ?? 587), secure: d.get("secure") === "on",
        user: text(d, "user"), from: text(d, "from"), ratePerSecond: rate(d), ...secret(d, "password"),
      }))}>
        <h3 className="font-semibold">E-mail (SMTP)</h3>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="enabled" defaultChecked={config.email.enabled} /> Ativo</label>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Servidor SMTP" name="host" value={config.email.host} placeholder="smtp.provedor.com.br" />
          <Field label="Porta" name="port" type="number" value={config.email.port} />
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="secure" defaultChecked={config.email.secure} /> TLS direto (porta 465)</label>
          <Field label="Remetente" name="from" value={config.email.from} placeholder="Provedor <avisos@provedor.com.br>" />
          <Field label="Usuário" name="user" value={config.email.user} />
          <div><Field label="Senha" name="password" type="password" /><SecretState set={config.email.passwordSet} label="Senha" /></div>
          <Field label="Mensagens por segundo (0 = sem limite)" name="ratePerSecond" type="number" value={config.email.ratePerSecond} />
        </div>
        {footer("email", "E-mail para teste", "voce@provedor.com.br")}
      </form>

      <form className={box} onSubmit={onSubmit("sms", (d) => {
        const headersText = String(d.get("headers") ?? "").trim();
        const headers = headersText === "" ? {} : { headers: Object.fromEntries(headersText.split("\n").map((line) => {
          const i = line.indexOf(":");
          return [line.slice(0, i).trim(), line.slice(i + 1).trim()];
        })) };
        return {
          enabled: enabled(d), url: text(d, "url"), method: String(d.get("method")), bodyTemplate: String(d.get("bodyTemplate") ?? ""),
          bodyEncoding: String(d.get("bodyEncoding")), ratePerSecond: rate(d), ...headers,
        };
      })}>
        <h3 className="font-semibold">SMS (gateway HTTP)</h3>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="enabled" defaultChecked={config.sms.enabled} /> Ativo</label>
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="URL (aceita {{telefone}} e {{mensagem}})" name="url" value={config.sms.url} placeholder="https://gateway.exemplo.com/send" />
          <label className="block text-sm">Método
            <select name="method" defaultValue={config.sms.method} className={input}><option>POST</option><option>GET</option></select>
          </label>
          <label className="block text-sm sm:col-span-2">Corpo ({"{{telefone}}"}, {"{{telefoneSemMais}}"}, {"{{mensagem}}"})
            <textarea name="bodyTemplate" defaultValue={config.sms.bodyTemplate} rows={2} className={input} />
          </label>
          <label className="block text-sm">Formato do corpo
            <select name="bodyEncoding" defaultValue={config.sms.bodyEncoding} className={input}>
              <option value="json">JSON</option><option value="form">formulário</option><option value="text">texto</option>
            </select>
          </label>
          <Field label="Mensagens por segundo (0 = sem limite)" name="ratePerSecond" type="number" value={config.sms.ratePerSecond} />
          <label className="block text-sm sm:col-span-2">Cabeçalhos do gateway (um por linha, X-Api-Key: valor; preencha só para trocar)
            <textarea name="headers" rows={2} className={input} placeholder="X-Api-Key: …" />
            <span className="text-xs text-slate-500">Salvos: {config.sms.headerNames.length ? config.sms.headerNames.join(", ") : "nenhum"}</span>
          </label>
        </div>
        {footer("sms", "Celular para teste", "(19) 99876-5432")}
      </form>

      <form className={box} onSubmit={onSubmit("webhook", (d) => ({ enabled: enabled(d), ratePerSecond: rate(d) }))}>
        <h3 className="font-semibold">Webhook</h3>
        <p className="text-sm text-slate-600">Usa a URL e o segredo do webhook de OS (abaixo), com o evento <code>notification.*</code>.</p>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="enabled" defaultChecked={config.webhook.enabled} /> Ativo</label>
        <Field label="Mensagens por segundo (0 = sem limite)" name="ratePerSecond" type="number" value={config.webhook.ratePerSecond} />
        {footer("webhook", "Destino (livre)", "teste")}
      </form>

      <form className={box} onSubmit={(e) => {
        e.preventDefault();
        const d = new FormData(e.currentTarget);
        void save("general", {
          quietHours: { enabled: d.get("quiet") === "on", start: String(d.get("start")), end: String(d.get("end")) },
          maxAttempts: Number(d.get("maxAttempts")),
        });
      }}>
        <h3 className="font-semibold">Horário de silêncio e tentativas</h3>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="quiet" defaultChecked={config.quietHours.enabled} /> Não enviar avisos entre</label>
        <div className="flex flex-wrap items-end gap-3">
          <Field label="Início" name="start" type="time" value={config.quietHours.start} />
          <Field label="Fim" name="end" type="time" value={config.quietHours.end} />
          <Field label="Tentativas por aviso" name="maxAttempts" type="number" value={config.maxAttempts} />
          <button type="submit" disabled={busy} className={primary}>Salvar</button>
        </div>
        <p className="text-xs text-slate-500">Avisos que caem no horário de silêncio esperam o fim dele (horário de Brasília): não são descartados.</p>
        {messages.general ? <p role={messages.general.ok ? "status" : "alert"} className={`text-sm ${messages.general.ok ? "text-green-700" : "text-red-700"}`}>{messages.general.text}</p> : null}
      </form>
    </div>
  );
}
