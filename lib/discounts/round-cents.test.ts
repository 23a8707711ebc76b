import { describe, expect, test } from "vitest";
import { roundCents } from "./round-cents";

describe("roundCents: half up to the nearest cent, on the exact fraction", () => {
  test.each([
    { label: "a whole number of cents stays", numerator: 300n, denominator: 100n, cents: 3 },
    { label: "below half goes down (0.4999…)", numerator: 4999n, denominator: 10_000n, cents: 0 },
    { label: "exactly half goes up (0.5 → 1)", numerator: 1n, denominator: 2n, cents: 1 },
    { label: "exactly half goes up, not to even (2.5 → 3)", numerator: 5n, denominator: 2n, cents: 3 },
    { label: "above half goes up (0.5001 → 1)", numerator: 5001n, denominator: 10_000n, cents: 1 },
    { label: "zero", numerator: 0n, denominator: 7n, cents: 0 },
    // R$ 99,90 × 62 h ÷ (24 × 31) = 619,380 ÷ 744 = 832.5 exactly → 833;
    // in floats 99.90 / 744 * 62 * 100 = 832.4999999999999 and Math.round gives 832.
    { label: "IXC R$ 99,90 × 62 h in 31 days (float says 832.4999…)", numerator: 619_380n, denominator: 744n, cents: 833 },
    // R$ 18,90 × 720 min ÷ 43,200 = 1,360,800 ÷ 43,200 = 31.5 exactly → 32;
    // in floats 1890 / 43200 * 720 = 31.499999999999996 and Math.round gives 31.
    { label: "RQUAL R$ 18,90 × 720 min (float says 31.4999…)", numerator: 1_360_800n, denominator: 43_200n, cents: 32 },
    // R$ 99,90 × 7 min ÷ 43,200 = 69,930 ÷ 43,200 = 1.61875 (float: 1.6187500000000001) → 2.
    { label: "R$ 99,90 × 7 min ÷ 43,200 = 1.61875", numerator: 69_930n, denominator: 43_200n, cents: 2 },
  ])("$label", ({ numerator, denominator, cents }) => {
    expect(roundCents(numerator, denominator)).toBe(cents);
  });

  test.each([
    { label: "a zero denominator", numerator: 1n, denominator: 0n },
    { label: "a negative denominator", numerator: 1n, denominator: -2n },
    { label: "a negative amount", numerator: -1n, denominator: 2n },
    { label: "an amount beyond safe integers", numerator: 2n ** 60n, denominator: 1n },
  ])("refuses $label", ({ numerator, denominator }) => {
    expect(() => roundCents(numerator, denominator)).toThrow(RangeError);
  });
});
