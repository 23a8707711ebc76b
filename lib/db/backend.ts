// The one place that knows which database runs: embedded PGlite (DATABASE_URL unset) or a
// PostgreSQL server (DATABASE_URL set). Everything else sees a Prisma client and `exec`/`query`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { getEnv } from "../env";
import { postgresSsl } from "./postgres-ssl";
import { keepConnectionsOnRefusedStatements } from "./keep-connections";
import { acquireDataDirLock } from "./data-dir-lock";
import { pglitePostgresErrorKinds } from "./pglite-unique-violation";

export type BackendKind = "pglite" | "postgresql";

/**
 * What the set-based writers (bulk-insert, bulk-upsert, the ERP and plant upserts) need from a transaction: the
 * two raw-SQL methods of Prisma's transaction client, so they run inside a Prisma transaction or inside
 * Backend.transaction alike. Rows come as the caller's SQL shapes them (cast counts to int: the driver answers
 * bigint as text, Prisma as BigInt).
 */
export interface SqlTx {
  $queryRawUnsafe<T = unknown>(sql: string, ...params: unknown[]): Promise<T>;
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
}

export interface Backend {
  kind: BackendKind;
  /** A human description without secrets, for logs. */
  label: string;
  adapter: SqlDriverAdapterFactory;
  /** Runs SQL that may hold several statements (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs one parameterised statement and returns its rows. `prepared`: a name under which PostgreSQL keeps
   * the statement parsed and planned per pooled connection (for hot statements whose planning costs about as
   * much as running them); PGlite runs in-process and ignores it.
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[], opts?: { prepared?: string }): Promise<T[]>;
  /**
   * Runs SQL for a library that brings its own statements (the job queue): parameterised text as one statement,
   * parameterless text possibly holding several statements; returns the rows of the last one.
   */
  execSql(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs `fn` in one transaction on one connection, straight on the driver: committed when `fn` resolves, rolled
   * back when it throws. For hot paths whose statements are already SQL (the ERP sync's pages): Prisma's query
   * compiler costs as much CPU per large statement as the database spends running it.
   */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// PostgreSQL connections per app instance (process). Default 10: a worker runs JavaScript on one core, so
// more connections than that rarely help; the sum over every instance must stay below max_connections.
const PG_POOL_SIZE = Number(process.env.RAIO_PG_POOL_SIZE ?? 10);
// How long an idle connection stays open (ms). node-postgres closes them after 10 s by default; then each step up
// in load (a chatbot's morning, an outage) opened connections again, and each new connection parsed and planned
// the diagnostics statement afresh, on both cores, exactly when requests queued. Ten minutes keeps the pool the
// warm-up opened across the quiet moments of a working day.
const PG_IDLE_TIMEOUT_MS = Number(process.env.RAIO_PG_IDLE_TIMEOUT_MS ?? 600_000);

export function createBackend(): Backend {
  const env = getEnv();
  if (env.DATABASE_URL) return createPostgresBackend(env.DATABASE_URL);
  return createPgliteBackend(env.RAIO_DATA_DIR);
}

const TIMESTAMP_OID = 1114; // timestamp without time zone

/** "2026-11-30 21:38:00.123" (a `timestamp` as PostgreSQL writes it) → that instant in UTC. */
function parseUtcTimestamp(text: string): Date | string {
  if (text === "infinity" || text === "-infinity") return text;
  return new Date(`${text.replace(" ", "T")}Z`);
}

function createPostgresBackend(url: string): Backend {
  const u = new URL(url);
  // Host, port, user and database are passed separately (a connectionString confuses the shadow DB).
  const config: pg.PoolConfig = {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)),
    max: PG_POOL_SIZE,
    idleTimeoutMillis: PG_IDLE_TIMEOUT_MS,
    allowExitOnIdle: true,
  };
  const socketDir = u.searchParams.get("host");
  if (socketDir) config.host = socketDir;
  const ssl = postgresSsl(u.searchParams);
  if (ssl) config.ssl = ssl;
  // Prisma keeps DateTime as UTC in `timestamp(3)` (no time zone). The app's own SQL must agree whatever the
  // process's TZ: a Date parameter is sent as UTC text, and a `timestamp` column is read back as UTC (node-pg
  // would use the local zone for both, so a server with TZ=America/Sao_Paulo was three hours off). Prisma's
  // adapter formats and parses its own values and is not affected.
  pg.defaults.parseInputDatesAsUTC = true;
  config.types = { getTypeParser: ((oid: number, format?: "text" | "binary") => (oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser };
  // A refused statement keeps its connection (./keep-connections.ts).
  const pool = keepConnectionsOnRefusedStatements(new pg.Pool(config));
  // An idle client error (server restart) must not crash the process.
  pool.on("error", (err) => console.error("[db] erro em conexão ociosa do PostgreSQL:", err.message));
  return {
    kind: "postgresql",
    label: `PostgreSQL ${config.host}:${config.port}/${config.database}`,
    adapter: new PrismaPg(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async query(sql, params, opts) {
      const res = opts?.prepared
        ? await pool.query({ name: opts.prepared, text: sql, values: params as unknown[] })
        : await pool.query(sql, params as unknown[]);
      return res.rows;
    },
    async execSql(sql, params) {
      // Parameterless multi-statement text answers one result per statement (simple query protocol).
      const res = (await pool.query(sql, params?.length ? params : undefined)) as pg.QueryResult | pg.QueryResult[];
      const last = Array.isArray(res) ? res[res.length - 1] : res;
      return { rows: last?.rows ?? [] };
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query("BEGIN");
        const result = await fn({
          $queryRawUnsafe: async <T,>(sql: string, ...params: unknown[]) => (await client.query(sql, params)).rows as T,
          $executeRawUnsafe: async (sql: string, ...params: unknown[]) => (await client.query(sql, params)).rowCount ?? 0,
        });
        await client.query("COMMIT");
        return result;
      } catch (err) {
        // A connection that cannot even roll back is dropped, not returned to the pool.
        await client.query("ROLLBACK").catch((e: Error) => (broken = e));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    async close() {
      await pool.end();
    },
  };
}

// The app's own SQL on PGlite reads a `timestamp` as UTC too (PGlite's default parser takes it as local time);
// Dates go out as ISO text in UTC already. Prisma's adapter passes its own parsers.
const RAW_QUERY_OPTIONS = { parsers: { [TIMESTAMP_OID]: (text: string) => parseUtcTimestamp(text) } };

function createPgliteBackend(dataDir: string): Backend {
  const inMemory = dataDir.startsWith("memory://");
  if (!inMemory) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // One process per folder (./data-dir-lock.ts): a second one stops here, naming the holder.
  const lock = inMemory ? null : acquireDataDirLock(dataDir);
  const client = new PGlite({
    dataDir: inMemory ? undefined : dataDir,
    // Without this, crash recovery after an unclean stop re-arms a progress timer forever.
    startParams: [...PGlite.defaultStartParams, "-c", "log_startup_progress_interval=0"],
    // The search box's trigram indexes (migration 20261123220000_search_indexes).
    extensions: { pg_trgm },
  });
  let closed = false;
  return {
    kind: "pglite",
    label: inMemory ? "PGlite (memória)" : `PGlite ${dataDir}`,
    adapter: pglitePostgresErrorKinds(new PrismaPGlite(client) as unknown as SqlDriverAdapterFactory),
    async exec(sql) {
      await client.exec(sql);
    },
    async query(sql, params) {
      const res = await client.query(sql, params as unknown[], RAW_QUERY_OPTIONS);
      return res.rows as never;
    },
    async execSql(sql, params) {
      // PGlite's query() prepares its text, which refuses several statements: parameterless text goes through exec().
      if (params?.length) return { rows: (await client.query(sql, params, RAW_QUERY_OPTIONS)).rows as Record<string, unknown>[] };
      const results = await client.exec(sql);
      return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
    },
    async transaction(fn) {
      // PGlite runs one transaction at a time: other statements (Prisma's included) wait for it.
      return client.transaction((t) =>
        fn({
          $queryRawUnsafe: async <T,>(sql: string, ...params: unknown[]) => (await t.query(sql, params, RAW_QUERY_OPTIONS)).rows as T,
          $executeRawUnsafe: async (sql: string, ...params: unknown[]) => (await t.query(sql, params, RAW_QUERY_OPTIONS)).affectedRows ?? 0,
        }),
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
