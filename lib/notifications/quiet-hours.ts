// Quiet hours: notices due inside the window wait for its end (held, never dropped). Times are the ISP's
// wall-clock (RAIO_TIME_ZONE) "HH:MM"; a window may cross midnight (21:00–08:00). Pure: the instant is passed in.
import { getIspTimeZone } from "../format/time-zone";

export interface QuietHours {
  enabled: boolean;
  start: string;
  end: string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** "HH:MM:SS" on the ISP's wall clock. */
function wallClock(now: Date): string {
  const zone = getIspTimeZone();
  let clock = clocks.get(zone);
  if (!clock) clocks.set(zone, (clock = new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })));
  return clock.format(now);
}
const MINUTES_PER_DAY = 24 * 60;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the quiet window holding `now` ends, or null when `now` is outside it (or the window is off or empty). */
export function quietUntil(now: Date, q: QuietHours): Date | null {
  if (!q.enabled) return null;
  const start = minutesOf(q.start);
  const end = minutesOf(q.end);
  if (start === end) return null;
  const [h, m, s] = wallClock(now).split(":").map(Number) as [number, number, number];
  const current = h * 60 + m;
  const inside = start < end ? current >= start && current < end : current >= start || current < end;
  if (!inside) return null;
  const minutesLeft = (end - current + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return new Date(now.getTime() + (minutesLeft * 60 - s) * 1000 - now.getMilliseconds());
}
