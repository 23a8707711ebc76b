import { describe, expect, test } from "vitest";
import { computeDiscount, type DiscountInput, type DiscountRule } from "./compute-discount";

/** An instant given as São Paulo wall-clock time (−03:00 since 2019). */
const sp = (wall: string) => new Date(`${wall}:00-03:00`);

const base: DiscountInput = {
  monthlyFeeCents: 9990,
  interruptionStart: sp("2026-10-31T22:00"),
  interruptionEnd: sp("2026-11-01T02:00"),
  planned: false,
  announcedAt: null,
  affectedCustomers: 3,
};

describe("computeDiscount: dispatches to the rule the settings choose", () => {
  test.each<{ label: string; rule: DiscountRule; input: DiscountInput; eligible: boolean; minutes: number; cents: number }>([
    // RQUAL: 240 min × 9990 ÷ 43,200 = 55.5 → 56 (a 30-day month whatever the calendar)
    { label: "RQUAL across a month end", rule: "ANATEL_RQUAL", input: base, eligible: true, minutes: 240, cents: 56 },
    // IXC: 2 h ÷ 31 days + 2 h ÷ 30 days = 54.60 → 55
    { label: "IXC across a month end", rule: "IXC", input: base, eligible: true, minutes: 240, cents: 55 },
    { label: "RQUAL, one customer only", rule: "ANATEL_RQUAL", input: { ...base, affectedCustomers: 1 }, eligible: false, minutes: 240, cents: 0 },
    // IXC has no customer minimum, no planned exception and no 10-minute minimum
    { label: "IXC, one customer only", rule: "IXC", input: { ...base, affectedCustomers: 1 }, eligible: true, minutes: 240, cents: 55 },
    {
      label: "IXC, planned with 72 h notice",
      rule: "IXC",
      input: { ...base, planned: true, announcedAt: sp("2026-10-28T22:00") },
      eligible: true,
      minutes: 240,
      cents: 55,
    },
    {
      label: "RQUAL, planned with 72 h notice",
      rule: "ANATEL_RQUAL",
      input: { ...base, planned: true, announcedAt: sp("2026-10-28T22:00") },
      eligible: false,
      minutes: 240,
      cents: 0,
    },
    // 9 min 30 s: IXC 9990 × (9.5/60) ÷ 744 = 2.126 → 2, minutes floored to 9
    { label: "IXC, 9 min 30 s", rule: "IXC", input: { ...base, interruptionEnd: new Date(base.interruptionStart.getTime() + 570_000) }, eligible: true, minutes: 9, cents: 2 },
    { label: "RQUAL, 9 min 30 s", rule: "ANATEL_RQUAL", input: { ...base, interruptionEnd: new Date(base.interruptionStart.getTime() + 570_000) }, eligible: false, minutes: 9, cents: 0 },
    { label: "IXC, zero length", rule: "IXC", input: { ...base, interruptionEnd: base.interruptionStart }, eligible: false, minutes: 0, cents: 0 },
  ])("$label", ({ rule, input, eligible, minutes, cents }) => {
    const result = computeDiscount(rule, input);
    expect(result).toMatchObject({ rule, eligible, minutes, amountCents: cents });
    expect(result.reason).not.toBe("");
  });

  test.each<{ rule: DiscountRule }>([{ rule: "ANATEL_RQUAL" }, { rule: "IXC" }])(
    "$rule throws a Portuguese error when the end comes before the start",
    ({ rule }) => {
      expect(() => computeDiscount(rule, { ...base, interruptionEnd: sp("2026-10-31T21:00") })).toThrow(
        /é anterior ao início/,
      );
    },
  );
});
