// Splits an interval at the month boundaries of the ISP's calendar (its time zone, lib/format/time-zone),
// so that a per-month price (IXC's rule: plan price ÷ (24 × days in the month)) prices each part with the
// days of its own month. In São Paulo, 2026-10-31 22:00 → 2026-11-01 02:00 is 2 h of October (31 days) and
// 2 h of November (30 days); in UTC the whole interval falls in November, which is why the calendar used is
// the one the provider bills in.
import { getIspTimeZone, wallTimeToInstant } from "../format/time-zone";
import { toZonedDate } from "../format/date-time";

export interface MonthPart {
  /** Calendar month in the ISP's zone, "YYYY-MM". */
  month: string;
  /** Days in that month: 28, 29, 30 or 31. */
  daysInMonth: number;
  start: Date;
  end: Date;
  /** end − start in milliseconds. */
  elapsedMs: number;
}

/**
 * The parts of start → end in each calendar month of the zone, in order; their elapsedMs add up to the
 * whole. Expects a valid interval (measureInterruption checks it); start = end gives one empty part.
 */
export function splitByCalendarMonth(start: Date, end: Date, zone: string = getIspTimeZone()): MonthPart[] {
  const endMs = end.getTime();
  const [year = "", monthText = ""] = toZonedDate(start, zone).split("-");
  const parts: MonthPart[] = [];
  let partStartMs = start.getTime();
  let y = Number(year);
  let m = Number(monthText) - 1; // 0-based, like Date.UTC
  for (;;) {
    const nextMonthStartMs = wallTimeToInstant({ year: m === 11 ? y + 1 : y, month: ((m + 1) % 12) + 1, day: 1 }, zone).getTime();
    const partEndMs = Math.min(endMs, nextMonthStartMs);
    parts.push({
      month: `${y}-${String(m + 1).padStart(2, "0")}`,
      daysInMonth: daysInMonth(y, m),
      start: new Date(partStartMs),
      end: new Date(partEndMs),
      elapsedMs: partEndMs - partStartMs,
    });
    if (partEndMs >= endMs) return parts;
    partStartMs = partEndMs;
    if (m === 11) y += 1;
    m = (m + 1) % 12;
  }
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}
