import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { z } from "zod";
import { BRAZILIAN_DDDS, formatPhone, normalizePhone, phoneLookupKeys, phoneSchema } from "./phone";

describe("normalizePhone accepts the common formats", () => {
  test.each([
    { label: "international with + and punctuation", input: "+55 (19) 99876-5432", phone: "5519998765432" },
    { label: "international digits only", input: "5519998765432", phone: "5519998765432" },
    { label: "national with parentheses", input: "(19) 99876-5432", phone: "5519998765432" },
    { label: "national digits only", input: "19998765432", phone: "5519998765432" },
    { label: "mobile without the ninth digit", input: "19 9876-5432", phone: "5519998765432" },
    { label: "mobile without the ninth digit, starting with 7", input: "(11) 7654-3210", phone: "5511976543210" },
    { label: "international mobile without the ninth digit", input: "+55 19 9876-5432", phone: "5519998765432" },
    { label: "leading 0 trunk prefix", input: "019 99876 5432", phone: "5519998765432" },
    { label: "trunk prefix and carrier code", input: "0 15 19 99876-5432", phone: "5519998765432" },
    { label: "international dialing prefix 00", input: "0055 19 99876-5432", phone: "5519998765432" },
    { label: "landline", input: "(19) 3232-1234", phone: "551932321234" },
    { label: "landline, international", input: "+55 19 3232-1234", phone: "551932321234" },
    { label: "landline with trunk prefix", input: "019 3232-1234", phone: "551932321234" },
    { label: "dots as separators", input: "19.99876.5432", phone: "5519998765432" },
    { label: "DDD 55 (Santa Maria) without country code", input: "(55) 99876-5432", phone: "5555998765432" },
    { label: "DDD 55 with country code", input: "55 55 99876 5432", phone: "5555998765432" },
  ])("$label: $input → $phone", ({ input, phone }) => {
    const result = normalizePhone(input);
    expect(result).toMatchObject({ ok: true, phone });
  });

  test.each([
    { label: "mobile", input: "(19) 99876-5432", kind: "celular", ddd: "19", number: "998765432" },
    { label: "landline", input: "(19) 3232-1234", kind: "fixo", ddd: "19", number: "32321234" },
  ])("tells a $label apart", ({ input, kind, ddd, number }) => {
    expect(normalizePhone(input)).toEqual({ ok: true, phone: `55${ddd}${number}`, ddd, number, kind });
  });
});

describe("normalizePhone refuses malformed numbers in Portuguese", () => {
  test.each([
    { label: "empty", input: "   ", message: "Informe o telefone" },
    { label: "punctuation only", input: "() -", message: "Informe o telefone" },
    { label: "letters", input: "19 99876-5432 ramal 2", message: 'Telefone "19 99876-5432 ramal 2" contém caracteres inválidos: use apenas números' },
    { label: "DDD that does not exist", input: "(20) 99876-5432", message: "DDD 20 não existe no Brasil" },
    { label: "DDD 23 does not exist", input: "(23) 3232-1234", message: "DDD 23 não existe no Brasil" },
    { label: "bad DDD after the trunk prefix", input: "020 99876-5432", message: "DDD 20 não existe no Brasil" },
    { label: "no DDD", input: "99876-5432", message: "Telefone 998765432 sem DDD: informe o DDD e o número" },
    { label: "landline without DDD", input: "3232-1234", message: "Telefone 32321234 sem DDD: informe o DDD e o número" },
    { label: "too short", input: "123", message: "Telefone com 3 dígitos: curto demais (DDD + número têm 10 ou 11 dígitos)" },
    { label: "too long", input: "1999876543210", message: "Telefone com 13 dígitos: longo demais (DDD + número têm 10 ou 11 dígitos)" },
    { label: "too long after +55", input: "+55 19 99876-54321", message: "Telefone com 12 dígitos: longo demais (DDD + número têm 10 ou 11 dígitos)" },
    { label: "another country", input: "+1 555 123 4567", message: "Apenas telefones do Brasil (+55) são aceitos" },
    { label: "another country with 00", input: "00 351 912 345 678", message: "Apenas telefones do Brasil (+55) são aceitos" },
    { label: "9 digits not starting with 9", input: "(19) 89876-5432", message: "Número 898765432 com 9 dígitos deve começar com 9 (celular)" },
    { label: "8 digits starting with 1", input: "(19) 1234-5678", message: "Número 12345678 inválido: não pode começar com 1" },
    { label: "8 digits starting with 0", input: "(19) 0234-5678", message: "Número 02345678 inválido: não pode começar com 0" },
    { label: "a 0800 service number", input: "0800 123 4567", message: "DDD 80 não existe no Brasil" },
  ])("$label: $input", ({ input, message }) => {
    expect(normalizePhone(input)).toEqual({ ok: false, message });
  });
});

describe("BRAZILIAN_DDDS", () => {
  it("holds Anatel's 67 area codes", () => {
    expect(BRAZILIAN_DDDS.size).toBe(67);
  });

  test.each(["20", "23", "25", "26", "29", "30", "36", "39", "40", "50", "52", "56", "57", "58", "59", "60", "70", "72", "76", "78", "80", "90"])(
    "DDD %s does not exist",
    (ddd) => {
      expect(BRAZILIAN_DDDS.has(ddd)).toBe(false);
    },
  );
});

describe("phoneLookupKeys", () => {
  test.each([
    { label: "mobile: with and without the ninth digit", input: "5519998765432", keys: ["5519998765432", "551998765432"] },
    { label: "mobile typed without the ninth digit finds the stored canonical", input: "19 9876-5432", keys: ["5519998765432", "551998765432"] },
    { label: "landline: itself only", input: "551932321234", keys: ["551932321234"] },
    { label: "invalid: nothing", input: "(20) 99876-5432", keys: [] },
  ])("$label", ({ input, keys }) => {
    expect(phoneLookupKeys(input)).toEqual(keys);
  });

  it("always contains the canonical form of what was typed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...BRAZILIAN_DDDS), fc.stringMatching(/^9[6-9]\d{7}$/), (ddd, number) => {
        const canonical = `55${ddd}${number}`;
        expect(phoneLookupKeys(`(${ddd}) ${number.slice(1, 5)}-${number.slice(5)}`)).toContain(canonical);
      }),
    );
  });
});

describe("formatPhone", () => {
  test.each([
    { label: "mobile", input: "5519998765432", out: "(19) 99876-5432" },
    { label: "landline", input: "551932321234", out: "(19) 3232-1234" },
    { label: "any accepted input", input: "019 9876 5432", out: "(19) 99876-5432" },
    { label: "invalid: returned as given", input: "abc", out: "abc" },
  ])("$label", ({ input, out }) => {
    expect(formatPhone(input)).toBe(out);
  });
});

describe("canonical form", () => {
  it("is a fixed point: normalizing a canonical phone gives it back", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BRAZILIAN_DDDS),
        fc.oneof(fc.stringMatching(/^9\d{8}$/), fc.stringMatching(/^[2-5]\d{7}$/)),
        (ddd, number) => {
          const canonical = `55${ddd}${number}`;
          expect(normalizePhone(canonical)).toMatchObject({ ok: true, phone: canonical });
          expect(normalizePhone(formatPhone(canonical))).toMatchObject({ ok: true, phone: canonical });
        },
      ),
    );
  });
});

describe("phoneSchema", () => {
  it("outputs the canonical phone inside an object schema", () => {
    const schema = z.object({ phone: phoneSchema });
    expect(schema.parse({ phone: "(19) 9876-5432" })).toEqual({ phone: "5519998765432" });
  });

  it("names the field and gives the Portuguese message", () => {
    const result = z.object({ phone: phoneSchema }).safeParse({ phone: "(20) 99876-5432" });
    expect(result.error?.issues[0]).toMatchObject({ path: ["phone"], message: "DDD 20 não existe no Brasil" });
  });
});
