// GET /api/v1/contracts/{id}/invoice: the second copy (segunda via) of the open invoice — the oldest
// unpaid one, which is the one that keeps the contract blocked or on reduced speed. Audited (who asked for
// which invoice, when), since it is an action the chatbot performs for the customer.
import { db } from "../db";
import { notFound } from "../errors";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { formatCurrency } from "../diagnostics/format-currency";
import { isInvoiceOverdue } from "../diagnostics/is-invoice-overdue";
import { formatCalendarDate, toCalendarDate, toSaoPauloDate } from "../diagnostics/sao-paulo-time";

export const INVOICE_COPY_ACTION = "contract.invoice-copy";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface InvoiceCopy {
  id: number;
  contractId: number;
  /** "YYYY-MM-DD" */
  dueDate: string;
  /** "DD/MM/YYYY" */
  dueDateLabel: string;
  amountCents: number;
  /** "R$ 99,90" */
  amount: string;
  digitableLine: string | null;
  paymentUrl: string | null;
  overdue: boolean;
  daysOverdue: number;
  /** Further unpaid invoices of the contract beyond this one. */
  otherOpenInvoices: number;
}

export async function copyOpenInvoiceOrThrow(
  contractId: number,
  principal: Principal,
  now: Date = new Date(),
): Promise<InvoiceCopy> {
  const contract = await db.contract.findUnique({
    where: { id: contractId },
    select: {
      id: true,
      customerId: true,
      invoices: {
        where: { paidAt: null },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: 1,
        select: { id: true, dueDate: true, amountCents: true, paidAt: true, digitableLine: true, paymentUrl: true },
      },
      _count: { select: { invoices: { where: { paidAt: null } } } },
    },
  });
  if (!contract) throw notFound(`Contrato ${contractId} não encontrado.`);
  const invoice = contract.invoices[0];
  if (!invoice) throw notFound(`O contrato ${contractId} não tem fatura em aberto.`);
  const due = toCalendarDate(invoice.dueDate);
  const overdue = isInvoiceOverdue(invoice, now);
  const daysOverdue = overdue
    ? Math.round((Date.parse(`${toSaoPauloDate(now)}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / DAY_MS)
    : 0;
  await recordAudit(db, principal, INVOICE_COPY_ACTION, { type: "Contract", id: contractId }, {
    result: "enviada",
    customerId: contract.customerId,
    invoiceId: invoice.id,
  });
  return {
    id: invoice.id,
    contractId,
    dueDate: due,
    dueDateLabel: formatCalendarDate(due),
    amountCents: invoice.amountCents,
    amount: formatCurrency(invoice.amountCents),
    digitableLine: invoice.digitableLine,
    paymentUrl: invoice.paymentUrl,
    overdue,
    daysOverdue,
    otherOpenInvoices: contract._count.invoices - 1,
  };
}
