// Root-cause suggestions over the database: the status feed's recent drops (logins offline now whose
// statusChangedAt falls inside the outage window — lib/outages/apply-login-status.ts records them) ranked
// against the plant index (rank-root-causes.ts). The window is the outage detection's own setting.
import { getBackend } from "../db";
import { getSettings } from "../settings/get-settings";
import { getTopologyIndex } from "./get-topology-index";
import { rankRootCauses, type RootCause } from "./rank-root-causes";

export interface RootCauseView extends Omit<RootCause, "firstOfflineAt" | "lastOfflineAt"> {
  firstOfflineAt: string;
  lastOfflineAt: string;
}

export async function findRootCauses(now = new Date()): Promise<{ generatedAt: string; windowMinutes: number; rootCauses: RootCauseView[] }> {
  const { outageWindowMinutes: windowMinutes } = await getSettings();
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString().replace("Z", "");
  const index = await getTopologyIndex();
  const backend = getBackend();
  // Epoch milliseconds as float8: no driver-specific timestamp parsing.
  const rows = await backend.query<{ id: number; ms: number | null; recent: boolean }>(
    `SELECT id, (EXTRACT(EPOCH FROM "statusChangedAt") * 1000)::float8 AS ms, COALESCE("statusChangedAt" >= $1::timestamp, false) AS recent
       FROM "Login" WHERE "ctoId" IS NOT NULL AND NOT online`,
    [since],
  );
  const drops = rows.filter((r) => r.recent);
  const before = rows.filter((r) => !r.recent);
  const ranked = rankRootCauses(index, {
    dropIds: Int32Array.from(drops, (r) => r.id),
    dropAtMs: Float64Array.from(drops, (r) => Number(r.ms)),
    offlineBeforeIds: Int32Array.from(before, (r) => r.id),
  });
  return {
    generatedAt: now.toISOString(),
    windowMinutes,
    rootCauses: ranked.map((r) => ({ ...r, firstOfflineAt: new Date(r.firstOfflineAt).toISOString(), lastOfflineAt: new Date(r.lastOfflineAt).toISOString() })),
  };
}
