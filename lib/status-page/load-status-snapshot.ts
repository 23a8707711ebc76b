// Everything the public status page shows, read from the database in a few set-based statements and shaped
// into an immutable snapshot the read model keeps in memory: the orders customers may see (running, and
// planned with a start), the places each one affects (city and neighbourhood, aggregated from the customers
// with a login inside its region: never a customer's point or name), their CEPs and streets for the lookup,
// a coarse outline of each region, and the branding. Internal notes and order descriptions never enter it.
import { simplify } from "@turf/turf";
import { getBackend } from "../db";
import { epochMs } from "../db/sql";
import type { AreaGeometry, Position } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { getStatusPageSettings } from "./status-page-settings";
import { normalizeStreet } from "./normalize-street";
import type { StatusPageSettings } from "../validation/status-page";

// Outline simplification tolerance in degrees (~50 m): the public map is coarse on purpose.
const OUTLINE_TOLERANCE_DEG = 0.0005;
// Coordinates kept on the public outline: 4 decimals (~11 m).
const OUTLINE_DECIMALS = 4;
/** Label of customers without a neighbourhood in the ERP. */
export const UNKNOWN_NEIGHBORHOOD = "Bairro não informado";

export type StatusOrderState = "running" | "planned";

export interface StatusPlace {
  city: string;
  state: string;
  neighborhood: string;
  customers: number;
}

export interface StatusOrder {
  id: number;
  number: number;
  state: StatusOrderState;
  /** The subject's name (what kind of work), never the internal description. */
  title: string;
  startAt: Date | null;
  expectedEndAt: Date | null;
  latestUpdate: { id: number; text: string; at: Date } | null;
  places: StatusPlace[];
  /** Simplified outer rings, [lng, lat], for the coarse map. */
  outline: Position[][];
}

export interface StatusSnapshot {
  /** Changes with every rebuild in this process (the micro-cache keeps answers while it stays the same). */
  stamp: string;
  generatedAt: Date;
  settings: StatusPageSettings;
  /** Running first, then planned by start; each group by order number. */
  orders: StatusOrder[];
  /** CEP (8 digits) → ids of the orders whose region holds a customer with that CEP. */
  ordersByCep: Map<string, number[]>;
  /** Normalized street → ids of the orders whose region holds a customer on it. */
  ordersByStreet: Map<string, number[]>;
  /** Every CEP of a customer (to tell an unknown CEP from one without maintenance). */
  knownCeps: Set<string>;
}

interface OrderRow {
  id: number; number: number; status: string; scheduledStartAt: number | null; executedAt: number | null;
  expectedEndAt: number | null; title: string; geometry: unknown;
}

/** Marks the page's statements, so `npm run bench:status` can count them in pg_stat_statements. */
export const STATUS_SQL_TAG = "/* raio:status-page */";

/** The statuses (and condition) of the orders the public sees: the read model's fingerprint uses it too. */
export const PUBLIC_ORDERS_WHERE = `(o.status = 'EM_EXECUCAO' OR (o.status = 'ABERTA' AND o."scheduledStartAt" IS NOT NULL))`;

const ORDERS_SQL = `${STATUS_SQL_TAG} SELECT o.id, o.number, o.status::text AS status, s.name AS title, r.geometry,
    ${epochMs('o."scheduledStartAt"')} AS "scheduledStartAt", ${epochMs('o."executedAt"')} AS "executedAt",
    ${epochMs('o."expectedEndAt"')} AS "expectedEndAt"
  FROM "ServiceOrder" o JOIN "Subject" s ON s.id = o."subjectId" JOIN "MaintenanceRegion" r ON r."serviceOrderId" = o.id
  WHERE ${PUBLIC_ORDERS_WHERE}
  ORDER BY o.number`;

const NOTES_SQL = `${STATUS_SQL_TAG} SELECT DISTINCT ON (u."orderId") u."orderId", u.id, u.text, ${epochMs('u."createdAt"')} AS at
  FROM "OrderUpdate" u
  WHERE u.kind = 'PUBLIC_NOTE' AND u."orderId" = ANY($1::int[]) AND u.text IS NOT NULL
  ORDER BY u."orderId", u."createdAt" DESC, u.id DESC`;

// The customers behind the logins inside a region, reduced to what may be public: place, CEP and street.
const PLACES_SQL = `${STATUS_SQL_TAG} SELECT c.city, c.state, COALESCE(NULLIF(btrim(c.neighborhood), ''), $2) AS neighborhood,
    c.zip, c.street, COUNT(DISTINCT c.id)::int AS customers
  FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId"
  WHERE l.id = ANY($1::int[])
  GROUP BY c.city, c.state, 3, c.zip, c.street`;

const KNOWN_CEPS_SQL = `${STATUS_SQL_TAG} SELECT DISTINCT regexp_replace(zip, '[^0-9]', '', 'g') AS cep FROM "Customer" WHERE zip IS NOT NULL`;

const toDate = (ms: number | null): Date | null => (ms === null ? null : new Date(Number(ms)));

function roundPosition(p: Position): Position {
  const f = 10 ** OUTLINE_DECIMALS;
  return [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
}

/** The outer rings of a region, simplified and rounded (holes dropped: a coarse map needs none). */
export function coarseOutline(geometry: AreaGeometry): Position[][] {
  const simple = simplify(geometry, { tolerance: OUTLINE_TOLERANCE_DEG, highQuality: false, mutate: false }) as AreaGeometry;
  const polygons = simple.type === "Polygon" ? [simple.coordinates] : simple.coordinates;
  return polygons.map((rings) => rings[0]!.map(roundPosition));
}

function addTo(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** Reads and shapes the snapshot (several statements; the read model calls it only when the data moved). */
export async function loadStatusSnapshot(knownCeps?: Set<string>): Promise<StatusSnapshot> {
  const backend = getBackend();
  const [rows, settings] = await Promise.all([backend.query<OrderRow>(ORDERS_SQL), getStatusPageSettings()]);
  const ids = rows.map((r) => r.id);
  const notes = ids.length === 0 ? [] : await backend.query<{ orderId: number; id: number; text: string; at: number }>(NOTES_SQL, [ids]);
  const noteOf = new Map(notes.map((n) => [n.orderId, { id: n.id, text: n.text, at: new Date(Number(n.at)) }]));
  const ordersByCep = new Map<string, number[]>();
  const ordersByStreet = new Map<string, number[]>();
  const orders: StatusOrder[] = [];
  for (const r of rows) {
    const geometry = r.geometry as AreaGeometry;
    const loginIds = await findLoginIdsInRegion(geometry);
    const placeRows = loginIds.length === 0 ? [] : await backend.query<{
      city: string; state: string; neighborhood: string; zip: string | null; street: string | null; customers: number;
    }>(PLACES_SQL, [loginIds, UNKNOWN_NEIGHBORHOOD]);
    const places = new Map<string, StatusPlace>();
    for (const p of placeRows) {
      const key = `${p.state}|${p.city}|${p.neighborhood}`;
      const place = places.get(key) ?? { city: p.city, state: p.state, neighborhood: p.neighborhood, customers: 0 };
      place.customers += Number(p.customers);
      places.set(key, place);
      const cep = p.zip?.replace(/\D/g, "");
      if (cep && cep.length === 8) addTo(ordersByCep, cep, r.id);
      const street = p.street ? normalizeStreet(p.street) : "";
      if (street) addTo(ordersByStreet, street, r.id);
    }
    const running = r.status === "EM_EXECUCAO";
    orders.push({
      id: r.id,
      number: r.number,
      state: running ? "running" : "planned",
      title: r.title,
      startAt: toDate(running ? (r.executedAt ?? r.scheduledStartAt) : r.scheduledStartAt),
      expectedEndAt: toDate(r.expectedEndAt),
      latestUpdate: noteOf.get(r.id) ?? null,
      places: [...places.values()].sort((a, b) => a.city.localeCompare(b.city, "pt-BR") || a.neighborhood.localeCompare(b.neighborhood, "pt-BR")),
      outline: coarseOutline(geometry),
    });
  }
  orders.sort((a, b) =>
    a.state !== b.state ? (a.state === "running" ? -1 : 1)
    : a.state === "planned" ? (a.startAt?.getTime() ?? 0) - (b.startAt?.getTime() ?? 0) || a.number - b.number
    : a.number - b.number);
  const ceps = knownCeps ?? new Set((await backend.query<{ cep: string }>(KNOWN_CEPS_SQL)).map((c) => c.cep).filter((c) => c.length === 8));
  return { stamp: "", generatedAt: new Date(), settings, orders, ordersByCep, ordersByStreet, knownCeps: ceps };
}

