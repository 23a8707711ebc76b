// Splits an interval at the month boundaries of São Paulo's calendar (America/Sao_Paulo), so that a
// per-month price (IXC's rule: plan price ÷ (24 × days in the month)) prices each part with the days of
// its own month. 2026-10-31 22:00 → 2026-11-01 02:00 (São Paulo) is 2 h of October (31 days) and 2 h of
// November (30 days); note that in UTC the whole interval falls in November, which is why the calendar
// used is São Paulo's, the one the provider bills in.
//
// Brazil has had no daylight saving time since 2019, but instants before that (offset −02:00 in summer)
// are handled too: offsets come from the time-zone database through Intl, never from a fixed −03:00.
import { SAO_PAULO_TIME_ZONE, toSaoPauloDate } from "../diagnostics/sao-paulo-time";

/** One hour in milliseconds. */
const HOUR_MS = 3_600_000;
/** One minute in milliseconds. */
const MINUTE_MS = 60_000;

// "GMT-03:00" (or "GMT" at offset zero) for an instant: the zone's UTC offset there.
const OFFSET_FORMAT = new Intl.DateTimeFormat("en-US", { timeZone: SAO_PAULO_TIME_ZONE, timeZoneName: "longOffset" });

export interface MonthPart {
  /** São Paulo calendar month, "YYYY-MM". */
  month: string;
  /** Days in that month: 28, 29, 30 or 31. */
  daysInMonth: number;
  start: Date;
  end: Date;
  /** end − start in milliseconds. */
  elapsedMs: number;
}

/**
 * The parts of start → end in each São Paulo calendar month, in order; their elapsedMs add up to the whole.
 * Expects a valid interval (measureInterruption checks it); start = end gives one empty part.
 */
export function splitBySaoPauloMonth(start: Date, end: Date): MonthPart[] {
  const endMs = end.getTime();
  const [year, month] = calendarMonthOf(start);
  const parts: MonthPart[] = [];
  let partStartMs = start.getTime();
  let y = year;
  let m = month; // 0-based, like Date.UTC
  for (;;) {
    const nextMonthStartMs = saoPauloMonthStartMs(m === 11 ? y + 1 : y, (m + 1) % 12);
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

/** [year, 0-based month] of an instant in São Paulo's calendar. */
function calendarMonthOf(instant: Date): [number, number] {
  const [year = "", month = ""] = toSaoPauloDate(instant).split("-");
  return [Number(year), Number(month) - 1];
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** São Paulo's UTC offset at an instant in ms (−03:00 → −10,800,000). */
function offsetMs(instantMs: number): number {
  const name = OFFSET_FORMAT.formatToParts(instantMs).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0; // "GMT": offset zero
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * HOUR_MS + Number(match[3]) * MINUTE_MS);
}

/**
 * The first instant of the 1st of a month in São Paulo. The wall-clock midnight minus the offset in force
 * there; the offset is looked up twice because it may change near midnight, and where midnight itself was
 * skipped (the old DST started at 00:00) the earliest candidate that already falls on the 1st is taken.
 */
function saoPauloMonthStartMs(year: number, month: number): number {
  const wallMs = Date.UTC(year, month, 1);
  const first = wallMs - offsetMs(wallMs);
  const second = wallMs - offsetMs(first);
  const firstDay = `${year}-${String(month + 1).padStart(2, "0")}-01`;
  const onTheFirst = [first, second].filter((t) => toSaoPauloDate(new Date(t)) === firstDay);
  return onTheFirst.length > 0 ? Math.min(...onTheFirst) : Math.max(first, second);
}
