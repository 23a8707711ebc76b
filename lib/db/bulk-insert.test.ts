import { describe, expect, it } from "vitest";
import { arrayLiteral, dictionary } from "./bulk-insert";

const lit = (type: string, values: unknown[]) => arrayLiteral(values.map((v) => ({ v })), { name: "v", type });

describe("arrayLiteral", () => {
  it("writes numbers and booleans bare, NULL for null and undefined", () => {
    expect(lit("int", [1, -2, null, undefined, 3])).toBe("{1,-2,NULL,NULL,3}");
    expect(lit("bigint", [9007199254740993n])).toBe("{9007199254740993}");
    expect(lit("bool", [true, false, null])).toBe("{t,f,NULL}");
    expect(lit("int", [])).toBe("{}");
  });
  it("quotes text and escapes quotes and backslashes (commas, braces, spaces and the word NULL stay text)", () => {
    expect(lit("text", ['a"b', "c\\d", "x,y", "{z}", " ", "", "NULL", "ç"])).toBe('{"a\\"b","c\\\\d","x,y","{z}"," ","","NULL","ç"}');
    expect(lit("ContractStatus", ["ATIVO", null])).toBe('{"ATIVO",NULL}');
  });
  it("writes doubles exactly and dates as UTC ISO text (dates only as the day)", () => {
    expect(lit("float8", [0.1 + 0.2, -0, -22.9])).toBe('{"0.30000000000000004","-0","-22.9"}');
    const at = new Date("2026-11-23T15:00:00.123Z");
    expect(lit("timestamp(3)", [at, new Date(at), null])).toBe('{"2026-11-23T15:00:00.123Z","2026-11-23T15:00:00.123Z",NULL}');
    expect(lit("date", [at])).toBe('{"2026-11-23"}');
  });
});

describe("dictionary (a repeating column)", () => {
  it("lists each distinct value once, in first-seen order, and gives each row its 1-based position", () => {
    const rows = ["b", "a", "b", null, "a", undefined, "c"].map((v) => ({ v }));
    expect(dictionary(rows, { name: "v", type: "text", repeats: true })).toEqual({ values: [{ v: "b" }, { v: "a" }, { v: "c" }], positions: "{1,2,1,NULL,2,NULL,3}" });
  });
  it("takes two Date objects of the same instant for one value", () => {
    const at = new Date("2026-12-01T06:00:00.000Z");
    const d = dictionary([{ v: at }, { v: new Date(at) }, { v: new Date(at.getTime() + 1) }], { name: "v", type: "timestamp(3)", repeats: true });
    expect(d.positions).toBe("{1,1,2}");
    expect(d.values.map((x) => (x.v as Date).toISOString())).toEqual(["2026-12-01T06:00:00.000Z", "2026-12-01T06:00:00.001Z"]);
  });
});
