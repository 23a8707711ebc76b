// Which customer a lookup names. Each identifier given is searched on its own (at most one query each, in
// parallel) and the answers must agree:
//   - an identifier that finds nobody           → 404 naming it ("Nenhum cliente com o CPF …");
//   - two identifiers that find different people → 400 naming the second field;
//   - a phone shared by several customers (a family) and nothing else to tell them apart
//                                               → 300 AMBIGUOUS with `details.candidates` (id, name, masked
//                                                 document, neighbourhood): the caller asks the customer
//                                                 for the CPF, or passes customerId.
// A login also fixes the contract (its own) and the login diagnosed.
import { db } from "../db";
import { AppError, badRequest, notFound } from "../errors";
import { formatDocument } from "../validation/document";
import { formatPhone } from "../validation/phone";
import type { CustomerLookup, LookupField } from "../validation/customer-lookup";

/** Most candidates listed in an ambiguous answer (a shared phone rarely has more than a few). */
export const MAX_AMBIGUOUS_CANDIDATES = 10;

export interface ResolvedCustomer {
  customerId: number;
  /** Set when the lookup was by login: the contract and login it names. */
  loginId: number | null;
  loginContractId: number | null;
  /** The identifier that found the customer first (for logs and the answer). */
  by: LookupField;
}

export interface AmbiguousCandidate {
  id: number;
  name: string;
  /** The document with its middle digits only ("***.982.247-**"), enough to tell relatives apart. */
  document: string;
  neighborhood: string | null;
  city: string;
}

/** "529.982.247-25" → "***.982.247-**"; CNPJs (companies, public data) are shown whole. */
export function maskDocument(digits: string): string {
  const formatted = formatDocument(digits);
  if (digits.length !== 11) return formatted;
  return `***${formatted.slice(3, 12)}**`;
}

interface Match {
  field: LookupField;
  ids: number[];
  describe: string;
}

export async function resolveCustomerOrThrow(lookup: CustomerLookup): Promise<ResolvedCustomer> {
  const searches: Promise<Match>[] = [];
  let loginHit: { id: number; contractId: number } | null = null;

  if (lookup.customerId !== undefined) {
    const id = lookup.customerId;
    searches.push(
      db.customer
        .findUnique({ where: { id }, select: { id: true } })
        .then((c) => ({ field: "customerId", ids: c ? [c.id] : [], describe: `o código ${id}` })),
    );
  }
  for (const field of ["cpf", "cnpj"] as const) {
    const document = lookup[field];
    if (document === undefined) continue;
    searches.push(
      db.customer.findUnique({ where: { document }, select: { id: true } }).then((c) => ({
        field,
        ids: c ? [c.id] : [],
        describe: `o ${document.length === 11 ? "CPF" : "CNPJ"} ${formatDocument(document)}`,
      })),
    );
  }
  if (lookup.phone !== undefined) {
    const { phone, keys } = lookup.phone;
    searches.push(
      db.customerPhone
        .findMany({
          where: { phone: { in: keys } },
          select: { customerId: true },
          distinct: ["customerId"],
          orderBy: { customerId: "asc" },
          take: MAX_AMBIGUOUS_CANDIDATES + 1,
        })
        .then((rows) => ({ field: "phone", ids: rows.map((r) => r.customerId), describe: `o telefone ${formatPhone(phone)}` })),
    );
  }
  if (lookup.login !== undefined) {
    const username = lookup.login;
    searches.push(
      db.login
        .findUnique({ where: { username }, select: { id: true, contractId: true, contract: { select: { customerId: true } } } })
        .then((l) => {
          if (l) loginHit = { id: l.id, contractId: l.contractId };
          return { field: "login", ids: l ? [l.contract.customerId] : [], describe: `o login ${username}` };
        }),
    );
  }
  if (searches.length === 0) {
    throw badRequest("Informe o cliente: cpf, phone, login ou customerId.", "cpf");
  }

  const matches = await Promise.all(searches);
  const missing = matches.find((m) => m.ids.length === 0);
  if (missing) throw notFound(`Nenhum cliente encontrado com ${missing.describe}.`);

  let candidates = matches[0]!.ids;
  for (const match of matches.slice(1)) {
    const common = candidates.filter((id) => match.ids.includes(id));
    if (common.length === 0) {
      throw badRequest(
        `Os identificadores não conferem: ${match.describe} não pertence ao mesmo cliente que ${matches[0]!.describe}.`,
        match.field,
      );
    }
    candidates = common;
  }
  if (candidates.length > 1) throw await ambiguous(candidates, matches[0]!.describe);

  const hit = loginHit as { id: number; contractId: number } | null;
  return {
    customerId: candidates[0]!,
    loginId: hit?.id ?? null,
    loginContractId: hit?.contractId ?? null,
    by: matches[0]!.field,
  };
}

async function ambiguous(ids: number[], describe: string): Promise<AppError> {
  const rows = await db.customer.findMany({
    where: { id: { in: ids.slice(0, MAX_AMBIGUOUS_CANDIDATES) } },
    select: { id: true, name: true, document: true, neighborhood: true, city: true },
    orderBy: { id: "asc" },
  });
  const candidates: AmbiguousCandidate[] = rows.map((c) => ({
    id: c.id,
    name: c.name,
    document: maskDocument(c.document),
    neighborhood: c.neighborhood,
    city: c.city,
  }));
  return new AppError(
    "AMBIGUOUS",
    `${ids.length > MAX_AMBIGUOUS_CANDIDATES ? `Mais de ${MAX_AMBIGUOUS_CANDIDATES}` : ids.length} clientes encontrados com ${describe}: informe o CPF/CNPJ ou o customerId.`,
    { field: "customerId", details: { candidates } },
  );
}
