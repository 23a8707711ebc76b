import { describe, expect, test } from "vitest";
import { date, makeInvoice } from "@/tests/support/diagnostics-input";
import { isInvoiceOverdue } from "../diagnostics/is-invoice-overdue";
import {
  formatCalendarDate, formatDateTime, fromDateTimeInput, nextCalendarDate, toCalendarDate, toDateTimeInput, toZonedDate, zonedDayStart, zonedMonthRange,
} from "./date-time";
import { DEFAULT_TIME_ZONE, getIspTimeZone, isValidTimeZone, timeZoneLabel } from "./time-zone";

describe("the ISP's calendar (default São Paulo)", () => {
  test.each([
    { label: "midday", instant: "2026-11-23T15:00:00Z", day: "2026-11-23" },
    { label: "23:59 in São Paulo is still the same day", instant: "2026-11-24T02:59:00Z", day: "2026-11-23" },
    { label: "midnight in São Paulo is the next day", instant: "2026-11-24T03:00:00Z", day: "2026-11-24" },
    { label: "new year's eve", instant: "2027-01-01T02:00:00Z", day: "2026-12-31" },
  ])("toZonedDate: $label", ({ instant, day }) => {
    expect(toZonedDate(new Date(instant))).toBe(day);
  });

  test.each([
    { label: "a @db.Date value keeps its UTC date", value: date("2026-11-23"), day: "2026-11-23" },
    { label: "the first of a month", value: date("2026-12-01"), day: "2026-12-01" },
  ])("toCalendarDate: $label", ({ value, day }) => {
    expect(toCalendarDate(value)).toBe(day);
  });

  test.each([
    { label: "date", actual: () => formatCalendarDate("2026-11-05"), text: "05/11/2026" },
    { label: "date and time", actual: () => formatDateTime(new Date("2026-11-24T02:05:00Z")), text: "23/11/2026 23:05" },
  ])("formats a $label for Portuguese text", ({ actual, text }) => {
    expect(actual()).toBe(text);
  });
});

describe("other Brazilian zones", () => {
  const at = new Date("2026-11-23T10:01:00Z");
  test.each([
    { zone: "America/Sao_Paulo", text: "23/11/2026 07:01", input: "2026-11-23T07:01" },
    { zone: "America/Manaus", text: "23/11/2026 06:01", input: "2026-11-23T06:01" },
    { zone: "America/Rio_Branco", text: "23/11/2026 05:01", input: "2026-11-23T05:01" },
    { zone: "America/Noronha", text: "23/11/2026 08:01", input: "2026-11-23T08:01" },
    { zone: "UTC", text: "23/11/2026 10:01", input: "2026-11-23T10:01" },
  ])("$zone: shows and reads the same instant as $text", ({ zone, text, input }) => {
    expect(formatDateTime(at, zone)).toBe(text);
    expect(toDateTimeInput(at, zone)).toBe(input);
    expect(fromDateTimeInput(input, zone)).toEqual(at);
  });

  test("a day and a month start at the zone's midnight", () => {
    expect(zonedDayStart("2026-11-23", "America/Manaus")).toEqual(new Date("2026-11-23T04:00:00Z"));
    expect(zonedMonthRange("2026-12", "America/Sao_Paulo")).toEqual({ gte: new Date("2026-12-01T03:00:00Z"), lt: new Date("2027-01-01T03:00:00Z") });
    expect(nextCalendarDate("2026-12-31")).toBe("2027-01-01");
  });

  test("an empty or malformed input reads as nothing", () => {
    expect(fromDateTimeInput("")).toBeNull();
    expect(fromDateTimeInput("23/11/2026 10:00")).toBeNull();
    expect(formatDateTime(null)).toBe("—");
  });

  test("RAIO_TIME_ZONE chooses the zone; an unknown name is refused", () => {
    const before = process.env.RAIO_TIME_ZONE;
    try {
      process.env.RAIO_TIME_ZONE = "America/Manaus";
      expect(getIspTimeZone()).toBe("America/Manaus");
      expect(formatDateTime(new Date("2026-11-23T10:01:00Z"))).toBe("23/11/2026 06:01");
      expect(timeZoneLabel()).toBe("America/Manaus");
      delete process.env.RAIO_TIME_ZONE;
      expect(getIspTimeZone()).toBe(DEFAULT_TIME_ZONE);
      expect(timeZoneLabel()).toBe("horário de Brasília");
    } finally {
      if (before === undefined) delete process.env.RAIO_TIME_ZONE;
      else process.env.RAIO_TIME_ZONE = before;
    }
    expect(isValidTimeZone("America/Cuiaba")).toBe(true);
    expect(isValidTimeZone("Brasil/Centro")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("isInvoiceOverdue", () => {
  const at = new Date("2026-11-23T15:00:00Z"); // 12:00 in São Paulo
  test.each([
    { label: "due yesterday, unpaid", invoice: makeInvoice({ dueDate: date("2026-11-22") }), at, overdue: true },
    { label: "due today, unpaid (may pay until the end of the day)", invoice: makeInvoice({ dueDate: date("2026-11-23") }), at, overdue: false },
    { label: "due tomorrow", invoice: makeInvoice({ dueDate: date("2026-11-24") }), at, overdue: false },
    { label: "due yesterday, paid before", invoice: makeInvoice({ dueDate: date("2026-11-22"), paidAt: new Date("2026-11-23T10:00:00Z") }), at, overdue: false },
    { label: "due yesterday, paid only after the instant", invoice: makeInvoice({ dueDate: date("2026-11-22"), paidAt: new Date("2026-11-23T16:00:00Z") }), at, overdue: true },
    {
      label: "due today, at 23:59 São Paulo (02:59 UTC the next day)",
      invoice: makeInvoice({ dueDate: date("2026-11-23") }),
      at: new Date("2026-11-24T02:59:00Z"),
      overdue: false,
    },
    {
      label: "due yesterday, at 00:00 São Paulo",
      invoice: makeInvoice({ dueDate: date("2026-11-23") }),
      at: new Date("2026-11-24T03:00:00Z"),
      overdue: true,
    },
  ])("$label → overdue $overdue", ({ invoice, at: instant, overdue }) => {
    expect(isInvoiceOverdue(invoice, instant)).toBe(overdue);
  });
});
