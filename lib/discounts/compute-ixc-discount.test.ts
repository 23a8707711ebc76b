import { describe, expect, test } from "vitest";
import { AppError } from "../errors";
import { computeIxcDiscount } from "./compute-ixc-discount";

/** An instant given as São Paulo wall-clock time (−03:00 since 2019). */
const sp = (wall: string) => new Date(`${wall}:00-03:00`);
const PRICE = 9990; // R$ 99,90

const discount = (start: string, end: string, planPriceCents = PRICE) =>
  computeIxcDiscount({ planPriceCents, interruptionStart: sp(start), interruptionEnd: sp(end) });

describe("computeIxcDiscount: days in the month", () => {
  // 10 h at R$ 99,90: 99,900 ÷ (24 × days).
  test.each([
    // 99,900 ÷ 672 = 148.66 → 149
    { label: "February 2027 (28 days)", start: "2027-02-10T08:00", end: "2027-02-10T18:00", days: 28, cents: 149 },
    // 99,900 ÷ 696 = 143.53 → 144
    { label: "February 2028 (29 days, leap year)", start: "2028-02-10T08:00", end: "2028-02-10T18:00", days: 29, cents: 144 },
    // 99,900 ÷ 720 = 138.75 → 139
    { label: "November 2026 (30 days)", start: "2026-11-10T08:00", end: "2026-11-10T18:00", days: 30, cents: 139 },
    // 99,900 ÷ 744 = 134.27 → 134
    { label: "October 2026 (31 days)", start: "2026-10-10T08:00", end: "2026-10-10T18:00", days: 31, cents: 134 },
  ])("10 h in $label → $cents cents", ({ start, end, days, cents }) => {
    const result = discount(start, end);
    expect(result).toEqual({
      hours: 10,
      amountCents: cents,
      reason: `Regra IXC: R$ 99,90 ÷ (24 × ${days} dias) × 10 h = R$ ${(cents / 100).toFixed(2).replace(".", ",")}.`,
    });
  });

  test.each([
    { label: "February 2027 (28 days)", start: "2027-02-01T00:00", end: "2027-03-01T00:00", hours: 28 * 24 },
    { label: "February 2028 (29 days)", start: "2028-02-01T00:00", end: "2028-03-01T00:00", hours: 29 * 24 },
    { label: "November 2026 (30 days)", start: "2026-11-01T00:00", end: "2026-12-01T00:00", hours: 30 * 24 },
    { label: "October 2026 (31 days)", start: "2026-10-01T00:00", end: "2026-11-01T00:00", hours: 31 * 24 },
  ])("a whole São Paulo month of $label costs exactly the plan price", ({ start, end, hours }) => {
    expect(discount(start, end)).toMatchObject({ hours, amountCents: PRICE });
  });
});

describe("computeIxcDiscount: across midnight and month ends", () => {
  test("across midnight inside a month: one term", () => {
    // 22:00 → 01:30 = 3.5 h; 9990 × 3.5 ÷ 720 = 34,965 ÷ 720 = 48.5625 → 49
    expect(discount("2026-11-10T22:00", "2026-11-11T01:30")).toEqual({
      hours: 3.5,
      amountCents: 49,
      reason: "Regra IXC: R$ 99,90 ÷ (24 × 30 dias) × 3,5 h = R$ 0,49.",
    });
  });

  test("across a month end: each part priced with its own month's days", () => {
    // 2026-10-31 22:00 → 2026-11-01 02:00 São Paulo = 2 h of October (31 d) + 2 h of November (30 d):
    //   19,980 ÷ 744 + 19,980 ÷ 720 = 26.8548… + 27.75 = 54.6048… → 55.
    // Priced all with the starting month it would be 39,960 ÷ 744 = 53.71 → 54; split at the UTC month end
    // (21:00 São Paulo) all 4 h would fall in November: 39,960 ÷ 720 = 55.5 → 56.
    expect(discount("2026-10-31T22:00", "2026-11-01T02:00")).toEqual({
      hours: 4,
      amountCents: 55,
      reason:
        "Regra IXC: R$ 99,90 ÷ (24 × 31 dias) × 2 h (10/2026) + R$ 99,90 ÷ (24 × 30 dias) × 2 h (11/2026) = R$ 0,55.",
    });
  });

  test.each([
    // 9990 ÷ 744 + 9990 ÷ 744 = 19,980 ÷ 744 = 26.85 → 27
    { label: "the year end (31 + 31 days)", start: "2026-12-31T23:00", end: "2027-01-01T01:00", hours: 2, cents: 27 },
    // 9990 ÷ 696 + 9990 ÷ 744 = 14.3534… + 13.4274… = 27.7808… → 28
    { label: "a leap February into March (29 + 31 days)", start: "2028-02-29T23:00", end: "2028-03-01T01:00", hours: 2, cents: 28 },
    // 9990 ÷ 672 + 9990 ÷ 744 = 14.8661… + 13.4274… = 28.2935… → 28
    { label: "February 2027 into March (28 + 31 days)", start: "2027-02-28T23:00", end: "2027-03-01T01:00", hours: 2, cents: 28 },
    // 12 h of January (119,880 ÷ 744 = 161.129…) + all February (9990) + 12 h of March (161.129…)
    //   = 10,312.258… → 10,312
    { label: "three months (Jan, all of Feb, Mar 2027)", start: "2027-01-31T12:00", end: "2027-03-01T12:00", hours: 696, cents: 10_312 },
    // Summer time (−02:00) in 2019: São Paulo's February began at 2019-02-01T02:00Z, so 23:00 → 01:00
    // local is 1 h of January and 1 h of February: 13.4274… + 14.8661… = 28.29 → 28. A fixed −03:00
    // would put both hours in January: 19,980 ÷ 744 = 26.85 → 27.
    { label: "a month end during the old summer time (2019)", start: "2019-01-31T23:00-02:00", end: "2019-02-01T01:00-02:00", hours: 2, cents: 28 },
  ])("across $label", ({ start, end, hours, cents }) => {
    const at = (wall: string) => (wall.endsWith("-02:00") ? new Date(wall.replace("-02:00", ":00-02:00")) : sp(wall));
    const result = computeIxcDiscount({ planPriceCents: PRICE, interruptionStart: at(start), interruptionEnd: at(end) });
    expect(result).toMatchObject({ hours, amountCents: cents });
  });
});

describe("computeIxcDiscount: hours and rounding", () => {
  test.each([
    // 360 × 1 ÷ 720 = 0.5 exactly → 1 (half up)
    { label: "R$ 3,60 × 1 h in 30 days = 0.5 cent → 1", price: 360, start: "2026-11-10T10:00", end: "2026-11-10T11:00", hours: 1, cents: 1 },
    // 1080 × 1 ÷ 720 = 1.5 → 2; 2.5 would also go up (see round-cents.test.ts)
    { label: "R$ 10,80 × 1 h in 30 days = 1.5 cents → 2", price: 1080, start: "2026-11-10T10:00", end: "2026-11-10T11:00", hours: 1, cents: 2 },
    // 9990 × 62 ÷ 744 = 619,380 ÷ 744 = 832.5 exactly → 833 (floats: 99.90/744*62*100 = 832.4999999999999)
    { label: "R$ 99,90 × 62 h in 31 days = 832.5 cents → 833", price: 9990, start: "2026-10-01T00:00", end: "2026-10-03T14:00", hours: 62, cents: 833 },
    // 9990 × 7 ÷ 720 = 69,930 ÷ 720 = 97.125 → 97
    { label: "R$ 99,90 × 7 h in 30 days = 97.125 cents → 97", price: 9990, start: "2026-11-10T10:00", end: "2026-11-10T17:00", hours: 7, cents: 97 },
    // 7 min = 7/60 h: 9990 × 7 ÷ (60 × 720) = 69,930 ÷ 43,200 = 1.61875 → 2 (floats: 1.6187500000000001)
    { label: "R$ 99,90 × 7 min in 30 days = 1.61875 cents → 2", price: 9990, start: "2026-11-10T10:00", end: "2026-11-10T10:07", hours: 7 / 60, cents: 2 },
    // 2 h 30 min = 2.5 h exactly: 9990 × 2.5 ÷ 720 = 24,975 ÷ 720 = 34.6875 → 35
    { label: "2 h 30 min is 2.5 h", price: 9990, start: "2026-11-10T10:00", end: "2026-11-10T12:30", hours: 2.5, cents: 35 },
    { label: "zero length → nothing", price: 9990, start: "2026-11-10T10:00", end: "2026-11-10T10:00", hours: 0, cents: 0 },
  ])("$label", ({ price, start, end, hours, cents }) => {
    const result = discount(start, end, price);
    expect(result.hours).toBeCloseTo(hours, 12);
    expect(result.amountCents).toBe(cents);
  });

  test("seconds count (no minimum, no whole minutes)", () => {
    // 30 s = 1/120 h: 9990 ÷ (120 × 720) = 0.1156 → 0; 5 min: 9990 ÷ (12 × 720) = 1.156 → 1
    const start = sp("2026-11-10T10:00");
    const at = (ms: number) => computeIxcDiscount({ planPriceCents: PRICE, interruptionStart: start, interruptionEnd: new Date(start.getTime() + ms) });
    expect(at(30_000)).toMatchObject({ hours: 30_000 / 3_600_000, amountCents: 0 });
    expect(at(300_000)).toMatchObject({ amountCents: 1 });
  });
});

describe("computeIxcDiscount: invalid input", () => {
  test("throws a Portuguese 400 when the end comes before the start", () => {
    const call = () => discount("2026-11-10T10:00", "2026-11-10T09:59");
    expect(call).toThrow(AppError);
    expect(call).toThrow(
      "Fim da interrupção (2026-11-10T12:59:00.000Z) é anterior ao início (2026-11-10T13:00:00.000Z).",
    );
  });

  test.each([
    { label: "a price in reais", price: 99.9 },
    { label: "a negative price", price: -100 },
    { label: "NaN", price: Number.NaN },
  ])("refuses $label", ({ price }) => {
    expect(() => discount("2026-11-10T10:00", "2026-11-10T11:00", price)).toThrow(/Preço do plano .* inválida/);
  });

  test("leaves its input untouched", () => {
    const given = { planPriceCents: PRICE, interruptionStart: sp("2026-10-31T22:00"), interruptionEnd: sp("2026-11-01T02:00") };
    const copy = structuredClone(given);
    computeIxcDiscount(given);
    expect(given).toEqual(copy);
  });
});
