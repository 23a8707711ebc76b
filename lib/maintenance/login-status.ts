// Every login's online/offline state in memory, aligned with the point index (lib/maintenance/login-points.ts),
// for the map's cluster offline counts: reading the state of a million logins per map request is what the
// in-memory copy avoids. The offline ids are reloaded when the status stamp moves (every writer of
// Login.online bumps it in the same transaction: the status feed, the ERP's sync and import) or the
// login-locations stamp moves (a new login). The stamps live in the database and are read on each request,
// so every process — each worker of a server, each server — sees a change on its next request.
import { getBackend } from "../db";
import type { PointIndex } from "../geo/point-index";
import { mercatorY } from "../geo/grid-clusters";
import { readGeoVersions, type GeoVersions } from "./geo-version";
import { getLoginPointIndex } from "./login-points";
import { createVersionedCache } from "./versioned-cache";
import { processSlot } from "../process-slot";

async function loadOfflineIds(): Promise<Int32Array> {
  const rows = await getBackend().query<{ id: number }>(`SELECT id FROM "Login" WHERE NOT online`);
  return Int32Array.from(rows, (r) => r.id);
}

// Both stamps only grow, so their sum moves whenever either does.
const getOfflineIds = createVersionedCache("loginOffline", (v) => v.logins + v.status, loadOfflineIds);

interface Derived {
  /** Mercator y per kd position (the grid needs it for every point in view). */
  mercY: Float64Array;
  /** Kd positions ordered by login id (finds a login's position by binary search). */
  byId: Int32Array;
  flags?: { from: Int32Array; offline: Uint8Array };
}
// One per process (the warm-up derives what the map route reads): see lib/process-slot.ts.
const derived = processSlot("loginGridDerived", () => new WeakMap<PointIndex, Derived>());

function derive(index: PointIndex): Derived {
  let d = derived.get(index);
  if (!d) {
    const { ids, coords } = index.base;
    const mercY = new Float64Array(ids.length);
    for (let i = 0; i < ids.length; i++) mercY[i] = mercatorY(coords[2 * i + 1] as number);
    const byId = Int32Array.from(ids.keys()).sort((a, b) => (ids[a] as number) - (ids[b] as number));
    d = { mercY, byId };
    derived.set(index, d);
  }
  return d;
}

/** The index's points with their Mercator y and offline flags (1 = offline), current as of `versions`. */
export async function getLoginGrid(index: PointIndex, versions: GeoVersions): Promise<{ mercY: Float64Array; offline: Uint8Array }> {
  const offlineIds = await getOfflineIds(versions);
  const d = derive(index);
  if (d.flags?.from !== offlineIds) {
    const { ids } = index.base;
    const offline = new Uint8Array(ids.length);
    for (const id of offlineIds) {
      let lo = 0;
      let hi = d.byId.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const pos = d.byId[mid] as number;
        const at = ids[pos] as number;
        if (at === id) {
          offline[pos] = 1;
          break;
        }
        if (at < id) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    d.flags = { from: offlineIds, offline };
  }
  return { mercY: d.mercY, offline: d.flags.offline };
}

/** Loads the index, the offline ids and the grid's arrays now (the start-up warm-up: lib/health/warm-up.ts). */
export async function warmLoginStatus(): Promise<void> {
  const versions = await readGeoVersions();
  await getLoginGrid(await getLoginPointIndex(versions), versions);
}
