// Calendar dates and clock times in the ISP's time zone (lib/format/time-zone.ts), for pages, inputs, API
// text and customer messages. Pure: the instant is always passed in; the zone defaults to the ISP's.
import { getIspTimeZone, wallTimeToInstant } from "./time-zone";

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const partsFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, zone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = cache.get(zone);
  if (!format) {
    format = make();
    cache.set(zone, format);
  }
  return format;
}

/** The zone's calendar date of an instant, "YYYY-MM-DD" (2026-11-24T02:30Z in São Paulo → "2026-11-23"). */
export function toZonedDate(instant: Date, zone: string = getIspTimeZone()): string {
  // en-CA formats dates as YYYY-MM-DD, which also sorts as text.
  return cached(dateFormats, zone, () => new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" })).format(instant);
}

/**
 * The calendar date held by a date-only value as Prisma returns a @db.Date column (midnight UTC of that
 * date), "YYYY-MM-DD". Reading it in the ISP's zone would give the day before.
 */
export function toCalendarDate(dateOnly: Date): string {
  return dateOnly.toISOString().slice(0, 10);
}

/** "23/11/2026" for a calendar date "2026-11-23". */
export function formatCalendarDate(calendarDate: string): string {
  const [year, month, day] = calendarDate.split("-");
  return `${day}/${month}/${year}`;
}

/** An instant in the ISP's zone for Portuguese text, "23/11/2026 14:05"; "—" when absent. */
export function formatDateTime(value: Date | string | null | undefined, zone: string = getIspTimeZone()): string {
  if (!value) return "—";
  const instant = typeof value === "string" ? new Date(value) : value;
  const format = cached(dateTimeFormats, zone, () => new Intl.DateTimeFormat("pt-BR", {
    timeZone: zone, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }));
  return format.format(instant).replace(",", "");
}

/** An instant as the value of an <input type="datetime-local"> showing the ISP's wall clock, "2026-11-23T14:05". */
export function toDateTimeInput(instant: Date, zone: string = getIspTimeZone()): string {
  const format = cached(partsFormats, zone, () => new Intl.DateTimeFormat("en-US", {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
  }));
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The instant an <input type="datetime-local"> value names on the ISP's wall clock; null when empty or malformed. */
export function fromDateTimeInput(value: string, zone: string = getIspTimeZone()): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return wallTimeToInstant({ year, month, day, hour, minute }, zone);
}

/** The first instant of a calendar day "YYYY-MM-DD" in the ISP's zone. */
export function zonedDayStart(calendarDate: string, zone: string = getIspTimeZone()): Date {
  const [year, month, day] = calendarDate.split("-").map(Number) as [number, number, number];
  return wallTimeToInstant({ year, month, day }, zone);
}

/** The calendar date after "YYYY-MM-DD" ("2026-12-31" → "2027-01-01"). */
export function nextCalendarDate(calendarDate: string): string {
  const [year, month, day] = calendarDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}

/** [start, end) of a calendar month "YYYY-MM" in the ISP's zone, as instants. */
export function zonedMonthRange(month: string, zone: string = getIspTimeZone()): { gte: Date; lt: Date } {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return {
    gte: wallTimeToInstant({ year, month: m, day: 1 }, zone),
    lt: wallTimeToInstant({ year: m === 12 ? year + 1 : year, month: m === 12 ? 1 : m + 1, day: 1 }, zone),
  };
}
