// The agent's search box: customers by name, CPF/CNPJ, phone, login or code, as typed so far. Complete
// identifiers match exactly (parseCustomerIdentifiers); partial ones match as prefixes (document, login) or
// substrings (phone digits, name), so results narrow while the agent types. Results come in customer-code
// order (the primary key), the one order an index serves for every kind of match, so a page costs the same
// for a fragment that names a few customers or a hundred thousand. Two queries: the page's ids, then those
// customers' phones, contracts and logins. Paginated without a COUNT: one row more than the page says
// whether there is a next page.
import { db, getBackend } from "../db";
import { formatDocument } from "../validation/document";
import { formatPhone } from "../validation/phone";
import { ACCESS_STATUS_VALUES, CONTRACT_STATUS_VALUES } from "../domain/status-values";
import { parseCustomerIdentifiers } from "./identifiers";
import type { CustomerSearch } from "./search-schema";

/** Fewest digits before a partial document/phone search (fewer would match most of the base). */
const MIN_PARTIAL_DIGITS = 3;
/** Largest customer code (Int column). */
const MAX_ID = 2_147_483_647;
const NUMERIC_INPUT = /^[\d\s.\-/()+]+$/;

export interface CustomerSearchRow {
  id: number;
  name: string;
  document: string;
  neighborhood: string | null;
  city: string;
  active: boolean;
  phone: string | null;
  contracts: { id: number; status: string; accessStatus: string; login: string | null }[];
}

export interface CustomerSearchPage {
  q: string;
  page: number;
  pageSize: number;
  hasMore: boolean;
  rows: CustomerSearchRow[];
}

/**
 * Rows of an index read in code order that a substring match examines per result it needs, before it
 * concludes the fragment is rare and collects it instead: a name one customer in a thousand shares fills a
 * first page (21 rows) within 21,000 rows read in order, a rarer one has few enough matches to collect (about
 * a thousand at 1,000,000 customers). A login costs a join per row read, and its collect reads only the
 * matches (an index range), so its window is shorter.
 */
const WINDOW_ROWS_PER_RESULT = { name: 1_000, phone: 1_000, login: 200 } as const;

/**
 * Fragments at least this long (or a name with a space, a login of digits) are usually rare — a first and last
 * name, most of a phone number, a CPF used as login — and are collected first, up to COLLECT_FIRST_LIMIT
 * matches, before any window is read; a longer-than-usual common one ("oliveira") then falls back to the window.
 */
const RARE_LENGTH = { name: 10, phone: 6, login: 12 } as const;
const COLLECT_FIRST_LIMIT = 1_000;

/** Rows a window returns per customer the page needs: a customer may match through a few phones or logins. */
const REPEATS_READ = 4;

/** `%` and `_` typed by the agent are literal characters, not LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/**
 * A substring match (name, phone digits, login prefix). `window(filter)` reads only the first $2 rows of an
 * index in customer-code order and stops at the page's last match; `collect` finds every match through the
 * trigram index ($1 is the LIKE pattern in both). The window answers a common fragment ("maria", "1999")
 * after a few thousand rows, where collecting would read tens of thousands; collecting answers a rare one,
 * where reading in order would read the whole table. A window whose last customer is cut keeps the order
 * exact: that customer has the highest code read, after every match the window returns.
 */
interface SubstringMatch {
  window: (filter: (code: string) => string) => string;
  collect: string;
  rowsPerResult: number;
  pattern: string;
  /** Long enough to be rare (a whole name, most of a phone or a CPF-like login): collected first, up to a cap. */
  likelyRare: boolean;
}

const NAME_MATCH = {
  window: (filter: (code: string) => string) =>
    `SELECT c.id FROM (SELECT id, name FROM "Customer" ORDER BY id LIMIT $2) c WHERE c.name ILIKE $1${filter("c.id")} ORDER BY c.id`,
  collect: `SELECT id AS "customerId" FROM "Customer" WHERE name ILIKE $1`,
  rowsPerResult: WINDOW_ROWS_PER_RESULT.name,
};
const PHONE_MATCH = {
  window: (filter: (code: string) => string) =>
    `SELECT w."customerId" AS id FROM (SELECT "customerId", phone FROM "CustomerPhone" ORDER BY "customerId" LIMIT $2) w
      WHERE w.phone LIKE $1${filter(`w."customerId"`)} ORDER BY w."customerId"`,
  collect: `SELECT "customerId" FROM "CustomerPhone" WHERE phone LIKE $1`,
  rowsPerResult: WINDOW_ROWS_PER_RESULT.phone,
};
const LOGIN_MATCH = {
  window: (filter: (code: string) => string) =>
    // LATERAL … LIMIT 1: one index probe per contract read, never a hash of every matching login.
    `SELECT w."customerId" AS id FROM (SELECT id, "customerId" FROM "Contract" ORDER BY "customerId" LIMIT $2) w
      CROSS JOIN LATERAL (SELECT 1 FROM "Login" l WHERE l."contractId" = w.id AND lower(l.username) LIKE lower($1) LIMIT 1) l
      WHERE TRUE${filter(`w."customerId"`)} ORDER BY w."customerId"`,
  // Logins are ASCII (parseCustomerIdentifiers): lower() … LIKE is ILIKE here, served by a range of the
  // lower(username) index instead of the trigram index, which also returns every login with the text inside.
  collect: `SELECT k."customerId" FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE lower(l.username) LIKE lower($1)`,
  rowsPerResult: WINDOW_ROWS_PER_RESULT.login,
};

/** How the typed text is searched: exact or prefix conditions on customer `c`, and substring matches. */
function readQuery(query: string): { conditions: { sql: string; params: unknown[] }[]; substrings: SubstringMatch[] } | null {
  const text = query.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  const conditions: { sql: string; params: unknown[] }[] = [];
  const substrings: SubstringMatch[] = [];
  for (const reading of parseCustomerIdentifiers(text)) {
    if (reading.kind === "document") conditions.push({ sql: `c.document = $1`, params: [reading.document] });
    else if (reading.kind === "phone") {
      conditions.push({ sql: `c.id = ANY(ARRAY(SELECT "customerId" FROM "CustomerPhone" WHERE phone = ANY($1::text[])))`, params: [reading.lookupKeys] });
    } else if (reading.kind === "login") {
      const likelyRare = reading.username.length >= RARE_LENGTH.login || /^\d+$/.test(reading.username);
      substrings.push({ ...LOGIN_MATCH, pattern: `${likeLiteral(reading.username)}%`, likelyRare });
    } else {
      const likelyRare = reading.name.includes(" ") || reading.name.length >= RARE_LENGTH.name;
      substrings.push({ ...NAME_MATCH, pattern: `%${likeLiteral(reading.name)}%`, likelyRare });
    }
  }
  const digits = text.replace(/\D/g, "");
  if (NUMERIC_INPUT.test(text) && digits.length >= MIN_PARTIAL_DIGITS) {
    conditions.push({ sql: `c.document LIKE $1`, params: [`${digits}%`] });
    substrings.push({ ...PHONE_MATCH, pattern: `%${digits}%`, likelyRare: digits.length >= RARE_LENGTH.phone });
  }
  if (/^\d+$/.test(text) && Number(text) <= MAX_ID) conditions.push({ sql: `c.id = $1::int`, params: [Number(text)] });
  return { conditions, substrings };
}

/** The access-status filter on the customer whose code is `code`, its parameter numbered after `taken` others. */
function statusFilter(search: CustomerSearch, taken: number): { sql: (code: string) => string; params: unknown[] } {
  if (!search.accessStatus || search.accessStatus.length === 0) return { sql: () => "", params: [] };
  return {
    sql: (code) => ` AND EXISTS (SELECT 1 FROM "Contract" k WHERE k."customerId" = ${code} AND k."accessStatus"::text = ANY($${taken + 1}::text[]))`,
    params: [search.accessStatus],
  };
}

export async function searchCustomers(search: CustomerSearch): Promise<CustomerSearchPage> {
  const backend = getBackend();
  const offset = (search.page - 1) * search.pageSize;
  // One row more than the page says whether there is a next page (no COUNT).
  const needed = offset + search.pageSize + 1;
  const reading = readQuery(search.q);
  /** The first `limit` codes (ascending, maybe repeated) that `query(filter)` yields, its parameters first. */
  const firstCodes = async (query: (filter: (code: string) => string) => string, params: unknown[], limit = needed) => {
    const filter = statusFilter(search, params.length);
    const rows = await backend.query<{ id: number }>(`${query(filter.sql)} LIMIT ${limit}`, [...params, ...filter.params]);
    return rows.map((r) => r.id);
  };
  const customersWhere = (sql: string) => (filter: (code: string) => string) => `SELECT c.id FROM "Customer" c WHERE ${sql}${filter("c.id")} ORDER BY c.id`;
  const substringCodes = async (match: SubstringMatch) => {
    if (match.likelyRare) {
      const some = await backend.query<{ customerId: number }>(`${match.collect} LIMIT ${COLLECT_FIRST_LIMIT + 1}`, [match.pattern]);
      if (some.length <= COLLECT_FIRST_LIMIT) return firstCodes(customersWhere("c.id = ANY($1::int[])"), [some.map((r) => r.customerId)]);
    }
    // A customer with several matching phones or logins comes once per match: the window reads a few rows more.
    const windowed = [...new Set(await firstCodes(match.window, [match.pattern, needed * match.rowsPerResult], needed * REPEATS_READ))];
    if (windowed.length >= needed) return windowed.slice(0, needed);
    return firstCodes(customersWhere(`c.id = ANY(ARRAY(${match.collect}))`), [match.pattern]);
  };
  let codes: number[];
  if (reading === null) codes = await firstCodes(customersWhere("TRUE"), []);
  else {
    // Each reading is answered on its own (side by side on PostgreSQL's pool; PGlite takes them in turn),
    // each in code order; the page is the first codes of their union.
    const lists = await Promise.all([
      ...reading.conditions.map((c) => firstCodes(customersWhere(c.sql), c.params)),
      ...reading.substrings.map(substringCodes),
    ]);
    codes = [...new Set(lists.flat())].sort((x, y) => x - y).slice(0, needed);
  }
  const pageIds = codes.slice(offset, offset + search.pageSize);
  const found = await db.customer.findMany({
    where: { id: { in: pageIds } },
    select: {
      id: true, name: true, document: true, neighborhood: true, city: true, active: true,
      phones: { select: { phone: true }, orderBy: { id: "asc" }, take: 1 },
      contracts: {
        orderBy: { id: "asc" },
        select: { id: true, status: true, accessStatus: true, logins: { select: { username: true }, orderBy: { id: "asc" }, take: 1 } },
      },
    },
  });
  const byId = new Map(found.map((c) => [c.id, c]));
  const rows = pageIds.map((id) => byId.get(id)).filter((c) => c !== undefined);
  return {
    q: search.q,
    page: search.page,
    pageSize: search.pageSize,
    hasMore: codes.length > offset + search.pageSize,
    rows: rows.map((c) => ({
      id: c.id,
      name: c.name,
      document: formatDocument(c.document),
      neighborhood: c.neighborhood,
      city: c.city,
      active: c.active,
      phone: c.phones[0] ? formatPhone(c.phones[0].phone) : null,
      contracts: c.contracts.map((k) => ({
        id: k.id,
        status: CONTRACT_STATUS_VALUES[k.status],
        accessStatus: ACCESS_STATUS_VALUES[k.accessStatus],
        login: k.logins[0]?.username ?? null,
      })),
    })),
  };
}
