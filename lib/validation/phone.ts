// Brazilian phone numbers: one canonical form ("55" + DDD + number, 12 or 13 digits), the keys to look a
// customer up by phone, display formatting, and the zod schema shared by routes and forms. Pure: no I/O.
//
// Accepted input, any punctuation or spacing:
//   +55 (19) 99876-5432     international
//   5519998765432           international without "+"
//   (19) 99876-5432         national
//   19 9876-5432            mobile typed without the ninth digit (added: every mobile has 9 digits since 2016)
//   019 99876 5432          leading 0 trunk prefix
//   0 15 19 99876-5432      trunk prefix + carrier selection code (operadora)
//   0055 19 99876-5432      international dialing prefix 00
import { z } from "zod";

/** Brazil's country code. */
export const BRAZIL_COUNTRY_CODE = "55";

/** Every DDD (área code) in use in Brazil — Anatel's numbering plan, 67 codes. */
export const BRAZILIAN_DDDS: ReadonlySet<string> = new Set([
  "11", "12", "13", "14", "15", "16", "17", "18", "19", // SP
  "21", "22", "24", // RJ
  "27", "28", // ES
  "31", "32", "33", "34", "35", "37", "38", // MG
  "41", "42", "43", "44", "45", "46", // PR
  "47", "48", "49", // SC
  "51", "53", "54", "55", // RS
  "61", // DF
  "62", "64", // GO
  "63", // TO
  "65", "66", // MT
  "67", // MS
  "68", // AC
  "69", // RO
  "71", "73", "74", "75", "77", // BA
  "79", // SE
  "81", "87", // PE
  "82", // AL
  "83", // PB
  "84", // RN
  "85", "88", // CE
  "86", "89", // PI
  "91", "93", "94", // PA
  "92", "97", // AM
  "95", // RR
  "96", // AP
  "98", "99", // MA
]);

export type PhoneKind = "celular" | "fixo";

export type NormalizedPhone =
  | { ok: true; phone: string; ddd: string; number: string; kind: PhoneKind }
  | { ok: false; message: string };

// Characters people type around phone numbers; anything else (letters, "ramal") is refused.
const ALLOWED_CHARACTERS = /^[\d\s+()\-./]*$/;
/** Length of a carrier selection code (código de operadora) after the trunk 0, e.g. "15", "21", "41". */
const CARRIER_CODE_LENGTH = 2;
const NATIONAL_MIN = 10; // DDD + 8-digit landline (or a mobile typed without its ninth digit)
const NATIONAL_MAX = 11; // DDD + 9-digit mobile

/**
 * Reads a Brazilian phone number typed in any common way and returns its canonical form
 * "55" + DDD + number, or a Portuguese message saying what is wrong.
 * Landlines start with 2–5 and have 8 digits; mobiles start with 9 and have 9 digits. An 8-digit number
 * starting with 6–9 is a mobile typed without the ninth digit, which is added.
 */
export function normalizePhone(input: string): NormalizedPhone {
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, message: "Informe o telefone" };
  if (!ALLOWED_CHARACTERS.test(trimmed)) {
    return { ok: false, message: `Telefone "${trimmed}" contém caracteres inválidos: use apenas números` };
  }
  let digits = trimmed.replace(/\D/g, "");
  if (digits === "") return { ok: false, message: "Informe o telefone" };

  if (trimmed.startsWith("+") || digits.startsWith("00")) {
    digits = trimmed.startsWith("+") ? digits : digits.slice(2);
    if (!digits.startsWith(BRAZIL_COUNTRY_CODE)) {
      return { ok: false, message: "Apenas telefones do Brasil (+55) são aceitos" };
    }
    digits = digits.slice(BRAZIL_COUNTRY_CODE.length);
  } else if (digits.startsWith("0")) {
    digits = digits.slice(1); // trunk prefix
    if (digits.length > NATIONAL_MAX) digits = digits.slice(CARRIER_CODE_LENGTH); // carrier selection code
  } else if (digits.length > NATIONAL_MAX && digits.startsWith(BRAZIL_COUNTRY_CODE)) {
    digits = digits.slice(BRAZIL_COUNTRY_CODE.length);
  }

  if (digits.length === 8 || digits.length === 9) {
    return { ok: false, message: `Telefone ${digits} sem DDD: informe o DDD e o número` };
  }
  if (digits.length < NATIONAL_MIN || digits.length > NATIONAL_MAX) {
    const problem = digits.length < NATIONAL_MIN ? "curto demais" : "longo demais";
    return {
      ok: false,
      message: `Telefone com ${digits.length} dígitos: ${problem} (DDD + número têm ${NATIONAL_MIN} ou ${NATIONAL_MAX} dígitos)`,
    };
  }

  const ddd = digits.slice(0, 2);
  let number = digits.slice(2);
  if (!BRAZILIAN_DDDS.has(ddd)) return { ok: false, message: `DDD ${ddd} não existe no Brasil` };

  let kind: PhoneKind;
  if (number.length === 9) {
    if (!number.startsWith("9")) {
      return { ok: false, message: `Número ${number} com 9 dígitos deve começar com 9 (celular)` };
    }
    kind = "celular";
  } else {
    const first = number.charAt(0);
    if (first >= "2" && first <= "5") {
      kind = "fixo";
    } else if (first >= "6") {
      number = `9${number}`; // mobile without the ninth digit
      kind = "celular";
    } else {
      return { ok: false, message: `Número ${number} inválido: não pode começar com ${first}` };
    }
  }
  return { ok: true, phone: BRAZIL_COUNTRY_CODE + ddd + number, ddd, number, kind };
}

/**
 * The stored values that may hold the same phone: the canonical form and, for a mobile, the form without
 * its ninth digit (older imports), so "19 9876-5432" and "5519998765432" find each other.
 * Accepts any input normalizePhone accepts; returns [] when it is not a valid phone.
 */
export function phoneLookupKeys(phone: string): string[] {
  const parsed = normalizePhone(phone);
  if (!parsed.ok) return [];
  if (parsed.kind === "fixo") return [parsed.phone];
  return [parsed.phone, BRAZIL_COUNTRY_CODE + parsed.ddd + parsed.number.slice(1)];
}

/**
 * "5519998765432" → "(19) 99876-5432", "551932321234" → "(19) 3232-1234". Accepts any input
 * normalizePhone accepts; anything else is returned as given (display never fails).
 */
export function formatPhone(phone: string): string {
  const parsed = normalizePhone(phone);
  if (!parsed.ok) return phone;
  const split = parsed.number.length - 4;
  return `(${parsed.ddd}) ${parsed.number.slice(0, split)}-${parsed.number.slice(split)}`;
}

/** Zod schema for a phone field: accepts any common format, outputs the canonical "55…" digits. */
export const phoneSchema = z.string({ error: "Informe o telefone" }).transform((value, ctx) => {
  const parsed = normalizePhone(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message, input: value });
    return z.NEVER;
  }
  return parsed.phone;
});
