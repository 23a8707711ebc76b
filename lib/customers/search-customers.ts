// The agent's search box: customers by name, CPF/CNPJ, phone, login or code, as typed so far. Complete
// identifiers match exactly (parseCustomerIdentifiers); partial ones match as prefixes (document, login) or
// substrings (phone digits, name), so results narrow while the agent types. Two queries: the page's ids
// (index-backed branches, ordered by name), then those customers' phones, contracts and logins.
// Paginated without a COUNT: one row more than the page says whether there is a next page.
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
 * A name fragment matching fewer customers than this is collected through the trigram index and sorted;
 * a more common one ("silva") is read in name order from the name index, where the page fills at once.
 * Walking the name index for a rare fragment reads most of the table ("rober": 86,000 rows at 100,000).
 */
const RARE_NAME_MATCHES = 2_000;

/** `%` and `_` typed by the agent are literal characters, not LIKE wildcards. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "\\$&");

// Each way of reading the query is one branch that an index answers (pg_trgm GIN indexes on the name, the
// phones and the logins; the document's pattern index; the primary key). Each branch keeps only the first
// rows of the page order (name, id) that the page can need, so a name shared by thousands of customers
// ("Silva") is read from the name index in order instead of being collected and sorted whole; the page is
// the first rows of their UNION. Matches through phones and logins are collected first (`= ANY(ARRAY(…))`):
// otherwise the planner may walk every customer in name order probing for them. One OR over the customer row and its relations instead made PostgreSQL
// scan every customer on each keystroke (~100 ms at 100,000 customers, about ten times that at 1,000,000).
async function matchConditions(query: string, param: (value: unknown) => string): Promise<string[] | null> {
  const text = query.trim().replace(/\s+/g, " ");
  if (text === "") return null;
  const conditions: string[] = [];
  for (const reading of parseCustomerIdentifiers(text)) {
    if (reading.kind === "document") conditions.push(`c.document = ${param(reading.document)}`);
    else if (reading.kind === "phone") {
      conditions.push(`c.id = ANY(ARRAY(SELECT "customerId" FROM "CustomerPhone" WHERE phone = ANY(${param(reading.lookupKeys)}::text[])))`);
    } else if (reading.kind === "login") {
      conditions.push(
        `c.id = ANY(ARRAY(SELECT k."customerId" FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.username ILIKE ${param(`${likeLiteral(reading.username)}%`)}))`,
      );
    } else {
      const pattern = `%${likeLiteral(reading.name)}%`;
      const [probe] = await getBackend().query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM (SELECT 1 FROM "Customer" WHERE name ILIKE $1 LIMIT ${RARE_NAME_MATCHES}) s`,
        [pattern],
      );
      conditions.push((probe?.n ?? 0) < RARE_NAME_MATCHES
        ? `c.id = ANY(ARRAY(SELECT id FROM "Customer" WHERE name ILIKE ${param(pattern)}))`
        : `c.name ILIKE ${param(pattern)}`);
    }
  }
  const digits = text.replace(/\D/g, "");
  if (NUMERIC_INPUT.test(text) && digits.length >= MIN_PARTIAL_DIGITS) {
    conditions.push(`c.document LIKE ${param(`${digits}%`)}`);
    conditions.push(`c.id = ANY(ARRAY(SELECT "customerId" FROM "CustomerPhone" WHERE phone LIKE ${param(`%${digits}%`)}))`);
  }
  if (/^\d+$/.test(text) && Number(text) <= MAX_ID) conditions.push(`c.id = ${param(Number(text))}::int`);
  return conditions;
}

export async function searchCustomers(search: CustomerSearch): Promise<CustomerSearchPage> {
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const filters: string[] = [];
  if (search.accessStatus && search.accessStatus.length > 0) {
    filters.push(
      `EXISTS (SELECT 1 FROM "Contract" k WHERE k."customerId" = c.id AND k."accessStatus"::text = ANY(${param(search.accessStatus)}::text[]))`,
    );
  }
  const matches = await matchConditions(search.q, param);
  const offset = (search.page - 1) * search.pageSize;
  // One row more than the page says whether there is a next page (no COUNT).
  const window = `LIMIT ${param(search.pageSize + 1)}::int OFFSET ${param(offset)}::int`;
  const where = (extra: string[]) => (extra.length > 0 ? `WHERE ${extra.join(" AND ")}` : "");
  let sql: string | null;
  if (matches === null) {
    sql = `SELECT c.id FROM "Customer" c ${where(filters)} ORDER BY c.name, c.id ${window}`;
  } else if (matches.length === 0) {
    sql = null; // typed text that cannot name anybody (a single letter, punctuation)
  } else {
    const needed = param(offset + search.pageSize + 1);
    const branches = matches.map(
      (m) => `(SELECT c.id, c.name FROM "Customer" c ${where([m, ...filters])} ORDER BY c.name, c.id LIMIT ${needed}::int)`,
    );
    sql = `SELECT id FROM (${branches.join(" UNION ")}) hits ORDER BY name, id ${window}`;
  }
  const page = sql === null ? [] : await getBackend().query<{ id: number }>(sql, params);
  const pageIds = page.slice(0, search.pageSize).map((r) => r.id);
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
    hasMore: page.length > search.pageSize,
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
