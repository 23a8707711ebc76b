// Inserts many rows with ONE statement per table: each column travels as one array parameter and
// unnest() turns the arrays back into rows. Works the same on PGlite and PostgreSQL, and is an order of
// magnitude faster than row-by-row inserts for the seeder and the benchmarks' data.
import type { SqlTx } from "./backend";
import { floatText } from "./exact-float";

/** A column and its SQL type ("int", "text", "float8", "bool", "timestamp(3)", "date", or an enum name). */
export interface BulkColumn {
  name: string;
  type: string;
  /**
   * Its values repeat (a constant, an enum, a sentence shared by many rows): each distinct value travels once
   * and the rows carry its position. Much less text to send, parse and cast: a Discount row per contract
   * repeats the order, the rule, the status, the actor, the instant and a few reasons 45,000 times, and Prisma
   * serializes every raw parameter as JSON on the way (~60 ms per MB here).
   */
  repeats?: boolean;
}

const BASE_TYPES = new Set(["int", "bigint", "text", "float8", "bool", "timestamp(3)", "date"]);
/** Base types sent as text and cast in SQL. */
const TEXT_TRAVEL = new Set(["float8", "timestamp(3)", "date"]);

/** A JavaScript value as the array element its column travels as (also used by ./bulk-upsert.ts). */
export function toParam(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (type === "float8") return floatText(value as number);
  if (value instanceof Date) return type === "date" ? value.toISOString().slice(0, 10) : value.toISOString();
  return value;
}

// Enums travel as text[] and are cast per row; timestamps travel as ISO text (UTC, as Prisma stores them);
// doubles travel as text, converted exactly by PostgreSQL (./exact-float.ts).
const asText = (t: string) => !BASE_TYPES.has(t) || TEXT_TRAVEL.has(t);
/** The array type a column's values travel as: `$n::<arrayType>`. */
export const arrayType = (t: string) => (asText(t) ? "text[]" : `${t}[]`);
/** The SQL name of a column type (enums quoted). */
const sqlType = (t: string) => (BASE_TYPES.has(t) ? t : `"${t}"`);
/** The SQL that turns unnest()'s column `c<i>` back into the column's type. */
export const cast = (c: BulkColumn, i: number) => (asText(c.type) ? `c${i}::${sqlType(c.type)}` : `c${i}`);

const UNQUOTED = new Set(["int", "bigint", "float8", "bool"]);
const ESCAPED = /["\\]/g;

/**
 * One column of `rows` as the text of a PostgreSQL array literal (`{1,2,NULL}`, `{"a","b \\"c\\""}`), written in
 * one pass: the same array the driver would make of toParam's values, at a fraction of the CPU (for a million
 * customers the seed sends over a gigabyte of these). PostgreSQL parses it as the parameter's array type.
 */
export function arrayLiteral(rows: readonly Record<string, unknown>[], column: BulkColumn): string {
  const { name, type } = column;
  const unquoted = UNQUOTED.has(type);
  const parts = new Array<string>(rows.length);
  // Dates repeat a lot in bulk data (due dates, cycle starts, day-granular timestamps), and toISOString is the
  // dearest part of the conversion: each distinct instant is formatted once per column.
  const dates = new Map<number, string>();
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![name];
    if (raw instanceof Date) {
      const time = raw.getTime();
      let text = dates.get(time);
      if (text === undefined) dates.set(time, (text = `"${toParam(raw, type) as string}"`));
      parts[i] = text;
      continue;
    }
    const value = toParam(raw, type);
    if (value === null) parts[i] = "NULL";
    else if (unquoted && typeof value !== "string") parts[i] = type === "bool" ? (value ? "t" : "f") : String(value);
    else {
      const text = String(value);
      parts[i] = `"${text.replace(ESCAPED, "\\$&")}"`;
    }
  }
  return `{${parts.join(",")}}`;
}

export async function bulkInsert(
  tx: SqlTx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  opts: { onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const params: string[] = [];
  const selects = columns.map((c, i) => {
    if (!c.repeats) {
      params.push(arrayLiteral(rows, c));
      return { unnest: `$${params.length}::${arrayType(c.type)}`, value: cast(c, i) };
    }
    const { values, positions } = dictionary(rows, c);
    params.push(arrayLiteral(values, { name: "v", type: c.type }));
    const dict = `($${params.length}::${arrayType(c.type)})::${sqlType(c.type)}[]`;
    params.push(positions);
    return { unnest: `$${params.length}::int[]`, value: `(${dict})[c${i}]` };
  });
  const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")})
    SELECT ${selects.map((s) => s.value).join(", ")}
      FROM unnest(${selects.map((s) => s.unnest).join(", ")}) AS t(${columns.map((_, i) => `c${i}`).join(", ")})
    ${opts.onConflictDoNothing ? "ON CONFLICT DO NOTHING" : ""}`;
  return tx.$executeRawUnsafe(sql, ...params);
}

/**
 * A repeating column as its distinct values (`{ v }` rows, in first-seen order) and each row's 1-based position
 * among them as an int[] literal (NULL for a null value). Dates count as equal by their instant.
 */
export function dictionary(rows: readonly Record<string, unknown>[], column: BulkColumn): { values: { v: unknown }[]; positions: string } {
  const seen = new Map<unknown, number>();
  const values: { v: unknown }[] = [];
  const parts = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const raw = rows[i]![column.name];
    if (raw === null || raw === undefined) {
      parts[i] = "NULL";
      continue;
    }
    const key = raw instanceof Date ? raw.getTime() : raw;
    let at = seen.get(key);
    if (at === undefined) {
      values.push({ v: raw });
      seen.set(key, (at = values.length));
    }
    parts[i] = String(at);
  }
  return { values, positions: `{${parts.join(",")}}` };
}
