import { describe, expect, test } from "vitest";
import { date, makeInvoice } from "@/tests/support/diagnostics-input";
import { isInvoiceOverdue } from "./is-invoice-overdue";
import { formatCalendarDate, formatSaoPauloDateTime, toCalendarDate, toSaoPauloDate } from "./sao-paulo-time";

describe("São Paulo calendar", () => {
  test.each([
    { label: "midday", instant: "2026-11-23T15:00:00Z", day: "2026-11-23" },
    { label: "23:59 in São Paulo is still the same day", instant: "2026-11-24T02:59:00Z", day: "2026-11-23" },
    { label: "midnight in São Paulo is the next day", instant: "2026-11-24T03:00:00Z", day: "2026-11-24" },
    { label: "new year's eve", instant: "2027-01-01T02:00:00Z", day: "2026-12-31" },
  ])("toSaoPauloDate: $label", ({ instant, day }) => {
    expect(toSaoPauloDate(new Date(instant))).toBe(day);
  });

  test.each([
    { label: "a @db.Date value keeps its UTC date", value: date("2026-11-23"), day: "2026-11-23" },
    { label: "the first of a month", value: date("2026-12-01"), day: "2026-12-01" },
  ])("toCalendarDate: $label", ({ value, day }) => {
    expect(toCalendarDate(value)).toBe(day);
  });

  test.each([
    { label: "date", actual: () => formatCalendarDate("2026-11-05"), text: "05/11/2026" },
    { label: "date and time", actual: () => formatSaoPauloDateTime(new Date("2026-11-24T02:05:00Z")), text: "23/11/2026 23:05" },
  ])("formats a $label for Portuguese text", ({ actual, text }) => {
    expect(actual()).toBe(text);
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
