// The ERP sync: pulls customers, contracts, logins and invoices through a connector and writes them with the
// import's one path (row schemas + upsertErpRows), a page at a time.
// - FULL pulls everything; at its end, contracts and logins that came from the ERP and that it no longer has
//   become inactive (never deleted: their history stays). INCREMENTAL pulls rows whose ultima_atualizacao moved since the last
//   successful sync's start, minus an overlap (rows changed in the same second, clocks a little apart).
// - Each page (contracts and invoices: each batch of pages, BATCH_ROWS) is one transaction: its good rows,
//   its skipped rows (SyncIssue: table, ERP id, field, why), and the run's cursor move together, so a run
//   stopped anywhere (error, kill -9) resumes after its last written page and ends with the same database.
// - Bad rows (bad CPF, unknown plan, missing field, a CPF or login that belongs to another record) are
//   skipped and reported; they never abort the rest and never overwrite good data.
import { db, getBackend, type Prisma, type SyncKind } from "../../db";
import { bulkInsert, type BulkColumn } from "../../db/bulk-insert";
import { probeByIndex } from "../../db/probe-by-index";
import { upsertErpRows, type ErpRows } from "../../import/upsert-erp-rows";
import { byKeys, checkErpReferences, parseErpRows, type ParsedErpRow, type ParsedPage } from "../check-erp-rows";
import type { ErpConnector, SkippedRow } from "../connector";
import { syncErpPlant } from "../../topology/sync-erp-plant";
import { claimRun, freshTables, LEASE_HOLDER, SYNC_TABLES, type SyncTable, type TableProgress } from "./sync-run-state";

/** Incremental overlap: rows updated up to this long before the last sync started are pulled again. */
export const DEFAULT_OVERLAP_MS = 10 * 60_000;
/** The end-of-run deactivation may touch every contract and login: far above Prisma's 5 s default. */
const END_TX_TIMEOUT_MS = 120_000;
/**
 * Contracts and invoices are written BATCH_ROWS rows (several pages) per transaction: their rows refer only to
 * earlier tables, so a page's checks do not depend on the pages before it in the same table, and one
 * transaction of 2,500 rows costs far less than five of 500 (statements, plans, round trips, cursor writes).
 * Customers and logins stay a page per transaction: a CPF or a username (or a CTO port) may move between rows
 * of different pages, and each page is checked against the ones committed before it.
 */
const BATCHED: ReadonlySet<SyncTable> = new Set(["contracts", "invoices"]);
const BATCH_ROWS = 2_500;
/** Most skipped rows kept per run (the count is exact; the list stops here). */
const MAX_ISSUES_PER_RUN = 5_000;
const SYNC_ISSUE_COLUMNS: BulkColumn[] = [
  { name: "runId", type: "int" },
  { name: "table", type: "text" },
  { name: "externalId", type: "text" },
  { name: "field", type: "text" },
  { name: "message", type: "text" },
  { name: "at", type: "timestamp(3)" },
];

export interface SyncProgress {
  runId: number;
  table: SyncTable;
  tables: TableProgress[];
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export interface SyncOptions {
  kind: "FULL" | "INCREMENTAL";
  tables?: readonly SyncTable[];
  overlapMs?: number;
  onProgress?: (p: SyncProgress) => void;
  /** Test hook: stop (throw) after this many pages, as a crash would. */
  stopAfterPages?: number;
}

export interface SyncOutcome {
  runId: number;
  kind: SyncKind;
  resumed: boolean;
  rows: number;
  skipped: number;
  deactivated: { contracts: number; logins: number };
}

async function lastSuccessStart(): Promise<Date | null> {
  const last = await db.syncRun.findFirst({
    where: { status: "SUCCEEDED", kind: { in: ["FULL", "INCREMENTAL"] } },
    orderBy: { startedAt: "desc" },
    select: { startedAt: true },
  });
  return last?.startedAt ?? null;
}

export async function runSync(connector: ErpConnector, opts: SyncOptions): Promise<SyncOutcome> {
  const tables = opts.tables ?? SYNC_TABLES;
  const since = opts.kind === "INCREMENTAL" ? await lastSuccessStart() : null;
  // No successful sync yet: an incremental run is a full one.
  const kind: SyncKind = opts.kind === "INCREMENTAL" && since ? "INCREMENTAL" : "FULL";
  const run = await claimRun(kind, connector.kind, () => ({
    tables: freshTables(tables),
    changedSince: since ? new Date(since.getTime() - (opts.overlapMs ?? DEFAULT_OVERLAP_MS)) : null,
  }));
  const started = performance.now();
  let rowsThisProcess = 0;
  let pages = 0;
  // One page's transaction may be in the database while the next page is read and mapped here (two cores at
  // work instead of one); `settle` waits for it, and rethrows its failure.
  let pending: Promise<void> | null = null;
  const settle = async () => {
    const p = pending;
    pending = null;
    await p;
  };
  try {
    for (const progress of run.tables) {
      if (progress.finished) continue;
      // topo (issue 17): the FTTH plant first, so that the logins find the CTOs they hang from.
      // (Full runs only: the ONU table is as long as the fibre logins; an incremental run skips, and reports,
      // a login whose CTO is newer than the last full sync.)
      if (progress.table === "logins" && run.kind === "FULL") await syncErpPlant(connector, run.id);
      // Pages waiting to be written together (see BATCH_ROWS): parsed rows and refused ones.
      let held: ParsedPage = { parsed: [], skipped: [] };
      const flush = async () => {
        const page = held;
        held = { parsed: [], skipped: [] };
        // References and ownership are checked against every earlier page committed. Contracts and invoices
        // refer only to earlier tables (committed before this one started): their check runs while the batch
        // before is still being written.
        if (!BATCHED.has(progress.table)) await settle();
        const { good, skipped } = await checkErpReferences(progress.table, page);
        await settle();
        progress.skipped += skipped.length;
        // The cursors as of this batch's last page (the loop moves on before the transaction commits).
        pending = writePage(run.id, progress.table, good, skipped, structuredClone(run.tables));
        pending.catch(() => undefined); // rethrown by settle()
      };
      for await (const batch of connector.pull(progress.table, { changedSince: run.changedSince, afterId: progress.cursor, contractTechnology })) {
        const page = parseErpRows(progress.table, batch.rows, batch.skipped);
        held.parsed.push(...page.parsed);
        held.skipped.push(...page.skipped);
        progress.done += batch.rows.length + batch.skipped.length;
        progress.cursor = batch.cursor;
        progress.total = progress.done + batch.remaining;
        if (batch.remaining === 0) progress.finished = true;
        if (!BATCHED.has(progress.table) || held.parsed.length + held.skipped.length >= BATCH_ROWS || batch.remaining === 0) await flush();
        rowsThisProcess += batch.rows.length + batch.skipped.length;
        pages++;
        const elapsed = (performance.now() - started) / 1000;
        const rowsPerSecond = elapsed > 0 ? rowsThisProcess / elapsed : 0;
        const left = run.tables.reduce((n, t) => n + (t.total === null ? 0 : t.total - t.done), 0);
        opts.onProgress?.({ runId: run.id, table: progress.table, tables: run.tables, rowsPerSecond, etaSeconds: rowsPerSecond > 0 ? left / rowsPerSecond : null });
        if (opts.stopAfterPages !== undefined && pages >= opts.stopAfterPages) {
          // As a crash would: pages held for the next batch are lost, and pulled again on resume.
          await settle();
          throw new Error("parada de teste (stopAfterPages)");
        }
      }
      if (held.parsed.length || held.skipped.length) await flush();
      // The next table's pages refer to this one's rows (and the connector may look them up).
      await settle();
      if (!progress.finished) {
        progress.finished = true;
        await db.syncRun.update({ where: { id: run.id }, data: { tables: run.tables as unknown as Prisma.InputJsonValue, heartbeatAt: new Date() } });
      }
    }
    const deactivated = run.kind === "FULL" && tables.length === SYNC_TABLES.length ? await deactivateMissing(run.id) : { contracts: 0, logins: 0 };
    const totals = run.tables.reduce((a, t) => ({ rows: a.rows + t.done, skipped: a.skipped + t.skipped }), { rows: 0, skipped: 0 });
    await db.syncRun.update({ where: { id: run.id }, data: { status: "SUCCEEDED", finishedAt: new Date(), heartbeatAt: new Date(), ...totals } });
    return { runId: run.id, kind: run.kind, resumed: run.resumed, ...totals, deactivated };
  } catch (err) {
    // A page still in the database finishes (or fails) before the run is marked failed.
    await (pending as Promise<void> | null)?.catch(() => undefined);
    // IxcError messages carry IXC's own words.
    const message = err instanceof Error ? err.message : String(err);
    await db.syncRun.update({ where: { id: run.id }, data: { status: "FAILED", error: message.slice(0, 2_000), heartbeatAt: new Date() } }).catch(() => undefined);
    throw err;
  }
}

/** Contract external id → its plan's technology, from Raio's copy (PullOptions.contractTechnology). */
async function contractTechnology(contractIds: string[]): Promise<Map<string, string>> {
  const rows = await byKeys<{ e: string; technology: string }>("Contract", "externalId",
    `t."externalId" AS e, (SELECT p.technology::text FROM "Plan" p WHERE p.id = t."planId") AS technology`, contractIds);
  return new Map(rows.map((c) => [c.e, c.technology]));
}

async function writePage(runId: number, table: SyncTable, good: ParsedErpRow[], skipped: SkippedRow[], tables: TableProgress[]): Promise<void> {
  const rows: ErpRows = { customers: [], contracts: [], logins: [], invoices: [] };
  (rows[table] as ParsedErpRow[]) = good;
  // Straight on the driver (lib/db/backend): every statement here is SQL already, and Prisma's query compiler
  // spent as much CPU per page as the database (its arrays of thousands of values go through it whole).
  await getBackend().transaction(async (tx) => {
    // A page's rows find their references and existing rows by index, however large the tables have grown.
    await probeByIndex(tx);
    if (good.length) await upsertErpRows(tx, rows);
    if ((table === "contracts" || table === "logins") && good.length) {
      // Known from the ERP, seen by this run (one statement: insert or move runId forward).
      await tx.$executeRawUnsafe(
        `INSERT INTO "SyncSeen" ("table", "externalId", "runId") SELECT $1, e, $2 FROM unnest($3::text[]) AS e
         ON CONFLICT ("table", "externalId") DO UPDATE SET "runId" = GREATEST("SyncSeen"."runId", EXCLUDED."runId")`,
        table, runId, good.map((r) => r.external_id),
      );
    }
    const now = new Date();
    if (skipped.length) {
      const kept = (await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "SyncIssue" WHERE "runId" = $1`, runId))[0]!.n;
      const room = Math.max(0, MAX_ISSUES_PER_RUN - kept);
      const issues = skipped.slice(0, room).map((s) => ({ runId, table: s.table, externalId: s.id, field: s.field, message: s.message.slice(0, 500), at: now }));
      await bulkInsert(tx, "SyncIssue", SYNC_ISSUE_COLUMNS, issues);
    }
    // The cursor moves with the page it covers (guarded by the lease: a process that lost the run writes nothing).
    const updated = await tx.$executeRawUnsafe(
      `UPDATE "SyncRun" SET tables = $1::jsonb, "heartbeatAt" = $2::timestamp(3)
        WHERE id = $3 AND "leaseHolder" = $4 AND status = 'RUNNING'`,
      JSON.stringify(tables), now.toISOString(), runId, LEASE_HOLDER,
    );
    if (updated === 0) throw new Error(`a execução ${runId} foi retomada por outro processo`);
  });
}

/**
 * After a full sync: contracts and logins that came from the ERP before but that this run did not see are gone
 * from the ERP; they become inactive, with their history kept (never deleted). Rows that never came from the
 * ERP are not touched.
 */
async function deactivateMissing(runId: number): Promise<{ contracts: number; logins: number }> {
  return db.$transaction(async (tx) => {
    const contracts = await tx.$executeRawUnsafe(
      `UPDATE "Contract" c SET status = 'INATIVO'
         FROM "SyncSeen" s
        WHERE s."table" = 'contracts' AND s."runId" < $1 AND s."externalId" = c."externalId" AND c.status <> 'INATIVO'`,
      runId,
    );
    const logins = await tx.$executeRawUnsafe(
      `UPDATE "Login" l SET status = 'INATIVO', online = false, "updatedAt" = CURRENT_TIMESTAMP
         FROM "SyncSeen" s
        WHERE s."table" = 'logins' AND s."runId" < $1 AND s."externalId" = l."externalId" AND (l.status <> 'INATIVO' OR l.online)`,
      runId,
    );
    return { contracts, logins };
  }, { timeout: END_TX_TIMEOUT_MS });
}
