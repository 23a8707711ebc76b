"use client";
// Configurações → Página de status: the public page's name, logo and colours, and the WhatsApp template of
// its messages. The logo is a path on this server or a small image read here into a data: URL.
import { useState } from "react";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import type { StatusPageSettings } from "@/lib/validation/status-page";
import { MAX_LOGO_BYTES } from "@/lib/validation/status-page-limits";

export function StatusPagePanel({ initial }: { initial: StatusPageSettings }) {
  const [logo, setLogo] = useState<string | null>(initial.logo);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function pickFile(e: React.ChangeEvent<HTMLInputElement>) {
    const file = e.currentTarget.files?.[0];
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) {
      setMessage({ ok: false, text: `Logo grande demais (${Math.ceil(file.size / 1024)} KB): o máximo é ${MAX_LOGO_BYTES / 1024} KB.` });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => setLogo(String(reader.result));
    reader.readAsDataURL(file);
  }

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const template = String(f.get("whatsappTemplateId") ?? "").trim();
    try {
      await apiFetch("/api/v1/settings/status-page", {
        method: "PUT",
        json: {
          providerName: f.get("providerName"),
          primaryColor: f.get("primaryColor"),
          headerTextColor: f.get("headerTextColor"),
          logo: logo && logo.trim() !== "" ? logo.trim() : null,
          whatsappTemplateId: template === "" ? null : template,
        },
      });
      setMessage({ ok: true, text: "Página de status salva." });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  const input = "mt-1 block w-full max-w-xs rounded border border-slate-300 px-2 py-1.5";
  return (
    <form onSubmit={save} className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-2" aria-label="Página de status">
      <p className="text-sm text-slate-600 md:col-span-2">
        Página pública sem login: <a href="/status" className="text-brand-600 underline">/status</a> (manutenções, busca por CEP, avisos e feed Atom).
      </p>
      <label className="text-sm">Nome do provedor
        <input name="providerName" required maxLength={80} defaultValue={initial.providerName} className={input} /></label>
      <label className="text-sm">Template do Opa! Suite para avisos (WhatsApp)
        <input name="whatsappTemplateId" maxLength={200} defaultValue={initial.whatsappTemplateId ?? ""} className={input} /></label>
      <label className="text-sm">Cor principal
        <input name="primaryColor" type="color" defaultValue={initial.primaryColor} className="mt-1 block h-9 w-20" /></label>
      <label className="text-sm">Cor do texto no cabeçalho
        <input name="headerTextColor" type="color" defaultValue={initial.headerTextColor} className="mt-1 block h-9 w-20" /></label>
      <label className="text-sm">Logo (caminho neste servidor, ex.: /logo.png)
        <input value={logo?.startsWith("data:") ? "" : (logo ?? "")} onChange={(e) => setLogo(e.currentTarget.value)} placeholder={logo?.startsWith("data:") ? "imagem enviada" : "/logo.png"} className={input} /></label>
      <label className="text-sm">…ou envie uma imagem (PNG, JPEG, WebP ou GIF, até {MAX_LOGO_BYTES / 1024} KB)
        <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={pickFile} className="mt-1 block w-full max-w-xs text-sm" /></label>
      <div className="flex flex-wrap items-center gap-3 md:col-span-2">
        {logo ? <img src={logo} alt="Logo atual" className="max-h-10 max-w-40 rounded border border-slate-200" /> : null}
        {logo ? <button type="button" className="text-sm text-slate-600 underline" onClick={() => setLogo(null)}>Remover logo</button> : null}
        <Button type="submit">Salvar</Button>
        {message ? <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-700" : "text-red-700"}>{message.text}</span> : null}
      </div>
    </form>
  );
}
