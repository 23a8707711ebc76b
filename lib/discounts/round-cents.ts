// The one rounding rule of downtime discounts, used by both rules (Anatel RQUAL and IXC's):
//
//   ROUND HALF UP TO THE NEAREST CENT, APPLIED ONCE, TO THE EXACT RATIONAL AMOUNT.
//
// Each rule computes its amount as an exact fraction of integer cents (numerator ÷ denominator, in BigInt),
// never as a float, and rounds only here, at the very end: a fraction of exactly half a cent goes up
// (0.5 → 1, 2.5 → 3 — not to the even cent), anything below half goes down. Amounts are never negative,
// so "half up" and "half away from zero" are the same thing here.
//
// Why exact integers: floats turn 9990 × 62 ÷ 744 = 832.5 exactly into 832.4999999999999, and
// Math.round then gives 832 instead of 833 (see round-cents.test.ts).

/**
 * numerator ÷ denominator cents, rounded half up to a whole cent: roundCents(5n, 2n) → 3.
 * Throws on a negative numerator, a denominator ≤ 0 or a result beyond Number.MAX_SAFE_INTEGER.
 */
export function roundCents(numerator: bigint, denominator: bigint): number {
  if (denominator <= 0n) throw new RangeError(`Denominador ${denominator} inválido: deve ser maior que zero.`);
  if (numerator < 0n) throw new RangeError(`Valor ${numerator}/${denominator} negativo: descontos não são negativos.`);
  // floor(n/d + 1/2) = floor((2n + d) / 2d); BigInt division truncates, which is floor for non-negatives.
  const cents = (2n * numerator + denominator) / (2n * denominator);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Valor de ${cents} centavos grande demais.`);
  return Number(cents);
}
