// pg-pool's query() drops the connection whenever a statement fails, a statement PostgreSQL merely refused
// (a unique violation, a bad value) included. Each drop costs a new connection on the next query: a backend
// fork, authentication, and every hot statement prepared and planned again. pg-boss's poll of a "stately" queue
// whose job is still active fails that way by design (every 2 s per process per such queue), so after a crash
// left a job active the pool replaced a connection every second or so, under whatever load was running; the
// chatbot API's slowest requests came in those moments.
//
// Here a refused statement keeps its connection: the server answered, so the socket is fine, and a ROLLBACK
// ends whatever transaction a multi-statement text may have left open and failed (pg-boss's maintenance runs
// BEGIN … COMMIT in one text). Anything else (a socket error, a ROLLBACK that fails) still drops it.
import pg from "pg";

type QueryFn = (...args: unknown[]) => unknown;

/** Makes `pool.query` (the promise form: the app's own SQL, pg-boss, Prisma's adapter) keep connections on refused statements. */
export function keepConnectionsOnRefusedStatements(pool: pg.Pool): pg.Pool {
  const poolQuery = pool.query.bind(pool) as QueryFn;
  const patched: QueryFn = (...args) => {
    // The callback form and submittables (cursors, streams) keep pg-pool's own handling.
    const submittable = typeof (args[0] as { submit?: unknown } | null)?.submit === "function";
    if (submittable || args.some((a) => typeof a === "function")) return poolQuery(...args);
    return queryKeepingConnection(pool, args[0], args[1]);
  };
  (pool as unknown as { query: QueryFn }).query = patched;
  return pool;
}

async function queryKeepingConnection(pool: pg.Pool, text: unknown, values: unknown): Promise<pg.QueryResult> {
  const client = await pool.connect();
  // A checked-out client has no listener for its 'error' event (pg-pool listens only while it is idle): a server
  // that shuts down mid-query would otherwise end the process with an uncaught "Connection terminated".
  let lost: Error | undefined;
  const onError = (err: Error) => (lost = err);
  client.on("error", onError);
  let result: pg.QueryResult;
  try {
    result = await client.query(text as string, values as unknown[]);
  } catch (err) {
    const reusable = !lost && (await reusableAfter(client, err));
    client.removeListener("error", onError);
    client.release(reusable ? undefined : ((lost ?? err) as Error));
    throw err;
  }
  client.removeListener("error", onError);
  client.release(lost);
  return result;
}

/**
 * True when PostgreSQL refused the statement (an ERROR: the session goes on; FATAL and PANIC end it, as a server
 * shutting down does) and a ROLLBACK then left the connection idle.
 */
async function reusableAfter(client: pg.PoolClient, err: unknown): Promise<boolean> {
  if (!(err instanceof pg.DatabaseError) || err.severity !== "ERROR") return false;
  try {
    await client.query("ROLLBACK"); // outside a transaction: only a warning
    return true;
  } catch {
    return false;
  }
}
