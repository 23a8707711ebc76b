// The plant index of this process (topology-index.ts), rebuilt when the login-locations stamp moves: every
// plant write (CSV import, push, sync) and every login write bumps it (lib/maintenance/geo-version.ts), so
// every app instance sees a change on its next call.
import { getBackend } from "../db";
import { createVersionedCache } from "../maintenance/versioned-cache";
import { buildTopologyIndex, type TopologyIndex } from "./topology-index";

// Logins fetched per round trip while loading (bounded driver memory).
const LOAD_PAGE = 200_000;

async function loadIndex(): Promise<TopologyIndex> {
  const backend = getBackend();
  const [olts, pons, ctos] = await Promise.all([
    backend.query<{ id: number; name: string; lat: number | null; lng: number | null }>(`SELECT id, name, lat, lng FROM "Olt" ORDER BY id`),
    backend.query<{ id: number; oltId: number; label: string }>(`SELECT id, "oltId", label FROM "PonPort" ORDER BY id`),
    backend.query<{ id: number; ponId: number | null; capacity: number; lat: number; lng: number; name: string }>(
      `SELECT id, "ponId", capacity, lat, lng, name FROM "Cto" ORDER BY id`,
    ),
  ]);
  const loginIds: number[] = [];
  const loginCtos: number[] = [];
  for (let after = 0; ; ) {
    const rows = await backend.query<{ id: number; ctoId: number }>(
      `SELECT id, "ctoId" FROM "Login" WHERE "ctoId" IS NOT NULL AND id > $1 ORDER BY id LIMIT ${LOAD_PAGE}`,
      [after],
    );
    for (const r of rows) {
      loginIds.push(r.id);
      loginCtos.push(r.ctoId);
    }
    if (rows.length < LOAD_PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  const num = (v: number | null) => (v === null ? NaN : Number(v));
  return buildTopologyIndex({
    olts: { ids: Int32Array.from(olts, (o) => o.id), names: olts.map((o) => o.name), lats: Float64Array.from(olts, (o) => num(o.lat)), lngs: Float64Array.from(olts, (o) => num(o.lng)) },
    pons: { ids: Int32Array.from(pons, (p) => p.id), oltIds: Int32Array.from(pons, (p) => p.oltId), labels: pons.map((p) => p.label) },
    ctos: {
      ids: Int32Array.from(ctos, (c) => c.id), ponIds: Int32Array.from(ctos, (c) => c.ponId ?? 0), capacities: Int32Array.from(ctos, (c) => c.capacity),
      lats: Float64Array.from(ctos, (c) => Number(c.lat)), lngs: Float64Array.from(ctos, (c) => Number(c.lng)), names: ctos.map((c) => c.name),
    },
    logins: { ids: Int32Array.from(loginIds), ctoIds: Int32Array.from(loginCtos) },
  });
}

export const getTopologyIndex = createVersionedCache("topology", "logins", loadIndex);
