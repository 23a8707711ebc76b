// IXC's value conventions, parsed in one place. Protocol facts (documented by IXC's own clients, no live
// instance to check against — each is an assumption written where it is used):
// - every number and date arrives as a JSON string ("12", "119.90");
// - dates and times are the ISP's local time (IXC runs on the ISP's clock; Raio's RAIO_TIME_ZONE, by default
//   America/Sao_Paulo), "YYYY-MM-DD" or "YYYY-MM-DD HH:mm:ss", without offset;
// - "0000-00-00" and "0000-00-00 00:00:00" (and "") mean "no date";
// - flags are "S"/"N".
import { getIspTimeZone, wallTimeToInstant, zoneOffsetMs } from "../../format/time-zone";

const EMPTY_DATES = new Set(["", "0000-00-00", "0000-00-00 00:00:00"]);

export class IxcValueError extends Error {}

/** "2026-11-23 14:30:00" (the ISP's wall clock) → the instant; empty dates → null; anything else throws. */
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
  // Local → UTC with the offset in force at that moment (the seconds never move an offset).
  return new Date(wallTimeToInstant({ year: y, month: mo, day: d, hour: h, minute: mi }, getIspTimeZone()).getTime() + s * 1000);
}

/** "2026-11-23" (a calendar date, as the CSV import takes it) or null for IXC's empty dates. */
export function parseIxcDate(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (EMPTY_DATES.has(v)) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T]00:00(?::00)?)?$/.exec(v);
  if (!m) throw new IxcValueError(`data do IXC inválida: "${v}" (esperado AAAA-MM-DD)`);
  return m[1]!;
}

/** The instant as IXC writes it (the ISP's wall clock), for filters such as ultima_atualizacao > … */
export function formatIxcDateTime(instant: Date): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant.getTime(), getIspTimeZone()));
  return local.toISOString().slice(0, 19).replace("T", " ");
}

/** A string field of a record ("" when absent or null: IXC omits or nulls empty fields inconsistently). */
export function text(record: Record<string, unknown>, field: string): string {
  const v = record[field];
  return v === null || v === undefined ? "" : String(v).trim();
}
