import { describe, expect, test } from "vitest";
import { parseCustomerIdentifiers } from "./identifiers";

describe("parseCustomerIdentifiers", () => {
  test.each([
    { label: "empty", query: "   ", kinds: [] },
    { label: "a punctuated CPF", query: "529.982.247-25", kinds: ["document"] },
    { label: "a CNPJ", query: "11.222.333/0001-81", kinds: ["document"] },
    { label: "a phone", query: "(19) 99876-5432", kinds: ["phone"] },
    { label: "a phone typed without the ninth digit", query: "19 9876-5432", kinds: ["phone"] },
    { label: "a login", query: "joao.silva", kinds: ["login", "name"] },
    { label: "a full name", query: "Maria  da Silva", kinds: ["name"] },
    { label: "an accented name", query: "Conceição", kinds: ["name"] },
    { label: "digits that are neither a document nor a phone", query: "12345", kinds: ["login"] },
    { label: "an invalid CPF is not a document, only a literal login", query: "529.982.247-24", kinds: ["login"] },
    { label: "a single letter", query: "a", kinds: ["login"] },
  ])("$label → $kinds", ({ query, kinds }) => {
    expect(parseCustomerIdentifiers(query).map((reading) => reading.kind)).toEqual(kinds);
  });

  test("11 digits valid both as a CPF and as a mobile give both readings", () => {
    expect(parseCustomerIdentifiers("11987654374")).toEqual([
      { kind: "document", documentKind: "CPF", document: "11987654374" },
      { kind: "phone", phone: "5511987654374", lookupKeys: ["5511987654374", "551187654374"] },
    ]);
    expect(parseCustomerIdentifiers("11987654300").map((reading) => reading.kind)).toEqual(["phone"]);
  });

  test("normalizes what it reads", () => {
    expect(parseCustomerIdentifiers(" Maria   da Silva ")).toEqual([{ kind: "name", name: "Maria da Silva" }]);
    expect(parseCustomerIdentifiers("+55 19 3232-1234")).toEqual([
      { kind: "phone", phone: "551932321234", lookupKeys: ["551932321234"] },
    ]);
  });
});
