"use client";
// Trust unlock with a confirmation dialog; shows the outcome and refreshes the server-rendered diagnostics.
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";

export function TrustUnlockButton({ contractId, canAct, restricted, restrictionReason, days }: {
  contractId: number;
  canAct: boolean;
  restricted: boolean;
  restrictionReason: string;
  days: number;
}) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      const res = await fetch(`/api/v1/contracts/${contractId}/trust-unlock`, { method: "POST" });
      const body = (await res.json()) as { message?: string; error?: { message: string } };
      setOutcome(res.ok ? { ok: true, text: body.message ?? "Acesso liberado." } : { ok: false, text: body.error?.message ?? "Falha no desbloqueio." });
      dialog.current?.close();
      if (res.ok) router.refresh();
    } catch {
      setOutcome({ ok: false, text: "Sem conexão com o servidor. Tente de novo." });
      dialog.current?.close();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <button
        type="button"
        disabled={!canAct || busy}
        title={!canAct ? "Somente atendentes realizam o desbloqueio" : restricted ? restrictionReason : undefined}
        onClick={() => { setOutcome(null); dialog.current?.showModal(); }}
        className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:cursor-not-allowed disabled:bg-slate-300"
      >
        Desbloqueio de confiança
      </button>
      {restricted ? <p className="mt-1 text-xs text-red-700">Restrição: {restrictionReason}</p> : null}
      <dialog ref={dialog} aria-labelledby="trust-unlock-title" className="m-auto max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="trust-unlock-title" className="text-lg font-semibold">Confirmar desbloqueio de confiança</h2>
        <p className="mt-2 text-sm text-slate-600">
          O acesso do contrato {contractId} será liberado por {days} {days === 1 ? "dia" : "dias"} com base no compromisso de
          pagamento do cliente. A ação fica registrada em seu nome.
        </p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm">Cancelar</button>
          <button type="button" onClick={confirm} disabled={busy} autoFocus className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white disabled:bg-slate-300">
            {busy ? "Liberando…" : "Confirmar desbloqueio"}
          </button>
        </div>
      </dialog>
      {outcome ? (
        <p role={outcome.ok ? "status" : "alert"} className={`mt-2 text-sm ${outcome.ok ? "text-green-700" : "text-red-700"}`}>{outcome.text}</p>
      ) : null}
    </div>
  );
}
