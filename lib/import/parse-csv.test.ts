import { describe, expect, it } from "vitest";
import { parseCsv } from "./parse-csv";

describe("parseCsv", () => {
  it("reads quoted fields with delimiters, doubled quotes and line breaks", () => {
    const t = parseCsv('nome,obs\n"Silva, Ana","disse ""oi""\nduas linhas"\nBruno,x\n');
    expect(t.header).toEqual(["nome", "obs"]);
    expect(t.rows).toEqual([
      { line: 2, values: { nome: "Silva, Ana", obs: 'disse "oi"\nduas linhas' } },
      { line: 4, values: { nome: "Bruno", obs: "x" } },
    ]);
  });

  it("detects the semicolon of Brazilian spreadsheets and ignores a BOM and CRLF", () => {
    const t = parseCsv("\uFEFFNome;Valor\r\nAna;99,90\r\n");
    expect(t.header).toEqual(["nome", "valor"]);
    expect(t.rows[0]!.values).toEqual({ nome: "Ana", valor: "99,90" });
  });

  it("skips blank lines", () => {
    expect(parseCsv("a\n\n1\n\n").rows.map((r) => r.values.a)).toEqual(["1"]);
  });
});
