// Messages between the workers of one production server (scripts/start-server.mjs runs one worker per core).
// broadcast() hands a message to every other worker through the primary and resolves once each has handled
// it (or after a second, should one be stuck), so that a change made in one worker — a revoked API token —
// holds in all of them by the time the request that made it is answered. Outside a cluster (dev server,
// tests, a single worker) it does nothing: there is no other worker to tell.
// Several servers on several hosts do not share this channel: there, the caches' own short lifetimes apply.
import cluster from "node:cluster";

export const BROADCAST = "raio:broadcast";
export const BROADCAST_ACK = "raio:broadcast-ack";
export const BROADCAST_DONE = "raio:broadcast-done";
const ACK_TIMEOUT_MS = 1_000;

export interface BroadcastMessage {
  type: typeof BROADCAST;
  topic: string;
  payload: unknown;
  ref: string;
}

type Handler = (payload: unknown) => void;
interface State {
  handlers: Map<string, Handler>;
  pending: Map<string, () => void>;
  seq: number;
  listening: boolean;
}
// On globalThis: Next may load this module in more than one bundle of the same process.
const holder = globalThis as unknown as { __raioBroadcast?: State };
const state = (holder.__raioBroadcast ??= { handlers: new Map(), pending: new Map(), seq: 0, listening: false });

function listen(): void {
  if (state.listening || !cluster.isWorker) return;
  state.listening = true;
  process.on("message", (m: { type?: string; topic?: string; payload?: unknown; ref?: string }) => {
    if (m?.type === BROADCAST && m.topic && m.ref) {
      try {
        state.handlers.get(m.topic)?.(m.payload);
      } finally {
        process.send?.({ type: BROADCAST_ACK, ref: m.ref });
      }
    } else if (m?.type === BROADCAST_DONE && m.ref) {
      state.pending.get(m.ref)?.();
    }
  });
}

/** Runs `handler` in this worker whenever another worker broadcasts on `topic` (one handler per topic). */
export function onBroadcast(topic: string, handler: Handler): void {
  state.handlers.set(topic, handler);
  listen();
}

/** Tells every other worker; resolves when they have all handled it (at most ~1 s). */
export function broadcast(topic: string, payload: unknown): Promise<void> {
  if (!cluster.isWorker || typeof process.send !== "function" || !process.connected) return Promise.resolve();
  listen();
  const ref = `${process.pid}:${++state.seq}`;
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      state.pending.delete(ref);
      resolve();
    };
    const timer = setTimeout(done, ACK_TIMEOUT_MS);
    state.pending.set(ref, done);
    process.send!({ type: BROADCAST, topic, payload, ref } satisfies BroadcastMessage);
  });
}
