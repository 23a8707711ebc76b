import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { z } from "zod";
import {
  cnpjFromIndex,
  cpfFromIndex,
  documentSchema,
  formatDocument,
  generateCnpj,
  generateCpf,
  isValidCnpj,
  isValidCpf,
  normalizeDocument,
  parseDocument,
} from "./document";

describe("normalizeDocument", () => {
  test.each([
    { label: "punctuated CPF", input: "529.982.247-25", out: "52998224725" },
    { label: "punctuated CNPJ", input: "11.222.333/0001-81", out: "11222333000181" },
    { label: "spaces around and inside", input: " 529 982 247 25 ", out: "52998224725" },
    { label: "alphanumeric CNPJ, lower case", input: "12.abc.345/01de-35", out: "12ABC34501DE35" },
  ])("$label", ({ input, out }) => {
    expect(normalizeDocument(input)).toBe(out);
  });
});

describe("CPF", () => {
  test.each([
    { label: "known valid, punctuated", input: "529.982.247-25", valid: true },
    { label: "known valid, digits only", input: "52998224725", valid: true },
    { label: "known valid with a 0 check digit", input: "123.456.789-09", valid: true },
    { label: "wrong second check digit", input: "529.982.247-24", valid: false },
    { label: "wrong first check digit", input: "529.982.247-35", valid: false },
    { label: "all ones (passes the check digits)", input: "111.111.111-11", valid: false },
    { label: "all zeros", input: "000.000.000-00", valid: false },
    { label: "all nines", input: "99999999999", valid: false },
    { label: "too short", input: "529.982.247-2", valid: false },
    { label: "a valid CNPJ is not a CPF", input: "11.222.333/0001-81", valid: false },
  ])("isValidCpf: $label → $valid", ({ input, valid }) => {
    expect(isValidCpf(input)).toBe(valid);
  });
});

describe("CNPJ", () => {
  test.each([
    { label: "known valid, punctuated", input: "11.222.333/0001-81", valid: true },
    { label: "known valid, digits only", input: "11222333000181", valid: true },
    { label: "another known valid", input: "11.444.777/0001-61", valid: true },
    { label: "alphanumeric (Receita Federal's example, from July 2026)", input: "12.ABC.345/01DE-35", valid: true },
    { label: "alphanumeric with a wrong check digit", input: "12.ABC.345/01DE-36", valid: false },
    { label: "letters in the check digits", input: "12.ABC.345/01DE-3A", valid: false },
    { label: "wrong second check digit", input: "11.222.333/0001-82", valid: false },
    { label: "wrong first check digit", input: "11.222.333/0001-91", valid: false },
    { label: "all zeros", input: "00.000.000/0000-00", valid: false },
    { label: "all ones", input: "11.111.111/1111-11", valid: false },
    { label: "a valid CPF is not a CNPJ", input: "529.982.247-25", valid: false },
  ])("isValidCnpj: $label → $valid", ({ input, valid }) => {
    expect(isValidCnpj(input)).toBe(valid);
  });
});

describe("parseDocument", () => {
  test.each([
    { label: "CPF", input: "529.982.247-25", out: { ok: true, kind: "CPF", digits: "52998224725" } },
    { label: "CNPJ", input: "11.222.333/0001-81", out: { ok: true, kind: "CNPJ", digits: "11222333000181" } },
    { label: "alphanumeric CNPJ", input: "12.abc.345/01de-35", out: { ok: true, kind: "CNPJ", digits: "12ABC34501DE35" } },
    { label: "empty", input: "  ", out: { ok: false, message: "Informe o CPF ou o CNPJ" } },
    { label: "CPF with bad check digits", input: "529.982.247-24", out: { ok: false, message: "CPF com dígitos verificadores inválidos" } },
    { label: "CNPJ with bad check digits", input: "11.222.333/0001-82", out: { ok: false, message: "CNPJ com dígitos verificadores inválidos" } },
    { label: "CPF of repeated digits", input: "111.111.111-11", out: { ok: false, message: "CPF inválido: todos os dígitos são iguais" } },
    { label: "CNPJ of repeated digits", input: "00000000000000", out: { ok: false, message: "CNPJ inválido: todos os dígitos são iguais" } },
    { label: "CPF with a letter", input: "529.982.247-2X", out: { ok: false, message: "CPF deve conter apenas números" } },
    {
      label: "CNPJ with a letter in the check digits",
      input: "12.ABC.345/01DE-3A",
      out: { ok: false, message: "CNPJ inválido: os dois últimos caracteres devem ser números" },
    },
    {
      label: "wrong length",
      input: "529.982.247",
      out: { ok: false, message: "Documento com 9 caracteres: o CPF tem 11 dígitos e o CNPJ tem 14" },
    },
  ])("$label", ({ input, out }) => {
    expect(parseDocument(input)).toEqual(out);
  });
});

describe("formatDocument", () => {
  test.each([
    { label: "CPF", input: "52998224725", out: "529.982.247-25" },
    { label: "CNPJ", input: "11222333000181", out: "11.222.333/0001-81" },
    { label: "the brief's CNPJ", input: "12345678000195", out: "12.345.678/0001-95" },
    { label: "already formatted", input: "529.982.247-25", out: "529.982.247-25" },
    { label: "alphanumeric CNPJ", input: "12ABC34501DE35", out: "12.ABC.345/01DE-35" },
    { label: "neither length: returned as given", input: "12345", out: "12345" },
  ])("$label", ({ input, out }) => {
    expect(formatDocument(input)).toBe(out);
  });
});

describe("generators", () => {
  const seeds = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 14, maxLength: 14 });
  const rngOf = (values: number[]) => {
    let i = 0;
    return () => values[i++ % values.length] ?? 0;
  };

  it("generateCpf always gives a valid CPF that round-trips through format and parse", () => {
    fc.assert(
      fc.property(seeds, (values) => {
        const cpf = generateCpf(rngOf(values));
        expect(cpf).toMatch(/^\d{11}$/);
        expect(parseDocument(formatDocument(cpf))).toEqual({ ok: true, kind: "CPF", digits: cpf });
      }),
    );
  });

  it("generateCnpj always gives a valid head-office CNPJ that round-trips", () => {
    fc.assert(
      fc.property(seeds, (values) => {
        const cnpj = generateCnpj(rngOf(values));
        expect(cnpj).toMatch(/^\d{8}0001\d{2}$/);
        expect(parseDocument(formatDocument(cnpj))).toEqual({ ok: true, kind: "CNPJ", digits: cnpj });
      }),
    );
  });

  test.each([
    { label: "an rng stuck at 0", rng: () => 0 },
    { label: "an rng stuck just below 1", rng: () => 0.9999999 },
    { label: "an rng stuck at 0.1 (all ones)", rng: () => 0.1 },
  ])("generateCpf is valid even with $label", ({ rng }) => {
    expect(isValidCpf(generateCpf(rng))).toBe(true);
  });

  it("changing any single digit of a valid CPF or CNPJ makes it invalid", () => {
    for (const valid of ["52998224725", "11222333000181"]) {
      for (let i = 0; i < valid.length; i++) {
        for (let d = 0; d <= 9; d++) {
          if (String(d) === valid[i]) continue;
          const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
          expect(parseDocument(changed).ok, changed).toBe(false);
        }
      }
    }
  });
});

describe("documentSchema", () => {
  it("outputs the normalized digits", () => {
    expect(documentSchema.parse("529.982.247-25")).toBe("52998224725");
  });

  test.each([
    { label: "bad check digits", input: "529.982.247-24", message: "CPF com dígitos verificadores inválidos" },
    { label: "not a string", input: 52998224725, message: "Informe o CPF ou o CNPJ" },
  ])("fails with the Portuguese message: $label", ({ input, message }) => {
    const result = documentSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("works inside an object schema, naming the field", () => {
    const result = z.object({ document: documentSchema }).safeParse({ document: "123" });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["document"], message: "Documento com 3 caracteres: o CPF tem 11 dígitos e o CNPJ tem 14" }),
    ]);
  });
});

describe("documents by index (the seeder's sequence)", () => {
  it("gives valid, distinct CPFs and CNPJs for distinct indexes", () => {
    const cpfs = new Set<string>();
    const cnpjs = new Set<string>();
    for (let n = 0; n < 20_000; n++) {
      const cpf = cpfFromIndex(n);
      if (cpf !== null) {
        expect(isValidCpf(cpf)).toBe(true);
        cpfs.add(cpf);
      }
      const cnpj = cnpjFromIndex(n);
      expect(isValidCnpj(cnpj)).toBe(true);
      cnpjs.add(cnpj);
    }
    expect(cpfs.size).toBeGreaterThan(19_990);
    expect(cnpjs.size).toBe(20_000);
  });
});
