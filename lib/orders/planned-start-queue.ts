// Planned orders start at their time by themselves, through a durable job (lib/queue, pg-boss, on every
// backend):
// - one job per planned start, sent after the planning transaction commits, with startAfter = the start and a
//   singletonKey naming the order and that start. Re-planning sends a new job; the old one still fires at the
//   old time and does nothing, because the job compares the order's CURRENT scheduledStartAt with its own
//   (and a cancelled or already executed order is no longer Aberta).
// - a cron job every minute (no orderId) starts every Aberta order whose planned start has passed: the safety
//   net for a job that could not be sent after the commit (the database was briefly unreachable).
// Starting goes through applyOrderTransition like the Executar button (history, audit, GeoVersion bump,
// ORDER_STARTED notices) and fires the order.started webhook like its route.
import { db } from "../db";
import { AppError } from "../errors";
import { SCHEDULER_PRINCIPAL } from "../auth/principal";
import { formatDateTime } from "../format/date-time";
import { getQueue, sendJob, type QueueDefinition, type QueueWorker } from "../queue/queue";
import { kickNotifications } from "../notifications/notification-workers";
import { fireOrderWebhook } from "../webhooks/fire-order-webhook";
import { applyOrderTransition } from "./order-transitions";

export interface PlannedStartJob {
  /** Absent in the every-minute sweep. */
  orderId?: number;
  /** ISO instant the job was sent for: the order starts only if it is still its planned start. */
  scheduledStartAt?: string;
}

export const PLANNED_START_QUEUE: QueueDefinition<PlannedStartJob> = {
  name: "order-planned-start",
  // A thrown error here is the database: retry a few times, then the sweep picks the order up.
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 300,
};

/** Cron of the overdue sweep (pg-boss's minute resolution). */
const SWEEP_CRON = "* * * * *";
// Most overdue orders one sweep starts (each is its own transaction).
const SWEEP_LIMIT = 100;

/** After the planning transaction committed: the job that starts the order at `scheduledStartAt`. Never throws. */
export async function schedulePlannedStart(orderId: number, scheduledStartAt: Date): Promise<void> {
  const iso = scheduledStartAt.toISOString();
  try {
    await sendJob(PLANNED_START_QUEUE, { orderId, scheduledStartAt: iso }, { startAfter: scheduledStartAt, singletonKey: `order-${orderId}-${iso}` });
  } catch (err) {
    console.error(`[agendamento] OS ${orderId}: job de início não enviado (a varredura de cada minuto a iniciará):`, err instanceof Error ? err.message : err);
  }
}

/**
 * Starts the order if it is still Aberta and still planned for `expected` (null: any planned start that has
 * passed). Returns whether it started; a manual Executar or a cancel that won the race leaves it alone.
 */
export async function startPlannedOrder(orderId: number, expected: Date | null, now: Date = new Date()): Promise<boolean> {
  let started = false;
  try {
    await db.$transaction(async (tx) => {
      const order = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { status: true, scheduledStartAt: true } });
      if (!order || order.status !== "ABERTA" || !order.scheduledStartAt) return;
      if (expected ? order.scheduledStartAt.getTime() !== expected.getTime() : order.scheduledStartAt.getTime() > now.getTime()) return;
      await applyOrderTransition(tx, orderId, "EM_EXECUCAO", SCHEDULER_PRINCIPAL, `Início programado para ${formatDateTime(order.scheduledStartAt)}`);
      started = true;
    });
  } catch (err) {
    // Executed or cancelled by hand between the read and the guarded update: nothing to do.
    if (err instanceof AppError && err.code === "INVALID_TRANSITION") return false;
    throw err;
  }
  if (started) {
    void kickNotifications();
    void fireOrderWebhook(orderId, "order.started");
    console.log(`[agendamento] OS ${orderId} iniciada no horário programado`);
  }
  return started;
}

/** Every Aberta order whose planned start has passed (the cron safety net). */
export async function startOverduePlannedOrders(now: Date = new Date()): Promise<number[]> {
  const due = await db.serviceOrder.findMany({
    where: { status: "ABERTA", scheduledStartAt: { lte: now } },
    select: { id: true }, orderBy: { scheduledStartAt: "asc" }, take: SWEEP_LIMIT,
  });
  const started: number[] = [];
  for (const { id } of due) if (await startPlannedOrder(id, null, now)) started.push(id);
  return started;
}

export const plannedStartWorker: QueueWorker<PlannedStartJob> = {
  queue: PLANNED_START_QUEUE,
  async handle(job) {
    const { orderId, scheduledStartAt } = job.data;
    if (orderId !== undefined && scheduledStartAt) await startPlannedOrder(orderId, new Date(scheduledStartAt));
    else await startOverduePlannedOrders();
  },
};

/** The every-minute sweep (pg-boss cron; runs in the worker processes). */
export async function schedulePlannedStartSweep(): Promise<void> {
  const boss = await getQueue();
  await boss.schedule(PLANNED_START_QUEUE.name, SWEEP_CRON, {}, { singletonKey: "cron" });
}
