// Bulk loads into empty tables: the secondary indexes (every index but the primary key) and the foreign keys
// of the loaded tables are dropped before the load and made once after it. Building an index over a million
// rows in one pass is several times faster than maintaining it row by row, above all the trigram (GIN) indexes
// of the search box; checking a foreign key in one join is much cheaper than the per-row trigger (which also
// locks each referenced row). The definitions are read from the catalogue, so this follows the migrations
// without listing them here.
import type { Backend } from "./backend";

// Memory for each index build (PostgreSQL's default, 64 MB, spills the sort of a million keys to disk).
const INDEX_BUILD_MEMORY = "256MB";

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function withIndexesDeferred<T>(backend: Backend, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const indexes = await backend.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.contype IN ('p', 'u', 'x'))`,
    [tables],
  );
  const foreignKeys = await backend.query<{ table: string; name: string; def: string }>(
    `SELECT t.relname AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
      WHERE c.contype = 'f' AND t.relnamespace = current_schema()::regnamespace AND t.relname = ANY($1::text[])
      ORDER BY t.relname, c.conname`,
    [tables],
  );
  for (const fk of foreignKeys) await backend.exec(`ALTER TABLE ${quote(fk.table)} DROP CONSTRAINT ${quote(fk.name)}`);
  for (const ix of indexes) await backend.exec(`DROP INDEX ${quote(ix.name)}`);
  let result: T;
  try {
    result = await load();
  } finally {
    // Built side by side (each on its own connection on PostgreSQL): the server uses every core.
    await Promise.all(indexes.map((ix) => backend.exec(`SET maintenance_work_mem = '${INDEX_BUILD_MEMORY}'; ${ix.def}`)));
    // Then the foreign keys, each checked in one pass over its table (the referenced primary keys were kept).
    await Promise.all(foreignKeys.map((fk) => backend.exec(`ALTER TABLE ${quote(fk.table)} ADD CONSTRAINT ${quote(fk.name)} ${fk.def}`)));
  }
  return result;
}
