// IXC Provedor's downtime discount for one contract: (plan price ÷ (24 × days in the month)) × hours between
// the order's opening and closing. Pure: plain data in, plain data out, inputs never mutated, no clock.
//
// Choices, documented because IXC's own wording leaves them open:
//   - Hours are exact: elapsed ms ÷ 3,600,000, fractional (2 h 30 min = 2.5 h); nothing is rounded but the
//     final cents.
//   - "Days in the month" is taken per month of São Paulo's calendar (America/Sao_Paulo): an interruption
//     that crosses a month end is split at São Paulo midnight and each part is priced with its own month's
//     days (2026-10-31 22:00 → 2026-11-01 02:00 = 2 h ÷ 31 days + 2 h ÷ 30 days). Pricing the whole
//     interruption with the month it started in would charge the next month's hours at the wrong daily
//     rate; with the split, a whole calendar month of downtime is exactly the plan price in any month.
//   - There is no minimum duration, no planned-interruption exception and no affected-customer minimum in
//     IXC's rule: every interruption of more than zero time is discounted.
//   - The amount is the exact sum Σ priceCents × msᵢ ÷ (86,400,000 × daysᵢ), kept as one BigInt fraction
//     and rounded once by roundCents (half up to the nearest cent).
import { formatCurrency } from "../format/number";
import { assertPriceCents } from "./assert-price-cents";
import { measureInterruption } from "./measure-interruption";
import { roundCents } from "./round-cents";
import { splitByCalendarMonth } from "./split-by-calendar-month";

/** Hours in a day: IXC's daily price is the plan price ÷ (24 × days in the month). */
export const IXC_HOURS_PER_DAY = 24;
/** One hour in milliseconds. */
const HOUR_MS = 3_600_000;

const HOURS = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 2 });

export interface IxcDiscountInput {
  /** The contract's plan price per month in integer cents (R$ 99,90 → 9990). */
  planPriceCents: number;
  /** The order's opening (start of the interruption). */
  interruptionStart: Date;
  /** The order's closing (end of the interruption). */
  interruptionEnd: Date;
}

export interface IxcDiscount {
  /** Exact hours, fractional (elapsed ms ÷ 3,600,000). */
  hours: number;
  amountCents: number;
  /** How the amount was reached, in Portuguese, one term per calendar month. */
  reason: string;
}

/** IXC's discount of one contract for one interruption. Throws a 400 on invalid input. */
export function computeIxcDiscount(input: IxcDiscountInput): IxcDiscount {
  const { planPriceCents, interruptionStart, interruptionEnd } = input;
  assertPriceCents(planPriceCents, "planPriceCents", "Preço do plano");
  const { elapsedMs } = measureInterruption(interruptionStart, interruptionEnd);
  const hours = elapsedMs / HOUR_MS;
  if (elapsedMs === 0) {
    return { hours, amountCents: 0, reason: "Regra IXC: interrupção sem duração; sem desconto." };
  }

  const parts = splitByCalendarMonth(interruptionStart, interruptionEnd);
  // Σ price × msᵢ ÷ (HOUR_MS × 24 × daysᵢ), summed exactly as one fraction num/den.
  let num = 0n;
  let den = 1n;
  for (const part of parts) {
    const partNum = BigInt(planPriceCents) * BigInt(part.elapsedMs);
    const partDen = BigInt(HOUR_MS * IXC_HOURS_PER_DAY * part.daysInMonth);
    num = num * partDen + partNum * den;
    den = den * partDen;
    const divisor = gcd(num, den);
    num /= divisor;
    den /= divisor;
  }
  const amountCents = roundCents(num, den);

  const price = formatCurrency(planPriceCents);
  const terms = parts.map((part) => {
    const month = parts.length > 1 ? ` (${part.month.slice(5)}/${part.month.slice(0, 4)})` : "";
    return `${price} ÷ (${IXC_HOURS_PER_DAY} × ${part.daysInMonth} dias) × ${HOURS.format(part.elapsedMs / HOUR_MS)} h${month}`;
  });
  return { hours, amountCents, reason: `Regra IXC: ${terms.join(" + ")} = ${formatCurrency(amountCents)}.` };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
