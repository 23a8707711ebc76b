// The logins outage detection needs, in one query: effective location (the installation point, or the
// customer's), online flag and last status change. Logins offline since before the window are not
// loaded (detection ignores them), which keeps the transfer to the online base plus the recent changes.
import { getBackend } from "../db";
import type { DetectionLogin } from "./detect-outages";

interface Row {
  id: number;
  lng: number;
  lat: number;
  online: boolean;
  changed_ms: number | null;
}

export async function loadDetectionLogins(since: Date): Promise<DetectionLogin[]> {
  // Epoch milliseconds as float8: no driver-specific timestamp parsing (Prisma stores UTC timestamps).
  const rows = await getBackend().query<Row>(
    `SELECT l.id, COALESCE(l.lng, c.lng) AS lng, COALESCE(l.lat, c.lat) AS lat, l.online,
            (EXTRACT(EPOCH FROM l."statusChangedAt") * 1000)::float8 AS changed_ms
       FROM "Login" l
       JOIN "Contract" k ON k.id = l."contractId"
       JOIN "Customer" c ON c.id = k."customerId"
      WHERE COALESCE(l.lng, c.lng) IS NOT NULL AND COALESCE(l.lat, c.lat) IS NOT NULL
        AND (l.online OR l."statusChangedAt" >= $1::timestamp)`,
    [since.toISOString().replace("Z", "")],
  );
  return rows.map((r) => ({
    id: r.id,
    lng: Number(r.lng),
    lat: Number(r.lat),
    online: r.online,
    statusChangedAt: r.changed_ms === null ? null : new Date(Number(r.changed_ms)),
  }));
}
