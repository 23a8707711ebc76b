// IXC's value conventions, parsed in one place. Protocol facts (documented by IXC's own clients, no live
// instance to check against — each is an assumption written where it is used):
// - every number and date arrives as a JSON string ("12", "119.90");
// - dates and times are local time in America/Sao_Paulo, "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss", without offset;
// - "0000-00-00" and "0000-00-00 00:00:00" (and "") mean "no date";
// - flags are "S"/"N".
import { SAO_PAULO_TIME_ZONE } from "../../diagnostics/sao-paulo-time";

const EMPTY_DATES = new Set(["", "0000-00-00", "0000-00-00 00:00:00"]);

export class IxcValueError extends Error {}

/** Offset of São Paulo from UTC at `utcMs`, in minutes (−180 today; −120 in the old summer times). */
function saoPauloOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: SAO_PAULO_TIME_ZONE, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(utcMs));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - utcMs) / 60_000);
}

/** "2026-11-23 14:30:00" (São Paulo) → the instant; empty dates → null; anything else throws. */
export function parseIxcDateTime(value: string | null | undefined): Date | null {
  const v = (value ?? "").trim();
  if (EMPTY_DATES.has(v)) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(v);
  if (!m) throw new IxcValueError(`data do IXC inválida: "${v}" (esperado AAAA-MM-DD HH:mm:ss)`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new IxcValueError(`data do IXC inexistente: "${v}"`);
  }
  // Local → UTC: apply the offset valid at that moment (twice, to settle on a DST boundary).
  let utc = wall - saoPauloOffsetMinutes(wall) * 60_000;
  utc = wall - saoPauloOffsetMinutes(utc) * 60_000;
  return new Date(utc);
}

/** "2026-11-23" (a calendar date, as the CSV import takes it) or null for IXC's empty dates. */
export function parseIxcDate(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (EMPTY_DATES.has(v)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(v);
  if (!m) throw new IxcValueError(`data do IXC inválida: "${v}" (esperado AAAA-MM-DD)`);
  return m[1]!;
}

/** The instant as IXC writes it (São Paulo wall clock), for filters such as ultima_atualizacao > … */
export function formatIxcDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + saoPauloOffsetMinutes(instant.getTime()) * 60_000);
  return local.toISOString().slice(0, 19).replace("T", " ");
}

/** A string field of a record ("" when absent or null: IXC omits or nulls empty fields inconsistently). */
export function text(record: Record<string, unknown>, field: string): string {
  const v = record[field];
  return v === null || v === undefined ? "" : String(v).trim();
}
