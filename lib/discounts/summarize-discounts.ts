// Why a contract gets no downtime discount, and the one-sentence summary the proposal, the finalize answer
// and the finalize screen show ("12 descontos, total R$ 3,40. Sem desconto para 5 contratos: …").
// A contract whose discount would be R$ 0,00 gets no Discount row (it would only reach the ERP as noise):
// the summary is where the reason is kept in sight. Pure.
import { formatCurrency } from "../format/number";
import { ANATEL_MINIMUM_MINUTES, ANATEL_PLANNED_NOTICE_HOURS } from "./compute-anatel-discount";

export type NoDiscountCause =
  | "BELOW_MINIMUM_MINUTES" // RQUAL: shorter than 10 minutes
  | "SINGLE_CUSTOMER" // RQUAL: an interruption must hit more than one customer
  | "PLANNED_ANNOUNCED" // RQUAL: planned and announced 72 h or more ahead
  | "NO_INTERRUPTION" // IXC: no elapsed time
  | "ROUNDS_TO_ZERO" // the amount rounds to R$ 0,00 (short interruption, cheap plan)
  | "EXCLUDED_IN_REVIEW"; // excluded or set to R$ 0,00 by the person finalizing, with a reason

export interface NoDiscountGroup {
  cause: NoDiscountCause;
  contracts: number;
  message: string;
}

export interface DiscountSummary {
  /** Portuguese, one sentence or two. */
  summary: string;
  /** The contracts without a discount, grouped by why (largest group first). */
  withoutDiscount: NoDiscountGroup[];
}

const NUMBER = new Intl.NumberFormat("pt-BR");

function causeMessage(cause: NoDiscountCause, minutes: number, noticeHours: number): string {
  switch (cause) {
    case "BELOW_MINIMUM_MINUTES":
      return `interrupção de ${minutes} min, abaixo do mínimo de ${ANATEL_MINIMUM_MINUTES} minutos da Anatel (RQUAL)`;
    case "SINGLE_CUSTOMER":
      return "a interrupção atingiu um só cliente, e a Anatel (RQUAL) só considera as que atingem mais de um";
    case "PLANNED_ANNOUNCED":
      return `interrupção programada e cliente avisado com ${noticeHours} h ou mais de antecedência (Anatel RQUAL)`;
    case "NO_INTERRUPTION":
      return "interrupção sem duração";
    case "ROUNDS_TO_ZERO":
      return "o valor calculado arredonda para R$ 0,00";
    case "EXCLUDED_IN_REVIEW":
      return "excluído ou zerado na revisão, com motivo";
  }
}

/**
 * `discounts`: the contracts that get a discount (amount > 0) and their total; `without`: every other
 * affected contract with its cause and the interruption's whole minutes.
 */
export function summarizeDiscounts(
  discounts: { count: number; totalCents: number },
  without: readonly { cause: NoDiscountCause; minutes: number }[],
  noticeHours: number = ANATEL_PLANNED_NOTICE_HOURS,
): DiscountSummary {
  const groups = new Map<NoDiscountCause, NoDiscountGroup>();
  for (const w of without) {
    const g = groups.get(w.cause);
    if (g) g.contracts++;
    else groups.set(w.cause, { cause: w.cause, contracts: 1, message: causeMessage(w.cause, w.minutes, noticeHours) });
  }
  const withoutDiscount = [...groups.values()].sort((a, b) => b.contracts - a.contracts);
  if (discounts.count === 0 && withoutDiscount.length === 0) {
    return { summary: "Nenhum contrato ativo afetado pela região: nenhum desconto.", withoutDiscount };
  }
  const parts: string[] = [];
  if (discounts.count > 0) parts.push(`${NUMBER.format(discounts.count)} desconto(s), total ${formatCurrency(discounts.totalCents)}.`);
  else parts.push("Nenhum desconto.");
  if (withoutDiscount.length > 0) {
    const total = withoutDiscount.reduce((s, g) => s + g.contracts, 0);
    const why = withoutDiscount.map((g) => (withoutDiscount.length > 1 ? `${g.message} (${NUMBER.format(g.contracts)})` : g.message)).join("; ");
    parts.push(`Sem desconto para ${NUMBER.format(total)} contrato(s): ${why}.`);
  }
  return { summary: parts.join(" "), withoutDiscount };
}
