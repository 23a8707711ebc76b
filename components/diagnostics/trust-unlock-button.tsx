"use client";
// Trust unlock with a confirmation dialog; shows the outcome and refreshes the server-rendered diagnostics.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";

export function TrustUnlockButton({ contractId, canAct, restricted, restrictionReason, days }: {
  contractId: number;
  canAct: boolean;
  restricted: boolean;
  restrictionReason: string;
  days: number;
}) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    try {
      const body = await apiFetch<{ message?: string }>(`/api/v1/contracts/${contractId}/trust-unlock`, { method: "POST" });
      setOutcome({ ok: true, text: body.message ?? "Acesso liberado." });
      router.refresh();
    } catch (err) {
      setOutcome({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <div>
      <Button
        disabled={!canAct || busy}
        title={!canAct ? "Somente atendentes realizam o desbloqueio" : restricted ? restrictionReason : undefined}
        onClick={() => { setOutcome(null); setAsking(true); }}
        className="font-medium"
      >
        Desbloqueio de confiança
      </Button>
      {restricted ? <p className="mt-1 text-xs text-red-700">Restrição: {restrictionReason}</p> : null}
      <ConfirmDialog open={asking} title="Confirmar desbloqueio de confiança" confirmLabel="Confirmar desbloqueio" cancelLabel="Cancelar"
        busy={busy} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>
          O acesso do contrato {contractId} será liberado por {days} {days === 1 ? "dia" : "dias"} com base no compromisso de
          pagamento do cliente. A ação fica registrada em seu nome.
        </p>
      </ConfirmDialog>
      {outcome ? <Notice tone={outcome.ok ? "success" : "error"} className="mt-2">{outcome.text}</Notice> : null}
    </div>
  );
}
