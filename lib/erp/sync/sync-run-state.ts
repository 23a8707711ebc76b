// A sync run's bookkeeping (SyncRun row): per-table progress with resumable cursors, the lease that keeps
// one process on it, and the rule that a stopped run (error or crash) is resumed by the next sync of its kind.
import { hostname } from "node:os";
import { db, type Prisma, type SyncKind } from "../../db";

export const SYNC_TABLES = ["customers", "contracts", "logins", "invoices"] as const;
export type SyncTable = (typeof SYNC_TABLES)[number];

export interface TableProgress {
  table: SyncTable;
  done: number;
  /** Rows the ERP reported for this table in this run (done + remaining at the last page); null before the first page. */
  total: number | null;
  skipped: number;
  cursor: number;
  finished: boolean;
}

/** A run whose heartbeat is older than this is taken over (its process is gone). */
export const STALE_AFTER_MS = 60_000;

export const LEASE_HOLDER = `${hostname()}:${process.pid}`;

export interface ClaimedRun {
  id: number;
  kind: SyncKind;
  changedSince: Date | null;
  startedAt: Date;
  tables: TableProgress[];
  resumed: boolean;
}

function isAliveHere(holder: string | null): boolean {
  if (!holder) return false;
  const [host, pid] = holder.split(":");
  if (host !== hostname()) return true; // another machine: only the heartbeat can tell
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch {
    return false;
  }
}

export function freshTables(tables: readonly SyncTable[]): TableProgress[] {
  return tables.map((table) => ({ table, done: 0, total: null, skipped: 0, cursor: 0, finished: false }));
}

/**
 * Takes the latest unfinished run of `kind` when it stopped (failed, or its process died), or starts a new
 * one. Throws when a live process is running one (a sync runs once across instances).
 */
export async function claimRun(kind: SyncKind, source: string, make: () => { tables: TableProgress[]; changedSince: Date | null }): Promise<ClaimedRun> {
  const last = await db.syncRun.findFirst({ where: { kind }, orderBy: { id: "desc" } });
  if (last && last.status !== "SUCCEEDED") {
    const stale = last.status === "FAILED" || Date.now() - last.heartbeatAt.getTime() > STALE_AFTER_MS || !isAliveHere(last.leaseHolder);
    if (!stale) throw new SyncBusyError(`Já há uma sincronização ${kind} em andamento (${last.leaseHolder}, execução ${last.id}).`);
    // Guarded: of two processes resuming at once, one wins.
    const taken = await db.syncRun.updateMany({
      where: { id: last.id, heartbeatAt: last.heartbeatAt, status: last.status },
      data: { status: "RUNNING", leaseHolder: LEASE_HOLDER, heartbeatAt: new Date(), error: null, finishedAt: null },
    });
    if (taken.count === 0) throw new SyncBusyError(`Outra instância acabou de retomar a execução ${last.id}.`);
    return { id: last.id, kind, changedSince: last.changedSince, startedAt: last.startedAt, tables: last.tables as unknown as TableProgress[], resumed: true };
  }
  const { tables, changedSince } = make();
  const run = await db.syncRun.create({
    data: { kind, source, tables: tables as unknown as Prisma.InputJsonValue, changedSince, leaseHolder: LEASE_HOLDER },
  });
  return { id: run.id, kind, changedSince, startedAt: run.startedAt, tables, resumed: false };
}

export class SyncBusyError extends Error {}
