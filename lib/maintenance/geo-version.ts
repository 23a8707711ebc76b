// The version stamps that tell every app instance when its in-memory spatial indexes are stale.
// Row 1: the executing regions (order status or region geometry changed). Row 2: login locations.
// Writers bump them inside their own transaction; readers compare one integer per request, so an
// order executed through one instance is seen by a contact arriving at another on its next request.
import { db, type Prisma } from "../db";

export const REGIONS_VERSION_ID = 1;
export const LOGINS_VERSION_ID = 2;

export async function readGeoVersions(): Promise<{ regions: bigint; logins: bigint }> {
  const rows = await db.geoVersion.findMany({ select: { id: true, version: true } });
  return {
    regions: rows.find((r) => r.id === REGIONS_VERSION_ID)?.version ?? 0n,
    logins: rows.find((r) => r.id === LOGINS_VERSION_ID)?.version ?? 0n,
  };
}

/** Bumps the login-locations stamp inside the caller's transaction (imports, status feed, moves). */
export async function bumpLoginsVersion(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "GeoVersion" ("id", "version", "at") VALUES (${LOGINS_VERSION_ID}, 1, CURRENT_TIMESTAMP)
    ON CONFLICT ("id") DO UPDATE SET "version" = "GeoVersion"."version" + 1, "at" = CURRENT_TIMESTAMP`;
}
