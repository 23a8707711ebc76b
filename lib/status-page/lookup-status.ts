// The page's lookup: a CEP (8 digits, with or without punctuation) or a street name, answered from the
// snapshot in memory. An unknown CEP (no customer has it) is told apart from a known one without maintenance.
// Only places and orders come back: never a customer.
import { cepSchema } from "../validation/status-page";
import type { StatusOrder, StatusSnapshot } from "./load-status-snapshot";
import { normalizeStreet } from "./normalize-street";

/** Longest lookup text accepted (a street and a number fit easily). */
export const MAX_LOOKUP_CHARS = 120;
/** Shortest street text searched (fewer letters would match half the city). */
const MIN_STREET_CHARS = 3;

export type StatusLookup =
  | { kind: "cep"; cep: string; known: boolean; orders: StatusOrder[] }
  | { kind: "address"; street: string; orders: StatusOrder[] }
  | { kind: "invalid"; message: string };

const ordersOf = (snapshot: StatusSnapshot, ids: readonly number[]) => snapshot.orders.filter((o) => ids.includes(o.id));

/** `q` from the form (CEP or address); null when nothing was asked. */
export function lookupStatus(snapshot: StatusSnapshot, q: string | null): StatusLookup | null {
  const text = (q ?? "").trim();
  if (text === "") return null;
  if (text.length > MAX_LOOKUP_CHARS) return { kind: "invalid", message: `Busca longa demais: no máximo ${MAX_LOOKUP_CHARS} caracteres.` };
  // Digits and CEP punctuation only: it is meant as a CEP.
  if (/^[\d.\-\s]+$/.test(text)) {
    const parsed = cepSchema.safeParse(text);
    if (!parsed.success) return { kind: "invalid", message: "CEP inválido: informe os 8 dígitos (ex.: 13010-000)." };
    const cep = parsed.data;
    return { kind: "cep", cep, known: snapshot.knownCeps.has(cep), orders: ordersOf(snapshot, snapshot.ordersByCep.get(cep) ?? []) };
  }
  const street = normalizeStreet(text);
  if (street.replace(/[^a-z]/g, "").length < MIN_STREET_CHARS) {
    return { kind: "invalid", message: "Informe um CEP (8 dígitos) ou o nome da rua." };
  }
  const ids = new Set<number>();
  for (const [name, orderIds] of snapshot.ordersByStreet) {
    if (name === street || name.includes(street)) for (const id of orderIds) ids.add(id);
  }
  return { kind: "address", street: text, orders: ordersOf(snapshot, [...ids]) };
}

/** Formats 8 CEP digits as people write them. */
export const formatCep = (cep: string) => `${cep.slice(0, 5)}-${cep.slice(5)}`;
