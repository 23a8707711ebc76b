// The version stamps that tell every app instance when its in-memory spatial indexes are stale.
// Row 1: the executing regions (order status or region geometry changed). Row 2: login locations.
// Row 3: logins' online/offline state (the map's cluster offline counts).
// Writers bump them inside their own transaction, so the change and the stamp commit together; readers
// compare one integer per request, so an order executed through one instance is seen by a contact
// arriving at another on its next request.
import { db, type SqlTx } from "../db";

export const REGIONS_VERSION_ID = 1;
export const LOGINS_VERSION_ID = 2;
export const STATUS_VERSION_ID = 3;

export interface GeoVersions {
  regions: bigint;
  logins: bigint;
  status: bigint;
}

/** Both stamps (one query). A caller that read them with its own data passes them on to the caches instead. */
export async function readGeoVersions(): Promise<GeoVersions> {
  const rows = await db.geoVersion.findMany({ select: { id: true, version: true } });
  return {
    regions: rows.find((r) => r.id === REGIONS_VERSION_ID)?.version ?? 0n,
    logins: rows.find((r) => r.id === LOGINS_VERSION_ID)?.version ?? 0n,
    status: rows.find((r) => r.id === STATUS_VERSION_ID)?.version ?? 0n,
  };
}

/** One atomic insert-or-increment: concurrent transactions never collide on creating the row. */
async function bump(tx: SqlTx, id: number): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "GeoVersion" ("id", "version", "at") VALUES ($1::int, 1, CURRENT_TIMESTAMP)
     ON CONFLICT ("id") DO UPDATE SET "version" = "GeoVersion"."version" + 1, "at" = CURRENT_TIMESTAMP`,
    id,
  );
}

/** After an order's status or a region's geometry changed (inside the caller's transaction). */
export const bumpRegionsVersion = (tx: SqlTx) => bump(tx, REGIONS_VERSION_ID);

/** After logins were added or moved: imports, syncs (inside the caller's transaction). */
export const bumpLoginsVersion = (tx: SqlTx) => bump(tx, LOGINS_VERSION_ID);

/** After logins went online or offline: the status feed, ERP syncs (inside the caller's transaction, after its
 *  updates of Login: every writer takes the Login rows first, then this stamp's row). */
export const bumpStatusVersion = (tx: SqlTx) => bump(tx, STATUS_VERSION_ID);
