// The agent's search box: one query finding customers by name, CPF/CNPJ, phone, login or code, as typed
// so far. Complete identifiers match exactly (parseCustomerIdentifiers); partial ones match as prefixes
// (document, login) or substrings (phone digits, name), so results narrow while the agent types.
// Paginated without a COUNT: one row more than the page says whether there is a next page.
import { db, type Prisma } from "../db";
import { formatDocument } from "../validation/document";
import { formatPhone } from "../validation/phone";
import { ACCESS_STATUS_VALUES, CONTRACT_STATUS_VALUES } from "../diagnostics/types";
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

function conditionsFor(query: string): Prisma.CustomerWhereInput[] {
  const text = query.trim().replace(/\s+/g, " ");
  if (text === "") return [];
  const or: Prisma.CustomerWhereInput[] = [];
  for (const reading of parseCustomerIdentifiers(text)) {
    if (reading.kind === "document") or.push({ document: reading.document });
    else if (reading.kind === "phone") or.push({ phones: { some: { phone: { in: reading.lookupKeys } } } });
    else if (reading.kind === "login") {
      or.push({ contracts: { some: { logins: { some: { username: { startsWith: reading.username, mode: "insensitive" } } } } } });
    } else or.push({ name: { contains: reading.name, mode: "insensitive" } });
  }
  const digits = text.replace(/\D/g, "");
  if (NUMERIC_INPUT.test(text) && digits.length >= MIN_PARTIAL_DIGITS) {
    or.push({ document: { startsWith: digits } });
    or.push({ phones: { some: { phone: { contains: digits } } } });
  }
  if (/^\d+$/.test(text) && Number(text) <= MAX_ID) or.push({ id: Number(text) });
  return or;
}

export async function searchCustomers(search: CustomerSearch): Promise<CustomerSearchPage> {
  const or = conditionsFor(search.q);
  const where: Prisma.CustomerWhereInput = {};
  if (search.q.trim() !== "") where.OR = or.length > 0 ? or : [{ id: -1 }];
  if (search.accessStatus && search.accessStatus.length > 0) {
    where.contracts = { some: { accessStatus: { in: search.accessStatus } } };
  }
  const rows = await db.customer.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (search.page - 1) * search.pageSize,
    take: search.pageSize + 1,
    select: {
      id: true, name: true, document: true, neighborhood: true, city: true, active: true,
      phones: { select: { phone: true }, orderBy: { id: "asc" }, take: 1 },
      contracts: {
        orderBy: { id: "asc" },
        select: { id: true, status: true, accessStatus: true, logins: { select: { username: true }, orderBy: { id: "asc" }, take: 1 } },
      },
    },
  });
  return {
    q: search.q,
    page: search.page,
    pageSize: search.pageSize,
    hasMore: rows.length > search.pageSize,
    rows: rows.slice(0, search.pageSize).map((c) => ({
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
