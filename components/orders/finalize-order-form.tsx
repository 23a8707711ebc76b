"use client";
// Finalizing an executing order: the interruption's start and end, the duration, and the proposed
// discount per affected contract under the configured rule. Each line can be excluded or changed with a
// reason; confirming finalizes the order, freezes its affected logins and applies the discounts at once.
import { useEffect, useMemo, useState } from "react";
import { fromDateTimeInput, toDateTimeInput } from "@/lib/format/date-time";
import { DateTimeField } from "@/components/ui/field";
import { formatCurrency } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ApiError, apiFetch, errorMessage } from "@/lib/api-client";

interface Line {
  contractId: number; contractExternalId: string | null; customerName: string; planName: string; priceCents: number;
  minutes: number; proposedCents: number; eligible: boolean; reason: string;
}
interface Proposal { rule: "ANATEL_RQUAL" | "IXC"; lines: Line[]; totalCents: number; affectedLogins: number; affectedCustomers: number; summary: string }
interface Edit { amount?: string; excluded?: boolean; reason?: string }
interface Adjustment { contractId: number; excluded?: true; amountCents?: number; reason: string }

const RULE = { ANATEL_RQUAL: "Anatel RQUAL: (mensalidade ÷ 43.200) × minutos, a partir de 10 minutos", IXC: "Regra do IXC: (preço ÷ (24 × dias do mês)) × horas" };

/** "12,34" or "12.34" → 1234 cents; null when not a valid amount. */
function parseReais(text: string): number | null {
  const m = /^\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0")) : null;
}

export function FinalizeOrderForm({ orderId, orderNumber, executedAt, webhookHost }: { orderId: number; orderNumber: number; executedAt: string; webhookHost: string | null }) {
  const [start, setStart] = useState(() => toDateTimeInput(new Date(executedAt)));
  const [end, setEnd] = useState(() => toDateTimeInput(new Date()));
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [edits, setEdits] = useState<Record<number, Edit>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The adjustments checked and waiting for the person's confirmation in the dialog.
  const [pending, setPending] = useState<Adjustment[] | null>(null);
  // The inputs show the ISP's wall clock: read them back in its zone, not the browser's.
  const startAt = fromDateTimeInput(start);
  const endAt = fromDateTimeInput(end);
  const startIso = startAt?.toISOString() ?? "";
  const endIso = endAt?.toISOString() ?? "";
  const minutes = startAt && endAt ? Math.floor((endAt.getTime() - startAt.getTime()) / 60000) : 0;

  // Named effect: re-price the lines whenever the interruption's start or end changes.
  useEffect(() => {
    if (!startIso || !endIso) return;
    const ctrl = new AbortController();
    const query = new URLSearchParams({ interruptionStart: startIso, interruptionEnd: endIso });
    apiFetch<Proposal>(`/api/v1/service-orders/${orderId}/discount-proposal?${query}`, { signal: ctrl.signal })
      .then((body) => { setProposal(body); setError(null); })
      .catch((err: unknown) => { if (err instanceof ApiError) setError(err.message); });
    return () => ctrl.abort();
  }, [orderId, startIso, endIso]);

  const finalAmount = (l: Line) => {
    const e = edits[l.contractId];
    if (e?.excluded) return 0;
    if (e?.amount !== undefined && e.amount !== "") return parseReais(e.amount) ?? l.proposedCents;
    return l.proposedCents;
  };
  const excludedCount = proposal?.lines.filter((l) => edits[l.contractId]?.excluded).length ?? 0;
  const total = useMemo(() => proposal?.lines.reduce((s, l) => s + finalAmount(l), 0) ?? 0, [proposal, edits]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Checks the edited lines, then asks for confirmation. */
  function review() {
    if (!proposal) return;
    setError(null);
    const adjustments: Adjustment[] = [];
    for (const l of proposal.lines) {
      const e = edits[l.contractId];
      if (!e) continue;
      const amountCents = e.amount !== undefined && e.amount !== "" ? parseReais(e.amount) : undefined;
      if (amountCents === null) return setError(`Valor inválido para ${l.customerName}: use 12,34.`);
      const changed = e.excluded || (amountCents !== undefined && amountCents !== l.proposedCents);
      if (!changed) continue;
      if (!e.reason || e.reason.trim().length < 3) return setError(`Informe o motivo da alteração para ${l.customerName}.`);
      adjustments.push({ contractId: l.contractId, ...(e.excluded ? { excluded: true as const } : { amountCents }), reason: e.reason.trim() });
    }
    setPending(adjustments);
  }

  async function finalize(adjustments: Adjustment[]) {
    setBusy(true);
    try {
      await apiFetch(`/api/v1/service-orders/${orderId}/finalize`, { method: "POST", json: { interruptionStart: startIso, interruptionEnd: endIso, adjustments } });
      window.location.reload();
    } catch (err) {
      setBusy(false);
      setPending(null);
      setError(errorMessage(err));
    }
  }

  const edit = (id: number, patch: Edit) => setEdits((e) => ({ ...e, [id]: { ...e[id], ...patch } }));
  return (
    <section aria-label="Finalizar OS" className="space-y-3 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
      <h2 className="text-lg font-semibold">Finalizar OS e descontos por inatividade</h2>
      <div className="flex flex-wrap items-end gap-4 text-sm">
        <DateTimeField label="Início da interrupção" value={start} onChange={(e) => setStart(e.target.value)} className="block" inputClassName="mt-1 block rounded border border-slate-300 px-2 py-1" />
        <DateTimeField label="Fim da interrupção" value={end} onChange={(e) => setEnd(e.target.value)} className="block" inputClassName="mt-1 block rounded border border-slate-300 px-2 py-1" />
        <p data-testid="interruption-duration">Duração: <strong>{Math.floor(minutes / 60)} h {minutes % 60} min</strong></p>
      </div>
      {proposal ? (
        <>
          <p className="text-sm text-slate-600">{RULE[proposal.rule]} · {proposal.lines.length} contrato(s) afetado(s), {proposal.affectedLogins} login(s)</p>
          {/* Why contracts get no discount (under 10 minutes, planned and announced, rounds to zero…): no R$ 0,00 rows are written. */}
          <p data-testid="discount-summary" className="text-sm text-slate-700">{proposal.summary}</p>
          <div className="max-h-96 overflow-auto">
            <table className="w-full text-sm">
              <thead className="sticky top-0 bg-white text-left text-slate-500">
                <tr className="[&>th]:px-2 [&>th]:py-1.5 [&>th]:font-medium [&>th]:whitespace-nowrap"><th>Cliente</th><th>Plano</th><th className="text-right">Proposto</th><th>Valor final (R$)</th><th className="text-center">Excluir</th><th>Motivo da alteração</th></tr>
              </thead>
              <tbody>
                {proposal.lines.map((l) => {
                  const e = edits[l.contractId] ?? {};
                  return (
                    <tr key={l.contractId} data-contract={l.contractId} className="border-t border-slate-100 [&>td]:px-2 [&>td]:py-1.5">
                      <td>{l.customerName}</td>
                      <td>{l.planName} <span className="text-xs text-slate-500">({formatCurrency(l.priceCents)})</span></td>
                      <td className="text-right tabular-nums" title={l.reason}>{formatCurrency(l.proposedCents)}</td>
                      <td><input aria-label={`Valor final para ${l.customerName}`} inputMode="decimal" placeholder={(l.proposedCents / 100).toFixed(2).replace(".", ",")}
                        value={e.amount ?? ""} disabled={e.excluded} onChange={(ev) => edit(l.contractId, { amount: ev.target.value })} className="w-24 rounded border border-slate-300 px-1.5 py-0.5" /></td>
                      <td className="text-center"><input type="checkbox" aria-label={`Excluir desconto de ${l.customerName}`} checked={e.excluded ?? false} onChange={(ev) => edit(l.contractId, { excluded: ev.target.checked })} /></td>
                      <td><input aria-label={`Motivo para ${l.customerName}`} value={e.reason ?? ""} onChange={(ev) => edit(l.contractId, { reason: ev.target.value })} className="w-64 rounded border border-slate-300 px-1.5 py-0.5" /></td>
                    </tr>
                  );
                })}
                {proposal.lines.length === 0 ? <tr><td colSpan={6} className="p-2 text-slate-500">Nenhum contrato afetado na região.</td></tr> : null}
              </tbody>
            </table>
          </div>
          <p className="text-sm">Total a aplicar: <strong data-testid="discount-total">{formatCurrency(total)}</strong></p>
        </>
      ) : null}
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <Button variant="warning" disabled={busy || !proposal} onClick={review}>
        {busy ? "Finalizando…" : "Confirmar finalização"}
      </Button>
      <ConfirmDialog open={pending !== null} title={`Finalizar a OS ${orderNumber}?`} confirmLabel="Finalizar e aplicar descontos" confirmVariant="warning"
        busy={busy} onConfirm={() => pending && void finalize(pending)} onCancel={() => setPending(null)}>
        {proposal ? (
          <>
            <p data-testid="finalize-total">
              Serão aplicados <strong>{formatCurrency(total)}</strong> em descontos a {proposal.lines.length - excludedCount} contrato(s)
              {excludedCount ? `, ${excludedCount} excluído(s)` : ""}
              {total !== proposal.totalCents ? ` (a regra propôs ${formatCurrency(proposal.totalCents)})` : ""}.
            </p>
            <p>Interrupção de {Math.floor(minutes / 60)} h {minutes % 60} min. Os {proposal.affectedLogins} login(s) afetados ficam registrados na OS e as mensagens de manutenção aos clientes da região param.</p>
            {webhookHost ? <p>O webhook configurado (<strong>{webhookHost}</strong>) recebe o evento “order.ended”.</p> : null}
            <p className="font-medium text-red-800">Esta ação não pode ser desfeita.</p>
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}
