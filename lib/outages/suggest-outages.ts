// Outage suggestions over the database: load the logins, detect (pure), and say which suggestions
// overlap an open or executing maintenance region (a warning the map shows, not a filter).
import { getSettings } from "../settings/get-settings";
import { findRegionOverlaps, type OverlapWarning } from "../orders/find-region-overlaps";
import { detectOutages, type OutageSuggestion } from "./detect-outages";
import { loadDetectionLogins } from "./load-detection-logins";

export interface SuggestionWithOverlaps extends Omit<OutageSuggestion, "firstOfflineAt" | "lastOfflineAt"> {
  firstOfflineAt: string;
  lastOfflineAt: string;
  overlaps: OverlapWarning[];
}

export async function suggestOutages(now = new Date()) {
  const settings = await getSettings();
  const windowMinutes = settings.outageWindowMinutes;
  const logins = await loadDetectionLogins(new Date(now.getTime() - windowMinutes * 60_000));
  const params = {
    windowMinutes,
    radiusM: settings.outageRadiusM,
    minOffline: settings.outageMinOffline,
    minShare: settings.outageMinSharePercent / 100,
    marginM: settings.outageMarginM,
    maxAreaKm2: settings.maxRegionAreaKm2,
  };
  const found = detectOutages(logins, now, params);
  const suggestions: SuggestionWithOverlaps[] = [];
  for (const s of found) {
    suggestions.push({
      ...s,
      firstOfflineAt: s.firstOfflineAt.toISOString(),
      lastOfflineAt: s.lastOfflineAt.toISOString(),
      overlaps: await findRegionOverlaps(s.polygon, s.bbox),
    });
  }
  return { generatedAt: now.toISOString(), params, suggestions };
}
