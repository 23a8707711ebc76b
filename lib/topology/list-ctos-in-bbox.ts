// The map's CTO layer: the CTOs inside the view with their occupancy (logins / ports) and how many of their
// logins are offline now, plus their PON and OLT (to list those on a click). Aggregated in SQL; at most
// MAX_CTOS_IN_VIEW boxes (zoomed far out the layer asks the user to zoom in instead of drawing a carpet).
import { getBackend } from "../db";

/** Most CTOs answered for one view. */
export const MAX_CTOS_IN_VIEW = 3_000;

export interface CtoInView {
  id: number;
  name: string;
  lat: number;
  lng: number;
  capacity: number;
  used: number;
  offline: number;
  ponId: number | null;
  ponLabel: string | null;
  oltId: number | null;
  oltName: string | null;
}

export async function listCtosInBbox([minLng, minLat, maxLng, maxLat]: [number, number, number, number]): Promise<{ ctos: CtoInView[]; truncated: boolean }> {
  const rows = await getBackend().query<CtoInView>(
    `SELECT t.id, t.name, t.lat, t.lng, t.capacity, COALESCE(u.used, 0)::int AS used, COALESCE(u.offline, 0)::int AS offline,
            p.id AS "ponId", p.label AS "ponLabel", o.id AS "oltId", o.name AS "oltName"
       FROM "Cto" t
       LEFT JOIN (SELECT "ctoId", COUNT(*) AS used, COUNT(*) FILTER (WHERE NOT online) AS offline FROM "Login" WHERE "ctoId" IS NOT NULL GROUP BY "ctoId") u ON u."ctoId" = t.id
       LEFT JOIN "PonPort" p ON p.id = t."ponId" LEFT JOIN "Olt" o ON o.id = p."oltId"
      WHERE t.lng BETWEEN $1::float8 AND $3::float8 AND t.lat BETWEEN $2::float8 AND $4::float8
      ORDER BY t.id LIMIT ${MAX_CTOS_IN_VIEW + 1}`,
    [String(minLng), String(minLat), String(maxLng), String(maxLat)],
  );
  return {
    ctos: rows.slice(0, MAX_CTOS_IN_VIEW).map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })),
    truncated: rows.length > MAX_CTOS_IN_VIEW,
  };
}
