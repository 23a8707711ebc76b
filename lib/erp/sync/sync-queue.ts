// ERP syncs as queue jobs (lib/queue): "erp-sync" (full or incremental) and "erp-online-refresh" (the online
// refresh, with its keeper "erp-online-keeper").
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

/**
 * The online refresh runs on its own clock, in seconds (default 60; cron only knows minutes): each pass, when
 * it ends, queues the next one `onlineEverySeconds` later (startAfter). "stately" keeps at most one waiting and
 * one running job per key across every instance, so the chain is one chain however many instances start it;
 * it lives in the database, so it survives restarts. A keeper (ONLINE_KEEPER_QUEUE, every minute) restarts a
 * chain that broke (a process killed mid-pass: its job expires and is not retried, the keeper queues anew).
 */
export const ONLINE_QUEUE: QueueDefinition<Record<string, never>> = {
  name: "erp-online-refresh",
  policy: "stately",
  retryLimit: 0,
  retryDelaySeconds: 5,
  expireInSeconds: 5 * 60,
};

export const ONLINE_KEEPER_QUEUE: QueueDefinition<Record<string, never>> = {
  name: "erp-online-keeper",
  policy: "singleton",
  retryLimit: 0,
  retryDelaySeconds: 5,
  expireInSeconds: 60,
};

const ONLINE_KEY = "erp-online";

/** Queues the next online pass `delaySeconds` from now, unless one already waits (then null). */
export async function queueOnlinePass(delaySeconds: number): Promise<string | null> {
  return sendJob(ONLINE_QUEUE, {}, { singletonKey: ONLINE_KEY, startAfter: Math.max(0, Math.round(delaySeconds)) });
}

/** Whether scheduled syncs are on (a configured connection with its schedules enabled). */
async function schedulesOn(): Promise<{ on: boolean; onlineEverySeconds: number }> {
  const c = await getErpConnection();
  return { on: c.enabled && isErpConfigured(c), onlineEverySeconds: c.onlineEverySeconds };
}

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
    const schedule = await schedulesOn();
    if (!schedule.on) return; // turned off: the chain ends here
    try {
      const connector = await openErpConnector();
      try {
        await refreshOnline(connector);
      } finally {
        connector.close();
      }
    } finally {
      // The next pass, failed or not (a failure is recorded in the sync history; the ERP gets its period).
      await queueOnlinePass(schedule.onlineEverySeconds);
    }
  },
};

export const onlineKeeperWorker: QueueWorker<Record<string, never>> = {
  queue: ONLINE_KEEPER_QUEUE,
  async handle() {
    const schedule = await schedulesOn();
    if (schedule.on) await queueOnlinePass(schedule.onlineEverySeconds);
  },
};

/**
 * Applies the connection's schedules: the incremental sync on pg-boss's cron (stored in the database, so every
 * instance shares one schedule), every N minutes; the online refresh as a chain of delayed jobs every M seconds
 * (started now, plus its keeper's cron). Disabled or not configured → no schedule (a waiting pass ends the chain).
 */
/** The online refresh's queue before it ran on its own clock (a minute cron): its schedule is dropped. */
const LEGACY_ONLINE_QUEUE = "erp-online";

export async function applySyncSchedules(): Promise<void> {
  const boss = await getQueue();
  await boss.unschedule(LEGACY_ONLINE_QUEUE).catch(() => undefined);
  const schedule = await schedulesOn();
  if (!schedule.on) {
    await boss.unschedule(SYNC_QUEUE.name).catch(() => undefined);
    await boss.unschedule(ONLINE_KEEPER_QUEUE.name).catch(() => undefined);
    return;
  }
  const c = await getErpConnection();
  await sendJob(SYNC_QUEUE, { kind: "INCREMENTAL" }, { singletonKey: "erp-sync" }); // makes sure the queue exists
  await boss.schedule(SYNC_QUEUE.name, `*/${c.incrementalEveryMinutes} * * * *`, { kind: "INCREMENTAL" }, { singletonKey: "erp-sync" });
  await queueOnlinePass(0);
  await sendJob(ONLINE_KEEPER_QUEUE, {}, { singletonKey: ONLINE_KEY }); // makes sure the queue exists
  await boss.schedule(ONLINE_KEEPER_QUEUE.name, "* * * * *", {}, { singletonKey: ONLINE_KEY });
}
