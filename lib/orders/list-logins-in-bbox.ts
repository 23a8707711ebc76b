// Login markers for the visible part of the map: never the whole table. A login without its own
// location falls back to its customer's (the installation point is usually the customer's address).
// The first half uses the Login(lat, lng) index; the second only looks at logins without a location.
import { db } from "../db";
import { floatText } from "../db/exact-float";
import type { Bbox } from "../geo/types";

/** Markers answered per request at most (clustered in the browser; beyond this the map asks to zoom in). */
export const MAX_LOGIN_MARKERS = 5_000;

export interface LoginMarker {
  id: number;
  lat: number;
  lng: number;
  online: boolean;
  username: string;
}

export async function listLoginsInBbox(bbox: Bbox, limit = MAX_LOGIN_MARKERS): Promise<{ logins: LoginMarker[]; truncated: boolean }> {
  // Bounds travel as text (lib/db/exact-float.ts): a marker exactly on the viewport's edge is not lost.
  const [minLng, minLat, maxLng, maxLat] = bbox.map(floatText);
  const take = limit + 1; // one more than shown tells whether there are more
  const rows = await db.$queryRaw<LoginMarker[]>`
    (SELECT l."id", l."lat", l."lng", l."online", l."username" FROM "Login" l
      WHERE l."lat" BETWEEN ${minLat}::float8 AND ${maxLat}::float8 AND l."lng" BETWEEN ${minLng}::float8 AND ${maxLng}::float8
      LIMIT ${take})
    UNION ALL
    (SELECT l."id", c."lat", c."lng", l."online", l."username" FROM "Login" l
      JOIN "Contract" ct ON ct."id" = l."contractId"
      JOIN "Customer" c ON c."id" = ct."customerId"
      WHERE (l."lat" IS NULL OR l."lng" IS NULL)
        AND c."lat" BETWEEN ${minLat}::float8 AND ${maxLat}::float8 AND c."lng" BETWEEN ${minLng}::float8 AND ${maxLng}::float8
      LIMIT ${take})
    LIMIT ${take}`;
  const truncated = rows.length > limit;
  return { logins: truncated ? rows.slice(0, limit) : rows, truncated };
}
