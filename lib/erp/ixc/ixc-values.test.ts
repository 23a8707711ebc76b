import { describe, expect, it } from "vitest";
import { formatIxcDateTime, parseIxcDate, parseIxcDateTime } from "./ixc-values";

describe("IXC values", () => {
  it.each([
    { label: "a date-time in São Paulo today (UTC−3)", value: "2026-11-23 14:30:00", iso: "2026-11-23T17:30:00.000Z" },
    { label: "a date-time in the 2018 summer time (UTC−2)", value: "2018-01-15 10:00:00", iso: "2018-01-15T12:00:00.000Z" },
    { label: "a bare date, as midnight local", value: "2026-11-23", iso: "2026-11-23T03:00:00.000Z" },
  ])("reads $label", ({ value, iso }) => {
    expect(parseIxcDateTime(value)?.toISOString()).toBe(iso);
  });

  it.each(["0000-00-00", "0000-00-00 00:00:00", "", null, undefined])("reads %s as no date", (value) => {
    expect(parseIxcDateTime(value)).toBeNull();
    expect(parseIxcDate(value)).toBeNull();
  });

  it.each(["23/11/2026", "2026-02-30 10:00:00", "2026-11-23 25:00:00", "ontem"])("refuses %s", (value) => {
    expect(() => parseIxcDateTime(value)).toThrow(/data do IXC/);
  });

  it("writes an instant back as São Paulo wall-clock time", () => {
    expect(formatIxcDateTime(new Date("2026-11-23T17:30:05Z"))).toBe("2026-11-23 14:30:05");
    expect(formatIxcDateTime(parseIxcDateTime("2026-06-01 00:00:01")!)).toBe("2026-06-01 00:00:01");
  });

  it("keeps a due date as the calendar date", () => {
    expect(parseIxcDate("2026-12-10")).toBe("2026-12-10");
  });
});
