// Bumps the global GeoVersion counter inside the caller's transaction, so app instances that cache
// "who is inside an executing region" see the change exactly when it commits.
// One atomic statement (insert-or-increment): concurrent transactions never collide on creating row 1.
import type { Prisma } from "../db";

export async function bumpGeoVersion(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "GeoVersion" ("id", "version", "at") VALUES (1, 1, CURRENT_TIMESTAMP)
    ON CONFLICT ("id") DO UPDATE SET "version" = "GeoVersion"."version" + 1, "at" = CURRENT_TIMESTAMP`;
}
