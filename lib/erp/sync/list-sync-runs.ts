// The sync history for Settings → Integrações: newest first, with progress (rows/s, ETA, per table), the
// ERP's own error message, the first skipped rows of each run, and the last success.
import { z } from "zod";
import { db } from "../../db";
import type { TableProgress } from "./sync-run-state";

/** Runs per answer: default and cap. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;
/** Skipped rows shown per run (the count is exact). */
const ISSUES_SHOWN = 20;

export const syncRunsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT, `no máximo ${MAX_LIMIT}`).default(DEFAULT_LIMIT),
  kind: z.enum(["FULL", "INCREMENTAL", "ONLINE"], { error: "kind: FULL, INCREMENTAL ou ONLINE" }).optional(),
});

export async function listSyncRuns(query: z.infer<typeof syncRunsQuerySchema>) {
  const [runs, lastSuccess] = await Promise.all([
    db.syncRun.findMany({
      where: query.kind ? { kind: query.kind } : {},
      orderBy: { id: "desc" },
      take: query.limit,
      include: { issues: { orderBy: { id: "asc" }, take: ISSUES_SHOWN, select: { table: true, externalId: true, field: true, message: true } } },
    }),
    db.syncRun.findFirst({ where: { status: "SUCCEEDED", kind: { in: ["FULL", "INCREMENTAL"] } }, orderBy: { finishedAt: "desc" }, select: { id: true, kind: true, finishedAt: true } }),
  ]);
  const now = Date.now();
  return {
    lastSuccess,
    runs: runs.map((r) => {
      const tables = r.tables as unknown as TableProgress[];
      const done = tables.reduce((n, t) => n + t.done, 0);
      const total = tables.reduce((n, t) => n + (t.total ?? 0), 0);
      const seconds = ((r.finishedAt?.getTime() ?? now) - r.startedAt.getTime()) / 1000;
      const rowsPerSecond = seconds > 0 ? done / seconds : 0;
      return {
        id: r.id, kind: r.kind, status: r.status, source: r.source, startedAt: r.startedAt, finishedAt: r.finishedAt,
        changedSince: r.changedSince, error: r.error, rows: done, skipped: tables.reduce((n, t) => n + t.skipped, 0),
        percent: total > 0 ? Math.min(100, Math.round((done / total) * 100)) : r.status === "SUCCEEDED" ? 100 : 0,
        rowsPerSecond: Math.round(rowsPerSecond),
        etaSeconds: r.status === "RUNNING" && rowsPerSecond > 0 && total > done ? Math.ceil((total - done) / rowsPerSecond) : null,
        tables, issues: r.issues,
      };
    }),
  };
}
