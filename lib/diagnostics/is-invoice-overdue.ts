import { toCalendarDate, toZonedDate } from "../format/date-time";
import type { DiagnosticsInvoice } from "./types";

/**
 * True when the invoice was overdue at instant `at`: not paid by then (paidAt null or later than `at`) and
 * its due date is before `at`'s calendar date in São Paulo. An invoice due today is not overdue yet: the
 * customer may pay until the end of the due date.
 */
export function isInvoiceOverdue(invoice: Pick<DiagnosticsInvoice, "dueDate" | "paidAt">, at: Date): boolean {
  const paidByThen = invoice.paidAt !== null && invoice.paidAt.getTime() <= at.getTime();
  return !paidByThen && toCalendarDate(invoice.dueDate) < toZonedDate(at);
}
