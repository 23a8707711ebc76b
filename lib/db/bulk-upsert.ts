// Upserts many rows by a unique key with ONE statement per chunk (the arrays-and-unnest() way of
// ./bulk-insert.ts): references to other tables given by their external ids are resolved by a join in the same
// statement, a row whose values did not change is not written (no dead tuple, no trigger, no updatedAt
// move), and the statement answers how many rows it received, how many it could resolve, how many it wrote
// and, when the spec names `moved` columns, how many are new or "moved" (one of those columns changed). Same SQL on PGlite and PostgreSQL.
import type { SqlTx } from "./backend";
import { arrayType, cast, toParam, type BulkColumn } from "./bulk-insert";

/** A column holding the id of the `table` row whose `by` column equals the row's value (an external id). */
export interface RefColumn {
  name: string;
  table: string;
  by?: string;
}

export interface UpsertSpec {
  table: string;
  /** The unique column rows are matched on ("externalId"). */
  key: string;
  /** Written columns besides the key and the references (values as in ./bulk-insert.ts). */
  columns: readonly BulkColumn[];
  refs?: readonly RefColumn[];
  /** Columns whose change counts the row as moved (new rows always count); without them nothing is counted as moved. */
  moved?: readonly string[];
  /** A column set to CURRENT_TIMESTAMP whenever the row is written ("updatedAt"). */
  touch?: string;
}

export interface UpsertCounts {
  written: number;
  moved: number;
}

/** Rows per statement: a few thousand keep each statement's arrays and plan small. */
const CHUNK = 5_000;

const q = (name: string) => `"${name}"`;

/**
 * Rows are records by column name (the key, every column, and each reference's external id under the
 * reference's name). Duplicate keys: the last row wins. Throws when a reference does not resolve (callers check
 * references first; a row is never silently dropped).
 */
export async function bulkUpsert(tx: SqlTx, spec: UpsertSpec, rows: readonly Record<string, unknown>[]): Promise<UpsertCounts> {
  const byKey = new Map<unknown, Record<string, unknown>>();
  for (const row of rows) byKey.set(row[spec.key], row);
  const unique = [...byKey.values()];
  const total: UpsertCounts = { written: 0, moved: 0 };
  for (let i = 0; i < unique.length; i += CHUNK) {
    const counts = await upsertChunk(tx, spec, unique.slice(i, i + CHUNK));
    total.written += counts.written;
    total.moved += counts.moved;
  }
  return total;
}

async function upsertChunk(tx: SqlTx, spec: UpsertSpec, rows: readonly Record<string, unknown>[]): Promise<UpsertCounts> {
  const refs = spec.refs ?? [];
  const columns: BulkColumn[] = [{ name: spec.key, type: "text" }, ...spec.columns];
  // unnest's columns: c0…cN the table's columns, then one text column per reference (the external id).
  const travelling: BulkColumn[] = [...columns, ...refs.map((r) => ({ name: r.name, type: "text" }))];
  const arrays = travelling.map((c) => rows.map((r) => toParam(r[c.name], c.type)));
  const refAt = (j: number) => columns.length + j;
  const written = [...spec.columns.map((c) => c.name), ...refs.map((r) => r.name)];
  const moved = spec.moved ?? [];
  const row = (alias: string, names: readonly string[]) => `(${names.map((n) => `${alias}.${q(n)}`).join(", ")})`;
  const sql = `
    WITH v AS (
      SELECT * FROM unnest(${travelling.map((c, i) => `$${i + 1}::${arrayType(c.type)}`).join(", ")}) AS v(${travelling.map((_, i) => `c${i}`).join(", ")})
    ), src AS (
      SELECT ${[...columns.map((c, i) => `${cast(c, i)} AS ${q(c.name)}`), ...refs.map((r, j) => `r${j}.id AS ${q(r.name)}`)].join(", ")}
        FROM v ${refs.map((r, j) => `JOIN ${q(r.table)} r${j} ON r${j}.${q(r.by ?? "externalId")} = v.c${refAt(j)}`).join(" ")}
    )${moved.length ? `, moved AS (
      SELECT 1 FROM src LEFT JOIN ${q(spec.table)} t ON t.${q(spec.key)} = src.${q(spec.key)}
       WHERE t.id IS NULL OR ${row("t", moved)} IS DISTINCT FROM ${row("src", moved)}
    )` : ""}, up AS (
      INSERT INTO ${q(spec.table)} AS t (${[spec.key, ...written].map(q).join(", ")})
      SELECT ${[spec.key, ...written].map(q).join(", ")} FROM src
      ON CONFLICT (${q(spec.key)}) DO UPDATE SET ${[...written.map((n) => `${q(n)} = EXCLUDED.${q(n)}`), ...(spec.touch ? [`${q(spec.touch)} = CURRENT_TIMESTAMP`] : [])].join(", ")}
       WHERE ${row("t", written)} IS DISTINCT FROM ${row("EXCLUDED", written)}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM v)::int AS given, (SELECT count(*) FROM src)::int AS matched,
           (SELECT count(*) FROM up)::int AS written, ${moved.length ? `(SELECT count(*) FROM moved)::int` : "0"} AS moved`;
  const [counts] = await tx.$queryRawUnsafe<{ given: number; matched: number; written: number; moved: number }[]>(sql, ...arrays);
  if (!counts || counts.matched !== counts.given) {
    throw new Error(`${spec.table}: ${(counts?.given ?? 0) - (counts?.matched ?? 0)} linha(s) referenciam ${refs.map((r) => r.table).join("/")} inexistente(s)`);
  }
  return { written: counts.written, moved: counts.moved };
}
