// Exact sign of a 2×2 determinant a·d − b·c over doubles.
// A floating-point filter answers almost every call; only near-zero results (points on or within
// rounding distance of an edge) fall back to exact BigInt arithmetic, so the answer never depends
// on rounding. This is what makes "a point exactly on an edge is inside" hold for every input.

/** Relative error bound of a·d − b·c in doubles: (3 + 16u)·u with u = 2⁻⁵³ (Shewchuk's ccwerrboundA). */
const DET_ERROR_BOUND = 3.3306690738754716e-16;
/** Below this magnitude the products may be subnormal and the relative bound no longer holds. */
const UNDERFLOW_GUARD = 1e-280;

const scratchFloat = new Float64Array(1);
const scratchBits = new BigUint64Array(scratchFloat.buffer);
const MANTISSA_MASK = (1n << 52n) - 1n;
const HIDDEN_BIT = 1n << 52n;

/** Splits a finite double into an integer mantissa and a power-of-two exponent: x = m·2^e exactly. */
function decompose(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  scratchFloat[0] = x;
  const bits = scratchBits[0] ?? 0n;
  const negative = bits >> 63n === 1n;
  const exponentBits = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & MANTISSA_MASK;
  let exponent: number;
  if (exponentBits === 0) {
    exponent = -1074; // subnormal
  } else {
    mantissa |= HIDDEN_BIT;
    exponent = exponentBits - 1075;
  }
  return { m: negative ? -mantissa : mantissa, e: exponent };
}

function exactSign(a: number, b: number, c: number, d: number): number {
  const da = decompose(a);
  const dd = decompose(d);
  const db = decompose(b);
  const dc = decompose(c);
  let left = da.m * dd.m;
  let right = db.m * dc.m;
  const leftExp = da.e + dd.e;
  const rightExp = db.e + dc.e;
  const common = Math.min(leftExp, rightExp);
  left <<= BigInt(leftExp - common);
  right <<= BigInt(rightExp - common);
  return left > right ? 1 : left < right ? -1 : 0;
}

/** Sign (−1, 0, 1) of a·d − b·c computed exactly. Inputs must be finite. */
export function signOfDet2(a: number, b: number, c: number, d: number): number {
  const left = a * d;
  const right = b * c;
  const det = left - right;
  const bound = DET_ERROR_BOUND * (Math.abs(left) + Math.abs(right));
  if (bound > UNDERFLOW_GUARD) {
    if (det > bound) return 1;
    if (-det > bound) return -1;
  }
  return exactSign(a, b, c, d);
}
