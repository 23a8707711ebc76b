"use client";
import { useState } from "react";
import type { Settings } from "@/lib/validation/settings";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";

export function SettingsForm({ initial }: { initial: Settings }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const tech = String(f.get("expectedTechnology"));
    try {
      await apiFetch("/api/v1/settings", {
        method: "PATCH",
        json: {
          trustUnlockDays: f.get("trustUnlockDays"),
          trustUnlockLookbackDays: f.get("trustUnlockLookbackDays"),
          expectedTechnology: tech === "" ? null : tech,
          discountRule: f.get("discountRule"),
          maxRegionAreaKm2: f.get("maxRegionAreaKm2"),
          plannedNoticeHours: f.get("plannedNoticeHours"),
          lowUseStartHour: f.get("lowUseStartHour"),
          lowUseEndHour: f.get("lowUseEndHour"),
        },
      });
      setMessage({ ok: true, text: "Configurações salvas." });
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  const input = "mt-1 block w-40 rounded border border-slate-300 px-2 py-1.5";
  return (
    <form onSubmit={save} className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-3">
      <label className="text-sm">Dias de desbloqueio de confiança
        <input name="trustUnlockDays" type="number" min={1} max={15} defaultValue={initial.trustUnlockDays} className={input} /></label>
      <label className="text-sm">Janela de restrição (dias)
        <input name="trustUnlockLookbackDays" type="number" min={1} max={365} defaultValue={initial.trustUnlockLookbackDays} className={input} /></label>
      <label className="text-sm">Tecnologia esperada (padrão do fluxo)
        <select name="expectedTechnology" defaultValue={initial.expectedTechnology ?? ""} className={input}>
          <option value="Fibra">Fibra</option><option value="Radio">Radio</option><option value="ADSL">ADSL</option><option value="">Qualquer</option>
        </select></label>
      <label className="text-sm">Regra de desconto por inatividade
        <select name="discountRule" defaultValue={initial.discountRule} className={input}>
          <option value="ANATEL_RQUAL">Anatel RQUAL (ressarcimento)</option><option value="IXC">Regra do IXC (por hora)</option>
        </select></label>
      <label className="text-sm">Área máxima de região (km²)
        <input name="maxRegionAreaKm2" type="number" min={1} step="any" defaultValue={initial.maxRegionAreaKm2} className={input} /></label>
      <label className="text-sm">Aviso mínimo de manutenção programada (horas)
        <input name="plannedNoticeHours" type="number" min={1} max={720} defaultValue={initial.plannedNoticeHours} className={input} /></label>
      <label className="text-sm">Janela de baixo uso: início (hora)
        <input name="lowUseStartHour" type="number" min={0} max={23} defaultValue={initial.lowUseStartHour} className={input} /></label>
      <label className="text-sm">Janela de baixo uso: fim (hora)
        <input name="lowUseEndHour" type="number" min={0} max={24} defaultValue={initial.lowUseEndHour} className={input} /></label>
      <div className="flex items-end gap-3">
        <Button type="submit">Salvar</Button>
        {message ? <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-green-700" : "text-red-700"}>{message.text}</span> : null}
      </div>
    </form>
  );
}
