// ERP syncs as queue jobs (lib/queue): "erp-sync" (full or incremental) and "erp-online" (the online refresh).
// Both queues are singletons: one job runs at a time across every app instance. A failed job is retried with
// back-off, and the retry resumes the stopped run from its cursors (run-sync.ts). A job still active after
// its expiry (its process died) is retried the same way.
import { getQueue, sendJob, type QueueDefinition, type QueueWorker } from "../../queue/queue";
import { getErpConnection, isErpConfigured } from "../erp-connection";
import { openErpConnector } from "../open-connector";
import { refreshOnline } from "./refresh-online";
import { runSync } from "./run-sync";
import type { SyncTable } from "./sync-run-state";

export interface SyncJob {
  kind: "FULL" | "INCREMENTAL";
  tables?: SyncTable[];
}

export const SYNC_QUEUE: QueueDefinition<SyncJob> = {
  name: "erp-sync",
  policy: "singleton",
  retryLimit: 5,
  // 30 s base: retries after 30–60 s, 1–2 min, 2–4 min… an ERP that is down gets time to come back.
  retryDelaySeconds: 30,
  // A full sync of a large base may take many minutes; past this its process is presumed dead.
  expireInSeconds: 60 * 60,
};

export const ONLINE_QUEUE: QueueDefinition<Record<string, never>> = {
  name: "erp-online",
  policy: "singleton",
  retryLimit: 1,
  retryDelaySeconds: 5,
  expireInSeconds: 10 * 60,
};

export async function enqueueSync(job: SyncJob): Promise<string | null> {
  return sendJob(SYNC_QUEUE, job, { singletonKey: "erp-sync" });
}

export const syncWorker: QueueWorker<SyncJob> = {
  queue: SYNC_QUEUE,
  async handle(job) {
    const connector = await openErpConnector();
    try {
      await runSync(connector, { kind: job.data.kind, tables: job.data.tables });
    } finally {
      connector.close();
    }
  },
};

export const onlineWorker: QueueWorker<Record<string, never>> = {
  queue: ONLINE_QUEUE,
  async handle() {
    const connector = await openErpConnector();
    try {
      await refreshOnline(connector);
    } finally {
      connector.close();
    }
  },
};

/**
 * Applies the connection's schedules to pg-boss's cron (stored in the database, so every instance shares one
 * schedule): incremental every N minutes, online refresh every M seconds (whole minutes: cron's clock).
 * Disabled or not configured → no schedule.
 */
export async function applySyncSchedules(): Promise<void> {
  const boss = await getQueue();
  const c = await getErpConnection();
  if (!c.enabled || !isErpConfigured(c)) {
    await boss.unschedule(SYNC_QUEUE.name).catch(() => undefined);
    await boss.unschedule(ONLINE_QUEUE.name).catch(() => undefined);
    return;
  }
  await sendJob(SYNC_QUEUE, { kind: "INCREMENTAL" }, { singletonKey: "erp-sync" }); // makes sure the queue exists
  await boss.schedule(SYNC_QUEUE.name, `*/${c.incrementalEveryMinutes} * * * *`, { kind: "INCREMENTAL" }, { singletonKey: "erp-sync" });
  await sendJob(ONLINE_QUEUE, {}, { singletonKey: "erp-online" });
  await boss.schedule(ONLINE_QUEUE.name, `*/${c.onlineEverySeconds / 60} * * * *`, {}, { singletonKey: "erp-online" });
}
