// The durable job queue: pg-boss 10 (the last line that runs on Node 20) with its tables in the app's own
// database, schema "pgboss", on either backend. pg-boss talks to the database only through lib/db's
// Backend.execSql: on PostgreSQL that is the app's pool (same settings, same connections); on PGlite it is the
// one embedded client (parameterless multi-statement set-up SQL goes through PGlite's exec()).
//
// Two roles in a process:
// - client (getQueue): enqueues jobs; started lazily by whoever sends one (API routes, CLI, tests). It runs no
//   workers, no maintenance and no cron: a CLI command or a test never works jobs unless it asks to.
// - worker (startQueueWorkers): polls the queues given to it, runs pg-boss's maintenance (expiring jobs whose
//   process died, archiving) and its cron clock. The app server starts it once per process from
//   instrumentation.ts; with several processes (cluster workers, several machines) pg-boss hands each job to
//   exactly one of them (SELECT … FOR UPDATE SKIP LOCKED).
import PgBoss from "pg-boss";
import { getBackend, onBeforeDbClose } from "../db";

export type Job<T> = PgBoss.Job<T>;

/** A queue and its defaults; jobs sent to it retry with exponential back-off and jitter (pg-boss's). */
export interface QueueDefinition<T> {
  name: string;
  /** Retries after the first attempt. */
  retryLimit: number;
  /** Base delay in seconds: the n-th retry waits between delay·2ⁿ⁻¹ and delay·2ⁿ (random jitter). */
  retryDelaySeconds: number;
  /** A job still active after this long is treated as lost (its process died) and retried. */
  expireInSeconds: number;
  /** "standard": any number at once; "singleton": one active job at a time (per singleton key). */
  policy?: "standard" | "singleton" | "stately";
  /** Type marker only. */
  readonly __data?: T;
}

export interface QueueWorker<T> {
  queue: QueueDefinition<T>;
  /** Jobs fetched per poll. */
  batchSize?: number;
  /** Throwing fails the job: it is retried per the queue's retry settings. */
  handle(job: Job<T>): Promise<void>;
}

export interface WorkerOptions {
  /** How often an idle worker polls (pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
}

/** Idle polling of a worker (pg-boss's default). */
const DEFAULT_POLLING_INTERVAL_SECONDS = 2;
/** How long a stopping process waits for running jobs before failing them (they are retried elsewhere). */
const STOP_TIMEOUT_MS = 10_000;
const SCHEMA = "pgboss";

interface QueueState {
  role: "client" | "worker";
  boss: Promise<PgBoss>;
  created: Set<string>;
  unhook: () => void;
}

// On globalThis so that Next's hot reload keeps one instance per process.
const holder = globalThis as unknown as { __raioQueue?: QueueState };

function open(role: QueueState["role"]): QueueState {
  const backend = getBackend();
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => backend.execSql(text, values) },
    schema: SCHEMA,
    migrate: true,
    supervise: role === "worker",
    schedule: role === "worker",
  });
  boss.on("error", (err: Error) => console.error("[fila] erro:", err.message));
  const state: QueueState = {
    role,
    boss: boss.start(),
    created: new Set(),
    unhook: onBeforeDbClose(() => stopQueue()),
  };
  holder.__raioQueue = state;
  return state;
}

/** The started queue of this process (as a client, unless workers were started). */
export async function getQueue(): Promise<PgBoss> {
  return (holder.__raioQueue ?? open("client")).boss;
}

async function ensureQueue(state: QueueState, def: QueueDefinition<unknown>): Promise<PgBoss> {
  const boss = await state.boss;
  if (!state.created.has(def.name)) {
    // Idempotent: the first process creates the queue row; later calls only update its defaults.
    const options = {
      name: def.name,
      policy: def.policy ?? "standard",
      retryLimit: def.retryLimit,
      retryDelay: def.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: def.expireInSeconds,
    };
    if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, options);
    else await boss.createQueue(def.name, options).catch(async (err) => {
      if (!(await boss.getQueue(def.name))) throw err; // another process created it at the same time
    });
    state.created.add(def.name);
  }
  return boss;
}

/** Enqueues one job; returns its id (null when a singleton key already has one waiting). */
export async function sendJob<T extends object>(
  def: QueueDefinition<T>,
  data: T,
  options: PgBoss.SendOptions = {},
): Promise<string | null> {
  const state = holder.__raioQueue ?? open("client");
  const boss = await ensureQueue(state, def as QueueDefinition<unknown>);
  return boss.send(def.name, data, options);
}

/**
 * Starts working `workers` in this process (idempotent per queue). Replaces a client-only instance by a
 * worker instance, so maintenance and cron run here too.
 */
export async function startQueueWorkers(workers: readonly QueueWorker<never>[], opts: WorkerOptions = {}): Promise<void> {
  let state = holder.__raioQueue;
  if (state && state.role === "client") {
    await stopQueue();
    state = undefined;
  }
  state ??= open("worker");
  for (const worker of workers) {
    const boss = await ensureQueue(state, worker.queue as QueueDefinition<unknown>);
    await boss.work<never>(
      worker.queue.name,
      { batchSize: worker.batchSize ?? 1, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? DEFAULT_POLLING_INTERVAL_SECONDS },
      async (jobs) => {
        // pg-boss fails the whole batch when the handler throws: one job per call keeps retries per job.
        for (const job of jobs) await worker.handle(job);
      },
    );
  }
}

/** Stops this process's queue: no new jobs are fetched; running jobs get a grace period, then fail (and retry). */
export async function stopQueue(): Promise<void> {
  const state = holder.__raioQueue;
  if (!state) return;
  holder.__raioQueue = undefined;
  state.unhook();
  const boss = await state.boss.catch(() => null);
  await boss?.stop({ graceful: true, timeout: STOP_TIMEOUT_MS, wait: true, close: false }).catch(() => undefined);
}
