// The ISP's time zone: every date and time Raio shows or reads (pages, inputs, API text, CSV, customer
// messages, day and month grouping) is in this one zone, never the browser's or the server's own.
// Configured with RAIO_TIME_ZONE (an IANA name such as America/Manaus; default America/Sao_Paulo). The
// server reads the variable; the browser reads the value the server wrote on the app's root element.
// Offsets always come from the time-zone database through Intl, never from a fixed −03:00: Brazil has
// four zones, and instants before 2019 may fall in daylight saving time.

/** Zone used when RAIO_TIME_ZONE is unset: São Paulo, where most Brazilian ISPs bill ("horário de Brasília"). */
export const DEFAULT_TIME_ZONE = "America/Sao_Paulo";

/** Attribute on the app's root element that carries the zone to the browser. */
export const TIME_ZONE_ATTRIBUTE = "data-isp-time-zone";

/** Names people use for a zone next to a time input; otherwise the IANA name is shown. */
const ZONE_LABEL: Record<string, string> = { "America/Sao_Paulo": "horário de Brasília" };

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** True for an IANA zone name this runtime knows ("America/Manaus"); false for "Brasil/Centro" or "". */
export function isValidTimeZone(zone: string): boolean {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The configured ISP time zone (an invalid value falls back to the default; lib/env refuses it at start). */
export function getIspTimeZone(): string {
  const configured = typeof document !== "undefined"
    ? document.querySelector(`[${TIME_ZONE_ATTRIBUTE}]`)?.getAttribute(TIME_ZONE_ATTRIBUTE)
    : process.env.RAIO_TIME_ZONE;
  return configured && isValidTimeZone(configured) ? configured : DEFAULT_TIME_ZONE;
}

/** How a zone is named next to a time input: "horário de Brasília", or "America/Manaus". */
export function timeZoneLabel(zone: string = getIspTimeZone()): string {
  return ZONE_LABEL[zone] ?? zone;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The offset in force at an instant, asked of the time-zone database (a formatToParts call: slow). */
function lookUpOffsetMs(instantMs: number, zone: string): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(instantMs).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0; // "GMT": offset zero
  const sign = match[1] === "-" ? -1 : 1;
  return sign * (Number(match[2]) * HOUR_MS + Number(match[3]) * MINUTE_MS);
}

/**
 * Offsets by zone and UTC hour, for the hours whose first and last millisecond have the same offset (no zone
 * changes its offset twice within an hour, so the whole hour has it); an hour holding a change is looked up
 * at each instant. Bulk reads (an ERP sync parses hundreds of thousands of local times) hit this cache.
 */
const hourOffsets = new Map<string, number>();
const MAX_CACHED_HOURS = 100_000;

/** A zone's UTC offset at an instant, in ms (−03:00 → −10,800,000). */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const key = `${zone}|${hour}`;
  const cached = hourOffsets.get(key);
  if (cached !== undefined) return cached;
  const start = lookUpOffsetMs(hour * HOUR_MS, zone);
  if (start !== lookUpOffsetMs(hour * HOUR_MS + HOUR_MS - 1, zone)) return lookUpOffsetMs(instantMs, zone);
  if (hourOffsets.size >= MAX_CACHED_HOURS) hourOffsets.clear();
  hourOffsets.set(key, start);
  return start;
}

/**
 * The instant a wall-clock time in a zone names: the wall time minus the offset in force there. The offset
 * is looked up twice because it may change between the two guesses; where the wall time was skipped (a
 * daylight-saving jump) the later candidate is taken, where it happened twice the earlier one.
 */
export function wallTimeToInstant(wall: { year: number; month: number; day: number; hour?: number; minute?: number }, zone: string): Date {
  const wallMs = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour ?? 0, wall.minute ?? 0);
  const first = wallMs - zoneOffsetMs(wallMs, zone);
  const second = wallMs - zoneOffsetMs(first, zone);
  const matches = [first, second].filter((t) => t + zoneOffsetMs(t, zone) === wallMs);
  return new Date(matches.length > 0 ? Math.min(...matches) : Math.max(first, second));
}
