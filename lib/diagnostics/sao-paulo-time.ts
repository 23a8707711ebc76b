// Calendar dates and clock times in America/Sao_Paulo, the time zone the ISP's customers and its billing
// live in. Pure: the instant is always passed in.

/** The time zone of due dates and of the times shown to customers. */
export const SAO_PAULO_TIME_ZONE = "America/Sao_Paulo";

// en-CA formats dates as YYYY-MM-DD, which also sorts as text.
const DATE_FORMAT = new Intl.DateTimeFormat("en-CA", {
  timeZone: SAO_PAULO_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const DATE_TIME_FORMAT = new Intl.DateTimeFormat("pt-BR", {
  timeZone: SAO_PAULO_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** The São Paulo calendar date of an instant, "YYYY-MM-DD" (2026-11-24T02:30Z → "2026-11-23"). */
export function toSaoPauloDate(instant: Date): string {
  return DATE_FORMAT.format(instant);
}

/**
 * The calendar date held by a date-only value as Prisma returns a @db.Date column (midnight UTC of that
 * date), "YYYY-MM-DD". Reading it in São Paulo time would give the day before.
 */
export function toCalendarDate(dateOnly: Date): string {
  return dateOnly.toISOString().slice(0, 10);
}

/** "23/11/2026" for a calendar date "2026-11-23". */
export function formatCalendarDate(calendarDate: string): string {
  const [year, month, day] = calendarDate.split("-");
  return `${day}/${month}/${year}`;
}

/** An instant shown in São Paulo time for Portuguese text: "23/11/2026 14:05". */
export function formatSaoPauloDateTime(instant: Date): string {
  return DATE_TIME_FORMAT.format(instant).replace(",", "");
}
