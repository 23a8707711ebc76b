// Bulk loads into empty tables: the secondary indexes (every index but the primary key) are dropped before
// the load and built once after it. Building an index over a million rows in one pass is several times
// faster than maintaining it row by row, above all the trigram (GIN) indexes of the search box. The index
// definitions are read from the catalogue, so this follows the migrations without listing them here.
import type { Backend } from "./backend";

// Memory for each index build (PostgreSQL's default, 64 MB, spills the sort of a million keys to disk).
const INDEX_BUILD_MEMORY = "256MB";

export async function withIndexesDeferred<T>(backend: Backend, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes = await backend.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  );
  for (const ix of indexes) await backend.exec(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  let result: T;
  try {
    result = await load();
  } finally {
    // Built side by side (each on its own connection on PostgreSQL): the server uses every core.
    await Promise.all(indexes.map((ix) => backend.exec(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'; ${ix.def}`)));
  }
  return result;
}
