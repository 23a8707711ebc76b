// The data side of the diagnostics: one customer with everything the eleven variables and the answer
// need — branch, phones, contracts with plan, logins, unpaid invoices and trust unlocks — plus the provider's
// settings and the geo version stamps, in ONE SQL statement whatever the number of contracts and logins.
// This is the chatbot's hot path: keep it one statement (tests/diagnostics/statement-count.test.ts).
import { getBackend, type AccessStatus, type ContractStatus, type LoginStatus, type Technology } from "../db";
import { epochMs } from "../db/sql";
import { parseSettings, SETTINGS_KEY } from "../settings/get-settings";
import { LOGINS_VERSION_ID, REGIONS_VERSION_ID, STATUS_VERSION_ID, type GeoVersions } from "../maintenance/geo-version";

/** Unpaid invoices loaded per contract (oldest first): enough for any restriction and the open invoice. */
const MAX_UNPAID_INVOICES = 24;
/** Trust unlocks loaded per contract (latest first): the one in effect, the last one and a short history. */
const MAX_TRUST_UNLOCKS = 5;

// The whole customer in ONE statement (json_build_object / json_agg subqueries), with the settings row
// and the geo version stamps in the same round trip: Prisma's nested findUnique issues one query per
// relation level (8) plus one for the settings and one for the stamps, and that
// per-query cost (compile, pool, network, parse) dominates a route this cheap. Works on PGlite and
// PostgreSQL alike (plain SQL through getBackend().query). Orders and limits are those of the former
// Prisma select: phones, contracts and logins by id; unpaid invoices by due date then id (at most
// MAX_UNPAID_INVOICES); trust unlocks latest first (at most MAX_TRUST_UNLOCKS).
// Timestamps travel as epoch milliseconds (DateTime columns are timestamp(3) holding UTC, so the nominal
// epoch of the column is the UTC instant), the invoice's date column as its UTC midnight, like Prisma.
const CUSTOMER_JSON = `json_build_object(
    'id', c.id, 'name', c.name, 'document', c.document, 'email', c.email, 'street', c.street, 'number', c.number,
    'neighborhood', c.neighborhood, 'city', c.city, 'state', c.state, 'zip', c.zip, 'lat', c.lat, 'lng', c.lng,
    'active', c.active,
    'branch', (SELECT json_build_object('id', b.id, 'name', b.name, 'central', b.central, 'centralPhone', b."centralPhone")
               FROM "Branch" b WHERE b.id = c."branchId"),
    'phones', COALESCE((SELECT json_agg(json_build_object('phone', p.phone, 'label', p.label) ORDER BY p.id)
               FROM "CustomerPhone" p WHERE p."customerId" = c.id), '[]'::json),
    'contracts', COALESCE((SELECT json_agg(json_build_object(
        'id', k.id, 'status', k.status, 'accessStatus', k."accessStatus", 'reducedSpeed', k."reducedSpeed",
        'trustUnlockEligible', k."trustUnlockEligible", 'activatedAt', ${epochMs('k."activatedAt"')}, 'createdAt', ${epochMs('k."createdAt"')},
        'plan', (SELECT json_build_object('id', pl.id, 'name', pl.name, 'downloadMbps', pl."downloadMbps",
                   'uploadMbps', pl."uploadMbps", 'priceCents', pl."priceCents", 'allowanceGb', pl."allowanceGb",
                   'technology', pl.technology)
                 FROM "Plan" pl WHERE pl.id = k."planId"),
        'logins', COALESCE((SELECT json_agg(json_build_object(
                   'id', l.id, 'username', l.username, 'status', l.status, 'online', l.online,
                   'lastSeenAt', ${epochMs('l."lastSeenAt"')}, 'technology', l.technology, 'dataUsedMb', l."dataUsedMb",
                   'cycleStart', ${epochMs('l."cycleStart"')}, 'lat', l.lat, 'lng', l.lng) ORDER BY l.id)
                 FROM "Login" l WHERE l."contractId" = k.id), '[]'::json),
        'invoices', COALESCE((SELECT json_agg(json_build_object(
                   'id', i.id, 'dueDate', ${epochMs('i."dueDate"')}, 'amountCents', i."amountCents", 'paidAt', ${epochMs('i."paidAt"')},
                   'digitableLine', i."digitableLine", 'paymentUrl', i."paymentUrl") ORDER BY i."dueDate", i.id)
                 FROM (SELECT * FROM "Invoice" WHERE "contractId" = k.id AND "paidAt" IS NULL
                       ORDER BY "dueDate", id LIMIT ${MAX_UNPAID_INVOICES}) i), '[]'::json),
        'trustUnlocks', COALESCE((SELECT json_agg(json_build_object(
                   'id', t.id, 'performedAt', ${epochMs('t."performedAt"')}, 'expiresAt', ${epochMs('t."expiresAt"')},
                   'previousAccessStatus', t."previousAccessStatus", 'channel', t.channel) ORDER BY t."performedAt" DESC, t.id DESC)
                 FROM (SELECT * FROM "TrustUnlock" WHERE "contractId" = k.id
                       ORDER BY "performedAt" DESC, id DESC LIMIT ${MAX_TRUST_UNLOCKS}) t), '[]'::json)
      ) ORDER BY k.id) FROM "Contract" k WHERE k."customerId" = c.id), '[]'::json)
  )`;
// Whitespace collapsed: the statement is sent (and parsed) on every call.
const LOAD_SQL = (by: "id" | "document") => `SELECT
  (SELECT s.value FROM "Setting" s WHERE s.key = $2) AS settings,
  (SELECT json_agg(json_build_array(g.id, g.version::text)) FROM "GeoVersion" g) AS geo,
  (SELECT ${CUSTOMER_JSON} FROM "Customer" c WHERE c.${by === "id" ? "id = $1::int" : "document = $1::text"}) AS customer`.replace(/\s+/g, " ");
const LOAD_BY_ID_SQL = LOAD_SQL("id");
const LOAD_BY_DOCUMENT_SQL = LOAD_SQL("document");

export interface LoadedLogin {
  id: number; username: string; status: LoginStatus; online: boolean; lastSeenAt: Date | null; technology: Technology;
  dataUsedMb: number; cycleStart: Date | null; lat: number | null; lng: number | null;
}
export interface LoadedInvoice {
  id: number; dueDate: Date; amountCents: number; paidAt: Date | null; digitableLine: string | null; paymentUrl: string | null;
}
export interface LoadedTrustUnlock {
  id: number; performedAt: Date; expiresAt: Date; previousAccessStatus: AccessStatus; channel: string;
}
export interface LoadedContract {
  id: number; status: ContractStatus; accessStatus: AccessStatus; reducedSpeed: boolean; trustUnlockEligible: boolean;
  activatedAt: Date | null; createdAt: Date;
  plan: { id: number; name: string; downloadMbps: number; uploadMbps: number; priceCents: number; allowanceGb: number | null; technology: Technology };
  logins: LoadedLogin[];
  invoices: LoadedInvoice[];
  trustUnlocks: LoadedTrustUnlock[];
}
export interface LoadedCustomer {
  id: number; name: string; document: string; email: string | null; street: string | null; number: string | null;
  neighborhood: string | null; city: string; state: string; zip: string | null; lat: number | null; lng: number | null;
  active: boolean;
  branch: { id: number; name: string; central: string; centralPhone: string | null };
  phones: { phone: string; label: string | null }[];
  contracts: LoadedContract[];
}

type Raw = Record<string, unknown>;
const date = (v: unknown): Date => new Date(v as number);
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as number));
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function toContract(k: Raw): LoadedContract {
  return {
    ...(k as unknown as LoadedContract),
    activatedAt: dateOrNull(k.activatedAt),
    createdAt: date(k.createdAt),
    logins: (k.logins as Raw[]).map((l) => ({
      ...(l as unknown as LoadedLogin),
      lastSeenAt: dateOrNull(l.lastSeenAt),
      cycleStart: dateOrNull(l.cycleStart),
    })),
    invoices: (k.invoices as Raw[]).map((i) => ({ ...(i as unknown as LoadedInvoice), dueDate: date(i.dueDate), paidAt: dateOrNull(i.paidAt) })),
    trustUnlocks: (k.trustUnlocks as Raw[]).map((t) => ({
      ...(t as unknown as LoadedTrustUnlock),
      performedAt: date(t.performedAt),
      expiresAt: date(t.expiresAt),
    })),
  };
}

/** The settings, the geo version stamps and the customer (null when none matches), in one round trip. */
export async function loadDiagnosticsData(where: { id: number } | { document: string }) {
  const backend = getBackend();
  const byId = "id" in where;
  // A named prepared statement: planning it costs about as much as running it.
  const [row] = await backend.query<{ settings: unknown; geo: unknown; customer: unknown }>(
    byId ? LOAD_BY_ID_SQL : LOAD_BY_DOCUMENT_SQL,
    [byId ? where.id : where.document, SETTINGS_KEY],
    { prepared: byId ? "raio_diagnostics_by_id" : "raio_diagnostics_by_document" },
  );
  const geo = json<[number, string][] | null>(row!.geo) ?? [];
  const versions: GeoVersions = {
    regions: BigInt(geo.find(([id]) => id === REGIONS_VERSION_ID)?.[1] ?? 0),
    logins: BigInt(geo.find(([id]) => id === LOGINS_VERSION_ID)?.[1] ?? 0),
    status: BigInt(geo.find(([id]) => id === STATUS_VERSION_ID)?.[1] ?? 0),
  };
  const raw = json<Raw | null>(row!.customer);
  const customer: LoadedCustomer | null = raw
    ? { ...(raw as unknown as LoadedCustomer), contracts: (raw.contracts as Raw[]).map(toContract) }
    : null;
  return { settings: parseSettings(json<unknown>(row!.settings)), versions, customer };
}
