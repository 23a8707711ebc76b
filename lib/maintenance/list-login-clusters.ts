// The map's logins for a view: clusters where many fall together, logins one by one where they are few or at
// street level (lib/geo/grid-clusters.ts), from the in-memory point index — a login without its own location
// sits at its customer's. Clusters carry their offline count (lib/maintenance/login-status.ts); each login
// shown alone is read from the database (name and current state), a few thousand at most.
import { getBackend } from "../db";
import { clusterGrid, type GridCluster } from "../geo/grid-clusters";
import { positionsInBbox } from "../geo/point-index";
import type { Bbox } from "../geo/types";
import { readGeoVersions } from "./geo-version";
import { getLoginPointIndex } from "./login-points";
import { getLoginGrid } from "./login-status";

export interface LoginMarker {
  id: number;
  username: string;
  lat: number;
  lng: number;
  online: boolean;
}

export interface LoginClusters {
  /** Every login in the box: the clusters' counts plus the logins listed. */
  total: number;
  clusters: GridCluster[];
  logins: LoginMarker[];
}

export async function listLoginClusters(bbox: Bbox, zoom: number): Promise<LoginClusters> {
  const versions = await readGeoVersions();
  const index = await getLoginPointIndex(versions);
  const grid = await getLoginGrid(index, versions);
  const { coords, ids } = index.base;
  const answer = clusterGrid({ coords, ...grid }, positionsInBbox(index, bbox), bbox, zoom);
  const singleIds = answer.singles.map((pos) => ids[pos] as number);
  const rows = singleIds.length
    ? await getBackend().query<{ id: number; username: string; online: boolean }>(
        `SELECT id, username, online FROM "Login" WHERE id = ANY($1::int[])`,
        [singleIds],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const logins: LoginMarker[] = [];
  for (const pos of answer.singles) {
    const row = byId.get(ids[pos] as number);
    if (row) logins.push({ id: row.id, username: row.username, lat: coords[2 * pos + 1] as number, lng: coords[2 * pos] as number, online: row.online });
  }
  // A login deleted since the index was built is not counted.
  return { total: answer.total - (answer.singles.length - logins.length), clusters: answer.clusters, logins };
}
