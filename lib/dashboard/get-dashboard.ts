// The manager's figures, counted in SQL with aggregates (no rows loaded), plus the live count of
// logins inside executing regions from the login index. Days and months are the ISP's calendar days
// (RAIO_TIME_ZONE, lib/format/time-zone).
// At a million customers the aggregates take a few hundred milliseconds, and managers reload the screen
// often: each process keeps the figures of a period (except the notices, always counted) and reuses them
// while nothing they count has changed — a change stamp read in one round trip (the newest contact, contact
// notice, order, order event and discount, and the map's version stamps) — for at most DASHBOARD_TTL_MS.
import { db, dbGeneration, getBackend } from "../db";
import { readGeoVersions } from "../maintenance/geo-version";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { getIspTimeZone } from "../format/time-zone";
import { nextCalendarDate, toZonedDate, zonedDayStart, zonedMonthRange } from "../format/date-time";
import type { DashboardQuery } from "../validation/dashboard";
import { countNotices } from "../notifications/count-notices";
import { processSlot } from "../process-slot";

// DateTime columns are timestamp(3) holding UTC: first make the value an instant (AT TIME ZONE 'UTC'), then
// take its wall-clock date in the ISP's zone (the query's $5). `col AT TIME ZONE 'America/Sao_Paulo'` alone
// would read the UTC value as São Paulo time and move every event after 21:00 (São Paulo) to the next day.
const zonedDay = (col: string) => `((${col}) AT TIME ZONE 'UTC' AT TIME ZONE $5)::date`;

export interface DailyPoint {
  day: string;
  orders: number;
  affectedLogins: number;
  contacts: number;
}

// How long cached figures may be reused even though no stamp moved (edits that add no row, e.g. a discount
// excluded later, show within this time).
const DASHBOARD_TTL_MS = 60_000;
// Periods cached per process (the default 30 days and a few custom ones).
const DASHBOARD_CACHE_SIZE = 8;

type Figures = Awaited<ReturnType<typeof computeFigures>>;
// One per process, not per bundle: the warm-up (instrumentation) fills what the route reads.
const cache = processSlot("dashboardFigures", () => new Map<string, { at: number; figures: Figures }>());

/** What moves when any figure may have changed: newest ids of the counted tables, and the map's stamps. */
async function changeStamp(): Promise<string> {
  const [row] = await getBackend().query<Record<string, number | null>>(
    `SELECT (SELECT MAX(id) FROM "Contact") AS c, (SELECT MAX(id) FROM "ContactNotification") AS cn,
            (SELECT MAX(id) FROM "ServiceOrder") AS o, (SELECT MAX(id) FROM "ServiceOrderEvent") AS e,
            (SELECT MAX(id) FROM "Discount") AS d`,
  );
  const geo = await readGeoVersions();
  return [dbGeneration(), ...Object.values(row ?? {}), geo.regions, geo.logins].join("|");
}

export async function getDashboard(query: DashboardQuery, now = new Date()) {
  const zone = getIspTimeZone();
  const fromTs = zonedDayStart(query.from, zone);
  const toTs = zonedDayStart(nextCalendarDate(query.to), zone);
  const [stamp, notices] = await Promise.all([changeStamp(), countNotices(fromTs, toTs)]);
  const key = `${query.from}|${query.to}|${zone}|${toZonedDate(now, zone).slice(0, 7)}|${stamp}`;
  let hit = cache.get(key);
  if (!hit || Date.now() - hit.at >= DASHBOARD_TTL_MS) {
    hit = { at: Date.now(), figures: await computeFigures(query, now) };
    for (const k of cache.keys()) if (k.startsWith(`${query.from}|${query.to}|`)) cache.delete(k); // older stamps
    cache.set(key, hit);
    if (cache.size > DASHBOARD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  const { period, openOrders, executingOrders, affectedLoginsNow, contacts, discountsThisMonth, daily, regions } = hit.figures;
  return { period, openOrders, executingOrders, affectedLoginsNow, contacts, notices, discountsThisMonth, daily, regions };
}

async function computeFigures(query: DashboardQuery, now: Date) {
  const q = getBackend().query.bind(getBackend());
  const zone = getIspTimeZone();
  const fromTs = zonedDayStart(query.from, zone);
  const toTs = zonedDayStart(nextCalendarDate(query.to), zone);
  const month = toZonedDate(now, zone).slice(0, 7);
  const monthRange = zonedMonthRange(month, zone);

  const [statusRows, liveRegions, discountRow, dailyRows, regions] = await Promise.all([
    q<{ status: string; n: number }>(`SELECT status::text, COUNT(*)::int AS n FROM "ServiceOrder" WHERE status IN ('ABERTA','EM_EXECUCAO') GROUP BY status`),
    // Every live region once: its logins give both "affected now" and the table's live counts.
    db.maintenanceRegion.findMany({
      where: { serviceOrder: { status: { in: ["ABERTA", "EM_EXECUCAO"] } } },
      select: { serviceOrderId: true, geometry: true, serviceOrder: { select: { status: true } } },
    }),
    // The month's discounts from the orders finalized in it: an order's discount lines are written once, when it
    // is finalized, and their totals with them (no pass over every discount line).
    q<{ cents: number; n: number }>(
      `SELECT COALESCE(SUM("discountCents"), 0)::int AS cents, COALESCE(SUM("discountCount"), 0)::int AS n
         FROM "ServiceOrder" WHERE "finalizedAt" >= $1 AND "finalizedAt" < $2`,
      [monthRange.gte, monthRange.lt],
    ),
    // One grouped scan per table over the period (range predicates use the indexes), joined to the days.
    // One pass over the period's contacts gives the series and the totals (all, during maintenance, answered).
    q<DailyPoint & { contactsDuring: number; contactsSent: number }>(
      `WITH days AS (SELECT generate_series($1::date, $2::date, interval '1 day')::date AS day),
            o AS (SELECT ${zonedDay('"openedAt"')} AS day, COUNT(*)::int AS n FROM "ServiceOrder"
                   WHERE "openedAt" >= $3 AND "openedAt" < $4 GROUP BY 1),
            a AS (SELECT ${zonedDay('COALESCE(so."executedAt", so."openedAt")')} AS day, SUM(so."frozenLoginCount")::int AS n
                    FROM "ServiceOrder" so
                   WHERE so."frozenLoginCount" > 0
                     AND COALESCE(so."executedAt", so."openedAt") >= $3 AND COALESCE(so."executedAt", so."openedAt") < $4 GROUP BY 1),
            c AS (SELECT ${zonedDay('c."receivedAt"')} AS day, COUNT(*)::int AS n,
                         COUNT(*) FILTER (WHERE c.id IN (SELECT "contactId" FROM "ContactNotification"))::int AS during,
                         COUNT(*) FILTER (WHERE c."maintenanceMessageSent")::int AS sent
                    FROM "Contact" c
                   WHERE c."receivedAt" >= $3 AND c."receivedAt" < $4 GROUP BY 1)
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, COALESCE(o.n, 0) AS orders, COALESCE(a.n, 0) AS "affectedLogins", COALESCE(c.n, 0) AS contacts,
              COALESCE(c.during, 0) AS "contactsDuring", COALESCE(c.sent, 0) AS "contactsSent"
         FROM days d LEFT JOIN o ON o.day = d.day LEFT JOIN a ON a.day = d.day LEFT JOIN c ON c.day = d.day ORDER BY d.day`,
      [query.from, query.to, fromTs, toTs, zone],
    ),
    q<{ id: number; number: number; status: string; subject: string; openedAt: Date; executedAt: Date | null; finalizedAt: Date | null; frozenLogins: number; contacts: number; sent: number; discountCents: number }>(
      `SELECT o.id, o.number, o.status::text, s.name AS subject, o."openedAt", o."executedAt", o."finalizedAt",
              COALESCE(o."frozenLoginCount", 0) AS "frozenLogins",
              (SELECT COUNT(*)::int FROM "ContactNotification" n WHERE n."orderId" = o.id) AS contacts,
              (SELECT COUNT(*)::int FROM "ContactNotification" n WHERE n."orderId" = o.id AND n.message <> '') AS sent,
              COALESCE(o."discountCents", 0) AS "discountCents"
         FROM "ServiceOrder" o JOIN "Subject" s ON s.id = o."subjectId"
        WHERE (o."openedAt" >= $1 AND o."openedAt" < $2) OR o.status IN ('ABERTA','EM_EXECUCAO')
        ORDER BY o."openedAt" DESC LIMIT 200`,
      [fromTs, toTs],
    ),
  ]);

  // Logins affected now: the union over executing regions (a login in two regions counts once).
  // Live orders have no frozen list yet: the table counts them from the index too.
  const affectedNow = new Set<number>();
  const liveCounts = new Map<number, number>();
  for (const r of liveRegions) {
    const ids = await findLoginIdsInRegion(r.geometry as unknown as AreaGeometry);
    liveCounts.set(r.serviceOrderId, ids.length);
    if (r.serviceOrder.status === "EM_EXECUCAO") for (const id of ids) affectedNow.add(id);
  }
  const c = { total: 0, during: 0, sent: 0 };
  for (const r of dailyRows) {
    c.total += r.contacts;
    c.during += r.contactsDuring;
    c.sent += r.contactsSent;
  }
  const daily: DailyPoint[] = dailyRows.map(({ day, orders, affectedLogins, contacts }) => ({ day, orders, affectedLogins, contacts }));
  return {
    period: query,
    openOrders: statusRows.find((r) => r.status === "ABERTA")?.n ?? 0,
    executingOrders: statusRows.find((r) => r.status === "EM_EXECUCAO")?.n ?? 0,
    affectedLoginsNow: affectedNow.size,
    contacts: { total: c.total, duringMaintenance: c.during, messageSent: c.sent, shareAutomatic: c.during ? c.sent / c.during : null },
    discountsThisMonth: { month, cents: discountRow[0]?.cents ?? 0, count: discountRow[0]?.n ?? 0 },
    daily,
    regions: regions.map((r) => ({ ...r, affectedLogins: liveCounts.get(r.id) ?? r.frozenLogins })),
  };
}
