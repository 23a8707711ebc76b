// Outage suggestions over the database: load the logins, detect (pure), and for each suggestion say
// which open or executing regions it overlaps (a warning), which order already covers it (handled: the
// map offers no "Criar região" and POST /regions refuses a second order from it), and how many logins
// its area holds in all.
//
// The counts, as the map shows them ("60 de 85 offline" and "122 logins na área"):
// - offlineCount: logins that went offline inside the area within the detection window (the outage);
// - totalInArea: logins that were online when the window began (online now + offlineCount), the
//   base of offlineShare;
// - loginsInArea: every login located inside the area, whatever its state — the number the order form
//   shows as "logins dentro" and the order's "Logins afetados" counts;
// - offlineBeforeCount = loginsInArea − totalInArea: logins already offline before the window (or with
//   no status change known), left out of the outage's evidence.
import { getSettings } from "../settings/get-settings";
import { findRegionOverlaps, type OverlapWarning } from "../orders/find-region-overlaps";
import { countLoginsInRegion } from "../maintenance/login-points";
import { detectOutages, type OutageSuggestion } from "./detect-outages";
import { loadDetectionLogins } from "./load-detection-logins";
import { findCoveringOrder, type CoveringOrder } from "./find-covering-order";
import { loadActiveRegionsNear, loadWorkRegions } from "./load-covering-candidates";
import { excludeLoginsInWork } from "./exclude-logins-in-work";

export interface SuggestionWithOverlaps extends Omit<OutageSuggestion, "firstOfflineAt" | "lastOfflineAt"> {
  firstOfflineAt: string;
  lastOfflineAt: string;
  overlaps: OverlapWarning[];
  /** The open or running order that already handles this outage, or null. */
  coveredBy: CoveringOrder | null;
  /** Every login located inside the area (online, recently offline, offline before). */
  loginsInArea: number;
  /** Logins inside the area already offline before the window: loginsInArea − totalInArea. */
  offlineBeforeCount: number;
}

export async function suggestOutages(now = new Date()) {
  const settings = await getSettings();
  const windowMinutes = settings.outageWindowMinutes;
  // Logins inside running or imminent planned work raise no suggestion: that interruption is the work itself.
  const logins = excludeLoginsInWork(
    await loadDetectionLogins(new Date(now.getTime() - windowMinutes * 60_000)),
    await loadWorkRegions(now, settings.plannedDetectionMarginMinutes),
  );
  const params = {
    windowMinutes,
    radiusM: settings.outageRadiusM,
    minOffline: settings.outageMinOffline,
    minShare: settings.outageMinSharePercent / 100,
    marginM: settings.outageMarginM,
    maxAreaKm2: settings.maxRegionAreaKm2,
  };
  const found = detectOutages(logins, now, params);
  const pointOf = new Map(logins.map((l) => [l.id, l]));
  const suggestions: SuggestionWithOverlaps[] = [];
  for (const s of found) {
    const offlinePoints = s.offlineLoginIds.flatMap((id) => pointOf.get(id) ?? []);
    const [overlaps, nearby, loginsInArea] = await Promise.all([
      findRegionOverlaps(s.polygon, s.bbox),
      loadActiveRegionsNear(s.bbox),
      countLoginsInRegion(s.polygon),
    ]);
    suggestions.push({
      ...s,
      firstOfflineAt: s.firstOfflineAt.toISOString(),
      lastOfflineAt: s.lastOfflineAt.toISOString(),
      overlaps,
      coveredBy: findCoveringOrder(offlinePoints, nearby),
      loginsInArea,
      offlineBeforeCount: Math.max(0, loginsInArea - s.totalInArea),
    });
  }
  return { generatedAt: now.toISOString(), params, suggestions };
}
