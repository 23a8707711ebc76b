"use client";
// Second copy of the open invoice: asks for confirmation (it is an audited action), shows the invoice and
// copies the digitable line.
import { useRef, useState } from "react";
import type { InvoiceCopy } from "@/lib/contract-actions/copy-open-invoice-or-throw";

export function InvoiceCopyButton({ contractId, canAct }: { contractId: number; canAct: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [invoice, setInvoice] = useState<InvoiceCopy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/contracts/${contractId}/invoice`);
      const body = (await res.json()) as { invoice?: InvoiceCopy; error?: { message: string } };
      if (res.ok && body.invoice) setInvoice(body.invoice);
      else setError(body.error?.message ?? "Falha ao buscar a fatura.");
    } catch {
      setError("Sem conexão com o servidor. Tente de novo.");
    } finally {
      setBusy(false);
      dialog.current?.close();
    }
  }

  async function copyLine() {
    if (!invoice?.digitableLine) return;
    await navigator.clipboard.writeText(invoice.digitableLine).catch(() => undefined);
    setCopied(true);
  }

  return (
    <div>
      <button
        type="button"
        disabled={!canAct || busy}
        title={!canAct ? "Somente atendentes enviam a segunda via" : undefined}
        onClick={() => { setCopied(false); dialog.current?.showModal(); }}
        className="rounded border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-not-allowed disabled:border-slate-300 disabled:text-slate-400"
      >
        Segunda via da fatura
      </button>
      <dialog ref={dialog} aria-labelledby="invoice-copy-title" className="m-auto max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="invoice-copy-title" className="text-lg font-semibold">Gerar segunda via</h2>
        <p className="mt-2 text-sm text-slate-600">A fatura em aberto mais antiga do contrato {contractId} será exibida para envio ao cliente.</p>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-300 px-3 py-1.5 text-sm">Cancelar</button>
          <button type="button" onClick={confirm} disabled={busy} autoFocus className="rounded bg-brand-600 px-3 py-1.5 text-sm font-medium text-white">
            {busy ? "Buscando…" : "Gerar segunda via"}
          </button>
        </div>
      </dialog>
      {error ? <p role="alert" className="mt-2 text-sm text-red-700">{error}</p> : null}
      {invoice ? (
        <div role="status" data-testid="invoice-copy" className="mt-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p>
            <strong>{invoice.amount}</strong> · vencimento {invoice.dueDateLabel}
            {invoice.overdue ? <span className="ml-2 rounded bg-red-100 px-1.5 text-red-800">vencida há {invoice.daysOverdue} {invoice.daysOverdue === 1 ? "dia" : "dias"}</span> : null}
          </p>
          {invoice.digitableLine ? (
            <div className="mt-2 flex items-center gap-2">
              <code className="break-all text-xs">{invoice.digitableLine}</code>
              <button type="button" onClick={copyLine} className="shrink-0 rounded border border-slate-300 bg-white px-2 py-1 text-xs">
                {copied ? "Copiado" : "Copiar linha digitável"}
              </button>
            </div>
          ) : null}
          {invoice.paymentUrl ? <a href={invoice.paymentUrl} target="_blank" rel="noreferrer" className="mt-1 inline-block text-brand-600 underline">Abrir boleto</a> : null}
          {invoice.otherOpenInvoices > 0 ? <p className="mt-1 text-xs text-slate-500">Há mais {invoice.otherOpenInvoices} fatura(s) em aberto.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
