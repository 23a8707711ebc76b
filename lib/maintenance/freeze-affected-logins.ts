// Writes an order's affected logins as they are now, inside the finalizing transaction. The ids come
// from findLoginIdsInRegion, called BEFORE the transaction opens: on PGlite (one connection) a read
// outside the open transaction would wait for it to end.
import type { Prisma } from "../db";
import { LIVE_AFFECTED_SQL } from "./list-affected-logins";

export async function freezeAffectedLogins(tx: Prisma.TransactionClient, orderId: number, loginIds: readonly number[]): Promise<number> {
  if (loginIds.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `INSERT INTO "AffectedLogin" ("orderId", "loginId", username, "customerId", "customerName", "contractId", "planName", technology, online, "lastSeenAt", address, lat, lng)
     SELECT $2, s."loginId", s.username, s."customerId", s."customerName", s."contractId", s."planName", s.technology::"Technology", s.online, s."lastSeenAt", s.address, s.lat, s.lng
       FROM (${LIVE_AFFECTED_SQL}) s
     ON CONFLICT ("orderId", "loginId") DO NOTHING`,
    [...loginIds],
    orderId,
  );
}
