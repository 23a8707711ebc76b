// The downtime discount of one contract under the rule the settings choose (per subject or globally).
// Pure. The caller does not know in advance which rule applies, so it passes everything either rule
// needs: the contract's monthly price serves as RQUAL's monthly fee and as IXC's plan price.
//
// Both rules round the same way (roundCents: half up to the nearest cent, once, on the exact amount) and
// count minutes the same way (measureInterruption: whole minutes, rounded down). For IXC's rule `minutes`
// is informative (what Discount.minutes stores); its amount uses the exact elapsed time, and it is
// `eligible` whenever the interruption lasted more than zero time.
import type { Settings } from "../validation/settings";
import { computeAnatelDiscount, type AnatelDiscountInput } from "./compute-anatel-discount";
import { computeIxcDiscount } from "./compute-ixc-discount";
import { measureInterruption } from "./measure-interruption";
import type { NoDiscountCause } from "./summarize-discounts";

/** "ANATEL_RQUAL" | "IXC", the same names as the settings and the DiscountRule enum of the schema. */
export type DiscountRule = Settings["discountRule"];

/** What either rule needs; IXC's rule reads monthlyFeeCents as the plan price and ignores the rest. */
export type DiscountInput = AnatelDiscountInput;

export interface DiscountProposal {
  rule: DiscountRule;
  /** Whole minutes interrupted (floor of the elapsed ms ÷ 60,000). */
  minutes: number;
  amountCents: number;
  eligible: boolean;
  /** Portuguese, for the review screen and the audit trail. */
  reason: string;
  /** Why the amount is zero (null when there is an amount). */
  noDiscountCause: NoDiscountCause | null;
}

/** The proposed discount for one contract under `rule`. Throws a 400 on invalid input. */
export function computeDiscount(rule: DiscountRule, input: DiscountInput): DiscountProposal {
  switch (rule) {
    case "ANATEL_RQUAL": {
      const { eligible, minutes, amountCents, reason, noDiscountCause } = computeAnatelDiscount(input);
      return { rule, minutes, amountCents, eligible, reason, noDiscountCause: noDiscountCause ?? (amountCents === 0 ? "ROUNDS_TO_ZERO" : null) };
    }
    case "IXC": {
      const { amountCents, reason } = computeIxcDiscount({
        planPriceCents: input.monthlyFeeCents,
        interruptionStart: input.interruptionStart,
        interruptionEnd: input.interruptionEnd,
      });
      const { elapsedMs, minutes } = measureInterruption(input.interruptionStart, input.interruptionEnd);
      const noDiscountCause = elapsedMs === 0 ? "NO_INTERRUPTION" : amountCents === 0 ? "ROUNDS_TO_ZERO" : null;
      return { rule, minutes, amountCents, eligible: elapsedMs > 0, reason, noDiscountCause };
    }
    default: {
      const unknown: never = rule;
      throw new Error(`Regra de desconto desconhecida: ${String(unknown)}`);
    }
  }
}
