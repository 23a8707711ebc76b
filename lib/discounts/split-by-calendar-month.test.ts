import { describe, expect, test } from "vitest";
import { splitByCalendarMonth } from "./split-by-calendar-month";

const iso = (instant: string) => new Date(instant);

describe("splitByCalendarMonth", () => {
  test("keeps an interval inside one month whole", () => {
    expect(splitByCalendarMonth(iso("2026-11-11T01:00Z"), iso("2026-11-11T04:30Z"))).toEqual([
      { month: "2026-11", daysInMonth: 30, start: iso("2026-11-11T01:00Z"), end: iso("2026-11-11T04:30Z"), elapsedMs: 3.5 * 3_600_000 },
    ]);
  });

  test("cuts at São Paulo midnight, not UTC midnight", () => {
    // 2026-10-31 22:00 → 2026-11-01 02:00 São Paulo (−03:00); November starts at 03:00Z.
    expect(splitByCalendarMonth(iso("2026-11-01T01:00Z"), iso("2026-11-01T05:00Z"))).toEqual([
      { month: "2026-10", daysInMonth: 31, start: iso("2026-11-01T01:00Z"), end: iso("2026-11-01T03:00Z"), elapsedMs: 7_200_000 },
      { month: "2026-11", daysInMonth: 30, start: iso("2026-11-01T03:00Z"), end: iso("2026-11-01T05:00Z"), elapsedMs: 7_200_000 },
    ]);
  });

  test.each([
    { label: "summer time (−02:00), February 2019", first: "2019-02-01T02:00Z", before: "2019-01", after: "2019-02" },
    // DST ended at 00:00 on 1933-04-01 (back to 23:00): April begins at the second midnight, 03:00Z.
    { label: "summer time ending at midnight, April 1933", first: "1933-04-01T03:00Z", before: "1933-03", after: "1933-04" },
    // DST began at 00:00 on 1949-12-01 (on to 01:00): midnight never happened, December begins at 03:00Z.
    { label: "summer time starting at midnight, December 1949", first: "1949-12-01T03:00Z", before: "1949-11", after: "1949-12" },
    { label: "year end", first: "2027-01-01T03:00Z", before: "2026-12", after: "2027-01" },
  ])("finds the first instant of the month across $label", ({ first, before, after }) => {
    const boundary = iso(first).getTime();
    const parts = splitByCalendarMonth(new Date(boundary - 3_600_000), new Date(boundary + 3_600_000));
    expect(parts.map((p) => [p.month, p.end.getTime() - p.start.getTime()])).toEqual([
      [before, 3_600_000],
      [after, 3_600_000],
    ]);
    expect(parts[0]?.end).toEqual(iso(first));
  });

  test("gives every month of a long interval, adding up to the whole", () => {
    const start = iso("2027-01-15T15:00Z");
    const end = iso("2028-03-15T15:00Z");
    const parts = splitByCalendarMonth(start, end);
    expect(parts.map((p) => p.month)).toHaveLength(15);
    expect(parts.map((p) => p.daysInMonth).slice(0, 3)).toEqual([31, 28, 31]);
    expect(parts.at(-2)).toMatchObject({ month: "2028-02", daysInMonth: 29, elapsedMs: 29 * 86_400_000 });
    expect(parts.reduce((sum, p) => sum + p.elapsedMs, 0)).toBe(end.getTime() - start.getTime());
  });

  test("gives one empty part for a zero-length interval", () => {
    expect(splitByCalendarMonth(iso("2026-11-01T03:00Z"), iso("2026-11-01T03:00Z"))).toEqual([
      { month: "2026-11", daysInMonth: 30, start: iso("2026-11-01T03:00Z"), end: iso("2026-11-01T03:00Z"), elapsedMs: 0 },
    ]);
  });
});
