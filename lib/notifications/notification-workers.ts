// The queue workers of customer notifications, and the after-commit kick of the order services.
import { db, getBackend, type NotificationChannel } from "../db";
import { getQueue, sendJob, type QueueWorker } from "../queue/queue";
import { dispatchNotifications } from "./dispatch-notifications";
import { enqueueNotifications } from "./enqueue-notifications";
import { dispatchQueueOf, NOTIFY_SWEEP_QUEUE, SWEEP_CRON } from "./notification-queue";
import { NOTIFICATION_CHANNELS } from "./notification-events";

/** Starts (or queues behind the running one) the dispatch of a channel; `startAfter` delays it. */
export async function kickDispatch(channel: NotificationChannel, startAfter?: Date): Promise<void> {
  await sendJob(dispatchQueueOf(channel), { channel }, startAfter ? { startAfter } : {});
}

/**
 * After an order's transaction committed: process its outbox now instead of at the next minute. Never throws
 * (the cron sweep is the safety net); not awaited by the routes.
 */
export async function kickNotifications(): Promise<void> {
  try {
    await sendJob(NOTIFY_SWEEP_QUEUE, {}, {});
  } catch (err) {
    console.error("[avisos] não foi possível acionar o envio (a varredura de cada minuto o fará):", err instanceof Error ? err.message : err);
  }
}

/** Every unprocessed outbox row → Notification rows; then the dispatch of each channel with due notices. */
export async function sweepNotifications(): Promise<{ outboxes: number; channels: NotificationChannel[] }> {
  const pending = await db.notificationOutbox.findMany({ where: { processedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  for (const { id } of pending) await enqueueNotifications(id);
  const due = await getBackend().query<{ channel: NotificationChannel }>(
    `SELECT DISTINCT channel::text AS channel FROM "Notification"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now()) OR (status = 'SENDING' AND "claimedUntil" < now())`,
  );
  for (const { channel } of due) await kickDispatch(channel);
  return { outboxes: pending.length, channels: due.map((d) => d.channel) };
}

export const notificationSweepWorker: QueueWorker<Record<string, never>> = {
  queue: NOTIFY_SWEEP_QUEUE,
  async handle() {
    await sweepNotifications();
  },
};

/** One worker per channel (each polls its own queue). */
export const notificationDispatchWorkers: QueueWorker<{ channel: NotificationChannel }>[] = NOTIFICATION_CHANNELS.map((channel) => ({
  queue: dispatchQueueOf(channel),
  async handle() {
    const result = await dispatchNotifications(channel);
    const later = result.heldUntil ?? result.nextDueAt;
    if (later) await kickDispatch(channel, later);
  },
}));

/** The every-minute sweep (pg-boss cron; runs in the worker processes). */
export async function scheduleNotificationSweep(): Promise<void> {
  const boss = await getQueue();
  await boss.schedule(NOTIFY_SWEEP_QUEUE.name, SWEEP_CRON, {}, { singletonKey: "cron" });
}
