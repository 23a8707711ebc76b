// The app server's queue workers, in one list (started by instrumentation.ts).
import { applySyncSchedules, onlineKeeperWorker, onlineWorker, syncWorker } from "../erp/sync/sync-queue";
import { webhookWorker } from "../webhooks/deliver-webhook";
import { notificationDispatchWorkers, notificationSweepWorker, scheduleNotificationSweep } from "../notifications/notification-workers";
import { plannedStartWorker, schedulePlannedStartSweep } from "../orders/planned-start-queue";
import { startQueueWorkers, type QueueWorker } from "./queue";

export async function startAppWorkers(): Promise<void> {
  const workers = [webhookWorker, syncWorker, onlineWorker, onlineKeeperWorker, notificationSweepWorker, ...notificationDispatchWorkers, plannedStartWorker] as unknown as QueueWorker<never>[];
  try {
    await startQueueWorkers(workers);
    await applySyncSchedules();
    await scheduleNotificationSweep();
    await schedulePlannedStartSweep();
    console.log(`[fila] workers iniciados: ${workers.map((w) => w.queue.name).join(", ")}`);
  } catch (err) {
    // The server still answers; jobs wait in the database until a process works them.
    console.error("[fila] não foi possível iniciar os workers:", err instanceof Error ? err.message : err);
  }
}
