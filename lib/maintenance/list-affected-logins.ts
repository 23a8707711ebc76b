// The "Logins Afetados" of an order: live (from the login index) while the order is Aberta, Em Execução
// or Cancelada; frozen (the AffectedLogin rows written when it was finalized) once Finalizada, so later
// changes to customers do not rewrite history. Search, sort and pagination run in SQL.
// Live lists are large (50,000 logins for a city-wide outage) and paged by people: the ORDER of the list (the
// login ids sorted and filtered as asked, and the online count) is computed once and kept a short while in
// this process (liveOrder below), so each further page only reads its own rows. The rows themselves are
// always read fresh: a page shows the current online status and names.
import { db, dbGeneration, getBackend } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import type { AffectedLoginsQuery } from "../validation/affected-logins";
import { findLoginIdsInRegion } from "./login-points";
import { readGeoVersions } from "./geo-version";

// How long a live list's order and counts are reused (new logins and moved regions change the version
// stamps and so the key at once; this bounds how stale the online count and the sort by status can be).
const LIVE_ORDER_TTL_MS = 30_000;
// Live list orders kept per process (a few orders being worked on at a time).
const LIVE_ORDER_CACHE_SIZE = 16;

export interface AffectedLoginRow {
  loginId: number;
  username: string;
  customerId: number;
  customerName: string;
  contractId: number;
  planName: string;
  technology: string;
  online: boolean;
  lastSeenAt: Date | null;
  address: string | null;
  lat: number;
  lng: number;
}

/** SELECT list of the live rows; the same column names as AffectedLogin. */
export const LIVE_AFFECTED_SQL = `
  SELECT l.id AS "loginId", l.username, c.id AS "customerId", c.name AS "customerName", k.id AS "contractId",
         p.name AS "planName", l.technology::text AS technology, l.online, l."lastSeenAt",
         NULLIF(CONCAT_WS(', ', NULLIF(CONCAT_WS(', ', c.street, c.number), ''), c.neighborhood), '') AS address,
         COALESCE(l.lat, c.lat) AS lat, COALESCE(l.lng, c.lng) AS lng
    FROM "Login" l
    JOIN "Contract" k ON k.id = l."contractId"
    JOIN "Customer" c ON c.id = k."customerId"
    JOIN "Plan" p ON p.id = k."planId"
   WHERE l.id = ANY($1::int[])`;

const FROZEN_SQL = `
  SELECT "loginId", username, "customerId", "customerName", "contractId", "planName", technology::text AS technology,
         online, "lastSeenAt", address, lat, lng
    FROM "AffectedLogin" WHERE "orderId" = $1`;

const SORT_COLUMN: Record<AffectedLoginsQuery["sort"], string> = {
  username: "username", customerName: `"customerName"`, planName: `"planName"`, technology: "technology",
  online: "online", lastSeenAt: `"lastSeenAt"`, address: "address",
};

const liveOrders = new Map<string, { at: number; ids: number[]; online: number }>();

/** The live list's ids in the asked order (filtered by the search), and how many are online. */
async function liveOrder(
  orderId: number,
  geometry: AreaGeometry,
  query: AffectedLoginsQuery,
  where: (params: unknown[]) => string,
): Promise<{ ids: number[]; online: number }> {
  const versions = await readGeoVersions();
  const key = [dbGeneration(), orderId, versions.regions, versions.logins, query.sort, query.dir, query.q ?? ""].join("|");
  const hit = liveOrders.get(key);
  if (hit && Date.now() - hit.at < LIVE_ORDER_TTL_MS) return hit;
  const all = await findLoginIdsInRegion(geometry);
  const params: unknown[] = [all];
  const filter = where(params);
  const dir = query.dir === "desc" ? "DESC" : "ASC";
  // The default order (by login, no search) needs only the Login table; others sort the joined rows.
  const sql = !filter && query.sort === "username"
    ? `SELECT l.id AS "loginId", l.online FROM "Login" l WHERE l.id = ANY($1::int[]) ORDER BY l.username ${dir}, l.id`
    : `SELECT s."loginId", s.online FROM (${LIVE_AFFECTED_SQL}) s ${filter} ORDER BY ${SORT_COLUMN[query.sort]} ${dir} NULLS LAST, "loginId"`;
  const rows = await getBackend().query<{ loginId: number; online: boolean }>(sql, params);
  const entry = { at: Date.now(), ids: rows.map((r) => r.loginId), online: rows.filter((r) => r.online).length };
  liveOrders.delete(key);
  liveOrders.set(key, entry);
  if (liveOrders.size > LIVE_ORDER_CACHE_SIZE) liveOrders.delete(liveOrders.keys().next().value!);
  return entry;
}

export async function listAffectedLogins(orderId: number, query: AffectedLoginsQuery, opts: { all?: boolean } = {}) {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, status: true, region: { select: { geometry: true } } },
  });
  if (!order) throw notFound(`OS ${orderId} não encontrada.`);
  const frozen = order.status === "FINALIZADA";
  const where = (params: unknown[]) => {
    if (!query.q) return "";
    params.push(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    return `WHERE username ILIKE $${params.length} OR "customerName" ILIKE $${params.length} OR address ILIKE $${params.length}`;
  };
  const backend = getBackend();
  const shape = (rows: AffectedLoginRow[]) => rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) }));
  const head = { order: { id: order.id, number: order.number, status: order.status }, frozen, page: query.page, pageSize: query.pageSize };

  if (!frozen && order.region && !opts.all) {
    const { ids, online } = await liveOrder(order.id, order.region.geometry as unknown as AreaGeometry, query, where);
    const pageIds = ids.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    const rows = pageIds.length === 0 ? [] : await backend.query<AffectedLoginRow>(LIVE_AFFECTED_SQL, [pageIds]);
    const position = new Map(pageIds.map((id, i) => [id, i]));
    rows.sort((a, b) => position.get(a.loginId)! - position.get(b.loginId)!);
    return { ...head, total: ids.length, online, rows: shape(rows) };
  }

  let source: string;
  let params: unknown[];
  if (frozen) {
    source = FROZEN_SQL;
    params = [order.id];
  } else {
    const ids = order.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
    source = LIVE_AFFECTED_SQL;
    params = [ids];
  }
  const filter = where(params);
  const [{ total, online }] = (await backend.query<{ total: number; online: number }>(
    `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE online)::int AS online FROM (${source}) s ${filter}`,
    params,
  )) as [{ total: number; online: number }];
  const limit = opts.all ? "" : `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const rows = await backend.query<AffectedLoginRow>(
    `SELECT * FROM (${source}) s ${filter} ORDER BY ${SORT_COLUMN[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, "loginId" ${limit}`,
    params,
  );
  return { ...head, total, online, rows: shape(rows) };
}
