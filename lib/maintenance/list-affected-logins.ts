// The "Logins Afetados" of an order: live (from the login index) while the order is Aberta, Em Execução
// or Cancelada; frozen (the AffectedLogin rows written when it was finalized) once Finalizada, so later
// changes to customers do not rewrite history. Search, sort and pagination run in SQL.
// Live lists are large (50,000 logins for a city-wide outage) and paged by people: their order, search and
// counts come from the order's LiveAffectedLogin rows (lib/maintenance/live-affected-list.ts), one index read
// per page; the rows a page shows are read fresh (current online status and names).
import { db, getBackend } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import type { AffectedLoginsQuery } from "../validation/affected-logins";
import { findLoginIdsInRegion } from "./login-points";
import { prepareLiveAffectedList } from "./live-affected-list";

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

// Columns that hold no NULL: a descending page is the index read backwards ("loginId" descending too), which
// both lists' (orderId, column, loginId) indexes serve; the nullable ones keep their NULLs last either way.
const NOT_NULL_SORT = new Set<AffectedLoginsQuery["sort"]>(["username", "customerName", "planName", "technology", "online"]);

function orderBy(query: AffectedLoginsQuery): string {
  const column = SORT_COLUMN[query.sort];
  if (query.dir !== "desc") return `ORDER BY ${column} ASC NULLS LAST, "loginId"`;
  return NOT_NULL_SORT.has(query.sort) ? `ORDER BY ${column} DESC, "loginId" DESC` : `ORDER BY ${column} DESC NULLS LAST, "loginId"`;
}

const LIVE_LIST_SQL = `
  SELECT "loginId", username, "customerName", "planName", technology::text AS technology, online, "lastSeenAt", address
    FROM "LiveAffectedLogin" WHERE "orderId" = $1`;

/** How many of `source`'s rows pass `filter`, and how many of those are online. */
async function countMatches(source: string, filter: string, params: unknown[]): Promise<{ total: number; online: number }> {
  const [counts] = await getBackend().query<{ total: number; online: number }>(
    `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE online)::int AS online FROM (${source}) s ${filter}`,
    params,
  );
  return counts!;
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
    const counts = await prepareLiveAffectedList(order.id, order.region.geometry as unknown as AreaGeometry);
    const params: unknown[] = [order.id];
    const filter = where(params);
    const page = `${orderBy(query)} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
    let total = counts.total;
    let online = counts.online;
    let pageIds: number[];
    if (!filter) {
      // Without a search the counts of the build answer, and the page is an index read.
      pageIds = (await backend.query<{ loginId: number }>(`SELECT "loginId" FROM (${LIVE_LIST_SQL}) s ${page}`, params)).map((r) => r.loginId);
    } else {
      // A search reads the order's rows once: the page and the matches' counts come together (a second pass for
      // the counts took as long as the first, 60–70 ms with 50,000 logins).
      const found = await backend.query<{ loginId: number; total: number; online: number }>(
        `SELECT "loginId", (COUNT(*) OVER ())::int AS total, (COUNT(*) FILTER (WHERE online) OVER ())::int AS online
           FROM (${LIVE_LIST_SQL}) s ${filter} ${page}`,
        params,
      );
      pageIds = found.map((r) => r.loginId);
      // A page past the last match has no row to carry the counts: then they are counted alone.
      ({ total, online } = found[0] ?? (await countMatches(LIVE_LIST_SQL, filter, params)));
    }
    const rows = pageIds.length === 0 ? [] : await backend.query<AffectedLoginRow>(LIVE_AFFECTED_SQL, [pageIds]);
    const position = new Map(pageIds.map((id, i) => [id, i]));
    rows.sort((a, b) => position.get(a.loginId)! - position.get(b.loginId)!);
    return { ...head, total, online, rows: shape(rows) };
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
  const { total, online } = await countMatches(source, filter, params);
  const limit = opts.all ? "" : `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const rows = await backend.query<AffectedLoginRow>(
    `SELECT * FROM (${source}) s ${filter} ${orderBy(query)} ${limit}`,
    params,
  );
  return { ...head, total, online, rows: shape(rows) };
}
