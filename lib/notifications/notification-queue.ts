// The notification jobs on the durable queue (lib/queue):
// - "notify-dispatch-<channel>": sends a channel's due notices. One queue per channel, policy "stately": at
//   most one running and one waiting per channel in the whole cluster, so the channel's rate limit holds across
//   instances, and a channel that is down (slow, failing) never holds back the others.
// - "notify-sweep": turns unprocessed outbox rows into Notification rows and starts the dispatch of every
//   channel with due notices. Sent right after an order's transaction commits (the fast path) and every
//   minute by pg-boss's cron (the safety net: a process that died right after the commit, retries, the end of
//   quiet hours). Policy "stately": at most one waiting and one running.
import type { NotificationChannel } from "../db";
import type { QueueDefinition } from "../queue/queue";

/** One dispatch queue per channel: a channel that is slow or down never holds back the others' jobs. */
export function dispatchQueueOf(channel: NotificationChannel): QueueDefinition<{ channel: NotificationChannel }> {
  return {
    name: `notify-dispatch-${channel.toLowerCase()}`,
    policy: "stately",
    // Failures of single notices are recorded on their rows; a thrown error here is a bug or the database.
    retryLimit: 3,
    retryDelaySeconds: 5,
    // A dispatcher works until no notice of its channel is due; one stuck longer than this is presumed dead.
    expireInSeconds: 900,
  };
}

export const NOTIFY_SWEEP_QUEUE: QueueDefinition<Record<string, never>> = {
  name: "notify-sweep",
  policy: "stately",
  retryLimit: 0,
  retryDelaySeconds: 60,
  expireInSeconds: 300,
};

/** Cron of the sweep (pg-boss's minute resolution). */
export const SWEEP_CRON = "* * * * *";
