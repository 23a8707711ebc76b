import { describe, expect, it } from "vitest";
import { toCsv } from "./to-csv";

describe("toCsv", () => {
  it("quotes separators and quotes, writes booleans in Portuguese, and starts with a BOM", () => {
    const csv = toCsv([{ a: 'Rua "A"; 12', b: true, c: null }], [
      { header: "Endereço", value: (r) => r.a },
      { header: "Online", value: (r) => r.b },
      { header: "Vazio", value: (r) => r.c },
    ]);
    expect(csv).toBe('\uFEFFEndereço;Online;Vazio\r\n"Rua ""A""; 12";Sim;\r\n');
  });

  it("neutralises spreadsheet formulas", () => {
    expect(toCsv([{ a: "=HYPERLINK(1)" }], [{ header: "x", value: (r) => r.a }])).toContain("'=HYPERLINK(1)");
  });
});
