// CPF and CNPJ: normalization, check digits, formatting, generation for the seeder, and the zod schema
// shared by routes and forms. Pure: no I/O.
//
// The CNPJ check accepts the alphanumeric CNPJ the Receita Federal issues from July 2026
// (IN RFB 2.229/2024): the first 12 characters may be letters A–Z, the last 2 are always digits, and
// the check digits use the same weights with each character valued at (char code − 48), so for an
// all-digit CNPJ nothing changes. The stored form is therefore "digits and uppercase letters", 14 long.
import { z } from "zod";

export type DocumentKind = "CPF" | "CNPJ";

export type ParsedDocument =
  | { ok: true; kind: DocumentKind; digits: string }
  | { ok: false; message: string };

/** CPF length in digits. */
export const CPF_LENGTH = 11;
/** CNPJ length in characters (12 base + 2 check digits). */
export const CNPJ_LENGTH = 14;

// Weights of the mod-11 check digits (Receita Federal).
const CPF_WEIGHTS_FIRST = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CPF_WEIGHTS_SECOND = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_FIRST = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const CNPJ_WEIGHTS_SECOND = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;
/** The branch number ("filial") of a head office; the seeder generates head offices only. */
const CNPJ_HEAD_OFFICE = "0001";
/** Value of a CNPJ character in the check-digit sum: char code − 48 ("0" → 0, "A" → 17). */
const CNPJ_CHAR_BASE = 48;

const CPF_PATTERN = /^\d{11}$/;
const CNPJ_PATTERN = /^[0-9A-Z]{12}\d{2}$/;
const ALL_SAME = /^(.)\1*$/;

/**
 * Strips punctuation and spaces ("529.982.247-25" → "52998224725"). Letters are kept, uppercased, because
 * the alphanumeric CNPJ has them ("12.ABC.345/01DE-35" → "12ABC34501DE35").
 */
export function normalizeDocument(input: string): string {
  return input.replace(/[^0-9A-Za-z]/g, "").toUpperCase();
}

/** The mod-11 check digit of `base` under `weights` (remainder < 2 → 0, else 11 − remainder). */
function checkDigit(base: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += (base.charCodeAt(i) - CNPJ_CHAR_BASE) * (weights[i] ?? 0);
  }
  const remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

function cpfCheckDigits(base9: string): string {
  const first = checkDigit(base9, CPF_WEIGHTS_FIRST);
  const second = checkDigit(base9 + String(first), CPF_WEIGHTS_SECOND);
  return `${first}${second}`;
}

function cnpjCheckDigits(base12: string): string {
  const first = checkDigit(base12, CNPJ_WEIGHTS_FIRST);
  const second = checkDigit(base12 + String(first), CNPJ_WEIGHTS_SECOND);
  return `${first}${second}`;
}

/** True when `input` (punctuated or not) is a CPF with correct check digits and not all digits equal. */
export function isValidCpf(input: string): boolean {
  const digits = normalizeDocument(input);
  return (
    CPF_PATTERN.test(digits) && !ALL_SAME.test(digits) && cpfCheckDigits(digits.slice(0, 9)) === digits.slice(9)
  );
}

/** True when `input` is a CNPJ (numeric or alphanumeric) with correct check digits and not all equal. */
export function isValidCnpj(input: string): boolean {
  const digits = normalizeDocument(input);
  return (
    CNPJ_PATTERN.test(digits) &&
    !ALL_SAME.test(digits) &&
    cnpjCheckDigits(digits.slice(0, 12)) === digits.slice(12)
  );
}

/**
 * Reads a CPF (11 digits) or CNPJ (14 characters) typed in any punctuation. On failure the message is
 * Portuguese and names what is wrong, ready for the user.
 */
export function parseDocument(input: string): ParsedDocument {
  const digits = normalizeDocument(input);
  if (digits.length === 0) return { ok: false, message: "Informe o CPF ou o CNPJ" };
  if (digits.length === CPF_LENGTH) {
    if (!CPF_PATTERN.test(digits)) return { ok: false, message: "CPF deve conter apenas números" };
    if (ALL_SAME.test(digits)) return { ok: false, message: "CPF inválido: todos os dígitos são iguais" };
    if (!isValidCpf(digits)) return { ok: false, message: "CPF com dígitos verificadores inválidos" };
    return { ok: true, kind: "CPF", digits };
  }
  if (digits.length === CNPJ_LENGTH) {
    if (!CNPJ_PATTERN.test(digits)) {
      return { ok: false, message: "CNPJ inválido: os dois últimos caracteres devem ser números" };
    }
    if (ALL_SAME.test(digits)) return { ok: false, message: "CNPJ inválido: todos os dígitos são iguais" };
    if (!isValidCnpj(digits)) return { ok: false, message: "CNPJ com dígitos verificadores inválidos" };
    return { ok: true, kind: "CNPJ", digits };
  }
  return {
    ok: false,
    message: `Documento com ${digits.length} caracteres: o CPF tem ${CPF_LENGTH} dígitos e o CNPJ tem ${CNPJ_LENGTH}`,
  };
}

/**
 * "52998224725" → "529.982.247-25", "11222333000181" → "11.222.333/0001-81". Accepts punctuated input;
 * anything that is neither 11 nor 14 characters long is returned as given.
 */
export function formatDocument(digits: string): string {
  const d = normalizeDocument(digits);
  if (d.length === CPF_LENGTH) return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
  if (d.length === CNPJ_LENGTH) {
    return `${d.slice(0, 2)}.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-${d.slice(12)}`;
  }
  return digits;
}

function randomDigits(rng: () => number, count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(Math.min(9, Math.floor(rng() * 10)));
  return out;
}

// Multipliers coprime with 10⁹ and 10⁸: n ↦ (n × k + c) mod 10^d is then a bijection, so distinct
// numbers give distinct documents without remembering the ones already issued.
const CPF_MULTIPLIER = 387_420_489; // 3¹⁸
const CNPJ_MULTIPLIER = 43_046_721; // 3¹⁶

/**
 * The n-th valid CPF of a deterministic sequence in which no two n (0 ≤ n < 10⁹) share a CPF; the
 * seeder uses it so a million customers need no set of used documents. All-equal bases are skipped by
 * the caller's numbering (isValidCpf refuses them): returns null for those.
 */
export function cpfFromIndex(n: number): string | null {
  const base = String((BigInt(n) * BigInt(CPF_MULTIPLIER) + 123_456_789n) % 1_000_000_000n).padStart(9, "0");
  if (ALL_SAME.test(base)) return null;
  return base + cpfCheckDigits(base);
}

/** The n-th valid head-office CNPJ of a deterministic sequence without repeats (0 ≤ n < 10⁸). */
export function cnpjFromIndex(n: number): string {
  const base = String((BigInt(n) * BigInt(CNPJ_MULTIPLIER) + 12_345_678n) % 100_000_000n).padStart(8, "0") + CNPJ_HEAD_OFFICE;
  return base + cnpjCheckDigits(base);
}

/** A valid CPF (11 digits, unpunctuated) drawn from `rng` (values in [0, 1)); deterministic for a seeded rng. */
export function generateCpf(rng: () => number): string {
  let base = randomDigits(rng, 9);
  // All-equal bases give all-equal CPFs for some digits (e.g. 111111111-11), which are invalid: nudge.
  if (ALL_SAME.test(base)) base = base.slice(0, 8) + String((Number(base[8]) + 1) % 10);
  return base + cpfCheckDigits(base);
}

/** A valid numeric head-office CNPJ (14 digits, "/0001"), drawn from `rng` (values in [0, 1)). */
export function generateCnpj(rng: () => number): string {
  const base = randomDigits(rng, 8) + CNPJ_HEAD_OFFICE;
  return base + cnpjCheckDigits(base);
}

/**
 * Zod schema for a CPF or CNPJ field: accepts any punctuation, outputs the normalized digits, and fails
 * with the Portuguese message of parseDocument.
 */
export const documentSchema = z
  .string({ error: "Informe o CPF ou o CNPJ" })
  .transform((value, ctx) => {
    const parsed = parseDocument(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.message, input: value });
      return z.NEVER;
    }
    return parsed.digits;
  });
