"use client";
// Second copy of the open invoice: asks for confirmation (it is an audited action), shows the invoice and
// copies the digitable line.
import { useState } from "react";
import type { InvoiceCopy } from "@/lib/contract-actions/copy-open-invoice-or-throw";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";

export function InvoiceCopyButton({ contractId, canAct }: { contractId: number; canAct: boolean }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [invoice, setInvoice] = useState<InvoiceCopy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setInvoice((await apiFetch<{ invoice: InvoiceCopy }>(`/api/v1/contracts/${contractId}/invoice`)).invoice);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  async function copyLine() {
    if (!invoice?.digitableLine) return;
    await navigator.clipboard.writeText(invoice.digitableLine).catch(() => undefined);
    setCopied(true);
  }

  return (
    <div>
      <Button variant="secondary" disabled={!canAct || busy} title={!canAct ? "Somente atendentes enviam a segunda via" : undefined}
        onClick={() => { setCopied(false); setAsking(true); }} className="font-medium">
        Segunda via da fatura
      </Button>
      <ConfirmDialog open={asking} title="Gerar segunda via" confirmLabel="Gerar segunda via" cancelLabel="Cancelar"
        busy={busy} onConfirm={() => void confirm()} onCancel={() => setAsking(false)}>
        <p>A fatura em aberto mais antiga do contrato {contractId} será exibida para envio ao cliente.</p>
      </ConfirmDialog>
      {error ? <Notice tone="error" className="mt-2">{error}</Notice> : null}
      {invoice ? (
        <div role="status" data-testid="invoice-copy" className="mt-2 rounded border border-slate-200 bg-slate-50 p-3 text-sm">
          <p>
            <strong>{invoice.amount}</strong> · vencimento {invoice.dueDateLabel}
            {invoice.overdue ? <span className="ml-2 rounded bg-red-100 px-1.5 text-red-800">vencida há {invoice.daysOverdue} {invoice.daysOverdue === 1 ? "dia" : "dias"}</span> : null}
          </p>
          {invoice.digitableLine ? (
            <div className="mt-2 flex items-center gap-2">
              <code className="break-all text-xs">{invoice.digitableLine}</code>
              <Button variant="secondary" onClick={() => void copyLine()} className="shrink-0">
                {copied ? "Copiado" : "Copiar linha digitável"}
              </Button>
            </div>
          ) : null}
          {invoice.paymentUrl ? <a href={invoice.paymentUrl} target="_blank" rel="noreferrer" className="mt-1 inline-block text-brand-600 underline">Abrir boleto</a> : null}
          {invoice.pixTxid ? <p className="mt-1 text-xs">PIX (txid): <code className="break-all">{invoice.pixTxid}</code></p> : null}
          {invoice.pdfBase64 ? (
            <a href={`data:application/pdf;base64,${invoice.pdfBase64}`} download={`boleto-${invoice.id}.pdf`} className="mt-1 inline-block text-brand-600 underline">
              Baixar PDF do boleto
            </a>
          ) : null}
          {invoice.source === "erp" ? <p className="mt-1 text-xs text-slate-500">Emitida agora pelo ERP.</p> : null}
          {invoice.otherOpenInvoices > 0 ? <p className="mt-1 text-xs text-slate-500">Há mais {invoice.otherOpenInvoices} fatura(s) em aberto.</p> : null}
        </div>
      ) : null}
    </div>
  );
}
