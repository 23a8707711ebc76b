// The price check shared by both discount rules.
import { badRequest } from "../errors";

/** Fails fast (400, naming the value) on a price that is not a whole, non-negative number of cents. */
export function assertPriceCents(cents: number, field: string, label: string): void {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw badRequest(`${label} ${cents} inválida: informe centavos inteiros ≥ 0 (R$ 99,90 → 9990).`, field);
  }
}
