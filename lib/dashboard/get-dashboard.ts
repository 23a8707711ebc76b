// The manager's figures, counted in SQL with aggregates (no rows loaded), plus the live count of
// logins inside executing regions from the login index. Days and months are the ISP's calendar days
// (RAIO_TIME_ZONE, lib/format/time-zone).
// At a million customers the aggregates take a few hundred milliseconds, and managers reload the screen
// often: each process keeps the figures of a period (except the notices, always counted) and reuses them
// while nothing they count has changed — a change stamp read in one round trip (the newest contact, contact
// notice, order, order event and discount, and the map's version stamps) — for at most DASHBOARD_TTL_MS.
// When only contacts moved (the chatbot records them all day, hundreds a second in an outage), the cached
// figures are brought up to date with the rows added since (contacts and notices are only ever appended, the
// contact and its notices in one statement: lib/contacts/record-contact.ts) instead of counting the whole
// period again: a recount over the period's contacts took ~300 ms with 180,000 of them.
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

/** The change stamp: newest ids of the counted tables (0 when empty), and everything else that moves a figure. */
interface Stamp {
  contact: number;
  notification: number;
  /** Orders, order events, discounts, the map's version stamps and the database generation. */
  rest: string;
}

interface Cached {
  /** When the figures were last counted in full (DASHBOARD_TTL_MS runs from here, additions included). */
  at: number;
  stamp: Stamp;
  figures: Figures;
}

// One per process, not per bundle: the warm-up (instrumentation) fills what the route reads. Keyed by the
// period, the zone and the current month.
const cache = processSlot("dashboardFigures", () => new Map<string, Cached>());

/** What moves when any figure may have changed: newest ids of the counted tables, and the map's stamps. */
async function changeStamp(): Promise<Stamp> {
  const [row] = await getBackend().query<{ c: number | null; cn: number | null; o: number | null; e: number | null; d: number | null }>(
    `SELECT (SELECT MAX(id) FROM "Contact") AS c, (SELECT MAX(id) FROM "ContactNotification") AS cn,
            (SELECT MAX(id) FROM "ServiceOrder") AS o, (SELECT MAX(id) FROM "ServiceOrderEvent") AS e,
            (SELECT MAX(id) FROM "Discount") AS d`,
  );
  const geo = await readGeoVersions();
  return {
    contact: Number(row?.c ?? 0),
    notification: Number(row?.cn ?? 0),
    rest: [dbGeneration(), row?.o, row?.e, row?.d, geo.regions, geo.logins].join("|"),
  };
}

export async function getDashboard(query: DashboardQuery, now = new Date()) {
  const zone = getIspTimeZone();
  const fromTs = zonedDayStart(query.from, zone);
  const toTs = zonedDayStart(nextCalendarDate(query.to), zone);
  const [stamp, notices] = await Promise.all([changeStamp(), countNotices(fromTs, toTs)]);
  const key = `${query.from}|${query.to}|${zone}|${toZonedDate(now, zone).slice(0, 7)}`;
  let hit = cache.get(key);
  const reusable = hit !== undefined && Date.now() - hit.at < DASHBOARD_TTL_MS && hit.stamp.rest === stamp.rest &&
    hit.stamp.contact <= stamp.contact && hit.stamp.notification <= stamp.notification;
  if (!hit || !reusable) {
    hit = { at: Date.now(), stamp, figures: await computeFigures(query, now) };
  } else if (hit.stamp.contact !== stamp.contact || hit.stamp.notification !== stamp.notification) {
    // Only contacts (and their notices) were added: count those rows and add them.
    hit = { at: hit.at, stamp, figures: await addNewContacts(hit.figures, hit.stamp, stamp, fromTs, toTs, zone) };
  }
  cache.delete(key);
  cache.set(key, hit);
  if (cache.size > DASHBOARD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  const { period, openOrders, executingOrders, affectedLoginsNow, contacts, discountsThisMonth, daily, regions } = hit.figures;
  return { period, openOrders, executingOrders, affectedLoginsNow, contacts, notices, discountsThisMonth, daily, regions };
}

/**
 * The figures plus the contacts and notices added between two stamps (ids above the old stamp's, up to the new
 * one's): per day of the period the contacts, those answered, and those "during maintenance" (a contact counts
 * once however many orders' notices it has: it is added by its notices above the old stamp only when it had
 * none below); per order of the table its contacts and messages sent.
 */
async function addNewContacts(figures: Figures, from: Stamp, to: Stamp, fromTs: Date, toTs: Date, zone: string): Promise<Figures> {
  const q = getBackend().query.bind(getBackend());
  const [contactRows, duringRows, orderRows] = await Promise.all([
    q<{ day: string; n: number; sent: number }>(
      `SELECT to_char(${zonedDay('c."receivedAt"')}, 'YYYY-MM-DD') AS day, COUNT(*)::int AS n,
              COUNT(*) FILTER (WHERE c."maintenanceMessageSent")::int AS sent
         FROM "Contact" c
        WHERE c.id > $1 AND c.id <= $2 AND c."receivedAt" >= $3 AND c."receivedAt" < $4 GROUP BY 1`,
      [from.contact, to.contact, fromTs, toTs, zone],
    ),
    q<{ day: string; n: number }>(
      `SELECT to_char(${zonedDay('c."receivedAt"')}, 'YYYY-MM-DD') AS day, COUNT(DISTINCT n."contactId")::int AS n
         FROM "ContactNotification" n JOIN "Contact" c ON c.id = n."contactId"
        WHERE n.id > $1 AND n.id <= $2 AND c."receivedAt" >= $3 AND c."receivedAt" < $4
          AND NOT EXISTS (SELECT 1 FROM "ContactNotification" o WHERE o."contactId" = n."contactId" AND o.id <= $1)
        GROUP BY 1`,
      [from.notification, to.notification, fromTs, toTs, zone],
    ),
    q<{ orderId: number; n: number; sent: number }>(
      `SELECT "orderId", COUNT(*)::int AS n, COUNT(*) FILTER (WHERE message <> '')::int AS sent
         FROM "ContactNotification" WHERE id > $1 AND id <= $2 GROUP BY 1`,
      [from.notification, to.notification],
    ),
  ]);
  const added = new Map(contactRows.map((r) => [r.day, r]));
  const during = new Map(duringRows.map((r) => [r.day, r.n]));
  const dailyFull = figures.dailyFull.map((p) => ({
    ...p,
    contacts: p.contacts + (added.get(p.day)?.n ?? 0),
    contactsSent: p.contactsSent + (added.get(p.day)?.sent ?? 0),
    contactsDuring: p.contactsDuring + (during.get(p.day) ?? 0),
  }));
  const perOrder = new Map(orderRows.map((r) => [r.orderId, r]));
  return {
    ...figures,
    ...contactFigures(dailyFull),
    regions: figures.regions.map((r) => ({ ...r, contacts: r.contacts + (perOrder.get(r.id)?.n ?? 0), sent: r.sent + (perOrder.get(r.id)?.sent ?? 0) })),
  };
}

type DailyRow = DailyPoint & { contactsDuring: number; contactsSent: number };

/** The contact totals and the chart's series from the per-day rows (dailyFull kept for later additions). */
function contactFigures(dailyFull: DailyRow[]) {
  const c = { total: 0, during: 0, sent: 0 };
  for (const r of dailyFull) {
    c.total += r.contacts;
    c.during += r.contactsDuring;
    c.sent += r.contactsSent;
  }
  return {
    contacts: { total: c.total, duringMaintenance: c.during, messageSent: c.sent, shareAutomatic: c.during ? c.sent / c.during : null },
    daily: dailyFull.map(({ day, orders, affectedLogins, contacts }): DailyPoint => ({ day, orders, affectedLogins, contacts })),
    dailyFull,
  };
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
    q<DailyRow>(
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
  return {
    period: query,
    openOrders: statusRows.find((r) => r.status === "ABERTA")?.n ?? 0,
    executingOrders: statusRows.find((r) => r.status === "EM_EXECUCAO")?.n ?? 0,
    affectedLoginsNow: affectedNow.size,
    ...contactFigures(dailyRows),
    discountsThisMonth: { month, cents: discountRow[0]?.cents ?? 0, count: discountRow[0]?.n ?? 0 },
    regions: regions.map((r) => ({ ...r, affectedLogins: liveCounts.get(r.id) ?? r.frozenLogins })),
  };
}
