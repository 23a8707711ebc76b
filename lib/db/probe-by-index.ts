// Planner settings for a transaction that looks rows up by key a page at a time (the ERP sync's pages, the
// login status feed): every `unnest(keys) JOIN table ON table.key = k` and `UPDATE … FROM unnest(…)` is then
// answered by probing the key's unique b-tree, row by row.
// Why: with its default costs PostgreSQL prefers a hash join that reads the WHOLE referenced or target table
// for a page of 500 keys — cheap while the table is small, quadratic over a sync that is filling it (seen: a
// full sync of 100,000 customers read Contract and Invoice end to end once per page; 10× the rows, 24× the
// time). Bitmap scans stay off as well: with them `username = …` may be answered from Login.username's
// trigram GIN index (search box), whose pending list a sync that is filling the table makes long.
// The settings last until the transaction ends (set_config(…, true) = SET LOCAL): one statement, no reset.
import type { SqlTx } from "./backend";

export const PROBE_BY_INDEX_SQL = `SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
  set_config('enable_bitmapscan', 'off', true)`;

export async function probeByIndex(tx: SqlTx): Promise<void> {
  await tx.$queryRawUnsafe(PROBE_BY_INDEX_SQL);
}
