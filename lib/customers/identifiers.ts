// What a support agent or the chatbot typed to find a customer: a CPF/CNPJ, a phone, a login or a name.
// Pure: decides how to search; lib/customers' queries run the search (OR of the candidates).
import { parseDocument, type DocumentKind } from "../validation/document";
import { normalizePhone, phoneLookupKeys } from "../validation/phone";

export type CustomerIdentifier =
  | { kind: "document"; documentKind: DocumentKind; document: string }
  | { kind: "phone"; phone: string; lookupKeys: string[] }
  | { kind: "login"; username: string }
  | { kind: "name"; name: string };

/** Shortest name worth a search (one letter would match most of the base). */
export const MIN_NAME_LENGTH = 2;
/** Longest query considered; longer input is cut (a pasted paragraph is not an identifier). */
export const MAX_QUERY_LENGTH = 200;

// RADIUS/PPPoE usernames: no spaces; letters, digits and . _ @ - (e.g. "joao.silva@raio").
const USERNAME = /^[A-Za-z0-9._@-]+$/;
const HAS_LETTER = /\p{L}/u;

/**
 * Every way `query` can be read, most specific first: a valid CPF/CNPJ, a valid phone, a login (only when
 * neither of those), a name (when it has letters).
 * A query may have several readings ("19998765432" can be both a valid CPF and a phone); the caller
 * searches them all. An empty query has none.
 */
export function parseCustomerIdentifiers(query: string): CustomerIdentifier[] {
  const text = query.slice(0, MAX_QUERY_LENGTH).trim().replace(/\s+/g, " ");
  if (text === "") return [];
  const readings: CustomerIdentifier[] = [];

  const document = parseDocument(text);
  if (document.ok) readings.push({ kind: "document", documentKind: document.kind, document: document.digits });

  const phone = normalizePhone(text);
  if (phone.ok) readings.push({ kind: "phone", phone: phone.phone, lookupKeys: phoneLookupKeys(phone.phone) });

  // A login that is also a valid document or phone (ISPs often use the CPF as PPPoE login) belongs to the
  // customer that reading already finds, so it is not searched a second time.
  if (readings.length === 0 && USERNAME.test(text)) readings.push({ kind: "login", username: text });
  if (HAS_LETTER.test(text) && text.length >= MIN_NAME_LENGTH) readings.push({ kind: "name", name: text });
  return readings;
}
