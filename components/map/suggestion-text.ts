// The words of an outage suggestion on the map. What each number is (lib/outages/suggest-outages.ts):
// "60 de 85 offline" = logins that went offline in the detection window, of the logins that were online
// when it began; "122 logins na área" = every login located inside, which the order form counts too.
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import type { MapSuggestion } from "./use-outage-suggestions";

/** "21:00" when the instant falls today (the ISP's day), "29/11/2026 21:00" otherwise. */
export function formatSince(iso: string, now: Date = new Date()): string {
  const when = formatDateTime(iso); // "dd/mm/aaaa hh:mm"
  return when.slice(0, 10) === formatDateTime(now).slice(0, 10) ? when.slice(11) : when;
}

/** "60 de 85 offline (71%) desde 21:00 · coberta pela OS 6" — the label on the map. */
export function suggestionLabel(s: MapSuggestion, now: Date = new Date()): string {
  const base = `${formatInteger(s.offlineCount)} de ${formatInteger(s.totalInArea)} offline (${Math.round(s.offlineShare * 100)}%) desde ${formatSince(s.firstOfflineAt, now)}`;
  if (s.coveredBy) return `${base} · coberta pela OS ${s.coveredBy.number}`;
  const others = s.overlaps.map((o) => o.number);
  return others.length ? `${base} · sobrepõe OS ${others.join(", ")}` : base;
}

/** A stable key: the suggestion's first offline login and its start (its index changes as others come and go). */
export function suggestionKey(s: MapSuggestion): string {
  return `${s.offlineLoginIds[0] ?? 0}:${s.firstOfflineAt}`;
}

/** What the order form says about the suggestion it was opened from (the same numbers as its popup). */
export function suggestionSummary(s: MapSuggestion): string {
  return `Da sugestão de interrupção: ${formatInteger(s.offlineCount)} de ${formatInteger(s.totalInArea)} logins online ficaram offline desde ${formatSince(s.firstOfflineAt)}; ${formatInteger(s.offlineBeforeCount)} já estavam offline antes; ${formatInteger(s.loginsInArea)} logins na área.`;
}
