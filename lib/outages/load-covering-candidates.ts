// The data findCoveringOrder needs: the regions of open and running orders near some points, and the
// points (effective locations: the installation point, or the customer's) of a list of logins.
import { db, type Prisma } from "../db";
import type { AreaGeometry, Bbox } from "../geo/types";
import type { CandidateRegion } from "./find-covering-order";

type Client = Prisma.TransactionClient | typeof db;

const REGION_SELECT = {
  geometry: true, minLng: true, minLat: true, maxLng: true, maxLat: true,
  serviceOrder: { select: { id: true, number: true, status: true } },
} satisfies Prisma.MaintenanceRegionSelect;

/** The regions matching `where`, as findCoveringOrder's candidates. */
async function loadCandidateRegions(where: Prisma.MaintenanceRegionWhereInput, client: Client): Promise<CandidateRegion[]> {
  const rows = await client.maintenanceRegion.findMany({ where, select: REGION_SELECT });
  return rows.map((r) => ({
    orderId: r.serviceOrder.id,
    number: r.serviceOrder.number,
    status: r.serviceOrder.status as CandidateRegion["status"],
    geometry: r.geometry as unknown as AreaGeometry,
    bbox: [r.minLng, r.minLat, r.maxLng, r.maxLat],
  }));
}

/** Open and running orders' regions whose bounding box meets `bbox`. */
export async function loadActiveRegionsNear(bbox: Bbox, client: Client = db): Promise<CandidateRegion[]> {
  return loadCandidateRegions({
    serviceOrder: { status: { in: ["ABERTA", "EM_EXECUCAO"] } },
    minLng: { lte: bbox[2] }, maxLng: { gte: bbox[0] }, minLat: { lte: bbox[3] }, maxLat: { gte: bbox[1] },
  }, client);
}

/**
 * The regions where work is underway, for outage detection to leave alone: running orders, and Aberta orders
 * whose planned start is at most `marginMinutes` ahead (or already passed: the start job is about to run).
 */
export async function loadWorkRegions(now: Date, marginMinutes: number, client: Client = db): Promise<CandidateRegion[]> {
  return loadCandidateRegions({
    serviceOrder: {
      OR: [
        { status: "EM_EXECUCAO" },
        { status: "ABERTA", scheduledStartAt: { lte: new Date(now.getTime() + marginMinutes * 60_000) } },
      ],
    },
  }, client);
}

/** Where each login is (logins without a location, theirs or their customer's, are left out). */
export async function loadLoginPoints(ids: readonly number[], client: Client = db): Promise<{ lng: number; lat: number }[]> {
  const rows = await client.login.findMany({
    where: { id: { in: [...ids] } },
    select: { lng: true, lat: true, contract: { select: { customer: { select: { lng: true, lat: true } } } } },
  });
  return rows.flatMap((r) => {
    const lng = r.lng ?? r.contract.customer.lng;
    const lat = r.lat ?? r.contract.customer.lat;
    return lng === null || lat === null ? [] : [{ lng, lat }];
  });
}

/** The bounding box of some points ([minLng, minLat, maxLng, maxLat]); null when there are none. */
export function pointsBbox(points: readonly { lng: number; lat: number }[]): Bbox | null {
  if (points.length === 0) return null;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const p of points) {
    if (p.lng < minLng) minLng = p.lng;
    if (p.lng > maxLng) maxLng = p.lng;
    if (p.lat < minLat) minLat = p.lat;
    if (p.lat > maxLat) maxLat = p.lat;
  }
  return [minLng, minLat, maxLng, maxLat];
}
