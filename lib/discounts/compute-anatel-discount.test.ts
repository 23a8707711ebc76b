import { describe, expect, test } from "vitest";
import { AppError } from "../errors";
import { computeAnatelDiscount, type AnatelDiscountInput } from "./compute-anatel-discount";

/** An instant given as São Paulo wall-clock time (−03:00 since 2019). */
const sp = (wall: string) => new Date(`${wall}:00-03:00`);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const START = sp("2026-11-10T10:00");
const after = (ms: number) => new Date(START.getTime() + ms);
const before = (ms: number) => new Date(START.getTime() - ms);

function input(overrides: Partial<AnatelDiscountInput> = {}): AnatelDiscountInput {
  return {
    monthlyFeeCents: 9990, // R$ 99,90
    interruptionStart: START,
    interruptionEnd: after(60 * MINUTE_MS),
    planned: false,
    announcedAt: null,
    affectedCustomers: 5,
    ...overrides,
  };
}

describe("computeAnatelDiscount: the 10-minute minimum", () => {
  // Amounts: 9990 × minutes ÷ 43,200, rounded half up.
  test.each([
    { label: "zero length", ms: 0, eligible: false, minutes: 0, cents: 0 },
    { label: "9 min 59 s (floor → 9 min, below)", ms: 9 * MINUTE_MS + 59_000, eligible: false, minutes: 9, cents: 0 },
    { label: "9 min 59.999 s", ms: 10 * MINUTE_MS - 1, eligible: false, minutes: 9, cents: 0 },
    // 99,900 ÷ 43,200 = 2.3125 → 2
    { label: "exactly 10 min", ms: 10 * MINUTE_MS, eligible: true, minutes: 10, cents: 2 },
    // seconds beyond the last whole minute are not paid: still 10 min → 2
    { label: "10 min 59 s counts as 10", ms: 10 * MINUTE_MS + 59_000, eligible: true, minutes: 10, cents: 2 },
    // 109,890 ÷ 43,200 = 2.54375 → 3
    { label: "11 min", ms: 11 * MINUTE_MS, eligible: true, minutes: 11, cents: 3 },
    // 169,830 ÷ 43,200 = 3.93125 → 4
    { label: "17 min", ms: 17 * MINUTE_MS, eligible: true, minutes: 17, cents: 4 },
    // 43,200 min is a 30-day month: the whole fee
    { label: "a whole 30-day month", ms: 30 * 24 * HOUR_MS, eligible: true, minutes: 43_200, cents: 9990 },
  ])("$label → eligible $eligible, $minutes min, $cents cents", ({ ms, eligible, minutes, cents }) => {
    const result = computeAnatelDiscount(input({ interruptionEnd: after(ms) }));
    expect(result).toMatchObject({ eligible, minutes, amountCents: cents });
  });

  test("an interruption across midnight counts every minute", () => {
    // 22:00 → 01:30 next day = 210 min; 9990 × 210 ÷ 43,200 = 2,097,900 ÷ 43,200 = 48.5625 → 49
    const result = computeAnatelDiscount(
      input({ interruptionStart: sp("2026-11-10T22:00"), interruptionEnd: sp("2026-11-11T01:30") }),
    );
    expect(result).toMatchObject({ eligible: true, minutes: 210, amountCents: 49 });
  });

  test("names the short duration in Portuguese", () => {
    const result = computeAnatelDiscount(input({ interruptionEnd: after(9 * MINUTE_MS + 59_000) }));
    expect(result.reason).toBe(
      "Interrupção de 9 min: abaixo do mínimo de 10 minutos da Anatel (RQUAL); sem ressarcimento.",
    );
  });

  test("shows the calculation when refunded", () => {
    const result = computeAnatelDiscount(input({ interruptionEnd: after(10 * MINUTE_MS) }));
    expect(result.reason).toBe("Ressarcimento Anatel (RQUAL): R$ 99,90 ÷ 43.200 × 10 min = R$ 0,02.");
  });
});

describe("computeAnatelDiscount: planned interruptions and 72 hours' notice", () => {
  // 60 min at R$ 99,90: 599,400 ÷ 43,200 = 13.875 → 14 cents when refunded.
  test.each([
    { label: "not planned", planned: false, announcedAt: null, eligible: true, cents: 14 },
    { label: "not planned, an announcement is ignored", planned: false, announcedAt: before(100 * HOUR_MS), eligible: true, cents: 14 },
    { label: "planned, announced 7 days before", planned: true, announcedAt: before(7 * 24 * HOUR_MS), eligible: false, cents: 0 },
    { label: "planned, announced 72 h 1 min before", planned: true, announcedAt: before(72 * HOUR_MS + MINUTE_MS), eligible: false, cents: 0 },
    { label: "planned, announced exactly 72 h before", planned: true, announcedAt: before(72 * HOUR_MS), eligible: false, cents: 0 },
    { label: "planned, announced 71 h 59 min 59.999 s before", planned: true, announcedAt: before(72 * HOUR_MS - 1), eligible: true, cents: 14 },
    { label: "planned, announced 71 h 59 min before", planned: true, announcedAt: before(71 * HOUR_MS + 59 * MINUTE_MS), eligible: true, cents: 14 },
    { label: "planned, announced 1 h before", planned: true, announcedAt: before(HOUR_MS), eligible: true, cents: 14 },
    { label: "planned, announced after it started", planned: true, announcedAt: after(5 * MINUTE_MS), eligible: true, cents: 14 },
    { label: "planned but never announced", planned: true, announcedAt: null, eligible: true, cents: 14 },
  ])("$label → eligible $eligible", ({ planned, announcedAt, eligible, cents }) => {
    const result = computeAnatelDiscount(input({ planned, announcedAt }));
    expect(result).toMatchObject({ eligible, minutes: 60, amountCents: cents });
  });

  test("names the notice given in Portuguese", () => {
    const result = computeAnatelDiscount(input({ planned: true, announcedAt: before(72 * HOUR_MS) }));
    expect(result.reason).toBe(
      "Interrupção programada anunciada com 72 h de antecedência (mínimo 72 h): sem ressarcimento automático (Anatel RQUAL).",
    );
  });

  test("says a short notice was given when it still refunds", () => {
    const result = computeAnatelDiscount(input({ planned: true, announcedAt: before(71 * HOUR_MS + 59 * MINUTE_MS) }));
    expect(result.reason).toBe(
      "Ressarcimento Anatel (RQUAL): R$ 99,90 ÷ 43.200 × 60 min = R$ 0,14. Programada, avisada com 71 h 59 min de antecedência (menos de 72 h).",
    );
  });
});

describe("computeAnatelDiscount: more than one customer", () => {
  test.each([
    { label: "no customer", affectedCustomers: 0, eligible: false, cents: 0 },
    { label: "one customer only", affectedCustomers: 1, eligible: false, cents: 0 },
    { label: "two customers", affectedCustomers: 2, eligible: true, cents: 14 },
    { label: "a thousand customers", affectedCustomers: 1000, eligible: true, cents: 14 },
  ])("$label → eligible $eligible", ({ affectedCustomers, eligible, cents }) => {
    const result = computeAnatelDiscount(input({ affectedCustomers }));
    expect(result).toMatchObject({ eligible, amountCents: cents });
    if (!eligible) expect(result.reason).toContain("mais de um cliente");
  });
});

describe("computeAnatelDiscount: rounding", () => {
  test.each([
    // 2160 × 10 = 21,600 ÷ 43,200 = 0.5 exactly → 1 (half up)
    { label: "R$ 21,60 × 10 min = 0.5 cent → 1", fee: 2160, minutes: 10, cents: 1 },
    // 2159 × 10 = 21,590 ÷ 43,200 = 0.49977 → 0 (eligible, but rounds to nothing)
    { label: "R$ 21,59 × 10 min = 0.4998 cent → 0", fee: 2159, minutes: 10, cents: 0 },
    // 10,800 × 10 = 108,000 ÷ 43,200 = 2.5 exactly → 3 (not the even 2)
    { label: "R$ 108,00 × 10 min = 2.5 cents → 3", fee: 10_800, minutes: 10, cents: 3 },
    // 1890 × 720 = 1,360,800 ÷ 43,200 = 31.5 exactly → 32 (float 1890/43200*720 = 31.499999999999996)
    { label: "R$ 18,90 × 12 h = 31.5 cents → 32", fee: 1890, minutes: 720, cents: 32 },
    // 390 × 720 = 280,800 ÷ 43,200 = 6.5 exactly → 7 (float 390/43200*720 = 6.499999999999999)
    { label: "R$ 3,90 × 12 h = 6.5 cents → 7", fee: 390, minutes: 720, cents: 7 },
    // 9990 × 125 = 1,248,750 ÷ 43,200 = 28.90625 → 29
    { label: "R$ 99,90 × 125 min = 28.906 cents → 29", fee: 9990, minutes: 125, cents: 29 },
    // free plan
    { label: "R$ 0,00 × 60 min = 0", fee: 0, minutes: 60, cents: 0 },
  ])("$label", ({ fee, minutes, cents }) => {
    const result = computeAnatelDiscount(input({ monthlyFeeCents: fee, interruptionEnd: after(minutes * MINUTE_MS) }));
    expect(result).toMatchObject({ eligible: true, minutes, amountCents: cents });
  });
});

describe("computeAnatelDiscount: invalid input", () => {
  test("throws a Portuguese 400 when the end comes before the start", () => {
    const call = () => computeAnatelDiscount(input({ interruptionEnd: before(1) }));
    expect(call).toThrow(AppError);
    expect(call).toThrow(/^Fim da interrupção \(.+\) é anterior ao início \(.+\)\.$/);
    try {
      call();
    } catch (err) {
      expect(err).toMatchObject({ code: "VALIDATION", field: "interruptionEnd", status: 400 });
    }
  });

  test.each([
    { label: "a fee in reais instead of cents", overrides: { monthlyFeeCents: 99.9 }, message: /Mensalidade 99.9 inválida/ },
    { label: "a negative fee", overrides: { monthlyFeeCents: -1 }, message: /Mensalidade -1 inválida/ },
    { label: "a fractional customer count", overrides: { affectedCustomers: 1.5 }, message: /clientes afetados 1.5/ },
    { label: "an invalid start", overrides: { interruptionStart: new Date("x") }, message: /Início da interrupção/ },
    { label: "an invalid end", overrides: { interruptionEnd: new Date("x") }, message: /Fim da interrupção/ },
    { label: "an invalid announcement", overrides: { planned: true, announcedAt: new Date("x") }, message: /aviso/ },
  ])("refuses $label", ({ overrides, message }) => {
    expect(() => computeAnatelDiscount(input(overrides))).toThrow(message);
  });

  test("leaves its input untouched", () => {
    const given = input({ planned: true, announcedAt: before(HOUR_MS) });
    const copy = structuredClone(given);
    computeAnatelDiscount(given);
    expect(given).toEqual(copy);
  });
});
