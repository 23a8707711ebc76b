// The warnings of a planned window (never refusals: the ISP decides). Pure: the instant "now", the settings and
// the zone are passed in.
//   SHORT_NOTICE   the start is less than the notice hours away (Anatel RQUAL: 72 h). Customers told later than
//                  that are refunded anyway (lib/discounts).
//   OUTSIDE_LOW_USE the start is outside the low-use window on the ISP's clock (default 00:00–06:00).
// The overlap with other planned or running orders on the same area is lib/orders/find-region-overlaps.ts's.
import { formatDateTime } from "../format/date-time";
import { zoneOffsetMs } from "../format/time-zone";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

export interface ScheduleRules {
  plannedNoticeHours: number;
  lowUseStartHour: number;
  lowUseEndHour: number;
}

export interface ScheduleWarning {
  code: "SHORT_NOTICE" | "OUTSIDE_LOW_USE";
  message: string;
}

/** Minutes after midnight of an instant on the zone's wall clock. */
function wallMinutes(instant: Date, zone: string): number {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), zone));
  return local.getUTCHours() * 60 + local.getUTCMinutes();
}

/** True when [startHour, endHour) holds the wall-clock minute (a window with start > end wraps midnight). */
export function isInsideLowUseWindow(instant: Date, rules: Pick<ScheduleRules, "lowUseStartHour" | "lowUseEndHour">, zone: string): boolean {
  const m = wallMinutes(instant, zone);
  const from = rules.lowUseStartHour * 60;
  const to = rules.lowUseEndHour * 60;
  if (from === to) return true; // a window of the whole day
  return from < to ? m >= from && m < to : m >= from || m < to;
}

const hh = (h: number) => `${String(h % 24).padStart(2, "0")}:00`;

export function checkSchedule(scheduledStartAt: Date, now: Date, rules: ScheduleRules, zone: string): ScheduleWarning[] {
  const warnings: ScheduleWarning[] = [];
  const noticeMs = scheduledStartAt.getTime() - now.getTime();
  if (noticeMs < rules.plannedNoticeHours * HOUR_MS) {
    const minutes = Math.max(0, Math.floor(noticeMs / MINUTE_MS));
    const told = `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
    warnings.push({
      code: "SHORT_NOTICE",
      message: `Aviso com ${told} de antecedência, menos que ${rules.plannedNoticeHours} h: os clientes avisados depois de ` +
        `${formatDateTime(new Date(scheduledStartAt.getTime() - rules.plannedNoticeHours * HOUR_MS), zone)} terão ressarcimento (Anatel RQUAL).`,
    });
  }
  if (!isInsideLowUseWindow(scheduledStartAt, rules, zone)) {
    warnings.push({
      code: "OUTSIDE_LOW_USE",
      message: `Início às ${formatDateTime(scheduledStartAt, zone).slice(11)}, fora da janela de baixo uso (${hh(rules.lowUseStartHour)}–${hh(rules.lowUseEndHour)}).`,
    });
  }
  return warnings;
}
