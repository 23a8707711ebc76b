// The in-memory index of every login's location (the installation point, or the customer's when the
// login has none), rebuilt when the login-locations version stamp moves. Region queries walk this index
// with a prepared polygon and never scan every customer.
import { getBackend } from "../db";
import { buildPointIndex, pointsInPolygon, type PointIndex } from "../geo/point-index";
import { preparePolygon } from "../geo/prepared-polygon";
import type { AreaGeometry } from "../geo/types";
import { createVersionedCache } from "./versioned-cache";
import type { GeoVersions } from "./geo-version";
import { equipmentOf } from "../topology/equipment-outline";
import { findEquipmentLoginIds } from "../topology/find-equipment-login-ids";

// Rows fetched per round trip while loading (bounded memory for the driver's row objects).
const LOAD_PAGE = 100_000;

async function loadIndex(): Promise<PointIndex> {
  const backend = getBackend();
  const ids: number[] = [];
  const lngs: number[] = [];
  const lats: number[] = [];
  let after = 0;
  for (;;) {
    const rows = await backend.query<{ id: number; lng: number; lat: number }>(
      `SELECT l.id, COALESCE(l.lng, c.lng) AS lng, COALESCE(l.lat, c.lat) AS lat
         FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId"
        WHERE l.id > $1 AND COALESCE(l.lng, c.lng) IS NOT NULL AND COALESCE(l.lat, c.lat) IS NOT NULL
        ORDER BY l.id LIMIT ${LOAD_PAGE}`,
      [after],
    );
    for (const r of rows) {
      ids.push(r.id);
      lngs.push(Number(r.lng));
      lats.push(Number(r.lat));
    }
    if (rows.length < LOAD_PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  return buildPointIndex({ ids: Int32Array.from(ids), lngs: Float64Array.from(lngs), lats: Float64Array.from(lats) });
}

const getLoginPoints = createVersionedCache("loginPoints", "logins", loadIndex);

/** The index itself (the map's clusters: lib/maintenance/list-login-clusters.ts). */
export const getLoginPointIndex: (known?: GeoVersions) => Promise<PointIndex> = getLoginPoints;

/** Ids of the logins inside a region (boundary inside), ascending. */
export async function findLoginIdsInRegion(geometry: AreaGeometry): Promise<number[]> {
  // topo (issue 17): a region made for a plant element holds exactly the element's logins.
  const equipment = equipmentOf(geometry);
  if (equipment) return findEquipmentLoginIds(equipment);
  const index = await getLoginPoints();
  const ids = Array.from(pointsInPolygon(index, preparePolygon(geometry)));
  return ids.sort((a, b) => a - b);
}

/** How many logins a region holds (the live counter while drawing, the map's hover card). */
export async function countLoginsInRegion(geometry: AreaGeometry): Promise<number> {
  const equipment = equipmentOf(geometry);
  if (equipment) return (await findEquipmentLoginIds(equipment)).length;
  const index = await getLoginPoints();
  return pointsInPolygon(index, preparePolygon(geometry)).length;
}

