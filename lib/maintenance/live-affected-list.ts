// The sort and search columns of a live order's logins (LiveAffectedLogin), so that each page of its Logins
// Afetados — the first one too, sorted, searched — is an index read over one order's rows instead of a
// sort of all its logins read from Login, Contract and Customer (50,000 scattered rows for a city-wide outage).
// Built when the order starts executing; rebuilt on the spot when the region or the login locations changed
// (the list's `key`); refreshed in the background when older than LIVE_LIST_TTL_MS, the page meanwhile
// served from the previous build, so the order and counts are as current as before (they were computed
// once and reused for 30 s). The rows a page shows are always read fresh.
import { createHash } from "node:crypto";
import { db } from "../db";
import type { AreaGeometry } from "../geo/types";
import { readGeoVersions } from "./geo-version";
import { LIVE_AFFECTED_SQL } from "./list-affected-logins";
import { findLoginIdsInRegion } from "./login-points";
import { processSlot } from "../process-slot";

/** Age after which a page triggers a background refresh of the list's online flags, names and addresses. */
export const LIVE_LIST_TTL_MS = 30_000;

/** Builds running in this process, by order (one at a time per order), with the key each writes. */
const refreshing = processSlot("liveAffectedRefreshing", () => new Map<number, { key: string; promise: Promise<void> }>());

async function listKey(geometry: AreaGeometry): Promise<string> {
  const { logins } = await readGeoVersions();
  return `${logins}|${createHash("sha1").update(JSON.stringify(geometry)).digest("base64url")}`;
}

/** Writes the order's rows as they are now (one transaction: readers see the old build or the new one). */
async function build(orderId: number, geometry: AreaGeometry, key: string): Promise<void> {
  // Outside the transaction: on PGlite (one connection) a read outside an open transaction waits for it.
  const ids = await findLoginIdsInRegion(geometry);
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`DELETE FROM "LiveAffectedLogin" WHERE "orderId" = $1`, orderId);
    if (ids.length > 0) {
      await tx.$executeRawUnsafe(
        `INSERT INTO "LiveAffectedLogin" ("orderId", "loginId", username, "customerName", "planName", technology, online, "lastSeenAt", address)
         SELECT $2, s."loginId", s.username, s."customerName", s."planName", s.technology::"Technology", s.online, s."lastSeenAt", s.address
           FROM (${LIVE_AFFECTED_SQL}) s`,
        ids,
        orderId,
      );
    }
    await tx.$executeRawUnsafe(
      `INSERT INTO "LiveAffectedList" ("orderId", key, "refreshedAt", total, online)
       SELECT $1, $2, CURRENT_TIMESTAMP, COUNT(*), COUNT(*) FILTER (WHERE online) FROM "LiveAffectedLogin" WHERE "orderId" = $1
       ON CONFLICT ("orderId") DO UPDATE SET key = EXCLUDED.key, "refreshedAt" = EXCLUDED."refreshedAt",
         total = EXCLUDED.total, online = EXCLUDED.online`,
      orderId,
      key,
    );
  }, { timeout: 120_000 });
}

/** Joins a build of the same key already running here; a build of another key runs after it. */
function buildOnce(orderId: number, geometry: AreaGeometry, key: string): Promise<void> {
  const running = refreshing.get(orderId);
  if (running?.key === key) return running.promise;
  const after = running ? running.promise.catch(() => undefined) : Promise.resolve();
  const entry = { key, promise: after.then(() => build(orderId, geometry, key)) };
  entry.promise.then(
    () => { if (refreshing.get(orderId) === entry) refreshing.delete(orderId); },
    () => { if (refreshing.get(orderId) === entry) refreshing.delete(orderId); },
  );
  refreshing.set(orderId, entry);
  return entry.promise;
}

const LIST_SELECT = { key: true, refreshedAt: true, total: true, online: true } as const;

/**
 * Makes the order's LiveAffectedLogin rows match its region and the login locations — built now when
 * missing or stale (region or locations changed), refreshed in the background when merely old — and
 * answers their counts (all logins, online ones).
 */
export async function prepareLiveAffectedList(orderId: number, geometry: AreaGeometry): Promise<{ total: number; online: number }> {
  const [key, list] = await Promise.all([listKey(geometry), db.liveAffectedList.findUnique({ where: { orderId }, select: LIST_SELECT })]);
  if (!list || list.key !== key) {
    await buildOnce(orderId, geometry, key);
    return db.liveAffectedList.findUniqueOrThrow({ where: { orderId }, select: { total: true, online: true } });
  }
  if (Date.now() - list.refreshedAt.getTime() > LIVE_LIST_TTL_MS && !refreshing.has(orderId)) {
    buildOnce(orderId, geometry, key).catch((err: unknown) => console.error(`[logins afetados] OS ${orderId}: atualização falhou`, err));
  }
  return { total: list.total, online: list.online };
}

/** Builds the list of an order that just started executing, so its first page is an index read too. */
export async function buildLiveAffectedList(orderId: number): Promise<void> {
  const order = await db.serviceOrder.findUnique({ where: { id: orderId }, select: { region: { select: { geometry: true } } } });
  if (!order?.region) return;
  const geometry = order.region.geometry as unknown as AreaGeometry;
  await buildOnce(orderId, geometry, await listKey(geometry));
}
