// The logins of a CTO, PON or OLT (the map's click on an element): the plant index's ids with the same columns
// as an order's "Logins Afetados" (LIVE_AFFECTED_SQL), searched, sorted and paged in SQL, plus the element's
// port use. Logins without a location are listed too (here it is the plant that is asked, not a region).
import { getBackend } from "../db";
import { notFound } from "../errors";
import { LIVE_AFFECTED_SQL, type AffectedLoginRow } from "../maintenance/list-affected-logins";
import type { AffectedLoginsQuery } from "../validation/affected-logins";
import { describeElement } from "./create-equipment-order";
import { getTopologyIndex } from "./get-topology-index";
import type { ElementKind } from "./topology-index";

const SORT_COLUMN: Record<AffectedLoginsQuery["sort"], string> = {
  username: "username", customerName: `"customerName"`, planName: `"planName"`, technology: "technology",
  online: "online", lastSeenAt: `"lastSeenAt"`, address: "address",
};

export async function listElementLogins(kind: ElementKind, id: number, query: AffectedLoginsQuery) {
  const name = await describeElement(kind, id);
  if (name === null) throw notFound(`${kind} ${id} não encontrada.`);
  const index = await getTopologyIndex();
  const ids = Array.from(index.loginsOf(kind, id));
  // LIVE_AFFECTED_SQL joins the customer: a login without a point still has one (lat/lng may be null here).
  const params: unknown[] = [ids];
  let where = "";
  if (query.q) {
    params.push(`%${query.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
    where = `WHERE username ILIKE $2 OR "customerName" ILIKE $2 OR address ILIKE $2`;
  }
  const backend = getBackend();
  const [counts] = await backend.query<{ total: number; online: number }>(
    `SELECT COUNT(*)::int AS total, COUNT(*) FILTER (WHERE online)::int AS online FROM (${LIVE_AFFECTED_SQL}) s ${where}`,
    params,
  );
  const rows = await backend.query<AffectedLoginRow & { ctoPort: number | null; ctoName: string | null }>(
    `SELECT * FROM (SELECT s.*, l."ctoPort", t.name AS "ctoName" FROM (${LIVE_AFFECTED_SQL}) s JOIN "Login" l ON l.id = s."loginId" LEFT JOIN "Cto" t ON t.id = l."ctoId") x ${where}
      ORDER BY ${SORT_COLUMN[query.sort]} ${query.dir === "desc" ? "DESC" : "ASC"} NULLS LAST, "loginId"
      LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  const i = index.indexOf(kind, id);
  return {
    element: { kind, id, name, capacity: kind === "CTO" ? index.plant.ctos.capacities[i]! : null, loginCount: ids.length },
    total: counts?.total ?? 0,
    online: counts?.online ?? 0,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({ ...r, lat: r.lat === null ? null : Number(r.lat), lng: r.lng === null ? null : Number(r.lng) })),
  };
}
