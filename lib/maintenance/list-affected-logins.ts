// The "Logins Afetados" of an order: live (from the login index) while the order is Aberta, Em Execução
// or Cancelada; frozen (the AffectedLogin rows written when it was finalized) once Finalizada, so later
// changes to customers do not rewrite history. Search, sort and pagination run in SQL.
import { db, getBackend } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import type { AffectedLoginsQuery } from "../validation/affected-logins";
import { findLoginIdsInRegion } from "./login-points";

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

export async function listAffectedLogins(orderId: number, query: AffectedLoginsQuery, opts: { all?: boolean } = {}) {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, status: true, region: { select: { geometry: true } } },
  });
  if (!order) throw notFound(`OS ${orderId} não encontrada.`);
  const frozen = order.status === "FINALIZADA";
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
  let where = "";
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where = `WHERE username ILIKE $${params.length} OR "customerName" ILIKE $${params.length} OR address ILIKE $${params.length}`;
  }
  const backend = getBackend();
  const [{ total, online }] = (await backend.query<{ total: number; online: number }>(
    `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE online)::int AS online FROM (${source}) s ${where}`,
    params,
  )) as [{ total: number; online: number }];
  const limit = opts.all ? "" : `LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;
  const rows = await backend.query<AffectedLoginRow>(
    `SELECT * FROM (${source}) s ${where} ORDER BY ${SORT_COLUMN[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, "loginId" ${limit}`,
    params,
  );
  return {
    order: { id: order.id, number: order.number, status: order.status },
    frozen,
    total,
    online,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng) })),
  };
}
